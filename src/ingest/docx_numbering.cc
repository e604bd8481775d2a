#include "src/ingest/docx_numbering.h"

#include <string_view>

#include "src/ingest/ooxml.h"

namespace rapporteur::ingest {
namespace {

using ooxml::Attr;
using ooxml::Child;
using ooxml::ChildVal;
using ooxml::Is;
using ooxml::ParseInt;

// Beyond these, letters and roman numerals are no longer what a reader
// expects (and a hostile start value must not build a megabyte label).
constexpr int kMaxLetterValue = 26 * 20;
constexpr int kMaxRomanValue = 3999;
constexpr int kMaxStart = 1000000;

std::string Letters(int value, char first) {
  if (value <= 0 || value > kMaxLetterValue) return std::to_string(value);
  // Word's sequence: a..z, aa..zz, aaa..: the letter repeats.
  return std::string(static_cast<std::size_t>((value - 1) / 26 + 1),
                     static_cast<char>(first + (value - 1) % 26));
}

std::string Roman(int value, bool upper) {
  if (value <= 0 || value > kMaxRomanValue) return std::to_string(value);
  static constexpr std::pair<int, const char*> kNumerals[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [amount, numeral] : kNumerals) {
    for (; value >= amount; value -= amount) out += numeral;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Chinese counting numerals: 一 .. 十, 十一, 二十一, 一百〇五, 一千二百.
std::string ChineseCounting(int value) {
  if (value <= 0 || value >= 10000) return std::to_string(value);
  static constexpr const char* kDigits[] = {"〇", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  static constexpr const char* kUnits[] = {"", "十", "百", "千"};
  const int digits[4] = {value / 1000, value / 100 % 10, value / 10 % 10, value % 10};
  std::string out;
  bool started = false;
  bool zero_pending = false;
  for (int i = 0; i < 4; ++i) {
    const int position = 3 - i;
    if (digits[i] == 0) {
      zero_pending = started;
      continue;
    }
    if (zero_pending) out += kDigits[0];
    zero_pending = false;
    // 十一, not 一十一, at the start of a number.
    if (!(position == 1 && digits[i] == 1 && !started)) out += kDigits[digits[i]];
    out += kUnits[position];
    started = true;
  }
  return out;
}

std::string FromList(int value, std::initializer_list<const char*> symbols) {
  if (value <= 0 || value > static_cast<int>(symbols.size())) return std::to_string(value);
  return *(symbols.begin() + (value - 1));
}

}  // namespace

std::string FormatListNumber(int value, const std::string& num_format) {
  if (num_format == "lowerLetter") return Letters(value, 'a');
  if (num_format == "upperLetter") return Letters(value, 'A');
  if (num_format == "lowerRoman") return Roman(value, false);
  if (num_format == "upperRoman") return Roman(value, true);
  if (num_format == "decimalZero") {
    return (value >= 0 && value < 10 ? "0" : "") + std::to_string(value);
  }
  if (num_format == "chineseCounting" || num_format == "chineseCountingThousand" ||
      num_format == "taiwaneseCounting" || num_format == "taiwaneseCountingThousand" ||
      num_format == "japaneseCounting" || num_format == "ideographDigital") {
    return ChineseCounting(value);
  }
  if (num_format == "ideographTraditional") {  // the heavenly stems, as Word prints them
    return FromList(value, {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"});
  }
  if (num_format == "ideographZodiac") {
    return FromList(value,
                    {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"});
  }
  if (num_format == "none" || num_format == "bullet") return "";
  // decimal, ordinal, cardinalText, ordinalText and the rest.
  return std::to_string(value);
}

void DocxNumbering::ReadLevel(pugi::xml_node lvl, Level* level) {
  if (auto value = ParseInt(ChildVal(lvl, "start"), 0, kMaxStart)) level->start = *value;
  if (const char* fmt = ChildVal(lvl, "numFmt")) level->format = fmt;
  if (const char* lvl_text = ChildVal(lvl, "lvlText")) level->text = lvl_text;
  if (auto value = ParseInt(ChildVal(lvl, "lvlRestart"), 0, kLevels)) level->restart = *value;
  if (Child(lvl, "isLgl")) level->legal = ooxml::ToggleOn(lvl, "isLgl");
  if (const char* style = ChildVal(lvl, "pStyle")) level->style_id = style;
}

void DocxNumbering::Load(pugi::xml_node numbering,
                         const std::map<std::string, int>& style_num_ids) {
  for (pugi::xml_node node : numbering.children()) {
    if (Is(node, "abstractNum")) LoadAbstract(node, style_num_ids);
    if (Is(node, "num")) LoadNum(node);
  }
}

void DocxNumbering::LoadAbstract(pugi::xml_node node,
                                 const std::map<std::string, int>& style_num_ids) {
  const std::string abstract_id = Attr(node, "abstractNumId").as_string();
  Levels& levels = abstracts_[abstract_id];
  for (pugi::xml_node lvl : node.children()) {
    auto ilvl = ParseInt(Attr(lvl, "ilvl").as_string(), -1, 99);
    if (!Is(lvl, "lvl") || !ilvl || *ilvl < 0 || *ilvl >= kLevels) continue;
    ReadLevel(lvl, &levels[static_cast<std::size_t>(*ilvl)]);
  }
  if (const char* link = ChildVal(node, "numStyleLink")) {
    auto it = style_num_ids.find(link);
    if (it != style_num_ids.end()) style_links_[abstract_id] = std::to_string(it->second);
  }
}

void DocxNumbering::LoadNum(pugi::xml_node node) {
  auto num_id = ParseInt(Attr(node, "numId").as_string(), 0, 1 << 30);
  if (!num_id) return;
  Num& num = nums_[*num_id];
  if (const char* abstract_id = ChildVal(node, "abstractNumId")) num.abstract_id = abstract_id;
  for (pugi::xml_node override_node : node.children()) {
    auto ilvl = ParseInt(Attr(override_node, "ilvl").as_string(), -1, 99);
    if (!Is(override_node, "lvlOverride") || !ilvl || *ilvl < 0 || *ilvl >= kLevels) continue;
    if (auto start = ParseInt(ChildVal(override_node, "startOverride"), 0, kMaxStart)) {
      num.start_overrides[*ilvl] = *start;
    }
    if (pugi::xml_node lvl = Child(override_node, "lvl")) {
      ReadLevel(lvl, &num.level_overrides[*ilvl]);
    }
  }
}

const DocxNumbering::Levels* DocxNumbering::AbstractFor(const Num& num,
                                                        std::string* resolved_id) const {
  std::string abstract_id = num.abstract_id;
  // A numStyleLink points, through a numbering style, at a num whose
  // abstractNum holds the real levels. Follow a few hops at most.
  for (int hop = 0; hop < 4; ++hop) {
    auto link = style_links_.find(abstract_id);
    if (link == style_links_.end()) break;
    auto target_num = nums_.find(ParseInt(link->second.c_str(), 0, 1 << 30).value_or(-1));
    if (target_num == nums_.end()) break;
    abstract_id = target_num->second.abstract_id;
  }
  auto it = abstracts_.find(abstract_id);
  if (resolved_id != nullptr) *resolved_id = abstract_id;
  return it == abstracts_.end() ? nullptr : &it->second;
}

DocxNumbering::Level DocxNumbering::LevelOf(const Num& num, const Levels& levels, int ilvl) const {
  auto level_override = num.level_overrides.find(ilvl);
  Level level = level_override != num.level_overrides.end()
                    ? level_override->second
                    : levels[static_cast<std::size_t>(ilvl)];
  auto start_override = num.start_overrides.find(ilvl);
  if (start_override != num.start_overrides.end()) level.start = start_override->second;
  return level;
}

std::string DocxNumbering::Render(const Num& num, const Levels& levels, const Counters& counters,
                                  int ilvl) const {
  const Level current = LevelOf(num, levels, ilvl);
  std::string out;
  const std::string& pattern = current.text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 >= pattern.size() || pattern[i + 1] < '1' ||
        pattern[i + 1] > '9') {
      out.push_back(pattern[i]);
      continue;
    }
    const int referenced = pattern[++i] - '1';
    const Level level = LevelOf(num, levels, referenced);
    const auto index = static_cast<std::size_t>(referenced);
    const int value = counters.started[index] ? counters.value[index] : level.start;
    out += FormatListNumber(value, current.legal ? std::string("decimal") : level.format);
  }
  return out;
}

std::optional<ListLabel> DocxNumbering::Next(int num_id, int ilvl) {
  auto it = nums_.find(num_id);
  if (num_id == 0 || it == nums_.end() || ilvl < 0 || ilvl >= kLevels) return std::nullopt;
  const Num& num = it->second;
  std::string abstract_id;
  const Levels* levels = AbstractFor(num, &abstract_id);
  if (levels == nullptr) return std::nullopt;
  // Lists of one abstractNum (also through a numStyleLink) continue each
  // other; a startOverride restarts.
  const std::string key =
      num.start_overrides.empty() ? "a" + abstract_id : "n" + std::to_string(num_id);
  Counters& counters = counters_[key];
  const auto index = static_cast<std::size_t>(ilvl);
  const Level level = LevelOf(num, *levels, ilvl);
  counters.value[index] = counters.started[index] ? counters.value[index] + 1 : level.start;
  counters.started[index] = true;
  for (int deeper = ilvl + 1; deeper < kLevels; ++deeper) {
    const int restart = LevelOf(num, *levels, deeper).restart;
    // lvlRestart n: restart after a use of level n (1-based) or a higher one.
    const bool resets = restart < 0 || ilvl < restart;
    if (resets) counters.started[static_cast<std::size_t>(deeper)] = false;
  }
  ListLabel label;
  label.is_bullet = level.format == "bullet";
  if (!label.is_bullet) label.label = Render(num, *levels, counters, ilvl);
  return label;
}

std::optional<int> DocxNumbering::LevelForStyle(int num_id, const std::string& style_id) const {
  auto it = nums_.find(num_id);
  if (it == nums_.end()) return std::nullopt;
  const Levels* levels = AbstractFor(it->second, nullptr);
  if (levels == nullptr) return std::nullopt;
  for (int ilvl = 0; ilvl < kLevels; ++ilvl) {
    if (LevelOf(it->second, *levels, ilvl).style_id == style_id) return ilvl;
  }
  return std::nullopt;
}

}  // namespace rapporteur::ingest
