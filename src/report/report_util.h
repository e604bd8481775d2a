// What the report builders share: fetching a state's records, dates, and the
// "sections" view that the Markdown, HTML and CSV renderers walk.
//
// A section is {"id", "title", "figures": [{"label", "value", "records"}],
// "tables": [{"id", "title", "columns": [...], "rows": [[cell...]],
// "row_records": [[id...]]}], "charts": [{"title", "bars": [{"label",
// "value", "records"}]}], "missing": [text...], "notes": [text...]}.
#ifndef RAPPORTEUR_SRC_REPORT_REPORT_UTIL_H_
#define RAPPORTEUR_SRC_REPORT_REPORT_UTIL_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/store.h"

namespace rapporteur::report {

using Ids = std::vector<std::int64_t>;

// Every record of `kind` whose state is `code`, in id order.
Result<std::vector<Record>> FetchForState(Store& store, std::string_view kind,
                                          std::string_view code);

// Today in UTC as YYYY-MM-DD.
std::string Today();

// Whole years from partial date `from` to `to` (YYYY-MM-DD); -1 if unknown.
int YearsBetween(std::string_view from, std::string_view to);

// Days from `from` to `to` when both are full dates; -1 otherwise.
long DaysBetween(std::string_view from, std::string_view to);

// The values of a list field ([] when absent).
std::vector<std::string> ListField(const Record& record, std::string_view field);

// Counts records by one value each, keeping their ids; sorted by count desc.
struct Tally {
  std::string value;
  Ids records;
};
std::vector<Tally> TallyBy(const std::vector<std::pair<std::string, std::int64_t>>& values);

class Section {
 public:
  Section(std::string id, std::string title);
  void Figure(const std::string& label, const nlohmann::json& value, const Ids& records);
  void Table(const std::string& id, const std::string& title, std::vector<std::string> columns,
             std::vector<std::vector<nlohmann::json>> rows, std::vector<Ids> row_records);
  void Chart(const std::string& title, const std::vector<Tally>& bars, size_t max_bars);
  void Missing(const std::string& text);
  void Note(const std::string& text);
  nlohmann::json Done() { return std::move(json_); }

 private:
  nlohmann::json json_;
};

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_REPORT_UTIL_H_
