// The import driver and the JSON Lines export (include/rapporteur/import.h):
// one file, one Batch; the format readers (src/record/*) hand their records
// to a sink that puts them into the batch, or collects the rejected rows
// under --skip-bad.
#include "rapporteur/import.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "src/lens/catalogue.h"
#include "src/record/csv_reader.h"
#include "src/record/csv_table.h"
#include "src/record/followup_json.h"
#include "src/record/json_lines.h"
#include "src/record/mapped_sources.h"
#include "src/record/ohchr_thematic.h"
#include "src/record/ratification_table.h"
#include "src/record/record_sink.h"
#include "src/record/source_text.h"
#include "src/record/upr_info.h"
#include "src/record/xlsx_reader.h"
#include "src/text/utf8.h"

namespace rapporteur {
namespace {

using record::RecordSink;
using record::SourceRow;

constexpr std::int64_t kProgressEvery = 1000;

// "'x.csv' line 3: ..." for messages that name a place, "'x.csv': ..." else.
Status InFile(const std::string& path, const Status& status) {
  const std::string& m = status.message();
  const bool placed = m.rfind("line ", 0) == 0 || m.rfind("field '", 0) == 0;
  return Status(status.code(), "'" + path + "'" + (placed ? " " : ": ") + m);
}

// "field 'date': invalid date" -> ("date", "invalid date").
void SplitFieldMessage(const std::string& message, std::string* field, std::string* reason) {
  constexpr std::string_view kPrefix = "field '";
  const std::size_t end = message.find("': ");
  if (message.rfind(kPrefix, 0) == 0 && end != std::string::npos) {
    *field = message.substr(kPrefix.size(), end - kPrefix.size());
    *reason = message.substr(end + 3);
  } else {
    field->clear();
    *reason = message;
  }
}

// Errors of a record rather than of the store: those reject a row.
bool IsRecordError(ErrorCode code) {
  return code == ErrorCode::kInvalidInput || code == ErrorCode::kNotFound ||
         code == ErrorCode::kConflict || code == ErrorCode::kInvalidArgument;
}

class BatchSink : public RecordSink {
 public:
  BatchSink(Batch& batch, const ImportOptions& options, ImportSummary& summary)
      : batch_(batch), options_(options), summary_(summary) {}

  Status Add(Record record, const SourceRow& row) override {
    Result<PutOutcome> put = batch_.Put(record);
    if (put) return Status::Ok();
    if (!IsRecordError(put.error().code())) return put.error();
    std::string field, reason;
    SplitFieldMessage(put.error().message(), &field, &reason);
    return Reject(row, field, reason);
  }

  Status Reject(const SourceRow& row, std::string_view field, std::string reason) override {
    if (!options_.skip_bad) {
      return InvalidInput(record::DescribeRowProblem(row.line, field, reason));
    }
    summary_.rejected.push_back(
        Rejection{row.line, std::string(field), std::move(reason), record::ToValidUtf8(row.raw)});
    return Status::Ok();
  }

  void Warn(std::string message) override { summary_.warnings.push_back(std::move(message)); }

  void RowDone(std::int64_t total) override {
    ++summary_.rows;
    if (options_.progress && summary_.rows % kProgressEvery == 0) {
      options_.progress(ImportProgress{summary_.rows, total});
    }
    total_ = total;
  }

  void Finish() {
    if (options_.progress) options_.progress(ImportProgress{summary_.rows, total_});
  }

 private:
  Batch& batch_;
  const ImportOptions& options_;
  ImportSummary& summary_;
  std::int64_t total_ = 0;
};

Result<ImportFormat> ChooseFormat(const std::string& path, const ImportOptions& options,
                                  std::string_view bytes) {
  if (options.format != ImportFormat::kAuto) return options.format;
  if (!options.mapping_path.empty()) {
    // A mapping describes a spreadsheet: which kind, by its content.
    if (record::LooksLikeZip(bytes)) return ImportFormat::kXlsx;
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && bytes[start] == '{') return ImportFormat::kJsonLines;
    return ImportFormat::kCsv;
  }
  return DetectImportFormat(path);
}

// "line 12: invalid UTF-8 (byte 0xE9)", for a text format read as a whole.
Status CheckUtf8Lines(std::string_view text) {
  const std::optional<std::size_t> at = text::FindInvalidUtf8(text);
  if (!at) return Status::Ok();
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*at), '\n');
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*at]));
  return InvalidInput("line " + std::to_string(line) + ": invalid UTF-8 (byte " + byte + ")");
}

Status NeedsMapping(ImportFormat format) {
  return InvalidArgument(
      "a " + std::string(format == ImportFormat::kXlsx ? "XLSX workbook" : "generic CSV") +
      " needs a column mapping (--mapping FILE; docs/import-formats.md)");
}

Status ReadSpreadsheet(ImportFormat format, std::string_view bytes, const ImportOptions& options,
                       record::StateResolver& states, RecordSink& sink) {
  if (options.mapping_path.empty()) return NeedsMapping(format);
  Result<record::ColumnMapping> mapping = record::LoadColumnMapping(options.mapping_path);
  if (!mapping) return mapping.error();
  if (format == ImportFormat::kXlsx) return record::ReadMappedXlsx(bytes, *mapping, states, sink);
  if (format == ImportFormat::kJsonLines) {
    return record::ReadMappedJsonLinesFile(bytes, *mapping, states, sink);
  }
  return record::ReadMappedCsv(bytes, *mapping, states, sink);
}

Status ReadInto(ImportFormat format, const std::string& path, std::string_view bytes,
                const ImportOptions& options, record::StateResolver& states, RecordSink& sink) {
  switch (format) {
    case ImportFormat::kUprInfo: {
      Result<std::string> text = record::DecodeUprInfo(bytes);
      if (!text) return text.error();
      return record::ReadUprInfo(*text, states, sink);
    }
    case ImportFormat::kRatification: {
      Result<std::string> instrument = record::InstrumentFromTableName(path);
      if (!instrument) return instrument.error();
      return record::ReadRatificationTable(bytes, *instrument, states, sink);
    }
    case ImportFormat::kOhchrThematic:
      RAPPORTEUR_RETURN_IF_ERROR(CheckUtf8Lines(bytes));
      return record::ReadOhchrThematicList(bytes, states, sink);
    case ImportFormat::kFollowUp: return record::ReadFollowUpJson(bytes, states, sink);
    case ImportFormat::kJsonLines:
      if (!options.mapping_path.empty())
        return ReadSpreadsheet(format, bytes, options, states, sink);
      return record::ReadJsonLinesExport(bytes, sink);
    case ImportFormat::kCsv:
    case ImportFormat::kXlsx: return ReadSpreadsheet(format, bytes, options, states, sink);
    case ImportFormat::kAuto: break;
  }
  return Internal("no reader for format " + std::string(ImportFormatName(format)));
}

Status WriteRejects(const std::string& path, const std::vector<Rejection>& rejected) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << record::FormatCsvRow({"line", "field", "reason", "row"}) << "\n";
  for (const Rejection& r : rejected) {
    out << record::FormatCsvRow({std::to_string(r.line), r.field, r.reason, r.row}) << "\n";
  }
  out.flush();
  if (!out) return IoError("cannot write '" + path + "': " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Result<ImportSummary> Import(Store& store, const std::string& path, const ImportOptions& options) {
  Result<std::string> bytes = lens::ReadTextFile(path);
  if (!bytes) return bytes.error();
  if (record::TrimSpaces(*bytes).empty()) return InvalidInput("'" + path + "': empty file");
  Result<ImportFormat> format = ChooseFormat(path, options, *bytes);
  if (!format) return format.error();
  ImportSummary summary;
  summary.path = path;
  summary.format = *format;
  Result<std::unique_ptr<Batch>> batch = store.BeginBatch();
  if (!batch) return batch.error();
  record::StateResolver states(
      [&store](std::string_view name) { return store.ResolveState(name); });
  BatchSink sink(**batch, options, summary);
  const Status read = ReadInto(*format, path, *bytes, options, states, sink);
  // The mapping's own errors name the mapping file, not the data file.
  if (!read.ok())
    return read.message().rfind("invalid mapping '", 0) == 0 ? read : InFile(path, read);
  sink.Finish();
  summary.counts = (*batch)->counts();
  if (options.skip_bad && !options.rejects_path.empty()) {
    RAPPORTEUR_RETURN_IF_ERROR(WriteRejects(options.rejects_path, summary.rejected));
  }
  // A dry run ends here: the batch, destroyed uncommitted, rolls back.
  if (!options.dry_run) RAPPORTEUR_RETURN_IF_ERROR((*batch)->Commit());
  return summary;
}

Status ExportJsonLines(Store& store, std::string_view kind, std::ostream& out) {
  std::vector<std::string_view> kinds;
  if (kind.empty()) {
    // Kinds in spec order: records referred to come before those referring.
    for (const KindSpec& spec : AllKinds()) kinds.push_back(spec.kind);
  } else if (FindKind(kind) == nullptr) {
    return InvalidArgument("unknown kind '" + std::string(kind) + "'");
  } else {
    kinds.push_back(kind);
  }
  for (std::string_view k : kinds) {
    RAPPORTEUR_RETURN_IF_ERROR(store.ForEach(k, [&out](const Record& r) -> Status {
      out << RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      if (!out) return IoError("cannot write the export: the output refused the data");
      return Status::Ok();
    }));
  }
  return Status::Ok();
}

}  // namespace rapporteur
