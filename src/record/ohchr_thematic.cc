#include "src/record/ohchr_thematic.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>

#include "src/record/source_dates.h"
#include "src/record/source_text.h"
#include "src/record/upr_info.h"

namespace rapporteur::record {
namespace {

constexpr std::string_view kSource = "ohchr-thematic-list";

struct Line {
  std::int64_t number = 0;
  std::string_view text;  // without its line end, trimmed
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::int64_t number = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\r' && text[i] != '\n') continue;
    lines.push_back({number++, TrimSpaces(text.substr(start, i - start))});
    if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return lines;
}

struct Header {
  std::string state_name;
  std::int64_t session = 0;
  std::string date;
};

Result<Header> ReadHeader(const std::vector<Line>& lines) {
  static const RE2 kTitle("#\\s+(.*)");
  static const RE2 kTitleSession("(?i)UPR\\s+(\\d+)(?:st|nd|rd|th)\\s+Session");
  static const RE2 kSession("(?i)\\*\\*Session:\\*\\*\\s*(\\d+)");
  static const RE2 kDate("(?i)\\*\\*Date:\\*\\*\\s*(.*)");
  Header h;
  std::string title, date;
  for (const Line& line : lines) {
    if (title.empty() && RE2::FullMatch(line.text, kTitle, &title)) {
      RE2::PartialMatch(title, kTitleSession, &h.session);
    }
    RE2::PartialMatch(line.text, kSession, &h.session);
    if (date.empty()) RE2::FullMatch(line.text, kDate, &date);
  }
  // "UPR 34th Session - Slovenia - Thematic List of Recommendations"
  const std::size_t list = title.find(" - Thematic List");
  const std::size_t before = list == std::string::npos ? list : title.rfind(" - ", list - 1);
  if (before == std::string::npos) {
    return InvalidInput(
        "line 1: no state under review in the title (expected '# UPR <n>th "
        "Session - <State> - Thematic List of Recommendations')");
  }
  h.state_name = title.substr(before + 3, list - before - 3);
  if (h.session <= 0) return InvalidInput("no UPR session in the title or a '**Session:**' line");
  if (!date.empty()) h.date = ParseEnglishDate(DecodeHtmlEntities(date)).value_or("");
  return h;
}

enum class ListMode { kThemes, kSdgs, kPersons };

struct Entry {
  std::int64_t line = 0;
  std::string paragraph;
  std::string text;
  std::string raw;
  std::string document;
  std::string response;
  std::vector<std::string> themes, sdgs, persons;
  bool after_source = false;
  ListMode mode = ListMode::kThemes;
};

void AddUnique(std::vector<std::string>* list, std::string item) {
  if (std::find(list->begin(), list->end(), item) == list->end()) list->push_back(std::move(item));
}

// One line inside an entry; false when the line fits nowhere.
bool ReadEntryLine(std::string_view line, Entry* e) {
  static const RE2 kSourceLine("(?i)Source of position:\\s*([^\\s]+).*");
  static const RE2 kPosition("(?i)(supported|noted)");
  static const RE2 kSdgHeader("(?i)(?:relevant )?SDGs:");
  static const RE2 kPersonsHeader("(?i)(?:affected persons|groups of persons):");
  static const RE2 kItem("-\\s+(.*)");
  static const RE2 kSdg("(\\d{1,2}) - .*");
  static const RE2 kCodedTheme("[A-Z]\\d{1,2} (.+)");
  std::string value;
  if (RE2::FullMatch(line, kSourceLine, &value)) {
    e->document = value;
    e->after_source = true;
  } else if (RE2::FullMatch(line, kPosition, &value)) {
    std::transform(value.begin(), value.end(), value.begin(), ::tolower);
    e->response = value;
  } else if (RE2::FullMatch(line, kSdgHeader)) {
    e->mode = ListMode::kSdgs;
  } else if (RE2::FullMatch(line, kPersonsHeader)) {
    e->mode = ListMode::kPersons;
  } else if (RE2::FullMatch(line, kItem, &value)) {
    std::string sdg;
    value = DecodeHtmlEntities(value);
    if (RE2::FullMatch(value, kSdg, &sdg)) {
      AddUnique(&e->sdgs, sdg);
    } else {
      AddUnique(e->mode == ListMode::kPersons ? &e->persons : &e->themes, value);
    }
  } else if (e->after_source && RE2::FullMatch(line, kCodedTheme, &value)) {
    AddUnique(&e->themes, DecodeHtmlEntities(value));
  } else if (!e->after_source) {
    e->text += " ";
    e->text += DecodeHtmlEntities(line);  // the paragraph's text went on
  } else {
    return false;
  }
  return true;
}

void MergeInto(Entry* first, const Entry& again) {
  for (const auto& t : again.themes) AddUnique(&first->themes, t);
  for (const auto& s : again.sdgs) AddUnique(&first->sdgs, s);
  for (const auto& p : again.persons) AddUnique(&first->persons, p);
}

}  // namespace

namespace {

// Splits at ';' outside parentheses; empty parts dropped.
std::vector<std::string_view> Parts(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ';';
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c != ';' || (depth > 0 && i < text.size())) continue;
    std::string_view part = TrimSpaces(text.substr(start, i - start));
    while (!part.empty() && part.back() == '.') part = TrimSpaces(part.substr(0, part.size() - 1));
    if (!part.empty()) parts.push_back(part);
    start = i + 1;
  }
  return parts;
}

// The position of the '(' matching the ')' that ends `text`, or npos.
std::size_t OpeningParen(std::string_view text) {
  int depth = 0;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// "Senegal, Venezuela (Bolivarian Republic of),Peru" -> three names.
std::vector<std::string_view> GroupNames(std::string_view inside) {
  std::vector<std::string_view> names;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= inside.size(); ++i) {
    const char c = i < inside.size() ? inside[i] : ',';
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c != ',' || (depth > 0 && i < inside.size())) continue;
    const std::string_view name = TrimSpaces(inside.substr(start, i - start));
    if (!name.empty()) names.push_back(name);
    start = i + 1;
  }
  return names;
}

// The states of the parenthesised group that closes `part`, or the error of
// the first name that is not a state.
Result<std::vector<std::string>> GroupStates(std::string_view group, StateResolver& states) {
  std::vector<std::string> codes;
  for (std::string_view name : GroupNames(group)) {
    Result<std::string> code = states.Resolve(name);
    if (!code) return code.error();
    codes.push_back(*code);
  }
  if (codes.empty()) return InvalidInput("empty parentheses");
  return codes;
}

}  // namespace

Result<std::vector<std::string>> RecommendingStates(std::string_view text, StateResolver& states) {
  const std::vector<std::string_view> parts = Parts(text);
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    std::vector<std::string> found;  // groups peeled from the end, so prepended
    for (bool closing_group = true; !part.empty() && part.back() == ')'; closing_group = false) {
      const std::size_t open = OpeningParen(part);
      if (open == std::string_view::npos) break;
      Result<std::vector<std::string>> group =
          GroupStates(part.substr(open + 1, part.size() - open - 2), states);
      // The group closing the paragraph must name states; elsewhere a group
      // that does not ("(No. 29)") ends the list.
      if (!group && closing_group && i + 1 == parts.size()) return group.error();
      if (!group) break;
      found.insert(found.begin(), group->begin(), group->end());
      part = TrimSpaces(part.substr(0, open));
    }
    for (std::string& code : found) AddUnique(&codes, std::move(code));
  }
  return codes;
}

bool LooksLikeOhchrThematicList(std::string_view text) {
  const std::string_view head = text.substr(0, 2000);
  return head.find("# ") != std::string_view::npos &&
         head.find("Thematic List of Recommendations") != std::string_view::npos;
}

namespace {

std::vector<Entry> ReadEntries(const std::vector<Line>& lines, std::int64_t* noise) {
  static const RE2 kEntry("(\\d{1,4}\\.\\d{1,4})\\s+(.*)");
  static const RE2 kTheme("(?i)Theme:.*");
  std::vector<Entry> entries;
  Entry* current = nullptr;
  for (const Line& line : lines) {
    std::string paragraph, text;
    if (RE2::FullMatch(line.text, kEntry, &paragraph, &text)) {
      current = &entries.emplace_back();
      current->line = line.number;
      current->paragraph = paragraph;
      current->text = DecodeHtmlEntities(text);
      current->raw = std::string(line.text);
    } else if (RE2::FullMatch(line.text, kTheme)) {
      current = nullptr;  // a section heading ends the entry above it
    } else if (current != nullptr && !line.text.empty()) {
      current->raw += "\n";
      current->raw += line.text;
      if (!ReadEntryLine(line.text, current)) ++*noise;
    }
  }
  return entries;
}

// One entry per paragraph number: a paragraph listed again under another
// theme adds its lists to the first.
std::vector<Entry> MergeRepeats(std::vector<Entry> entries, RecordSink& sink) {
  std::vector<Entry> unique;
  std::map<std::string, std::size_t> at;
  for (Entry& e : entries) {
    auto [it, inserted] = at.emplace(e.paragraph, unique.size());
    if (inserted) {
      unique.push_back(std::move(e));
      continue;
    }
    Entry& first = unique[it->second];
    if (TrimSpaces(first.text) != TrimSpaces(e.text)) {
      sink.Warn("line " + std::to_string(e.line) + ": paragraph " + e.paragraph +
                " again with another text; the text of line " + std::to_string(first.line) +
                " is kept");
    }
    MergeInto(&first, e);
  }
  return unique;
}

Status AddEntry(const Entry& e, const Header& h, const std::string& state, StateResolver& states,
                RecordSink& sink) {
  const SourceRow row{e.line, e.raw};
  std::string_view text = TrimSpaces(e.text);
  while (!text.empty() && text.back() == ';') text = TrimSpaces(text.substr(0, text.size() - 1));
  if (text.empty()) return sink.Reject(row, "text", "no recommendation text");
  Result<std::vector<std::string>> recommending = RecommendingStates(text, states);
  if (!recommending) return sink.Reject(row, "recommending states", recommending.error().message());
  Record r;
  r.kind = "recommendation";
  r.key = "ohchr-thematic:" + state + ":" + std::to_string(h.session) + ":" + e.paragraph;
  r.fields["state"] = state;
  r.fields["mechanism"] = "UPR";
  r.fields["paragraph"] = e.paragraph;
  r.fields["text"] = text;
  r.fields["recommending_states"] = *recommending;
  if (!e.response.empty()) r.fields["response"] = e.response;
  if (!e.document.empty()) r.fields["document"] = e.document;
  if (!e.themes.empty()) r.fields["themes"] = e.themes;
  if (!e.sdgs.empty()) r.fields["sdgs"] = e.sdgs;
  if (!e.persons.empty()) r.fields["affected_persons"] = e.persons;
  r.fields["session"] = h.session;
  r.fields["cycle"] = UprCycleOfSession(h.session);
  if (!h.date.empty()) r.fields["date"] = h.date;
  r.fields["source"] = kSource;
  return sink.Add(std::move(r), row);
}

}  // namespace

Status ReadOhchrThematicList(std::string_view text, StateResolver& states, RecordSink& sink) {
  if (TrimSpaces(text).empty()) return InvalidInput("empty file");
  const std::vector<Line> lines = SplitLines(text);
  Result<Header> header = ReadHeader(lines);
  if (!header) return header.error();
  Result<std::string> state = states.Resolve(header->state_name);
  if (!state) return InvalidInput("line 1: " + state.error().message());
  std::int64_t noise = 0;
  const std::vector<Entry> entries = MergeRepeats(ReadEntries(lines, &noise), sink);
  if (entries.empty()) return InvalidInput("no numbered recommendations (lines like '121.1 ...')");
  const auto total = static_cast<std::int64_t>(entries.size());
  for (const Entry& e : entries) {
    if (e.response.empty()) {
      sink.Warn("line " + std::to_string(e.line) + ": paragraph " + e.paragraph +
                " has no position (Supported or Noted)");
    }
    RAPPORTEUR_RETURN_IF_ERROR(AddEntry(e, *header, *state, states, sink));
    sink.RowDone(total);
  }
  if (noise > 0) {
    sink.Warn(std::to_string(noise) +
              " lines inside recommendations fit no field and were skipped");
  }
  return Status::Ok();
}

}  // namespace rapporteur::record
