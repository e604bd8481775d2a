#include "src/record/mapped_sources.h"

#include <unicode/ucnv.h>

#include "src/record/csv_reader.h"
#include "src/record/csv_table.h"
#include "src/record/json_lines.h"
#include "src/record/xlsx_reader.h"
#include "src/text/utf8.h"

namespace rapporteur::record {
namespace {

bool IsUtf8Name(const std::string& encoding) {
  return encoding.empty() || ucnv_compareNames(encoding.c_str(), "UTF-8") == 0;
}

}  // namespace

Status ReadMappedCsv(std::string_view bytes, const ColumnMapping& mapping, StateResolver& states,
                     RecordSink& sink) {
  std::string decoded;
  // UTF-16 (Excel's "Unicode text") is recognised by its byte order mark.
  const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!IsUtf8Name(mapping.encoding) || (mapping.encoding.empty() && utf16)) {
    Result<std::string> text = text::DecodeToUtf8(bytes, mapping.encoding);
    if (!text) return text.error();
    decoded = std::move(*text);
    bytes = decoded;
  }
  MappedRows rows(mapping, states, sink);
  RAPPORTEUR_RETURN_IF_ERROR(rows.CheckConstants());
  return ReadCsvTable(
      bytes, mapping.delimiter, sink,
      [&](const CsvHeader& header) { return rows.SetHeader(header.names); },
      [&](const CsvRecord& csv) {
        return rows.Row(csv.fields, {csv.line, csv.raw});
      });
}

Status ReadMappedXlsx(std::string_view bytes, const ColumnMapping& mapping, StateResolver& states,
                      RecordSink& sink) {
  XlsxOptions options;
  options.sheet = mapping.sheet;
  Result<std::vector<XlsxRow>> sheet = ReadXlsxRows(bytes, options);
  if (!sheet) return sheet.error();
  if (sheet->empty()) return InvalidInput("empty sheet");
  MappedRows rows(mapping, states, sink);
  RAPPORTEUR_RETURN_IF_ERROR(rows.CheckConstants());
  RAPPORTEUR_RETURN_IF_ERROR(rows.SetHeader(sheet->front().cells));
  const auto total = static_cast<std::int64_t>(sheet->size() - 1);
  for (std::size_t i = 1; i < sheet->size(); ++i) {
    const XlsxRow& row = (*sheet)[i];
    const std::string raw = FormatCsvRow(row.cells);
    const SourceRow source{row.number, raw};
    if (std::optional<InvalidField> bad = FindInvalidUtf8Field(row.cells)) {
      const std::vector<std::string>& header = sheet->front().cells;
      RAPPORTEUR_RETURN_IF_ERROR(
          sink.Reject(source, bad->column < header.size() ? header[bad->column] : "", bad->reason));
    } else {
      RAPPORTEUR_RETURN_IF_ERROR(rows.Row(row.cells, source));
    }
    sink.RowDone(total);
  }
  return Status::Ok();
}

Status ReadMappedJsonLinesFile(std::string_view bytes, const ColumnMapping& mapping,
                               StateResolver& states, RecordSink& sink) {
  MappedRows rows(mapping, states, sink);
  RAPPORTEUR_RETURN_IF_ERROR(rows.CheckConstants());
  return ReadMappedJsonLines(bytes, rows, mapping, sink);
}

}  // namespace rapporteur::record
