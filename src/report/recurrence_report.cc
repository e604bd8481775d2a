// Recommendations made again, cycle after cycle: the recurrence engine
// (recurrence.h) over a state's recommendations, as a section of the
// scorecard and as a report of its own.
#include <algorithm>
#include <set>

#include "rapporteur/recurrence.h"
#include "rapporteur/report.h"
#include "src/report/report_util.h"
#include "src/report/state_records.h"

namespace rapporteur {
namespace report {
namespace {

std::vector<RecurrenceItem> Items(const std::vector<Record>& recommendations) {
  std::vector<RecurrenceItem> items;
  items.reserve(recommendations.size());
  for (const Record& r : recommendations) {
    items.push_back(RecurrenceItemOf(r));
  }
  return items;
}

nlohmann::json Member(const Record& r) {
  return {{"id", r.id},
          {"text", r.Text("text")},
          {"cycle", r.fields.value("cycle", nlohmann::json())},
          {"session", r.fields.value("session", nlohmann::json())},
          {"mechanism", r.Text("mechanism")},
          {"recommending_states", ListField(r, "recommending_states")},
          {"response", r.Text("response")}};
}

nlohmann::json ClusterJson(const RecurrenceCluster& c, const std::vector<Record>& recommendations) {
  nlohmann::json members = nlohmann::json::array();
  std::set<std::string> recommenders;
  Ids ids;
  for (size_t index : c.members) {
    const Record& r = recommendations[index];
    members.push_back(Member(r));
    ids.push_back(r.id);
    for (const std::string& s : ListField(r, "recommending_states")) recommenders.insert(s);
  }
  return {{"kind", c.kind == RecurrenceKind::kRatification ? "ratification" : "text"},
          {"label", recommendations[c.central].Text("text")},
          {"instruments", c.instruments},
          {"cycles", c.cycles},
          {"recommending_states", recommenders},
          {"members", members},
          {"records", ids}};
}

}  // namespace

// All clusters of the state's recommendations, most recurring first: more
// cycles, then more members.
Result<nlohmann::json> Clusters(const std::vector<Record>& recommendations) {
  Result<RecurrenceFinder> finder = RecurrenceFinder::Create(RecurrenceOptions{});
  if (!finder) return finder.error();
  const std::vector<RecurrenceItem> items = Items(recommendations);
  Result<std::vector<RecurrenceCluster>> clusters = finder->Find(items);
  if (!clusters) return clusters.error();
  std::stable_sort(clusters->begin(), clusters->end(), [](const auto& a, const auto& b) {
    if (a.cycles.size() != b.cycles.size()) return a.cycles.size() > b.cycles.size();
    return a.members.size() > b.members.size();
  });
  nlohmann::json out = nlohmann::json::array();
  for (const RecurrenceCluster& c : *clusters) out.push_back(ClusterJson(c, recommendations));
  return out;
}

nlohmann::json RecurrenceData(const std::vector<Record>& recommendations, int max_clusters) {
  nlohmann::json data = {{"clusters", nlohmann::json::array()},
                         {"total_clusters", 0},
                         {"missing", nlohmann::json::array()}};
  std::set<int> cycles;
  for (const Record& r : recommendations) cycles.insert(r.fields.value("cycle", 0));
  if (cycles.size() < 2) {
    data["missing"].push_back(
        "recommendations from fewer than two review cycles on record: "
        "recurrence cannot be measured");
    return data;
  }
  Result<nlohmann::json> clusters = Clusters(recommendations);
  if (!clusters) {
    data["missing"].push_back("recurrence not computed: " + clusters.error().message());
    return data;
  }
  data["total_clusters"] = clusters->size();
  for (const auto& c : *clusters) {
    if (static_cast<int>(data["clusters"].size()) >= max_clusters) break;
    data["clusters"].push_back(c);
  }
  return data;
}

nlohmann::json RecurrenceSection(const nlohmann::json& data) {
  Section section("recurrence", "Recommendations made again in later cycles");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  if (data["clusters"].empty()) return section.Done();
  Ids all;
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> records;
  for (const auto& c : data["clusters"]) {
    Ids ids = c["records"].get<Ids>();
    all.insert(all.end(), ids.begin(), ids.end());
    rows.push_back({c["label"], c["cycles"], c["members"].size(), c["recommending_states"].size()});
    records.push_back(std::move(ids));
  }
  section.Figure("Recurring clusters", data["total_clusters"], all);
  if (data["total_clusters"].get<size_t>() > data["clusters"].size()) {
    section.Note("The " + std::to_string(data["clusters"].size()) +
                 " most recurring clusters are shown; 'rapporteur report recurrence' lists all.");
  }
  section.Table(
      "clusters", "Recurring recommendations",
      {"recommendation (most central wording)", "cycles", "times made", "recommending states"},
      std::move(rows), std::move(records));
  return section.Done();
}

// Every cluster with its members: what was asked each time, by whom, and
// what the state answered.
nlohmann::json ClusterDetailSection(const nlohmann::json& clusters) {
  Section section("clusters", "Each cluster, member by member");
  int number = 0;
  for (const auto& c : clusters) {
    std::vector<std::vector<nlohmann::json>> rows;
    std::vector<Ids> records;
    for (const auto& m : c["members"]) {
      rows.push_back(
          {m["cycle"], m["session"], m["text"], m["recommending_states"], m["response"]});
      records.push_back({m["id"].get<std::int64_t>()});
    }
    std::string title = std::to_string(++number) + ". " + c["label"].get<std::string>();
    if (title.size() > 160) title = title.substr(0, 157) + "...";
    section.Table("cluster-" + std::to_string(number), title,
                  {"cycle", "session", "text", "recommending states", "response"}, std::move(rows),
                  std::move(records));
  }
  return section.Done();
}

}  // namespace report

Result<nlohmann::json> BuildRecurrenceReport(Store& store, std::string_view state,
                                             const ReportOptions& options) {
  using namespace report;
  Result<StateRecords> r = LoadStateRecords(store, state);
  if (!r) return r.error();
  Result<nlohmann::json> report = StateHeader(r->code, options.as_of);
  if (!report) return report.error();
  const auto& recommendations = r->by_kind["recommendation"];
  nlohmann::json data = RecurrenceData(recommendations, std::numeric_limits<int>::max());
  (*report)["report"] = "recurrence";
  (*report)["clusters"] = data["clusters"];
  (*report)["missing"] = data["missing"];
  (*report)["sections"] = {RecurrenceSection(data), ClusterDetailSection(data["clusters"])};
  (*report)["records"] = RecordIndex(*r);
  return report;
}

}  // namespace rapporteur
