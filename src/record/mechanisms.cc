#include "src/record/mechanisms.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "src/lens/catalogue.h"
#include "src/record/name_match.h"

namespace rapporteur {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kTypes = {"upr", "treaty_body", "special_procedure",
                                                    "council", "other"};
constexpr std::array<std::string_view, 5> kFields = {"id", "type", "name", "aliases", "instrument"};

Status LineError(std::size_t line, std::string_view message) {
  return InvalidInput("line " + std::to_string(line) + ": " + std::string(message));
}

Status FieldError(std::size_t line, std::string_view field, std::string_view message) {
  return LineError(line, "field '" + std::string(field) + "': " + std::string(message));
}

bool IsId(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// A required string field: non-empty.
Status GetString(const json& j, const char* field, std::size_t line, std::string* out) {
  auto it = j.find(field);
  if (it == j.end()) return FieldError(line, field, "missing");
  if (!it->is_string() || it->get<std::string>().empty())
    return FieldError(line, field, "expected a non-empty string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status ParseOptionalFields(const json& j, std::size_t line, Mechanism* m) {
  if (auto it = j.find("instrument"); it != j.end() && !it->is_null()) {
    if (!it->is_string() || !IsId(it->get<std::string>())) {
      return FieldError(line, "instrument",
                        "expected an instrument id of the catalogue (\"ICCPR\") or null");
    }
    m->instrument = it->get<std::string>();
  }
  if (auto it = j.find("aliases"); it != j.end()) {
    if (!it->is_array()) return FieldError(line, "aliases", "expected a list of strings");
    for (const json& alias : *it) {
      if (!alias.is_string() || alias.get<std::string>().empty()) {
        return FieldError(line, "aliases", "expected a list of non-empty strings");
      }
      m->aliases.push_back(alias.get<std::string>());
    }
  }
  return Status::Ok();
}

Status ParseMechanism(const json& j, std::size_t line, Mechanism* m) {
  if (!j.is_object()) return LineError(line, "expected a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (std::find(kFields.begin(), kFields.end(), key) == kFields.end()) {
      return LineError(line, "unknown field '" + key + "'");
    }
  }
  RAPPORTEUR_RETURN_IF_ERROR(GetString(j, "id", line, &m->id));
  if (!IsId(m->id)) {
    return FieldError(line, "id",
                      "expected upper-case letters, digits and '-', got '" + m->id + "'");
  }
  RAPPORTEUR_RETURN_IF_ERROR(GetString(j, "type", line, &m->type));
  if (!IsMechanismType(m->type)) {
    return FieldError(line, "type",
                      "expected one of upr, treaty_body, special_procedure, council, other, got '" +
                          m->type + "'");
  }
  RAPPORTEUR_RETURN_IF_ERROR(GetString(j, "name", line, &m->name));
  return ParseOptionalFields(j, line, m);
}

Result<json> ParseJsonLine(std::string_view text, std::size_t line) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    return LineError(line, "not valid JSON (column " + std::to_string(e.byte) + ")");
  } catch (const json::exception&) {
    return LineError(line, "not valid JSON");
  }
}

// Every id, name and alias (without case) names one mechanism only.
class UniquenessCheck {
 public:
  Status Add(const Mechanism& m, std::size_t line) {
    RAPPORTEUR_RETURN_IF_ERROR(AddName(m.id, "id", m, line));
    RAPPORTEUR_RETURN_IF_ERROR(AddName(m.name, "name", m, line));
    for (const std::string& alias : m.aliases)
      RAPPORTEUR_RETURN_IF_ERROR(AddName(alias, "aliases", m, line));
    return Status::Ok();
  }

 private:
  Status AddName(const std::string& name, std::string_view field, const Mechanism& m,
                 std::size_t line) {
    auto [it, inserted] = owners_.emplace(record::CaseFold(name), std::make_pair(m.id, line));
    if (inserted) return Status::Ok();
    const auto& [owner, owner_line] = it->second;
    if (owner == m.id && owner_line == line)
      return Status::Ok();  // a mechanism may repeat its own name
    if (field == "id" && owner == m.id) {
      return FieldError(line, field,
                        "'" + m.id + "' already on line " + std::to_string(owner_line));
    }
    return FieldError(
        line, field,
        "'" + name + "' already names " + owner + " (line " + std::to_string(owner_line) + ")");
  }

  std::map<std::string, std::pair<std::string, std::size_t>> owners_;
};

}  // namespace

bool IsMechanismType(std::string_view type) {
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

Result<std::vector<Mechanism>> ParseMechanisms(std::string_view text, const std::string& source) {
  const std::string context = "cannot read '" + source + "'";
  std::vector<Mechanism> mechanisms;
  UniquenessCheck unique;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<json> j = ParseJsonLine(line, line_number);
    if (!j) return j.error().WithContext(context);
    Mechanism m;
    Status s = ParseMechanism(*j, line_number, &m);
    if (s.ok()) s = unique.Add(m, line_number);
    if (!s.ok()) return s.WithContext(context);
    mechanisms.push_back(std::move(m));
  }
  return mechanisms;
}

Result<std::vector<Mechanism>> LoadMechanisms(const std::string& path) {
  Result<std::string> text = lens::ReadTextFile(path);
  if (!text) return text.error();
  return ParseMechanisms(*text, path);
}

const Mechanism* FindMechanism(const std::vector<Mechanism>& mechanisms,
                               std::string_view id_or_alias) {
  for (const Mechanism& m : mechanisms) {
    if (m.id == id_or_alias) return &m;  // the common case: an id as written
  }
  const std::string wanted = record::CaseFold(id_or_alias);
  for (const Mechanism& m : mechanisms) {
    if (record::CaseFold(m.id) == wanted || record::CaseFold(m.name) == wanted) return &m;
    for (const std::string& alias : m.aliases) {
      if (record::CaseFold(alias) == wanted) return &m;
    }
  }
  return nullptr;
}

}  // namespace rapporteur
