// rapporteur: printing the record — search results, single records, their
// history and import summaries — in the formats the command line and the
// server offer. The CLI and the server only choose a format and print.
//
// Formats of a search result:
//   table  one line per record (id, state, the kind's facet fields, text),
//          then the total and the facet counts; for people
//   json   {"total": N, "results": [record...], "facets": {field: [{"value",
//          "count"}...]}}; records as in RecordToJson (docs/record-model.md)
//   csv    a header of every field of the kind, one row per record; lists
//          joined with "; "
//   jsonl  one record per line, as `rapporteur export` writes them
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_RECORD_FORMAT_H_
#define RAPPORTEUR_RECORD_FORMAT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/import.h"
#include "rapporteur/record.h"
#include "rapporteur/status.h"
#include "rapporteur/store.h"

namespace rapporteur {

enum class ListFormat { kTable, kJson, kCsv, kJsonLines };

Result<ListFormat> ParseListFormat(std::string_view name);

// `width` is the terminal width for kTable (0 = no truncation).
std::string FormatSearchResult(const SearchResult& result, std::string_view kind, ListFormat format,
                               int width = 0);

// One record: every field, one per line ("text" form) or its JSON.
std::string FormatRecord(const Record& record, bool json);

std::string FormatHistory(const std::vector<Change>& changes, bool json);

// "upr.csv: 41066 rows (upr-info): 41066 added, 0 updated, 0 unchanged, 0 rejected"
std::string FormatImportSummary(const ImportSummary& summary, bool dry_run);

// The rejected rows of an import as CSV: line,field,reason,row.
std::string FormatRejections(const std::vector<Rejection>& rejected);

// Applies "field=value" assignments to a record of a known kind. Values of
// list fields are JSON arrays or '|'-separated; integer fields must parse;
// "field=" removes the field. Errors name the assignment.
[[nodiscard]] Status ApplyAssignments(std::span<const std::string> assignments, Record* record);

// Replaces state names in the record's state fields by their ISO codes, as
// the store resolves them ("China" -> "CN"); an unknown name fails with the
// closest known names suggested.
[[nodiscard]] Status ResolveStateNames(Store& store, Record* record);

}  // namespace rapporteur

#endif  // RAPPORTEUR_RECORD_FORMAT_H_
