// Format names and detection from content (include/rapporteur/import.h).
#include <cerrno>
#include <cstring>
#include <fstream>

#include "rapporteur/import.h"
#include "src/ingest/zip_archive.h"
#include "src/lens/catalogue.h"
#include "src/record/followup_json.h"
#include "src/record/json_lines.h"
#include "src/record/ohchr_thematic.h"
#include "src/record/ratification_table.h"
#include "src/record/source_text.h"
#include "src/record/upr_info.h"
#include "src/record/xlsx_reader.h"

namespace rapporteur {
namespace {

struct FormatName {
  ImportFormat format;
  std::string_view name;
};

constexpr FormatName kNames[] = {
    {ImportFormat::kAuto, "auto"},
    {ImportFormat::kUprInfo, "upr-info"},
    {ImportFormat::kRatification, "ratification"},
    {ImportFormat::kOhchrThematic, "ohchr-thematic"},
    {ImportFormat::kFollowUp, "followup"},
    {ImportFormat::kJsonLines, "jsonl"},
    {ImportFormat::kCsv, "csv"},
    {ImportFormat::kXlsx, "xlsx"},
};

// Enough of the file to recognise every format by its beginning.
constexpr std::size_t kHeadBytes = std::size_t{64} * 1024;

Result<std::string> ReadHead(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIoError,
                  "cannot read '" + path + "': " + std::strerror(errno));
  }
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A zip archive is an XLSX workbook, or not importable (a Word document is
// compared, not imported). Opening it reads only its directory.
Result<ImportFormat> DetectZip(const std::string& path) {
  Result<std::string> bytes = lens::ReadTextFile(path);
  if (!bytes) return bytes.error();
  Result<ingest::ZipArchive> zip = ingest::ZipArchive::Open(*bytes, 0);
  if (!zip) return zip.error().WithContext("cannot read '" + path + "'");
  if (zip->Contains("xl/workbook.xml")) return ImportFormat::kXlsx;
  const std::string what =
      zip->Contains("word/document.xml") ? "a Word document" : "a zip archive but no XLSX workbook";
  return Unsupported("cannot import '" + path + "': " + what);
}

}  // namespace

std::string_view ImportFormatName(ImportFormat format) {
  for (const FormatName& n : kNames) {
    if (n.format == format) return n.name;
  }
  return "unknown";
}

Result<ImportFormat> ParseImportFormat(std::string_view name) {
  std::string known;
  for (const FormatName& n : kNames) {
    if (n.name == name) return n.format;
    known += (known.empty() ? "" : ", ") + std::string(n.name);
  }
  return InvalidArgument("unknown import format '" + std::string(name) + "' (formats: " + known +
                         ")");
}

Result<ImportFormat> DetectImportFormat(const std::string& path) {
  Result<std::string> head = ReadHead(path);
  if (!head) return head.error();
  const std::string_view text = *head;
  if (record::TrimSpaces(text).empty()) {
    return InvalidInput("cannot detect the format of '" + path + "': empty file");
  }
  if (record::LooksLikeZip(text)) return DetectZip(path);
  if (record::LooksLikeUprInfo(text)) return ImportFormat::kUprInfo;
  if (record::LooksLikeRatificationTable(text)) return ImportFormat::kRatification;
  if (record::LooksLikeOhchrThematicList(text)) return ImportFormat::kOhchrThematic;
  if (record::LooksLikeFollowUpJson(text)) return ImportFormat::kFollowUp;
  if (record::LooksLikeJsonLinesExport(text)) return ImportFormat::kJsonLines;
  if (text.find("Views on conclusions and/or recommendations") != std::string_view::npos) {
    return Unsupported("cannot import '" + path +
                       "': an addendum with the state's views on recommendations, in prose, "
                       "without the recommendations' texts");
  }
  if (EndsWith(path, ".csv") || EndsWith(path, ".tsv")) return ImportFormat::kCsv;
  if (EndsWith(path, ".xlsx")) return ImportFormat::kXlsx;
  return Unsupported("cannot detect the format of '" + path +
                     "' (it is no UPR Info export, ratification table, OHCHR thematic list, "
                     "follow-up JSON or JSON Lines export); name it with --as FORMAT, or "
                     "describe a spreadsheet with --mapping FILE");
}

}  // namespace rapporteur
