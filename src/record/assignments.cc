// "field=value" assignments, as `rapporteur add` and `edit` take them.
#include <charconv>

#include "rapporteur/record_format.h"

namespace rapporteur {
namespace {

bool IsListType(FieldType type) {
  return type == FieldType::kList || type == FieldType::kStateList;
}

// A list value: a JSON array of strings, or values separated by '|'.
Result<nlohmann::json> ParseList(std::string_view value) {
  if (!value.empty() && value.front() == '[') {
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_array()) {
      return InvalidArgument("expected a JSON array of strings");
    }
    for (const auto& item : parsed) {
      if (!item.is_string()) return InvalidArgument("expected a JSON array of strings");
    }
    return parsed;
  }
  nlohmann::json list = nlohmann::json::array();
  size_t start = 0;
  while (start <= value.size()) {
    size_t bar = value.find('|', start);
    if (bar == std::string_view::npos) bar = value.size();
    std::string_view item = value.substr(start, bar - start);
    if (!item.empty()) list.push_back(std::string(item));
    start = bar + 1;
  }
  return list;
}

Result<nlohmann::json> ParseValue(const FieldSpec& field, std::string_view value) {
  if (IsListType(field.type)) return ParseList(value);
  if (field.type != FieldType::kInteger) return nlohmann::json(std::string(value));
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return InvalidArgument("expected a whole number");
  }
  return nlohmann::json(number);
}

Status Apply(std::string_view assignment, const KindSpec& spec, Record* record) {
  const size_t eq = assignment.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return InvalidArgument("invalid assignment '" + std::string(assignment) +
                           "' (expected field=value)");
  }
  const std::string name(assignment.substr(0, eq));
  const FieldSpec* field = spec.Field(name);
  if (field == nullptr) {
    return InvalidArgument("invalid assignment '" + std::string(assignment) +
                           "': " + std::string(spec.kind) + " has no field '" + name + "'");
  }
  const std::string_view value = assignment.substr(eq + 1);
  if (value.empty()) {
    record->fields.erase(name);
    return Status::Ok();
  }
  Result<nlohmann::json> parsed = ParseValue(*field, value);
  if (!parsed) {
    return InvalidArgument("invalid assignment '" + std::string(assignment) +
                           "': " + parsed.error().message());
  }
  record->fields[name] = std::move(*parsed);
  return Status::Ok();
}

Result<nlohmann::json> ResolveValue(Store& store, const nlohmann::json& value) {
  if (!value.is_string()) return value;
  Result<std::string> code = store.ResolveState(value.get<std::string>());
  if (!code) return code.error();
  return nlohmann::json(*code);
}

Status ResolveField(Store& store, const FieldSpec& field, nlohmann::json* value) {
  if (field.type == FieldType::kState) {
    Result<nlohmann::json> code = ResolveValue(store, *value);
    if (!code) return code.error().WithContext("field '" + std::string(field.name) + "'");
    *value = std::move(*code);
    return Status::Ok();
  }
  if (field.type != FieldType::kStateList || !value->is_array()) return Status::Ok();
  for (auto& item : *value) {
    Result<nlohmann::json> code = ResolveValue(store, item);
    if (!code) return code.error().WithContext("field '" + std::string(field.name) + "'");
    item = std::move(*code);
  }
  return Status::Ok();
}

}  // namespace

Status ResolveStateNames(Store& store, Record* record) {
  const KindSpec* spec = FindKind(record->kind);
  if (spec == nullptr) return InvalidArgument("unknown kind '" + record->kind + "'");
  for (const FieldSpec& field : spec->fields) {
    auto it = record->fields.find(std::string(field.name));
    if (it == record->fields.end()) continue;
    RAPPORTEUR_RETURN_IF_ERROR(ResolveField(store, field, &*it));
  }
  return Status::Ok();
}

Status ApplyAssignments(std::span<const std::string> assignments, Record* record) {
  const KindSpec* spec = FindKind(record->kind);
  if (spec == nullptr) return InvalidArgument("unknown kind '" + record->kind + "'");
  for (const std::string& assignment : assignments) {
    RAPPORTEUR_RETURN_IF_ERROR(Apply(assignment, *spec, record));
  }
  return Status::Ok();
}

}  // namespace rapporteur
