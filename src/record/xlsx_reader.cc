#include "src/record/xlsx_reader.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>

#include "src/ingest/zip_archive.h"
#include "src/record/source_dates.h"

namespace rapporteur::record {
namespace {

constexpr std::size_t kMaxColumns = 16384;  // XFD, Excel's last column
constexpr std::int64_t kMaxRows = 1048576;  // Excel's last row
// Cells kept in memory, empty ones included: a hostile sheet putting one
// cell in column XFD of every row must not take gigabytes.
constexpr std::size_t kMaxCells = 10'000'000;

// An absent optional part (sharedStrings, styles) parses as an empty
// document.
Result<pugi::xml_document> ParsePart(const std::optional<std::string>& xml, const std::string& part,
                                     bool required, unsigned options = pugi::parse_default) {
  pugi::xml_document doc;
  if (!xml) {
    if (required) return InvalidInput("corrupt XLSX: no part " + part);
    return doc;
  }
  pugi::xml_parse_result parsed = doc.load_buffer(xml->data(), xml->size(), options);
  if (!parsed) {
    return InvalidInput("corrupt XLSX: " + part + ": " + parsed.description() + " at byte " +
                        std::to_string(parsed.offset));
  }
  return doc;
}

// The value of the attribute whose name ends in ":id" (r:id, whatever the
// prefix of the relationships namespace).
std::string RelationshipId(pugi::xml_node sheet) {
  for (pugi::xml_attribute a : sheet.attributes()) {
    const std::string_view name = a.name();
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return "";
}

struct Workbook {
  std::string sheet_part;  // "xl/worksheets/sheet1.xml"
  bool date1904 = false;
};

Result<Workbook> FindSheet(const pugi::xml_document& workbook, const pugi::xml_document& rels,
                           const std::string& wanted) {
  Workbook out;
  pugi::xml_node root = workbook.child("workbook");
  const std::string_view date1904 = root.child("workbookPr").attribute("date1904").value();
  out.date1904 = date1904 == "1" || date1904 == "true";
  std::string id, names;
  for (pugi::xml_node sheet : root.child("sheets").children("sheet")) {
    const std::string name = sheet.attribute("name").value();
    names += (names.empty() ? "'" : ", '") + name + "'";
    if (id.empty() && (wanted.empty() || wanted == name)) id = RelationshipId(sheet);
  }
  if (id.empty()) {
    if (wanted.empty()) return InvalidInput("not an XLSX workbook: it has no sheet");
    return NotFound("no sheet named '" + wanted + "' (the workbook's sheets: " + names + ")");
  }
  for (pugi::xml_node rel : rels.child("Relationships").children("Relationship")) {
    if (id != rel.attribute("Id").value()) continue;
    std::string target = rel.attribute("Target").value();
    out.sheet_part = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
    return out;
  }
  return InvalidInput("corrupt XLSX: the sheet's relationship '" + id + "' is missing");
}

// Every <t> under `node` except phonetic runs (<rPh>).
void AppendText(pugi::xml_node node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "rPh") continue;
    if (name == "t") {
      *out += child.text().get();
    } else {
      AppendText(child, out);
    }
  }
}

std::vector<std::string> SharedStrings(const pugi::xml_document& doc) {
  std::vector<std::string> strings;
  for (pugi::xml_node si : doc.child("sst").children("si")) AppendText(si, &strings.emplace_back());
  return strings;
}

bool IsDateFormatCode(std::string_view code) {
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (!bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

// Which cell styles (indexes into cellXfs) show numbers as dates.
std::set<std::size_t> DateStyles(const pugi::xml_document& styles) {
  pugi::xml_node root = styles.child("styleSheet");
  std::set<int> date_formats = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47};
  for (pugi::xml_node f : root.child("numFmts").children("numFmt")) {
    if (IsDateFormatCode(f.attribute("formatCode").value())) {
      date_formats.insert(f.attribute("numFmtId").as_int(-1));
    }
  }
  std::set<std::size_t> out;
  std::size_t index = 0;
  for (pugi::xml_node xf : root.child("cellXfs").children("xf")) {
    if (date_formats.count(xf.attribute("numFmtId").as_int(-1)) > 0) out.insert(index);
    ++index;
  }
  return out;
}

// The 0-based column of a reference such as "AB12", or nullopt.
std::optional<std::size_t> ColumnOf(std::string_view ref) {
  std::size_t column = 0, letters = 0;
  while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') {
    column = column * 26 + static_cast<std::size_t>(ref[letters] - 'A' + 1);
    if (++letters > 3) return std::nullopt;
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

std::string FormatNumber(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

struct SheetContext {
  const std::vector<std::string>* shared = nullptr;
  const std::set<std::size_t>* date_styles = nullptr;
  bool date1904 = false;
};

Result<std::string> CellText(pugi::xml_node c, const SheetContext& ctx) {
  const std::string_view type = c.attribute("t").value();
  const char* v = c.child("v").text().get();
  if (type == "s") {
    const long index = std::strtol(v, nullptr, 10);
    if (index < 0 || static_cast<std::size_t>(index) >= ctx.shared->size()) {
      return InvalidInput("corrupt XLSX: cell " + std::string(c.attribute("r").value()) +
                          " names shared string " + std::string(v) + ", which does not exist");
    }
    return (*ctx.shared)[static_cast<std::size_t>(index)];
  }
  if (type == "inlineStr") {
    std::string text;
    AppendText(c.child("is"), &text);
    return text;
  }
  if (type == "b") return std::string(std::string_view(v) == "1" ? "TRUE" : "FALSE");
  if (type == "str" || type == "e" || *v == '\0') return std::string(v);
  char* end = nullptr;
  const double number = std::strtod(v, &end);
  if (end == v || *end != '\0') return std::string(v);
  if (ctx.date_styles->count(c.attribute("s").as_uint(0)) > 0) {
    if (std::optional<std::string> date = SpreadsheetSerialToDate(number, ctx.date1904))
      return *date;
  }
  return FormatNumber(number);
}

Result<XlsxRow> ReadRow(pugi::xml_node row, std::int64_t number, const SheetContext& ctx) {
  XlsxRow out;
  out.number = number;
  std::size_t next = 0;
  bool any = false;
  for (pugi::xml_node c : row.children("c")) {
    const char* ref = c.attribute("r").value();
    const std::size_t column = *ref != '\0' ? ColumnOf(ref).value_or(kMaxColumns) : next;
    if (column >= kMaxColumns) {
      return InvalidInput("corrupt XLSX: cell reference '" + std::string(ref) + "' in row " +
                          std::to_string(number));
    }
    Result<std::string> text = CellText(c, ctx);
    if (!text) return text.error();
    if (out.cells.size() <= column) out.cells.resize(column + 1);
    any = any || !text->empty();
    out.cells[column] = std::move(*text);
    next = column + 1;
  }
  if (!any) out.cells.clear();
  return out;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == "PK\x03\x04"; }

namespace {

struct WorkbookParts {
  pugi::xml_document workbook, rels, shared, styles;
};

Result<WorkbookParts> LoadParts(ingest::ZipArchive& zip) {
  Result<std::vector<std::optional<std::string>>> parts = zip.ReadAll(
      {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"});
  if (!parts) return parts.error();
  auto& p = *parts;
  WorkbookParts out;
  const unsigned keep_spaces = pugi::parse_default | pugi::parse_ws_pcdata;
  Result<pugi::xml_document> docs[] = {ParsePart(p[0], "xl/workbook.xml", true),
                                       ParsePart(p[1], "xl/_rels/workbook.xml.rels", true),
                                       ParsePart(p[2], "xl/sharedStrings.xml", false, keep_spaces),
                                       ParsePart(p[3], "xl/styles.xml", false)};
  for (auto& doc : docs) {
    if (!doc) return doc.error();
  }
  out.workbook = std::move(*docs[0]);
  out.rels = std::move(*docs[1]);
  out.shared = std::move(*docs[2]);
  out.styles = std::move(*docs[3]);
  return out;
}

Result<std::vector<XlsxRow>> ReadRows(const pugi::xml_document& sheet, const SheetContext& ctx) {
  std::vector<XlsxRow> rows;
  std::int64_t next = 1;
  std::size_t cells = 0;
  for (pugi::xml_node row : sheet.child("worksheet").child("sheetData").children("row")) {
    const std::int64_t number = row.attribute("r").as_llong(next);
    if (number < 1 || number > kMaxRows) {
      return InvalidInput("corrupt XLSX: row number " + std::to_string(number));
    }
    Result<XlsxRow> read = ReadRow(row, number, ctx);
    if (!read) return read.error();
    cells += read->cells.size();
    if (cells > kMaxCells) {
      return TooLarge("the sheet has more than " + std::to_string(kMaxCells) + " cells");
    }
    if (!read->cells.empty()) rows.push_back(std::move(*read));
    next = number + 1;
  }
  return rows;
}

}  // namespace

Result<std::vector<XlsxRow>> ReadXlsxRows(std::string_view bytes, const XlsxOptions& options) {
  Result<ingest::ZipArchive> zip = ingest::ZipArchive::Open(bytes, options.max_expanded_bytes);
  if (!zip) return zip.error();
  if (!zip->Contains("xl/workbook.xml"))
    return InvalidInput("not an XLSX workbook: no xl/workbook.xml");
  Result<WorkbookParts> parts = LoadParts(*zip);
  if (!parts) return parts.error();
  Result<Workbook> book = FindSheet(parts->workbook, parts->rels, options.sheet);
  if (!book) return book.error();
  Result<std::vector<std::optional<std::string>>> sheet_xml = zip->ReadAll({book->sheet_part});
  if (!sheet_xml) return sheet_xml.error();
  Result<pugi::xml_document> sheet = ParsePart((*sheet_xml)[0], book->sheet_part, true,
                                               pugi::parse_default | pugi::parse_ws_pcdata);
  if (!sheet) return sheet.error();
  const std::vector<std::string> shared = SharedStrings(parts->shared);
  const std::set<std::size_t> date_styles = DateStyles(parts->styles);
  return ReadRows(*sheet, SheetContext{&shared, &date_styles, book->date1904});
}

}  // namespace rapporteur::record
