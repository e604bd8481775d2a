// rapporteur: importing sources into the store, and exporting it.
//
// Import(store, path, options) detects the file's format from its content
// (or takes options.format), turns each row into Records, and writes them in
// ONE Batch: a file imports completely or not at all. A bad row (malformed
// CSV, wrong column count, invalid date, unknown state, invalid encoding)
// stops the import with a Status naming file, line and field:
//   'upr.csv' line 12, field 'From': unknown state 'Frnace' (did you mean 'France'?)
// unless options.skip_bad, which imports the other rows and lists the rejected
// ones (with their reasons) in the summary and, if set, options.rejects_path.
//
// Importers are idempotent: every record's key is derived from its source
// row, so importing a file again reports every record "unchanged".
//
// Formats: docs/import-formats.md.
//
// Thread safety: one import per Store at a time.
#ifndef RAPPORTEUR_IMPORT_H_
#define RAPPORTEUR_IMPORT_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"
#include "rapporteur/store.h"

namespace rapporteur {

enum class ImportFormat {
  kAuto,
  kUprInfo,        // UPR Info CSV export (Mac Roman, CR line ends)
  kRatification,   // ratification status table, one file per instrument
  kOhchrThematic,  // OHCHR thematic list of UPR recommendations (Markdown)
  kFollowUp,       // treaty-body follow-up grades (JSON)
  kJsonLines,      // rapporteur's own export
  kCsv,            // generic CSV with a column mapping
  kXlsx,           // generic XLSX with a column mapping
};

std::string_view ImportFormatName(ImportFormat format);  // "upr-info", ...
Result<ImportFormat> ParseImportFormat(std::string_view name);

struct ImportProgress {
  std::int64_t rows_done = 0;
  std::int64_t rows_total = 0;  // 0 when unknown
};

struct ImportOptions {
  ImportFormat format = ImportFormat::kAuto;
  std::string mapping_path;  // kCsv, kXlsx: the column mapping (JSON)
  bool dry_run = false;      // validate and count, then roll back
  bool skip_bad = false;
  std::string rejects_path;  // with skip_bad: rejected rows and reasons (CSV)
  std::function<void(const ImportProgress&)> progress;  // may be empty
};

struct Rejection {
  std::int64_t line = 0;
  std::string field;
  std::string reason;
  std::string row;  // the raw row, as read (UTF-8)
};

struct ImportSummary {
  std::string path;
  ImportFormat format = ImportFormat::kAuto;
  std::int64_t rows = 0;
  WriteCounts counts;
  std::vector<Rejection> rejected;
  std::vector<std::string> warnings;
};

Result<ImportSummary> Import(Store& store, const std::string& path, const ImportOptions& options);

// Detects the format from the first bytes of a file.
Result<ImportFormat> DetectImportFormat(const std::string& path);

// Writes every record as JSON Lines (RecordToJson); Import() with kJsonLines
// reads it back into an identical store.
Status ExportJsonLines(Store& store, std::string_view kind, std::ostream& out);

}  // namespace rapporteur

#endif  // RAPPORTEUR_IMPORT_H_
