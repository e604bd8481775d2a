#include "src/record/field_values.h"

#include <algorithm>

namespace rapporteur::record {

using nlohmann::json;

bool IsAbsent(const json& value) {
  if (value.is_null()) return true;
  if (value.is_string()) return value.get_ref<const std::string&>().empty();
  if (value.is_array()) return value.empty();
  return false;
}

json NormalizedFields(const json& fields) {
  json out = json::object();
  if (!fields.is_object()) return out;
  for (const auto& [name, value] : fields.items()) {
    if (IsAbsent(value)) continue;
    if (!value.is_array()) {
      out[name] = value;
      continue;
    }
    json& list = out[name] = json::array();
    for (const json& item : value) {
      if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
    }
  }
  return out;
}

bool IsNormalized(const json& fields) {
  if (!fields.is_object()) return false;
  for (const auto& [name, value] : fields.items()) {
    if (IsAbsent(value)) return false;
    if (!value.is_array()) continue;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (std::find(value.begin(), it, *it) != it) return false;
    }
  }
  return true;
}

std::vector<std::string_view> EnumValues(const FieldSpec& field) {
  std::vector<std::string_view> values;
  std::string_view rest = field.values;
  while (!rest.empty()) {
    std::size_t bar = rest.find('|');
    values.push_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return values;
}

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kText: return "text";
    case FieldType::kInteger: return "int";
    case FieldType::kDate: return "date";
    case FieldType::kEnum: return "enum";
    case FieldType::kState: return "state";
    case FieldType::kStateList: return "states";
    case FieldType::kList: return "list";
    case FieldType::kRef: return "ref";
    case FieldType::kInstrument: return "instrument";
    case FieldType::kMechanism: return "mechanism";
  }
  return "?";
}

bool IsListType(FieldType type) {
  return type == FieldType::kStateList || type == FieldType::kList;
}

bool IsStateCode(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

std::string SearchableText(const KindSpec& kind, const json& fields) {
  std::string text;
  for (const FieldSpec& field : kind.fields) {
    if (!field.searchable) continue;
    auto it = fields.find(field.name);
    if (it == fields.end()) continue;
    if (it->is_string()) {
      if (!text.empty()) text += '\n';
      text += it->get_ref<const std::string&>();
    } else if (it->is_array()) {
      for (const json& item : *it) {
        if (!item.is_string()) continue;
        if (!text.empty()) text += '\n';
        text += item.get_ref<const std::string&>();
      }
    }
  }
  return text;
}

std::string Quote(std::string_view text) {
  constexpr std::size_t kMax = 80;
  if (text.size() <= kMax) return "'" + std::string(text) + "'";
  std::size_t cut = kMax;
  // Do not cut a UTF-8 sequence in two.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string QuoteJson(const json& value) {
  if (value.is_string()) return Quote(value.get_ref<const std::string&>());
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string KindNames() {
  std::string names;
  for (const KindSpec& kind : AllKinds()) {
    if (!names.empty()) names += ", ";
    names += kind.kind;
  }
  return names;
}

std::string FieldNames(const KindSpec& kind) {
  std::string names;
  for (const FieldSpec& field : kind.fields) {
    if (!names.empty()) names += ", ";
    names += field.name;
  }
  return names;
}

}  // namespace rapporteur::record
