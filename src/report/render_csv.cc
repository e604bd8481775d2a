// A report as CSV: every figure, table and chart of every section, each
// block preceded by a "# section/name" line and a header, blocks separated
// by an empty line; the last column lists the ids of the records counted.
#include "src/report/render.h"

namespace rapporteur::report {
namespace {

std::string Cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Ids(const nlohmann::json& ids) {
  std::string out;
  for (const auto& id : ids)
    out += (out.empty() ? "" : " ") + std::to_string(id.get<std::int64_t>());
  return out;
}

void Row(const std::vector<std::string>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) *out += (i > 0 ? "," : "") + Cell(cells[i]);
  *out += "\r\n";
}

void Block(const std::string& name, std::vector<std::string> header, std::string* out) {
  *out += "# " + name + "\r\n";
  header.push_back("records");
  Row(header, out);
}

void SectionCsv(const nlohmann::json& s, std::string* out) {
  const std::string id = s["id"].get<std::string>();
  if (!s["figures"].empty()) {
    Block(id + "/figures", {"figure", "value"}, out);
    for (const auto& f : s["figures"])
      Row({f["label"].get<std::string>(), CellText(f["value"]), Ids(f["records"])}, out);
    *out += "\r\n";
  }
  for (const auto& t : s["tables"]) {
    Block(id + "/" + t["id"].get<std::string>(), t["columns"].get<std::vector<std::string>>(), out);
    for (size_t i = 0; i < t["rows"].size(); ++i) {
      std::vector<std::string> row;
      for (const auto& cell : t["rows"][i]) row.push_back(CellText(cell));
      row.push_back(Ids(t["row_records"][i]));
      Row(row, out);
    }
    *out += "\r\n";
  }
  for (const auto& c : s["charts"]) {
    Block(id + "/" + c["title"].get<std::string>(), {"value", "count"}, out);
    for (const auto& b : c["bars"])
      Row({b["label"].get<std::string>(), CellText(b["value"]), Ids(b["records"])}, out);
    *out += "\r\n";
  }
}

}  // namespace

std::string RenderCsv(const nlohmann::json& report) {
  std::string out;
  for (const auto& s : report["sections"]) SectionCsv(s, &out);
  return out;
}

}  // namespace rapporteur::report
