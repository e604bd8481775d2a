// A report as one self-contained HTML page: no script, no external file,
// charts as inline SVG, readable offline and printable. Every figure, table
// row and bar links to the list of the records it counts; every list links
// to the records themselves at the end of the page.
#include <fmt/format.h>

#include <algorithm>

#include "src/report/render.h"
#include "src/text/markup.h"

namespace rapporteur::report {
namespace {

std::string Escape(std::string_view s) { return text::EscapeHtml(s); }

constexpr const char* kStyle = R"(
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{border-bottom:2px solid #0b5394;padding-bottom:.2rem;margin-top:2.2rem}
.figures{display:flex;flex-wrap:wrap;gap:.8rem;padding:0;list-style:none}
.figures li{border:1px solid #ccd;border-radius:6px;padding:.5rem .8rem;min-width:10rem}
.figures .v{font-size:1.4rem;font-weight:600;display:block}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ccd;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eef2f7}.missing{background:#fff4e5;border-left:4px solid #e69500;padding:.4rem .8rem}
.note{color:#444;font-style:italic}a{color:#0b5394}svg text{font:12px system-ui,sans-serif}
.records li{margin:.2rem 0}.list{margin:.3rem 0}
@media print{a{color:inherit;text-decoration:none}h2{break-after:avoid}table,svg{break-inside:avoid}}
)";

std::string ListLink(RecordLists* lists, const std::string& title, const nlohmann::json& records,
                     const std::string& text) {
  const std::string anchor = lists->Add(title, records);
  if (anchor.empty()) return Escape(text);
  return "<a href=\"#" + anchor + "\">" + Escape(text) + "</a>";
}

// A horizontal bar chart; each bar links to its records.
std::string BarChart(const nlohmann::json& chart, RecordLists* lists) {
  const auto& bars = chart["bars"];
  size_t max = 1;
  for (const auto& b : bars) max = std::max(max, b["value"].get<size_t>());
  const int row = 22, label_width = 260, bar_width = 380;
  std::string svg = fmt::format(
      "<svg role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
      Escape(chart["title"].get<std::string>()), label_width + bar_width + 60,
      row * bars.size() + 4, label_width + bar_width + 60, row * bars.size() + 4);
  for (size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const size_t value = b["value"].get<size_t>();
    const int width = static_cast<int>(bar_width * value / max);
    std::string label = b["label"].get<std::string>();
    if (label.size() > 40) label = label.substr(0, 37) + "...";
    const std::string anchor = lists->Add(
        chart["title"].get<std::string>() + ": " + b["label"].get<std::string>(), b["records"]);
    svg += fmt::format(
        "<a href=\"#{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#0b5394\"/>"
        "<text x=\"{}\" y=\"{}\">{}</text></a>",
        anchor, label_width - 6, i * row + 15, Escape(label), label_width, i * row + 4,
        std::max(width, 1), row - 6, label_width + width + 4, i * row + 15, value);
  }
  return "<h3>" + Escape(chart["title"].get<std::string>()) + "</h3>\n" + svg + "</svg>\n";
}

std::string Table(const nlohmann::json& t, RecordLists* lists) {
  std::string out = "<h3>" + Escape(t["title"].get<std::string>()) + "</h3>\n<table><tr>";
  for (const auto& c : t["columns"]) out += "<th>" + Escape(c.get<std::string>()) + "</th>";
  out += "<th>records</th></tr>\n";
  for (size_t i = 0; i < t["rows"].size(); ++i) {
    out += "<tr>";
    for (const auto& cell : t["rows"][i]) out += "<td>" + Escape(CellText(cell)) + "</td>";
    const auto& ids = t["row_records"][i];
    out += "<td>" +
           ListLink(lists, t["title"].get<std::string>() + ": " + CellText(t["rows"][i][0]), ids,
                    std::to_string(ids.size())) +
           "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string Section(const nlohmann::json& s, RecordLists* lists) {
  const std::string title = s["title"].get<std::string>();
  std::string out =
      "<section id=\"" + Escape(s["id"].get<std::string>()) + "\"><h2>" + Escape(title) + "</h2>\n";
  for (const auto& m : s["missing"])
    out += "<p class=\"missing\"><b>Missing:</b> " + Escape(m.get<std::string>()) + "</p>\n";
  for (const auto& n : s["notes"])
    out += "<p class=\"note\">" + Escape(n.get<std::string>()) + "</p>\n";
  if (!s["figures"].empty()) {
    out += "<ul class=\"figures\">";
    for (const auto& f : s["figures"]) {
      out += "<li><span class=\"v\">" +
             ListLink(lists, title + ": " + f["label"].get<std::string>(), f["records"],
                      CellText(f["value"])) +
             "</span>" + Escape(f["label"].get<std::string>()) + "</li>";
    }
    out += "</ul>\n";
  }
  for (const auto& t : s["tables"]) out += Table(t, lists);
  for (const auto& c : s["charts"]) out += BarChart(c, lists);
  return out + "</section>\n";
}

std::string Appendix(const RecordLists& lists, const nlohmann::json& index) {
  std::string out = "<section id=\"lists\"><h2>Records counted</h2>\n";
  for (const RecordList& list : lists.lists()) {
    out += "<details class=\"list\" id=\"" + list.anchor + "\"><summary>" + Escape(list.title) +
           " (" + std::to_string(list.records.size()) + ")</summary>";
    for (const auto& id : list.records)
      out += fmt::format(" <a href=\"#r{0}\">{0}</a>", id.get<std::int64_t>());
    out += "</details>\n";
  }
  out += "</section>\n<section id=\"records\"><h2>Records</h2><ol class=\"records\">\n";
  for (const auto& [id, r] : index.items()) {
    out += "<li id=\"r" + id + "\" value=\"" + id + "\"><b>" +
           Escape(r["kind"].get<std::string>()) + "</b> <code>" +
           Escape(r["key"].get<std::string>()) + "</code> " +
           Escape(r["summary"].get<std::string>()) + "</li>\n";
  }
  return out + "</ol></section>\n";
}

}  // namespace

std::string RenderHtml(const nlohmann::json& report) {
  const std::string title = ReportTitle(report);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                    Escape(title) + "</title><style>" + kStyle + "</style></head><body>\n";
  out += "<h1>" + Escape(title) + "</h1>\n<p>As of " +
         Escape(report.value("as_of", std::string())) +
         ". Every figure links to the records it counts; generated by rapporteur.</p>\n";
  RecordLists lists;
  for (const auto& s : report["sections"]) out += Section(s, &lists);
  out += Appendix(lists, report.value("records", nlohmann::json::object()));
  return out + "</body></html>\n";
}

}  // namespace rapporteur::report
