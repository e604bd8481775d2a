#include "src/lens/lexicon.h"

#include <charconv>
#include <map>

#include "src/lens/catalogue.h"

namespace rapporteur::lens {
namespace {

struct KindInfo {
  const char* name;
  LexiconKind kind;
  const char* level_column;  // "" if none
  const char* type_column;   // "" if none
  int max_level;
};

const KindInfo kKinds[] = {
    {"modality", LexiconKind::kModality, "force", "", 5},
    {"hedges", LexiconKind::kHedges, "", "", 0},
    {"restrictions", LexiconKind::kRestrictions, "", "type", 0},
    {"monitoring", LexiconKind::kMonitoring, "", "type", 0},
    {"standards", LexiconKind::kStandards, "", "type", 0},
    {"objectives", LexiconKind::kObjectives, "strength", "", 3},
    {"references", LexiconKind::kReferences, "", "family", 0},
};

const KindInfo* KindNamed(std::string_view name) {
  for (const KindInfo& k : kKinds) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::string_view StemOf(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  return path.substr(0, path.find('.'));
}

// Reads the lines of one file into entries of `kind`.
class TsvParser {
 public:
  TsvParser(const KindInfo& kind, std::vector<LexiconEntry>* out) : kind_(kind), out_(out) {}

  Status Line(std::size_t number, std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') return Status::Ok();
    std::vector<std::string_view> fields = SplitTabs(line);
    if (columns_.empty()) return Header(number, fields);
    if (fields.size() != columns_.size()) {
      return Error(number, "expected " + std::to_string(columns_.size()) +
                               " tab-separated fields, got " + std::to_string(fields.size()));
    }
    return Row(number, fields);
  }

 private:
  Status Header(std::size_t number, const std::vector<std::string_view>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) columns_[std::string(fields[i])] = i;
    for (const char* required : {"lang", "phrase", kind_.level_column, kind_.type_column}) {
      if (*required != '\0' && !columns_.count(required)) {
        return Error(number, std::string("header: missing column '") + required + "'");
      }
    }
    return Status::Ok();
  }

  Status Row(std::size_t number, const std::vector<std::string_view>& f) {
    LexiconEntry e{kind_.kind, std::string(f[columns_["lang"]]), std::string(f[columns_["phrase"]]),
                   "", 0};
    if (e.lang.empty()) return Error(number, "field 'lang': expected a language code such as en");
    if (e.phrase.empty()) return Error(number, "field 'phrase': expected a phrase");
    if (*kind_.type_column != '\0') e.type = std::string(f[columns_[kind_.type_column]]);
    if (*kind_.level_column != '\0') {
      std::string_view v = f[columns_[kind_.level_column]];
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), e.level);
      if (ec != std::errc() || ptr != v.data() + v.size() || e.level < 0 ||
          e.level > kind_.max_level) {
        return Error(number, std::string("field '") + kind_.level_column +
                                 "': expected an integer 0-" + std::to_string(kind_.max_level) +
                                 ", got '" + std::string(v) + "'");
      }
    }
    out_->push_back(std::move(e));
    return Status::Ok();
  }

  static Status Error(std::size_t number, const std::string& what) {
    return InvalidInput("line " + std::to_string(number) + ": " + what);
  }

  const KindInfo& kind_;
  std::vector<LexiconEntry>* out_;
  std::map<std::string, std::size_t> columns_;
};

}  // namespace

Status Lexicons::AddTsv(std::string_view text, const std::string& name) {
  const std::string context = "cannot read '" + name + "'";
  std::string_view kind_name = StemOf(name);
  const std::string_view marker = "# kind:";
  if (text.substr(0, marker.size()) == marker) {
    std::string_view rest = text.substr(marker.size(), text.find('\n') - marker.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
    kind_name = rest;
  }
  const KindInfo* kind = KindNamed(kind_name);
  if (kind == nullptr) {
    return InvalidInput(
               "unknown lexicon '" + std::string(kind_name) +
               "' (name the file after one, e.g. hedges.tsv, or begin it with '# kind: hedges')")
        .WithContext(context);
  }
  std::vector<LexiconEntry> added;
  TsvParser parser(*kind, &added);
  std::size_t number = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    Status s = parser.Line(++number, text.substr(start, end - start));
    if (!s.ok()) return s.WithContext(context);
    start = end + 1;
  }
  entries_.insert(entries_.end(), added.begin(), added.end());
  return Status::Ok();
}

Status Lexicons::AddFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.error();
  return AddTsv(*text, path);
}

}  // namespace rapporteur::lens
