// A CSV table: a header row naming the columns, then one row per record.
// ReadCsvTable drives a format reader over it: it reads the header, then
// hands every row to the reader, turning what no reader can use into
// rejections on the sink:
//   line 12: 10 fields, expected 11
//   line 12: unterminated quote: the field opened on line 12 runs to ...
//   line 12, field 'Text': invalid UTF-8 (byte 0xE9 at byte 31 of the field)
// and counts rows for progress (RecordSink::RowDone).
//
// Thread safety: reentrant.
#ifndef RAPPORTEUR_SRC_RECORD_CSV_TABLE_H_
#define RAPPORTEUR_SRC_RECORD_CSV_TABLE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"
#include "src/record/csv_reader.h"
#include "src/record/record_sink.h"

namespace rapporteur::record {

struct CsvHeader {
  std::vector<std::string> names;  // trimmed

  // The position of the column named `name` (exact match), or nullopt.
  std::optional<std::size_t> Find(std::string_view name) const;
  // Its name, or "column N" (1-based) past the header's end.
  std::string NameOf(std::size_t column) const;
};

// Fails with "empty file" when there is no header, with what on_header
// returns, or when the sink or on_row stop the walk. Rows must have as
// many fields as the header.
Status ReadCsvTable(std::string_view text, char delimiter, RecordSink& sink,
                    const std::function<Status(const CsvHeader&)>& on_header,
                    const std::function<Status(const CsvRecord&)>& on_row);

// "invalid UTF-8 (byte 0xE9 at byte 31 of the field)" for the first field
// of `fields` that is not valid UTF-8, with its position; nullopt if all are.
struct InvalidField {
  std::size_t column = 0;
  std::string reason;
};
std::optional<InvalidField> FindInvalidUtf8Field(const std::vector<std::string>& fields);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD, so that a
// rejected row can be shown and written.
std::string ToValidUtf8(std::string_view text);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_CSV_TABLE_H_
