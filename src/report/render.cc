#include "src/report/render.h"

#include "rapporteur/report.h"

namespace rapporteur {
namespace report {

std::string ReportTitle(const nlohmann::json& report) {
  const std::string kind = report.value("report", std::string("state"));
  const nlohmann::json state = report.value("state", nlohmann::json::object());
  const std::string who = state.value("name", state.value("code", std::string())) + " (" +
                          state.value("code", std::string()) + ")";
  if (kind == "recurrence") return "Recommendations made again, cycle after cycle: " + who;
  if (kind == "timeline") return "Timeline of engagement: " + who;
  return "Cooperation scorecard: " + who;
}

std::string CellText(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + CellText(item);
    return out;
  }
  if (value.is_number_float()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value.get<double>());
    return buffer;
  }
  return value.dump();
}

std::string RecordLists::Add(const std::string& title, const nlohmann::json& records) {
  if (records.empty()) return "";
  lists_.push_back({"list-" + std::to_string(lists_.size() + 1), title, records});
  return lists_.back().anchor;
}

}  // namespace report

Result<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "json") return ReportFormat::kJson;
  if (name == "csv") return ReportFormat::kCsv;
  return InvalidArgument("unknown report format '" + std::string(name) +
                         "' (expected md, html, json or csv)");
}

std::string RenderReport(const nlohmann::json& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown: return report::RenderMarkdown(report);
    case ReportFormat::kHtml: return report::RenderHtml(report);
    case ReportFormat::kCsv: return report::RenderCsv(report);
    case ReportFormat::kJson: break;
  }
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace rapporteur
