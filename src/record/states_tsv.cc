#include "src/record/states_tsv.h"

#include <array>
#include <map>
#include <utility>

#include "src/record/name_match.h"
#include "src/text/utf8.h"

namespace rapporteur::record {
namespace {

constexpr std::string_view kHeader = "code\tun_member\tregional_group\tun_name\taliases";
constexpr std::array<std::string_view, 5> kGroups = {"African", "Asia-Pacific", "EEG", "GRULAC",
                                                     "WEOG"};

Status LineError(std::size_t line, std::string_view message) {
  return InvalidInput("line " + std::to_string(line) + ": " + std::string(message));
}

Status FieldError(std::size_t line, std::string_view field, std::string_view message) {
  return LineError(line, "field '" + std::string(field) + "': " + std::string(message));
}

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(separator, start);
    parts.push_back(
        s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool IsAlpha2(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

Status ParseMembership(std::string_view field, std::size_t line, StateRow* row) {
  if (field == "1" || field == "0") {
    row->un_member = field == "1";
  } else if (!field.empty()) {
    return FieldError(line, "un_member", "expected 0 or 1, got '" + std::string(field) + "'");
  }
  return Status::Ok();
}

Status ParseGroup(std::string_view field, std::size_t line, StateRow* row) {
  if (field == "-") {
    row->regional_group = "";
  } else if (IsRegionalGroup(field)) {
    row->regional_group = std::string(field);
  } else if (!field.empty()) {
    return FieldError(line, "regional_group",
                      "expected one of African, Asia-Pacific, EEG, GRULAC, WEOG or '-', got '" +
                          std::string(field) + "'");
  }
  return Status::Ok();
}

Status ParseAliases(std::string_view field, std::size_t line, StateRow* row) {
  if (field.empty()) return Status::Ok();
  for (std::string_view alias : Split(field, '|')) {
    alias = Trim(alias);
    if (alias.empty())
      return FieldError(line, "aliases", "empty alias (two '|' in a row, or one at an end)");
    row->aliases.emplace_back(alias);
  }
  return Status::Ok();
}

Result<StateRow> ParseRow(std::string_view text, std::size_t line) {
  std::vector<std::string_view> fields = Split(text, '\t');
  // The last column may be left off: editors drop trailing tabs.
  if (fields.size() != 5 && fields.size() != 4) {
    return LineError(line,
                     "expected 5 tab-separated fields (code, un_member, regional_group, un_name, "
                     "aliases), got " +
                         std::to_string(fields.size()));
  }
  StateRow row;
  row.line = line;
  const std::string_view code = Trim(fields[0]);
  if (!IsAlpha2(code)) {
    return FieldError(
        line, "code",
        "expected an ISO 3166-1 alpha-2 code in upper case, got '" + std::string(code) + "'");
  }
  row.code = std::string(code);
  RAPPORTEUR_RETURN_IF_ERROR(ParseMembership(Trim(fields[1]), line, &row));
  RAPPORTEUR_RETURN_IF_ERROR(ParseGroup(Trim(fields[2]), line, &row));
  row.un_name = std::string(Trim(fields[3]));
  if (fields.size() == 5) RAPPORTEUR_RETURN_IF_ERROR(ParseAliases(Trim(fields[4]), line, &row));
  return row;
}

// Every name of every row names one state only, and every code has one row.
class UniquenessCheck {
 public:
  Status Add(const StateRow& row) {
    auto [it, inserted] = codes_.emplace(row.code, row.line);
    if (!inserted) {
      return FieldError(row.line, "code",
                        "'" + row.code + "' already on line " + std::to_string(it->second));
    }
    if (!row.un_name.empty()) RAPPORTEUR_RETURN_IF_ERROR(AddName(row, "un_name", row.un_name));
    for (const std::string& alias : row.aliases)
      RAPPORTEUR_RETURN_IF_ERROR(AddName(row, "aliases", alias));
    return Status::Ok();
  }

 private:
  Status AddName(const StateRow& row, std::string_view field, const std::string& name) {
    const std::string folded = FoldName(name);
    if (folded.empty()) return FieldError(row.line, field, "'" + name + "' has no letter or digit");
    auto [it, inserted] = names_.emplace(folded, std::make_pair(row.code, row.line));
    if (!inserted && it->second.first != row.code) {
      return FieldError(row.line, field,
                        "'" + name + "' already names " + it->second.first + " on line " +
                            std::to_string(it->second.second));
    }
    return Status::Ok();
  }

  std::map<std::string, std::size_t> codes_;
  std::map<std::string, std::pair<std::string, std::size_t>> names_;
};

}  // namespace

bool IsRegionalGroup(std::string_view group) {
  for (std::string_view g : kGroups) {
    if (g == group) return true;
  }
  return false;
}

Result<std::vector<StateRow>> ParseStatesTsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark
  std::vector<StateRow> rows;
  UniquenessCheck unique;
  bool seen_header = false;
  std::size_t line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (text::FindInvalidUtf8(line)) return LineError(line_number, "not valid UTF-8");
    if (Trim(line).empty() || line.starts_with('#')) continue;
    if (!seen_header) {
      if (line != kHeader) {
        return LineError(line_number,
                         "header: expected columns code, un_member, regional_group, un_name, "
                         "aliases separated by tabs, got '" +
                             std::string(line) + "'");
      }
      seen_header = true;
      continue;
    }
    Result<StateRow> row = ParseRow(line, line_number);
    if (!row) return row.error();
    RAPPORTEUR_RETURN_IF_ERROR(unique.Add(*row));
    rows.push_back(std::move(*row));
  }
  if (!seen_header)
    return InvalidInput("no header line (code, un_member, regional_group, un_name, aliases)");
  return rows;
}

}  // namespace rapporteur::record
