// A report as Markdown: sections with figures, tables and charts (as
// tables), each figure linked to the list of the records it counts, and the
// records at the end.
#include <fmt/format.h>

#include "src/report/render.h"

namespace rapporteur::report {
namespace {

std::string Cell(const nlohmann::json& value) {
  std::string text = CellText(value);
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string Link(const nlohmann::json& records, const std::string& anchor) {
  if (records.empty()) return "";
  return fmt::format(" ([{} record{}](#{}))", records.size(), records.size() == 1 ? "" : "s",
                     anchor);
}

void Table(const std::vector<std::string>& columns,
           const std::vector<std::vector<std::string>>& rows, std::string* out) {
  std::string header = "|", rule = "|";
  for (const std::string& c : columns) {
    header += " " + c + " |";
    rule += " --- |";
  }
  *out += header + "\n" + rule + "\n";
  for (const auto& row : rows) {
    std::string line = "|";
    for (const std::string& cell : row) line += " " + cell + " |";
    *out += line + "\n";
  }
  *out += "\n";
}

void Section(const nlohmann::json& s, RecordLists* lists, std::string* out) {
  *out += "## " + s["title"].get<std::string>() + "\n\n";
  for (const auto& m : s["missing"]) *out += "> **Missing:** " + m.get<std::string>() + "\n\n";
  for (const auto& n : s["notes"]) *out += "> " + n.get<std::string>() + "\n\n";
  for (const auto& f : s["figures"]) {
    const std::string anchor = lists->Add(
        s["title"].get<std::string>() + ": " + f["label"].get<std::string>(), f["records"]);
    *out += "- **" + f["label"].get<std::string>() + "**: " + Cell(f["value"]) +
            Link(f["records"], anchor) + "\n";
  }
  if (!s["figures"].empty()) *out += "\n";
  for (const auto& t : s["tables"]) {
    *out += "### " + t["title"].get<std::string>() + "\n\n";
    std::vector<std::string> columns = t["columns"].get<std::vector<std::string>>();
    columns.push_back("records");
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < t["rows"].size(); ++i) {
      std::vector<std::string> row;
      for (const auto& cell : t["rows"][i]) row.push_back(Cell(cell));
      const auto& ids = t["row_records"][i];
      row.push_back(
          ids.empty()
              ? ""
              : fmt::format("[{}](#{})", ids.size(),
                            lists->Add(t["title"].get<std::string>() + ": " + row.front(), ids)));
      rows.push_back(std::move(row));
    }
    Table(columns, rows, out);
  }
  for (const auto& c : s["charts"]) {
    *out += "### " + c["title"].get<std::string>() + "\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& b : c["bars"]) {
      const std::string anchor = lists->Add(
          c["title"].get<std::string>() + ": " + b["label"].get<std::string>(), b["records"]);
      rows.push_back(
          {Cell(b["label"]), fmt::format("[{}](#{})", b["value"].get<size_t>(), anchor)});
    }
    Table({"", "count"}, rows, out);
  }
}

void Appendix(const RecordLists& lists, const nlohmann::json& index, std::string* out) {
  *out += "## Records counted\n\n";
  for (const RecordList& list : lists.lists()) {
    *out += "<a id=\"" + list.anchor + "\"></a>**" + list.title + "**: ";
    std::string ids;
    for (const auto& id : list.records) {
      ids += (ids.empty() ? "" : ", ") + fmt::format("[{0}](#r{0})", id.get<std::int64_t>());
    }
    *out += ids + "\n\n";
  }
  *out += "## Records\n\n";
  for (const auto& [id, r] : index.items()) {
    *out += "- <a id=\"r" + id + "\"></a>**" + id + "** " + r["kind"].get<std::string>() + " `" +
            r["key"].get<std::string>() + "`: " + Cell(r["summary"]) + "\n";
  }
}

}  // namespace

std::string RenderMarkdown(const nlohmann::json& report) {
  std::string out = "# " + ReportTitle(report) + "\n\n";
  out += "As of " + report.value("as_of", std::string()) +
         ". Every figure links to the records it counts.\n\n";
  RecordLists lists;
  for (const auto& s : report["sections"]) Section(s, &lists, &out);
  Appendix(lists, report.value("records", nlohmann::json::object()), &out);
  return out;
}

}  // namespace rapporteur::report
