#include "src/report/report_util.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <set>
#include <unordered_map>

#include "rapporteur/report.h"

namespace rapporteur::report {
namespace {

bool ParseFullDate(std::string_view date, int* y, unsigned* m, unsigned* d) {
  if (date.size() != 10) return false;
  return std::sscanf(std::string(date).c_str(), "%4d-%2u-%2u", y, m, d) == 3;
}

}  // namespace

Result<std::vector<Record>> FetchForState(Store& store, std::string_view kind,
                                          std::string_view code) {
  SearchQuery query;
  query.kind = std::string(kind);
  query.filters["state"] = {std::string(code)};
  query.limit = std::numeric_limits<std::int64_t>::max();
  query.count_facets = false;
  Result<SearchResult> result = store.Search(query);
  if (!result) return result.error();
  std::vector<Record> records = std::move(result->results);
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.id < b.id; });
  return records;
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

int YearsBetween(std::string_view from, std::string_view to) {
  if (from.size() < 4 || to.size() < 4) return -1;
  const int years =
      std::stoi(std::string(to.substr(0, 4))) - std::stoi(std::string(from.substr(0, 4)));
  // With full dates, a year counts only once its anniversary has passed.
  if (from.size() == 10 && to.size() == 10 && to.substr(5) < from.substr(5)) return years - 1;
  return years;
}

long DaysBetween(std::string_view from, std::string_view to) {
  int y1 = 0, y2 = 0;
  unsigned m1 = 0, d1 = 0, m2 = 0, d2 = 0;
  if (!ParseFullDate(from, &y1, &m1, &d1) || !ParseFullDate(to, &y2, &m2, &d2)) return -1;
  using namespace std::chrono;
  const sys_days a{year{y1} / month{m1} / day{d1}};
  const sys_days b{year{y2} / month{m2} / day{d2}};
  return (b - a).count();
}

std::vector<std::string> ListField(const Record& record, std::string_view field) {
  std::vector<std::string> out;
  auto it = record.fields.find(std::string(field));
  if (it == record.fields.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<Tally> TallyBy(const std::vector<std::pair<std::string, std::int64_t>>& values) {
  std::unordered_map<std::string, size_t> index;
  std::vector<Tally> tallies;
  for (const auto& [value, id] : values) {
    auto [it, inserted] = index.emplace(value, tallies.size());
    if (inserted) tallies.push_back({value, {}});
    tallies[it->second].records.push_back(id);
  }
  std::stable_sort(tallies.begin(), tallies.end(), [](const Tally& a, const Tally& b) {
    return a.records.size() > b.records.size();
  });
  return tallies;
}

Section::Section(std::string id, std::string title)
    : json_({{"id", std::move(id)},
             {"title", std::move(title)},
             {"figures", nlohmann::json::array()},
             {"tables", nlohmann::json::array()},
             {"charts", nlohmann::json::array()},
             {"missing", nlohmann::json::array()},
             {"notes", nlohmann::json::array()}}) {}

void Section::Figure(const std::string& label, const nlohmann::json& value, const Ids& records) {
  json_["figures"].push_back({{"label", label}, {"value", value}, {"records", records}});
}

void Section::Table(const std::string& id, const std::string& title,
                    std::vector<std::string> columns, std::vector<std::vector<nlohmann::json>> rows,
                    std::vector<Ids> row_records) {
  json_["tables"].push_back({{"id", id},
                             {"title", title},
                             {"columns", std::move(columns)},
                             {"rows", std::move(rows)},
                             {"row_records", std::move(row_records)}});
}

void Section::Chart(const std::string& title, const std::vector<Tally>& bars, size_t max_bars) {
  nlohmann::json chart = {{"title", title}, {"bars", nlohmann::json::array()}};
  for (size_t i = 0; i < bars.size() && i < max_bars; ++i) {
    chart["bars"].push_back({{"label", bars[i].value.empty() ? "(none)" : bars[i].value},
                             {"value", bars[i].records.size()},
                             {"records", bars[i].records}});
  }
  json_["charts"].push_back(std::move(chart));
}

void Section::Missing(const std::string& text) { json_["missing"].push_back(text); }
void Section::Note(const std::string& text) { json_["notes"].push_back(text); }

}  // namespace rapporteur::report

namespace rapporteur {

Result<std::vector<std::string>> StatesWithRecords(Store& store) {
  std::set<std::string> codes;
  for (const KindSpec& kind : AllKinds()) {
    if (kind.Field("state") == nullptr) continue;
    SearchQuery query;
    query.kind = std::string(kind.kind);
    query.limit = 0;
    query.facets = {"state"};
    Result<SearchResult> result = store.Search(query);
    if (!result) return result.error();
    for (const FacetCount& c : result->facets["state"]) {
      if (!c.value.empty() && c.count > 0) codes.insert(c.value);
    }
  }
  return std::vector<std::string>(codes.begin(), codes.end());
}

}  // namespace rapporteur
