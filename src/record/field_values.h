// Helpers over field values shared by the record model and the store.
//
// A field is "absent" when it is missing, null, "" or an empty list: the
// store keeps no value for it, and two records that differ only in how an
// absence is written are equal (so re-importing a CSV whose empty cells
// become "" reports the record unchanged).
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_RECORD_FIELD_VALUES_H_
#define RAPPORTEUR_SRC_RECORD_FIELD_VALUES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/record.h"

namespace rapporteur::record {

bool IsAbsent(const nlohmann::json& value);

// The fields without the absent ones; lists are sets, in the order given:
// a value repeated in a list is kept once ("FR", "DE", "FR" -> "FR", "DE").
nlohmann::json NormalizedFields(const nlohmann::json& fields);
// True when NormalizedFields(fields) == fields (checked without a copy).
bool IsNormalized(const nlohmann::json& fields);

// The values of an enum field, in the order of its spec.
std::vector<std::string_view> EnumValues(const FieldSpec& field);

// "text", "integer", "date", ... as written in docs/record-model.md.
std::string_view FieldTypeName(FieldType type);

// True for list-valued types (kStateList, kList).
bool IsListType(FieldType type);

// True for two ASCII capital letters; whether the code is a known state is
// the store's business.
bool IsStateCode(std::string_view code);

// The text full-text search indexes for a record: its searchable fields'
// values, one per line, in the order of the spec.
std::string SearchableText(const KindSpec& kind, const nlohmann::json& fields);

// `value` for a message: a string quoted and cut to 80 bytes, other JSON as
// written.
std::string QuoteJson(const nlohmann::json& value);
std::string Quote(std::string_view text);

// "a, b, c": the names of every kind, or of a kind's fields.
std::string KindNames();
std::string FieldNames(const KindSpec& kind);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_FIELD_VALUES_H_
