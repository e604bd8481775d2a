// Reading the cells of one worksheet of an XLSX workbook (Office Open XML
// spreadsheet), for imports with a column mapping.
//
// The workbook is read through the project's zip reader, which caps the
// bytes the archive may expand to (a zip bomb fails with kTooLarge before
// anything is inflated when its headers declare the size, and as soon as
// the cap is passed when they lie), and parsed with pugixml. Cells come
// back as text: shared and inline strings as written, numbers in their
// shortest form ("5", "2.5"), booleans TRUE/FALSE, and numbers in a date
// format (built-in formats 14-22 and 45-47, or a custom format with a day
// or year part) as ISO dates ("2014-10-27"), in the workbook's 1900 or 1904
// date system. Formulas give their cached value.
//
// Errors: not an XLSX workbook (kInvalidInput), no sheet named 'x'
// (kNotFound), corrupt XML with the part and byte offset (kInvalidInput),
// too large (kTooLarge).
//
// Thread safety: reentrant.
#ifndef RAPPORTEUR_SRC_RECORD_XLSX_READER_H_
#define RAPPORTEUR_SRC_RECORD_XLSX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur::record {

struct XlsxOptions {
  std::string sheet;  // "" = the first sheet of the workbook
  std::uint64_t max_expanded_bytes = 256ull << 20;
};

struct XlsxRow {
  std::int64_t number = 0;         // the spreadsheet's row number, 1-based
  std::vector<std::string> cells;  // column A first; empty cells are ""
};

// The non-empty rows of the sheet, in order.
Result<std::vector<XlsxRow>> ReadXlsxRows(std::string_view bytes, const XlsxOptions& options);

// True when `bytes` look like a zip archive (XLSX is one).
bool LooksLikeZip(std::string_view bytes);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_XLSX_READER_H_
