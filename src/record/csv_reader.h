// An RFC 4180 CSV reader over text already decoded to UTF-8.
//
// What it accepts:
//  - fields separated by a delimiter (',' by default), records by CR, LF or
//    CRLF, mixed freely; a UTF-8 byte order mark at the start is skipped;
//  - quoted fields holding delimiters, doubled quotes ("") and line ends;
//    a line end inside a quoted field is returned as "\n" whatever it was;
//  - leniently, a quote inside an unquoted field, and text between a closing
//    quote and the next delimiter, are kept as written (spreadsheets produce
//    both);
//  - blank lines between records are skipped (CsvOptions::skip_blank_lines).
//
// Every record carries the physical line (1-based) it starts on, counting
// the line ends inside quoted fields, so messages point at the file as an
// editor shows it. Errors (kInvalidInput), message without the line, which
// is in CsvRecord::line:
//   unterminated quote: the field opened on line 14 runs to the end of the input
//   12 fields, expected 11
// After a wrong field count the reader continues with the next record; an
// unterminated quote consumes the rest of the input.
//
// Thread safety: a CsvReader belongs to one thread; the free functions are
// reentrant.
#ifndef RAPPORTEUR_SRC_RECORD_CSV_READER_H_
#define RAPPORTEUR_SRC_RECORD_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur::record {

struct CsvOptions {
  char delimiter = ',';
  std::size_t expected_fields = 0;  // 0: any number of fields
  bool skip_blank_lines = true;
};

struct CsvRecord {
  std::int64_t line = 0;  // physical line the record starts on, 1-based
  // On an unterminated quote: the fields read, the last one unterminated.
  std::vector<std::string> fields;
  std::string_view raw;  // the record as written, without its line end
};

class CsvReader {
 public:
  // `text` must outlive the reader and the records' `raw` views.
  explicit CsvReader(std::string_view text, CsvOptions options = {});

  // Reads the next record into *record: true, or false at the end of the
  // input. On an error, *record holds the offending record (line, raw,
  // fields) and the Status the reason.
  Result<bool> Next(CsvRecord* record);

  // From the next record on (e.g. once the header has been read); 0: any.
  void set_expected_fields(std::size_t n) { options_.expected_fields = n; }

  // Bytes of the input consumed so far (for progress).
  std::size_t offset() const { return pos_; }

 private:
  void SkipBlankLines();
  bool ReadQuoted(std::string* field);  // false: unterminated
  void ReadUnquoted(std::string* field);
  void ConsumeLineEnd();

  std::string_view text_;
  CsvOptions options_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
};

// Every record, or the first error as "line N: <reason>".
Result<std::vector<CsvRecord>> ReadCsv(std::string_view text, CsvOptions options = {});

// The number of records in `text` (line ends outside quotes, blank lines
// skipped): a cheap first pass that gives progress a total.
std::int64_t CountCsvRecords(std::string_view text);

// One record written as CSV, fields quoted when they need it, without a
// line end.
std::string FormatCsvRow(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_CSV_READER_H_
