// rapporteur: reports on a state's record — the cooperation scorecard, the
// recommendations that come back cycle after cycle, and a timeline.
//
// A report is built from the store as a JSON document (its schema is the
// contract, docs/reports.md) and rendered from that document to Markdown, a
// self-contained HTML page with inline SVG charts, JSON, or CSV. Every
// figure carries the ids of the records it counts ("records": [...]), and
// the Markdown and HTML forms link each figure to the list of those records,
// so a reader can check it.
//
// Incomplete data is said, not hidden: where the store holds no records of
// a kind for the state, the section says what is missing ("missing" lists)
// instead of printing zeros.
//
// Thread safety: functions are reentrant; the Store is used from the
// calling thread only.
#ifndef RAPPORTEUR_REPORT_H_
#define RAPPORTEUR_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"
#include "rapporteur/store.h"

namespace rapporteur {

enum class ReportFormat { kMarkdown, kHtml, kJson, kCsv };

Result<ReportFormat> ParseReportFormat(std::string_view name);  // md, html, json, csv

struct ReportOptions {
  // The day "pending for N years" is counted to: YYYY-MM-DD; "" = today (UTC).
  std::string as_of;
  // Recurrence section: at most this many clusters in a scorecard (all in
  // the recurrence report).
  int max_clusters = 25;
};

// The scorecard of one state (ISO code or any known name). kNotFound for an
// unknown state; kNotFound too when the store holds nothing about it.
Result<nlohmann::json> BuildStateReport(Store& store, std::string_view state,
                                        const ReportOptions& options);

// Recommendations made to the state again in later cycles, clustered.
Result<nlohmann::json> BuildRecurrenceReport(Store& store, std::string_view state,
                                             const ReportOptions& options);

// Ratifications, reviews, visits, agreements, dialogues: one chronology.
Result<nlohmann::json> BuildTimelineReport(Store& store, std::string_view state,
                                           const ReportOptions& options);

// The codes of every state the store holds records about, sorted.
Result<std::vector<std::string>> StatesWithRecords(Store& store);

// One line of an index of reports: the state, its file, and the report's
// headline figures.
nlohmann::json ReportSummary(const nlohmann::json& report, const std::string& file);
// An index page (Markdown or HTML; JSON/CSV: the summaries as a list or
// table) of reports written with --all.
std::string RenderReportIndex(const std::vector<nlohmann::json>& summaries, ReportFormat format);

// Renders a report built above. CSV holds every table of the report, each
// preceded by a "# <table>" line.
std::string RenderReport(const nlohmann::json& report, ReportFormat format);

}  // namespace rapporteur

#endif  // RAPPORTEUR_REPORT_H_
