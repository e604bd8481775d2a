// Recommendations to the state: by mechanism, cycle, response and theme;
// the share noted or rejected; follow-up grades, and what has no recorded
// follow-up at all.
#include <cmath>
#include <map>
#include <set>

#include "src/report/report_util.h"
#include "src/report/sections.h"

namespace rapporteur::report {
namespace {

using Pairs = std::vector<std::pair<std::string, std::int64_t>>;

nlohmann::json TallyJson(const std::vector<Tally>& tallies) {
  nlohmann::json list = nlohmann::json::array();
  for (const Tally& t : tallies) {
    list.push_back({{"value", t.value}, {"count", t.records.size()}, {"records", t.records}});
  }
  return list;
}

struct Tallies {
  Pairs mechanism, cycle, response, theme;
  Ids noted_or_rejected, without_followup;
};

Tallies Collect(const std::vector<Record>& recommendations, const std::set<std::string>& followed) {
  Tallies t;
  for (const Record& r : recommendations) {
    t.mechanism.emplace_back(r.Text("mechanism"), r.id);
    t.cycle.emplace_back(r.Text("cycle"), r.id);
    const std::string response = r.Text("response");
    t.response.emplace_back(response, r.id);
    if (response == "noted" || response == "rejected") t.noted_or_rejected.push_back(r.id);
    for (const std::string& theme : ListField(r, "themes")) t.theme.emplace_back(theme, r.id);
    if (followed.count(r.key) == 0) t.without_followup.push_back(r.id);
  }
  return t;
}

// The latest grade of each (recommendation, limb), counted by grade.
nlohmann::json Grades(const std::vector<Record>& followups) {
  std::map<std::pair<std::string, std::string>, const Record*> latest;
  for (const Record& f : followups) {
    if (f.Text("grade").empty()) continue;
    const Record*& slot = latest[{f.Text("recommendation"), f.Text("limb")}];
    if (slot == nullptr || slot->Text("date") <= f.Text("date")) slot = &f;
  }
  Pairs grades;
  for (const auto& [limb, f] : latest) grades.emplace_back(f->Text("grade"), f->id);
  return TallyJson(TallyBy(grades));
}

}  // namespace

nlohmann::json RecommendationsData(const std::vector<Record>& recommendations,
                                   const std::vector<Record>& followups) {
  nlohmann::json data = {{"total", recommendations.size()}, {"missing", nlohmann::json::array()}};
  if (recommendations.empty()) {
    data["missing"].push_back("no recommendations on record for this state");
    return data;
  }
  std::set<std::string> followed;
  for (const Record& f : followups) followed.insert(f.Text("recommendation"));
  const Tallies t = Collect(recommendations, followed);
  data["by_mechanism"] = TallyJson(TallyBy(t.mechanism));
  data["by_cycle"] = TallyJson(TallyBy(t.cycle));
  data["by_response"] = TallyJson(TallyBy(t.response));
  data["by_theme"] = TallyJson(TallyBy(t.theme));
  data["noted_or_rejected"] = {{"count", t.noted_or_rejected.size()},
                               {"share", static_cast<double>(t.noted_or_rejected.size()) /
                                             static_cast<double>(recommendations.size())},
                               {"records", t.noted_or_rejected}};
  data["followup_grades"] = Grades(followups);
  data["without_followup"] = {{"count", t.without_followup.size()},
                              {"records", t.without_followup}};
  return data;
}

namespace {

std::vector<Tally> TalliesFrom(const nlohmann::json& list) {
  std::vector<Tally> out;
  for (const auto& t : list)
    out.push_back({t["value"].get<std::string>(), t["records"].get<Ids>()});
  return out;
}

}  // namespace

nlohmann::json RecommendationsSection(const nlohmann::json& data) {
  Section section("recommendations", "Recommendations received");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  if (data["total"].get<size_t>() == 0) return section.Done();
  Ids all;
  for (const auto& t : data["by_mechanism"]) {
    for (const auto& id : t["records"]) all.push_back(id.get<std::int64_t>());
  }
  section.Figure("Recommendations", data["total"], all);
  const auto& noted = data["noted_or_rejected"];
  section.Figure("Noted or rejected",
                 std::to_string(noted["count"].get<size_t>()) + " (" +
                     std::to_string(std::lround(noted["share"].get<double>() * 100)) + "%)",
                 noted["records"].get<Ids>());
  section.Figure("Without any recorded follow-up", data["without_followup"]["count"],
                 data["without_followup"]["records"].get<Ids>());
  section.Chart("By mechanism", TalliesFrom(data["by_mechanism"]), 12);
  section.Chart("By cycle", TalliesFrom(data["by_cycle"]), 12);
  section.Chart("By response", TalliesFrom(data["by_response"]), 12);
  section.Chart("By theme (top 15)", TalliesFrom(data["by_theme"]), 15);
  if (!data["followup_grades"].empty()) {
    section.Chart("Follow-up grades (latest per recommendation and limb)",
                  TalliesFrom(data["followup_grades"]), 5);
  } else {
    section.Missing("no graded follow-up assessments on record");
  }
  return section.Done();
}

}  // namespace rapporteur::report
