// A column mapping: how the rows of a user's spreadsheet (generic CSV, XLSX
// or JSON Lines) become records. A JSON file (docs/import-formats.md):
//   {"kind": "recommendation",
//    "columns": {"Country": "state", "Recommendation": "text", "From": "recommending_states"},
//    "constants": {"mechanism": "UPR"},
//    "values": {"response": {"Accepted": "supported", "A": "supported"}},
//    "list_separator": ";",
//    "key": ["Country", "Recommendation"], "key_prefix": "ngo-tracker",
//    "encoding": "windows-1252", "delimiter": ",", "date_format": "%d/%m/%Y",
//    "sheet": "Recommendations"}
// Only "kind" and "columns" are required. Cells become field values by the
// field's type: states and state lists are resolved (any known name), lists
// split at list_separator, enums matched without regard to case, spaces or
// hyphens ("Partially supported" -> partially_supported), whole numbers
// checked, dates read with date_format (else ISO or English prose dates;
// XLSX date cells arrive as ISO). An empty cell leaves the field absent.
//
// Keys: "<key_prefix>:<hash of the key columns' cells>:<n>" (n counting
// rows with the same key cells); key_prefix defaults to the kind, key to
// every mapped column. Re-importing the same sheet finds the same keys.
//
// Thread safety: a ColumnMapping is immutable once parsed; a MappedRows
// belongs to one thread.
#ifndef RAPPORTEUR_SRC_RECORD_COLUMN_MAPPING_H_
#define RAPPORTEUR_SRC_RECORD_COLUMN_MAPPING_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/status.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

struct ColumnMapping {
  const KindSpec* kind = nullptr;
  std::vector<std::pair<std::string, const FieldSpec*>> columns;  // source column -> field
  std::vector<std::pair<const FieldSpec*, std::string>> constants;
  std::map<std::string, std::map<std::string, std::string>> values;  // field -> cell -> value
  std::string list_separator = ";";
  std::vector<std::string> key_columns;  // empty: every mapped column
  std::string key_prefix;
  std::string encoding;     // CSV bytes; "" = UTF-8
  char delimiter = ',';     // CSV
  std::string date_format;  // "" = ISO or English prose
  std::string sheet;        // XLSX; "" = the first sheet
};

// Parses and checks a mapping: a known kind, known fields, no field mapped
// twice unless it is a list. Messages name the mapping's member.
Result<ColumnMapping> ParseColumnMapping(std::string_view json_text);
Result<ColumnMapping> LoadColumnMapping(const std::string& path);

// Turns rows of cells into records through a mapping.
class MappedRows {
 public:
  MappedRows(const ColumnMapping& mapping, StateResolver& states, RecordSink& sink)
      : mapping_(mapping), states_(states), sink_(sink) {}

  // Fails when a mapped or key column is missing from `header`.
  Status SetHeader(const std::vector<std::string>& header);
  // One row; cells beyond the header are ignored, missing ones empty.
  Status Row(const std::vector<std::string>& cells, const SourceRow& row);
  // Constants checked once, before the rows.
  Status CheckConstants();

 private:
  Result<nlohmann::json> Convert(const FieldSpec& field, std::string_view cell);
  // The cell through the mapping's "values" table for the field.
  std::string Recode(const FieldSpec& field, const std::string& cell) const;
  Result<nlohmann::json> ConvertDate(const std::string& cell) const;
  Result<nlohmann::json> ConvertList(const FieldSpec& field, const std::string& cell);
  std::string Key(const std::vector<std::string>& cells);

  const ColumnMapping& mapping_;
  StateResolver& states_;
  RecordSink& sink_;
  nlohmann::json constants_ = nlohmann::json::object();
  std::vector<std::pair<std::size_t, const FieldSpec*>> at_;  // header position -> field
  std::vector<std::size_t> key_at_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, int> seen_;
};

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_COLUMN_MAPPING_H_
