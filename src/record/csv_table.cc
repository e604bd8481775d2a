#include "src/record/csv_table.h"

#include <cstdio>

#include "src/record/source_text.h"
#include "src/text/utf8.h"

namespace rapporteur::record {

std::optional<std::size_t> CsvHeader::Find(std::string_view name) const {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return std::nullopt;
}

std::string CsvHeader::NameOf(std::size_t column) const {
  if (column < names.size() && !names[column].empty()) return names[column];
  return "column " + std::to_string(column + 1);
}

std::optional<InvalidField> FindInvalidUtf8Field(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (std::optional<std::size_t> at = text::FindInvalidUtf8(fields[i])) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(fields[i][*at]));
      return InvalidField{i, "invalid UTF-8 (byte " + std::string(byte) + " at byte " +
                                 std::to_string(*at + 1) + " of the field)"};
    }
  }
  return std::nullopt;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  while (std::optional<std::size_t> at = text::FindInvalidUtf8(text)) {
    out.append(text.substr(0, *at));
    out += "\uFFFD";
    text.remove_prefix(*at + 1);
  }
  out.append(text);
  return out;
}

Status ReadCsvTable(std::string_view text, char delimiter, RecordSink& sink,
                    const std::function<Status(const CsvHeader&)>& on_header,
                    const std::function<Status(const CsvRecord&)>& on_row) {
  CsvOptions options;
  options.delimiter = delimiter;
  CsvReader reader(text, options);
  CsvRecord record;
  Result<bool> has_header = reader.Next(&record);
  if (!has_header) return InvalidInput("line 1: " + has_header.error().message());
  if (!*has_header) return InvalidInput("empty file");
  CsvHeader header;
  for (const std::string& name : record.fields) header.names.emplace_back(TrimSpaces(name));
  RAPPORTEUR_RETURN_IF_ERROR(on_header(header));
  reader.set_expected_fields(header.names.size());
  const std::int64_t total = CountCsvRecords(text) - 1;
  while (true) {
    Result<bool> more = reader.Next(&record);
    if (!more) {
      RAPPORTEUR_RETURN_IF_ERROR(
          sink.Reject({record.line, record.raw}, "", more.error().message()));
    } else if (!*more) {
      return Status::Ok();
    } else if (std::optional<InvalidField> bad = FindInvalidUtf8Field(record.fields)) {
      RAPPORTEUR_RETURN_IF_ERROR(
          sink.Reject({record.line, record.raw}, header.NameOf(bad->column), bad->reason));
    } else {
      RAPPORTEUR_RETURN_IF_ERROR(on_row(record));
    }
    sink.RowDone(total);
  }
}

}  // namespace rapporteur::record
