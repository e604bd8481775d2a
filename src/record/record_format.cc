#include "rapporteur/record_format.h"

#include <fmt/format.h>

#include <charconv>

#include "src/text/utf8.h"

namespace rapporteur {
namespace {

// A field value as one line of text: lists joined with "; ".
std::string FlatValue(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!out.empty()) out += "; ";
      out += FlatValue(item);
    }
    return out;
  }
  return value.dump();
}

std::string CsvCell(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvCell(cells[i]);
  }
  return out + "\r\n";
}

// Cuts `text` to at most `width` code points, marking the cut with "…".
std::string Truncate(std::string_view text, int width) {
  if (width <= 0) return std::string(text);
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points == static_cast<size_t>(width)) {
      return std::string(text.substr(0, i)) + "…";
    }
  }
  return std::string(text);
}

// The columns of the table form: the kind's scalar facet fields, then its
// first searchable field (the record's text).
struct TableColumns {
  std::vector<std::string_view> facets;
  std::string_view text;
};

TableColumns ColumnsFor(const KindSpec& spec) {
  TableColumns columns;
  for (const FieldSpec& f : spec.fields) {
    const bool scalar = f.type != FieldType::kList && f.type != FieldType::kStateList;
    if (f.facet && scalar && columns.facets.size() < 4) columns.facets.push_back(f.name);
    if (f.searchable && columns.text.empty() && f.type == FieldType::kText) columns.text = f.name;
  }
  return columns;
}

std::string TableRow(const Record& r, const TableColumns& columns, int width) {
  std::string line = fmt::format("{:>8}", r.id);
  for (std::string_view field : columns.facets) {
    line += "  " + FlatValue(r.fields.value(std::string(field), nlohmann::json()));
  }
  if (!columns.text.empty()) {
    line += "  ";
    const int used = static_cast<int>(line.size());
    line += Truncate(r.Text(columns.text), width > used + 10 ? width - used : 0);
  }
  return line + "\n";
}

// The facets people read: the ten largest values of each non-empty facet
// (the JSON form has every value).
std::string FacetTable(const std::map<std::string, std::vector<FacetCount>>& facets) {
  constexpr size_t kShown = 10;
  std::string out;
  for (const auto& [field, counts] : facets) {
    if (counts.empty()) continue;
    out += "\n" + field + ":\n";
    for (size_t i = 0; i < counts.size() && i < kShown; ++i) {
      out += fmt::format("  {:>8}  {}\n", counts[i].count,
                         counts[i].value.empty() ? "(none)" : counts[i].value);
    }
    if (counts.size() > kShown)
      out += fmt::format("  ... {} more values\n", counts.size() - kShown);
  }
  return out;
}

std::string TableHeader(const TableColumns& columns) {
  std::string line = fmt::format("{:>8}", "id");
  for (std::string_view field : columns.facets) line += "  " + std::string(field);
  if (!columns.text.empty()) line += "  " + std::string(columns.text);
  return line + "\n";
}

std::string FormatTable(const SearchResult& result, const KindSpec& spec, int width) {
  const TableColumns columns = ColumnsFor(spec);
  std::string out = result.results.empty() ? "" : TableHeader(columns);
  for (const Record& r : result.results) out += TableRow(r, columns, width);
  out += fmt::format("{} {} found{}\n", result.total, spec.kind,
                     result.results.size() < static_cast<size_t>(result.total)
                         ? fmt::format(", {} shown", result.results.size())
                         : "");
  return out + FacetTable(result.facets);
}

nlohmann::json FacetsJson(const std::map<std::string, std::vector<FacetCount>>& facets) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [field, counts] : facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetCount& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
    out[field] = std::move(list);
  }
  return out;
}

std::string FormatJson(const SearchResult& result) {
  nlohmann::json out = {{"total", result.total}, {"results", nlohmann::json::array()}};
  for (const Record& r : result.results) out["results"].push_back(RecordToJson(r));
  out["facets"] = FacetsJson(result.facets);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string FormatCsv(const SearchResult& result, const KindSpec& spec) {
  std::vector<std::string> header = {"id", "key"};
  for (const FieldSpec& f : spec.fields) header.emplace_back(f.name);
  std::string out = CsvRow(header);
  for (const Record& r : result.results) {
    std::vector<std::string> row = {std::to_string(r.id), r.key};
    for (const FieldSpec& f : spec.fields) {
      row.push_back(FlatValue(r.fields.value(std::string(f.name), nlohmann::json())));
    }
    out += CsvRow(row);
  }
  return out;
}

std::string FormatJsonLines(const SearchResult& result) {
  std::string out;
  for (const Record& r : result.results) {
    out += RecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

}  // namespace

Result<ListFormat> ParseListFormat(std::string_view name) {
  if (name == "table") return ListFormat::kTable;
  if (name == "json") return ListFormat::kJson;
  if (name == "csv") return ListFormat::kCsv;
  if (name == "jsonl") return ListFormat::kJsonLines;
  return InvalidArgument("unknown format '" + std::string(name) +
                         "' (expected table, json, csv or jsonl)");
}

std::string FormatSearchResult(const SearchResult& result, std::string_view kind, ListFormat format,
                               int width) {
  const KindSpec* spec = FindKind(kind);
  switch (format) {
    case ListFormat::kJson: return FormatJson(result);
    case ListFormat::kJsonLines: return FormatJsonLines(result);
    case ListFormat::kCsv: return spec != nullptr ? FormatCsv(result, *spec) : "";
    case ListFormat::kTable: return spec != nullptr ? FormatTable(result, *spec, width) : "";
  }
  return "";
}

std::string FormatRecord(const Record& record, bool json) {
  if (json) {
    return RecordToJson(record).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n";
  }
  std::string out = fmt::format("{} {}\n{:<20} {}\n", record.kind, record.id, "key", record.key);
  for (const auto& [field, value] : record.fields.items()) {
    out += fmt::format("{:<20} {}\n", field, FlatValue(value));
  }
  return out;
}

std::string FormatHistory(const std::vector<Change>& changes, bool json) {
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Change& c : changes) {
      out.push_back({{"id", c.id},
                     {"at", c.at},
                     {"actor", c.actor},
                     {"action", c.action},
                     {"kind", c.kind},
                     {"key", c.key},
                     {"record_id", c.record_id},
                     {"before", c.before},
                     {"after", c.after}});
    }
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  std::string out;
  for (const Change& c : changes) {
    out += fmt::format("{}  {:<7} by {}\n", c.at, c.action, c.actor);
    if (!c.before.is_object() || !c.after.is_object()) continue;
    for (const auto& [field, value] : c.after.items()) {
      const nlohmann::json old = c.before.value(field, nlohmann::json());
      if (old != value)
        out += fmt::format("    {}: {} -> {}\n", field, FlatValue(old), FlatValue(value));
    }
    for (const auto& [field, value] : c.before.items()) {
      if (!c.after.contains(field))
        out += fmt::format("    {}: {} -> (removed)\n", field, FlatValue(value));
    }
  }
  return out;
}

std::string FormatImportSummary(const ImportSummary& s, bool dry_run) {
  return fmt::format("{}{}: {} rows ({}): {} added, {} updated, {} unchanged, {} rejected\n",
                     dry_run ? "(dry run) " : "", s.path, s.rows, ImportFormatName(s.format),
                     s.counts.added, s.counts.updated, s.counts.unchanged, s.rejected.size());
}

std::string FormatRejections(const std::vector<Rejection>& rejected) {
  std::string out = CsvRow({"line", "field", "reason", "row"});
  for (const Rejection& r : rejected) {
    out += CsvRow({std::to_string(r.line), r.field, r.reason, r.row});
  }
  return out;
}

}  // namespace rapporteur
