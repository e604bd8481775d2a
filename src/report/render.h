// Renderers of a report document (report.h), and what they share.
#ifndef RAPPORTEUR_SRC_REPORT_RENDER_H_
#define RAPPORTEUR_SRC_REPORT_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapporteur::report {

std::string RenderMarkdown(const nlohmann::json& report);
std::string RenderHtml(const nlohmann::json& report);
std::string RenderCsv(const nlohmann::json& report);

// "Cooperation scorecard: China (CN)", "Recurring recommendations: ...".
std::string ReportTitle(const nlohmann::json& report);

// A table cell as text: strings as they are, null as "", lists joined.
std::string CellText(const nlohmann::json& value);

// The record lists figures link to, each under its own anchor ("list-3").
struct RecordList {
  std::string anchor;
  std::string title;
  nlohmann::json records;  // ids
};
class RecordLists {
 public:
  // Returns the anchor of a new list of `records` (or "" for an empty one).
  std::string Add(const std::string& title, const nlohmann::json& records);
  const std::vector<RecordList>& lists() const { return lists_; }

 private:
  std::vector<RecordList> lists_;
};

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RENDER_H_
