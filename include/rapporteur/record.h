// rapporteur: the record — what was asked of a state, promised and done.
//
// A Record is one entry of the store: a recommendation, a ratification
// event, a visit-request event, a cooperation agreement... Every kind has a
// fixed list of fields (KindSpec, the table in src/record/kinds.cc,
// documented in docs/record-model.md); one generic type carries them all so
// that import, export, add, edit, show and history need one code path, while
// the store keeps each kind in its own typed table.
//
// Field values are JSON: a string, an integer, a list of strings, or null
// (absent). Dates are partial ISO 8601 dates: "2014", "2014-10" or
// "2014-10-27". States are ISO 3166-1 alpha-2 codes ("CN"); references to
// other records hold the referenced record's key.
//
// Every record has a `key`, unique within its kind, that names it in its
// source (e.g. "upr-info:3f2a...:1"); importing the same source twice finds
// the same keys and so changes nothing.
//
// Thread safety: the spec tables are immutable; Records are values.
#ifndef RAPPORTEUR_RECORD_H_
#define RAPPORTEUR_RECORD_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "rapporteur/status.h"

namespace rapporteur {

enum class FieldType {
  kText,        // free text
  kInteger,     // a whole number
  kDate,        // partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD
  kEnum,        // one of FieldSpec::values
  kState,       // an ISO 3166-1 alpha-2 code
  kStateList,   // a list of alpha-2 codes
  kList,        // a list of free-text values (themes, SDGs, ...)
  kRef,         // the key of a record of kind FieldSpec::ref_kind
  kInstrument,  // an instrument id of the catalogue ("ICCPR")
  kMechanism,   // a mechanism id of the catalogue ("UPR", "CCPR", "SR-TORTURE")
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required = false;
  std::string_view values;    // kEnum: the allowed values, separated by '|'
  std::string_view ref_kind;  // kRef: the kind referred to
  bool searchable = false;    // indexed for full-text search
  bool facet = false;         // counted in search facets
};

struct KindSpec {
  std::string_view kind;     // "recommendation"
  std::string_view table;    // its table in the store
  std::string_view summary;  // one line for --help and docs
  std::span<const FieldSpec> fields;
  // Source records (recommendations) are immutable: they can be corrected
  // only by re-importing their source; follow-up is recorded beside them.
  bool immutable = false;

  const FieldSpec* Field(std::string_view name) const;
};

// Every kind, in a stable order; nullptr for an unknown kind.
std::span<const KindSpec> AllKinds();
const KindSpec* FindKind(std::string_view kind);

struct Record {
  std::string kind;
  std::int64_t id = 0;  // assigned by the store; 0 until stored
  std::string key;      // unique within kind; names the record in its source
  nlohmann::json fields = nlohmann::json::object();

  // The string value of a field, or "" when absent.
  std::string Text(std::string_view field) const;
};

// Checks `record` against its KindSpec: known kind and fields, required
// fields present, values of the right type, enums in range, dates valid.
// The message names the field: "field 'date': invalid date '2014-13-01'
// (expected YYYY, YYYY-MM or YYYY-MM-DD)". State, instrument, mechanism and
// reference values are checked by the store, which knows them.
[[nodiscard]] Status ValidateRecord(const Record& record);

// True when `date` is a valid partial ISO date.
bool IsValidPartialDate(std::string_view date);

// The JSON Lines form of a record: {"kind":..,"key":..,"id":..,<fields>}.
nlohmann::json RecordToJson(const Record& record);
Result<Record> RecordFromJson(const nlohmann::json& json);

}  // namespace rapporteur

#endif  // RAPPORTEUR_RECORD_H_
