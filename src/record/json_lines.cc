#include "src/record/json_lines.h"

#include <algorithm>
#include <set>

#include "src/record/json_text.h"
#include "src/record/source_text.h"

namespace rapporteur::record {
namespace {

using nlohmann::json;

// Calls `fn(line_number, line)` for every non-blank line.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  std::int64_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    const std::string_view line = TrimSpaces(text.substr(start, end - start));
    if (!line.empty()) RAPPORTEUR_RETURN_IF_ERROR(fn(number, line));
    start = end + 1;
  }
  return Status::Ok();
}

std::int64_t CountLines(std::string_view text) {
  return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n')) +
         (text.empty() || text.back() == '\n' ? 0 : 1);
}

// A JSON value as a cell.
std::string CellOf(const json& value, const std::string& separator) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  if (value.is_array()) {
    std::string joined;
    for (const json& item : value) {
      joined += (joined.empty() ? "" : separator) + CellOf(item, separator);
    }
    return joined;
  }
  return value.dump();
}

}  // namespace

bool LooksLikeJsonLinesExport(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') return false;
  const std::size_t end = text.find('\n', start);
  Result<json> first =
      ParseJson(text.substr(start, end == std::string_view::npos ? end : end - start));
  return first.has_value() && first->is_object() && first->contains("kind") &&
         (*first)["kind"].is_string();
}

Status ReadJsonLinesExport(std::string_view text, RecordSink& sink) {
  if (TrimSpaces(text).empty()) return InvalidInput("empty file");
  const std::int64_t total = CountLines(text);
  return ForEachLine(text, [&](std::int64_t number, std::string_view line) -> Status {
    const SourceRow row{number, line};
    Result<json> value = ParseJsonLine(line);
    if (!value) {
      RAPPORTEUR_RETURN_IF_ERROR(sink.Reject(row, "", value.error().message()));
    } else if (Result<Record> record = RecordFromJson(*value); !record) {
      RAPPORTEUR_RETURN_IF_ERROR(sink.Reject(row, "", record.error().message()));
    } else {
      record->id = 0;  // ids belong to the store that assigned them
      RAPPORTEUR_RETURN_IF_ERROR(sink.Add(std::move(*record), row));
    }
    sink.RowDone(total);
    return Status::Ok();
  });
}

Status ReadMappedJsonLines(std::string_view text, MappedRows& rows, const ColumnMapping& mapping,
                           RecordSink& sink) {
  if (TrimSpaces(text).empty()) return InvalidInput("empty file");
  std::vector<std::string> header;
  for (const auto& [column, field] : mapping.columns) header.push_back(column);
  for (const std::string& column : mapping.key_columns) header.push_back(column);
  RAPPORTEUR_RETURN_IF_ERROR(rows.SetHeader(header));
  std::set<std::string> seen;
  const std::int64_t total = CountLines(text);
  auto read_line = [&](std::int64_t number, std::string_view line) -> Status {
    const SourceRow row{number, line};
    Result<json> value = ParseJsonLine(line);
    if (!value || !value->is_object()) {
      RAPPORTEUR_RETURN_IF_ERROR(
          sink.Reject(row, "", value ? "expected a JSON object" : value.error().message()));
    } else {
      std::vector<std::string> cells;
      for (const std::string& column : header) {
        auto it = value->find(column);
        cells.push_back(it == value->end() ? "" : CellOf(*it, mapping.list_separator));
        if (it != value->end()) seen.insert(column);
      }
      RAPPORTEUR_RETURN_IF_ERROR(rows.Row(cells, row));
    }
    sink.RowDone(total);
    return Status::Ok();
  };
  RAPPORTEUR_RETURN_IF_ERROR(ForEachLine(text, read_line));
  for (const std::string& column : header) {
    if (seen.count(column) == 0)
      sink.Warn("no line has the member '" + column + "' the mapping names");
  }
  return Status::Ok();
}

}  // namespace rapporteur::record
