// The state's exchanges with the system beyond reviews: special-procedure
// communications (sent, answered, how fast) and bilateral dialogues.
#include <algorithm>
#include <cmath>
#include <map>

#include "src/report/report_util.h"
#include "src/report/sections.h"

namespace rapporteur::report {
namespace {

// The median of the reply delays in days, -1 when none is known.
double Median(std::vector<long> values) {
  if (values.empty()) return -1;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? static_cast<double>(values[mid])
                                : (values[mid - 1] + values[mid]) / 2.0;
}

}  // namespace

nlohmann::json CommunicationsData(const std::vector<Record>& communications) {
  nlohmann::json data = {{"total", communications.size()}, {"missing", nlohmann::json::array()}};
  if (communications.empty()) {
    data["missing"].push_back("no special-procedure communications on record for this state");
    return data;
  }
  Ids all, answered, unanswered;
  std::vector<long> delays;
  for (const Record& c : communications) {
    all.push_back(c.id);
    const std::string reply = c.Text("reply_date");
    (reply.empty() ? unanswered : answered).push_back(c.id);
    const long days = reply.empty() ? -1 : DaysBetween(c.Text("date_sent"), reply);
    if (days >= 0) delays.push_back(days);
  }
  data["records"] = all;
  data["answered"] = {{"count", answered.size()}, {"records", answered}};
  data["unanswered"] = {{"count", unanswered.size()}, {"records", unanswered}};
  data["share_answered"] = static_cast<double>(answered.size()) / static_cast<double>(all.size());
  const double median = Median(delays);
  data["median_reply_days"] = median < 0 ? nlohmann::json() : nlohmann::json(median);
  return data;
}

nlohmann::json CommunicationsSection(const nlohmann::json& data) {
  Section section("communications", "Communications from special procedures");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  if (data["total"].get<size_t>() == 0) return section.Done();
  section.Figure("Communications", data["total"], data["records"].get<Ids>());
  section.Figure("Answered",
                 std::to_string(data["answered"]["count"].get<size_t>()) + " (" +
                     std::to_string(std::lround(data["share_answered"].get<double>() * 100)) + "%)",
                 data["answered"]["records"].get<Ids>());
  section.Figure("Unanswered", data["unanswered"]["count"],
                 data["unanswered"]["records"].get<Ids>());
  const auto& median = data["median_reply_days"];
  section.Figure("Median reply delay",
                 median.is_null() ? "unknown (no full dates)" : median.dump() + " days",
                 data["answered"]["records"].get<Ids>());
  return section.Done();
}

nlohmann::json DialoguesData(const std::vector<Record>& dialogues) {
  nlohmann::json data = {{"dialogues", nlohmann::json::array()},
                         {"missing", nlohmann::json::array()}};
  if (dialogues.empty()) {
    data["missing"].push_back("no bilateral human-rights dialogues on record for this state");
    return data;
  }
  std::map<std::string, std::vector<const Record*>> by_partner;
  for (const Record& d : dialogues) by_partner[d.Text("partner")].push_back(&d);
  for (const auto& [partner, rounds] : by_partner) {
    Ids ids, published;
    std::string first, last;
    for (const Record* r : rounds) {
      ids.push_back(r->id);
      if (!r->Text("outcome").empty()) published.push_back(r->id);
      const std::string date = r->Text("date");
      if (!date.empty() && (first.empty() || date < first)) first = date;
      if (date > last) last = date;
    }
    data["dialogues"].push_back({{"partner", partner},
                                 {"rounds", rounds.size()},
                                 {"first", first},
                                 {"last", last},
                                 {"outcomes_published", published.size()},
                                 {"records", ids}});
  }
  return data;
}

nlohmann::json DialoguesSection(const nlohmann::json& data) {
  Section section("dialogues", "Bilateral human-rights dialogues");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> records;
  for (const auto& d : data["dialogues"]) {
    rows.push_back({d["partner"], d["rounds"], d["first"], d["last"], d["outcomes_published"]});
    records.push_back(d["records"].get<Ids>());
  }
  if (!rows.empty()) {
    section.Table("dialogues", "Dialogues",
                  {"partner", "rounds", "first", "last", "rounds with a published outcome"},
                  std::move(rows), std::move(records));
  }
  return section.Done();
}

}  // namespace rapporteur::report
