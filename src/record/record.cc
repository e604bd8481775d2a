// Records: validation against the kind's spec, and the JSON Lines form.
#include "rapporteur/record.h"

#include <limits>

#include "src/record/field_values.h"
#include "src/text/utf8.h"

namespace rapporteur {
namespace {

using nlohmann::json;
using record::Quote;
using record::QuoteJson;

Status FieldError(std::string_view field, const std::string& problem) {
  return InvalidInput("field '" + std::string(field) + "': " + problem);
}

bool IsUtf8String(const json& value) {
  return value.is_string() && !text::FindInvalidUtf8(value.get_ref<const std::string&>());
}

Status CheckString(const FieldSpec& field, const json& value) {
  if (!value.is_string())
    return FieldError(field.name, "expected a string, got " + QuoteJson(value));
  if (!IsUtf8String(value)) return FieldError(field.name, "invalid UTF-8");
  return Status::Ok();
}

Status CheckEnum(const FieldSpec& field, const json& value) {
  RAPPORTEUR_RETURN_IF_ERROR(CheckString(field, value));
  // Looked up in the '|'-separated list itself: no allocation on success.
  std::string_view text = value.get_ref<const std::string&>();
  std::string_view values = field.values;
  for (std::size_t at = values.find(text); at != std::string_view::npos;
       at = values.find(text, at + 1)) {
    bool starts = at == 0 || values[at - 1] == '|';
    bool ends = at + text.size() == values.size() || values[at + text.size()] == '|';
    if (starts && ends && !text.empty()) return Status::Ok();
  }
  std::string expected;
  for (std::string_view allowed : record::EnumValues(field)) {
    expected += (expected.empty() ? "" : ", ") + std::string(allowed);
  }
  return FieldError(field.name,
                    "invalid value " + Quote(text) + " (expected one of: " + expected + ")");
}

Status CheckState(std::string_view name, const json& value) {
  if (!value.is_string()) return FieldError(name, "expected a state code, got " + QuoteJson(value));
  if (!record::IsStateCode(value.get_ref<const std::string&>())) {
    return FieldError(name, "invalid state code " + QuoteJson(value) +
                                " (expected an ISO 3166-1 alpha-2 code such as 'FR')");
  }
  return Status::Ok();
}

Status CheckInteger(const FieldSpec& field, const json& value) {
  bool fits = value.is_number_integer() &&
              (!value.is_number_unsigned() ||
               value.get<std::uint64_t>() <= std::numeric_limits<std::int64_t>::max());
  if (!fits) return FieldError(field.name, "expected an integer, got " + QuoteJson(value));
  return Status::Ok();
}

Status CheckDate(const FieldSpec& field, const json& value) {
  RAPPORTEUR_RETURN_IF_ERROR(CheckString(field, value));
  if (!IsValidPartialDate(value.get_ref<const std::string&>())) {
    return FieldError(
        field.name, "invalid date " + QuoteJson(value) + " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  return Status::Ok();
}

Status CheckList(const FieldSpec& field, const json& value) {
  if (!value.is_array()) return FieldError(field.name, "expected a list, got " + QuoteJson(value));
  for (const json& item : value) {
    if (field.type == FieldType::kStateList) {
      RAPPORTEUR_RETURN_IF_ERROR(CheckState(field.name, item));
    } else if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      return FieldError(field.name, "expected a list of non-empty strings, got " + QuoteJson(item));
    } else if (!IsUtf8String(item)) {
      return FieldError(field.name, "invalid UTF-8");
    }
  }
  return Status::Ok();
}

Status CheckValue(const FieldSpec& field, const json& value) {
  if (record::IsAbsent(value)) return Status::Ok();
  switch (field.type) {
    case FieldType::kInteger: return CheckInteger(field, value);
    case FieldType::kDate: return CheckDate(field, value);
    case FieldType::kEnum: return CheckEnum(field, value);
    case FieldType::kState: return CheckState(field.name, value);
    case FieldType::kStateList:
    case FieldType::kList: return CheckList(field, value);
    case FieldType::kText:
    case FieldType::kRef:
    case FieldType::kInstrument:
    case FieldType::kMechanism: return CheckString(field, value);
  }
  return Internal("field '" + std::string(field.name) + "': unknown type");
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The number written by the digits text[pos, pos + n), or -1.
int Digits(std::string_view text, std::size_t pos, std::size_t n) {
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string Record::Text(std::string_view field) const {
  auto it = fields.find(field);
  if (it == fields.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  if (it->is_array()) {
    std::string joined;
    for (const json& item : *it) {
      if (!joined.empty()) joined += "; ";
      joined += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return joined;
  }
  return "";
}

bool IsValidPartialDate(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  int year = Digits(date, 0, 4);
  if (year < 1) return false;
  if (date.size() == 4) return true;
  int month = date[4] == '-' ? Digits(date, 5, 2) : -1;
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  int day = date[7] == '-' ? Digits(date, 8, 2) : -1;
  return day >= 1 && day <= DaysInMonth(year, month);
}

Status ValidateRecord(const Record& record) {
  const KindSpec* spec = FindKind(record.kind);
  if (spec == nullptr) {
    return InvalidInput("unknown kind " + Quote(record.kind) +
                        " (expected one of: " + record::KindNames() + ")");
  }
  if (record.key.empty()) return InvalidInput("the record has no key");
  if (text::FindInvalidUtf8(record.key)) return InvalidInput("key: invalid UTF-8");
  if (!record.fields.is_object()) return InvalidInput("fields: expected a JSON object");
  for (const auto& [name, value] : record.fields.items()) {
    const FieldSpec* field = spec->Field(name);
    if (field == nullptr) {
      return FieldError(name, "unknown field of kind '" + std::string(spec->kind) +
                                  "' (expected one of: " + record::FieldNames(*spec) + ")");
    }
    RAPPORTEUR_RETURN_IF_ERROR(CheckValue(*field, value));
  }
  for (const FieldSpec& field : spec->fields) {
    auto it = record.fields.find(field.name);
    if (field.required && (it == record.fields.end() || record::IsAbsent(*it))) {
      return FieldError(field.name,
                        "missing (required for kind '" + std::string(spec->kind) + "')");
    }
  }
  return Status::Ok();
}

json RecordToJson(const Record& record) {
  json out = record::NormalizedFields(record.fields);
  out["kind"] = record.kind;
  out["key"] = record.key;
  if (record.id != 0) out["id"] = record.id;
  return out;
}

Result<Record> RecordFromJson(const json& in) {
  if (!in.is_object()) return InvalidInput("expected a JSON object, got " + QuoteJson(in));
  Record record;
  for (const auto& [name, value] : in.items()) {
    if (name == "kind" || name == "key") {
      if (!value.is_string()) return FieldError(name, "expected a string, got " + QuoteJson(value));
      (name == "kind" ? record.kind : record.key) = value.get<std::string>();
    } else if (name == "id") {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
        return FieldError(name, "expected a record id, got " + QuoteJson(value));
      }
      record.id = value.get<std::int64_t>();
    } else {
      record.fields[name] = value;
    }
  }
  if (record.kind.empty()) return FieldError("kind", "missing");
  if (record.key.empty()) return FieldError("key", "missing");
  return record;
}

}  // namespace rapporteur
