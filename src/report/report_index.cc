// The index of `rapporteur report ... --all`: one row per state, linking
// to its report, with the figures a reader scans first.
#include <fmt/format.h>

#include "rapporteur/report.h"
#include "src/report/render.h"
#include "src/text/markup.h"

namespace rapporteur {
namespace {

const std::vector<std::pair<std::string, std::string>>& Columns() {
  static const std::vector<std::pair<std::string, std::string>> columns = {
      {"state", "state"},
      {"core_ratified", "core instruments ratified"},
      {"signed_not_ratified", "signed, not ratified"},
      {"recommendations", "recommendations"},
      {"noted_or_rejected", "noted or rejected"},
      {"recurring_clusters", "recurring clusters"},
      {"events", "events"}};
  return columns;
}

std::string Escape(const std::string& s) { return text::EscapeHtml(s); }

std::string Html(const std::vector<nlohmann::json>& summaries) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
      "charset=\"utf-8\"><title>Reports</title><style>"
      "body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
      "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccd;padding:.25rem "
      ".4rem;text-align:left}"
      "th{background:#eef2f7}</style></head><body>\n<h1>Reports</h1>\n<table><tr>";
  for (const auto& [key, title] : Columns()) out += "<th>" + title + "</th>";
  out += "</tr>\n";
  for (const auto& s : summaries) {
    out += "<tr>";
    for (const auto& [key, title] : Columns()) {
      const std::string cell = report::CellText(s.value(key, nlohmann::json()));
      out += key == "state" ? "<td><a href=\"" + Escape(s["file"].get<std::string>()) + "\">" +
                                  Escape(cell) + "</a></td>"
                            : "<td>" + Escape(cell) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table></body></html>\n";
}

std::string Markdown(const std::vector<nlohmann::json>& summaries) {
  std::string out = "# Reports\n\n|";
  for (const auto& [key, title] : Columns()) out += " " + title + " |";
  out += "\n|";
  for (size_t i = 0; i < Columns().size(); ++i) out += " --- |";
  out += "\n";
  for (const auto& s : summaries) {
    out += "|";
    for (const auto& [key, title] : Columns()) {
      const std::string cell = report::CellText(s.value(key, nlohmann::json()));
      out += key == "state" ? " [" + cell + "](" + s["file"].get<std::string>() + ") |"
                            : " " + cell + " |";
    }
    out += "\n";
  }
  return out;
}

std::string Csv(const std::vector<nlohmann::json>& summaries) {
  std::string out = "file";
  for (const auto& [key, title] : Columns()) out += "," + key;
  out += "\r\n";
  for (const auto& s : summaries) {
    out += s["file"].get<std::string>();
    for (const auto& [key, title] : Columns()) {
      std::string cell = report::CellText(s.value(key, nlohmann::json()));
      out += "," + (cell.find_first_of(",\"") == std::string::npos ? cell : "\"" + cell + "\"");
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

nlohmann::json ReportSummary(const nlohmann::json& report, const std::string& file) {
  const nlohmann::json state = report.value("state", nlohmann::json::object());
  nlohmann::json s = {{"file", file},
                      {"code", state.value("code", "")},
                      {"state", state.value("name", state.value("code", "")) + " (" +
                                    state.value("code", "") + ")"}};
  const nlohmann::json ratification = report.value("ratification", nlohmann::json());
  if (ratification.is_object() && ratification["missing"].empty()) {
    s["core_ratified"] = ratification["party"].size();
    s["signed_not_ratified"] = ratification["signed_not_ratified"].size();
  }
  const nlohmann::json recommendations = report.value("recommendations", nlohmann::json());
  if (recommendations.is_object() && recommendations.value("total", 0) > 0) {
    s["recommendations"] = recommendations["total"];
    s["noted_or_rejected"] =
        fmt::format("{:.0f}%", 100 * recommendations["noted_or_rejected"]["share"].get<double>());
  }
  if (report.contains("recurrence"))
    s["recurring_clusters"] = report["recurrence"].value("total_clusters", 0);
  if (report.contains("clusters")) s["recurring_clusters"] = report["clusters"].size();
  if (report.contains("events")) s["events"] = report["events"].size();
  return s;
}

std::string RenderReportIndex(const std::vector<nlohmann::json>& summaries, ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml: return Html(summaries);
    case ReportFormat::kMarkdown: return Markdown(summaries);
    case ReportFormat::kCsv: return Csv(summaries);
    case ReportFormat::kJson: break;
  }
  return nlohmann::json(summaries).dump(2) + "\n";
}

}  // namespace rapporteur
