// Cooperation agreements and their activities: how many, on what, for whom
// — a one-off workshop for a few officials is not a sustained programme —
// and whether the monitoring safeguards of the first version on record
// survived into the last (the comparison findings, when the versions' files
// can be read).
#include <algorithm>
#include <map>
#include <set>

#include "rapporteur/compare.h"
#include "rapporteur/findings.h"
#include "rapporteur/ingest.h"
#include "src/report/report_util.h"
#include "src/report/sections.h"

namespace rapporteur::report {
namespace {

// Findings that say a safeguard was weakened between two versions.
const std::set<std::string>& SafeguardKinds() {
  static const std::set<std::string> kinds = {
      "monitoring_removed",  "standard_removed",  "restriction_added", "instrument_removed",
      "obligation_weakened", "objective_changed", "hedge_added",       "scope_narrowed"};
  return kinds;
}

// Compares the first and last versions that have files; the findings that
// touch safeguards, or a note saying why there are none.
nlohmann::json SafeguardFindings(std::vector<const Record*> versions) {
  versions.erase(std::remove_if(versions.begin(), versions.end(),
                                [](const Record* v) { return v->Text("file").empty(); }),
                 versions.end());
  if (versions.size() < 2)
    return {{"checked", false}, {"note", "fewer than two versions with files on record"}};
  std::stable_sort(versions.begin(), versions.end(), [](const Record* a, const Record* b) {
    return a->Text("date") < b->Text("date");
  });
  Result<Document> first = ReadDocument(versions.front()->Text("file"), ReadOptions{});
  Result<Document> last = ReadDocument(versions.back()->Text("file"), ReadOptions{});
  if (!first || !last) {
    return {{"checked", false}, {"note", (!first ? first.error() : last.error()).message()}};
  }
  Result<std::shared_ptr<const Lens>> lens = Lens::Load(LensOptions{});
  if (!lens) return {{"checked", false}, {"note", lens.error().message()}};
  const Comparison comparison = Compare(*first, *last, CompareOptions{});
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : (*lens)->Analyze(*first, *last, comparison)) {
    if (SafeguardKinds().count(f.kind) == 0) continue;
    findings.push_back(
        {{"kind", f.kind}, {"severity", SeverityName(f.severity)}, {"explanation", f.explanation}});
  }
  return {{"checked", true},
          {"from", versions.front()->Text("label")},
          {"to", versions.back()->Text("label")},
          {"findings", findings},
          {"records", Ids{versions.front()->id, versions.back()->id}}};
}

// Sustained: activities in at least two different years, or three or more.
nlohmann::json ActivitySummary(const std::vector<const Record*>& activities) {
  std::set<std::string> years, types, levels;
  std::int64_t participants = 0;
  Ids ids;
  for (const Record* a : activities) {
    ids.push_back(a->id);
    if (a->Text("date").size() >= 4) years.insert(a->Text("date").substr(0, 4));
    if (!a->Text("type").empty()) types.insert(a->Text("type"));
    if (!a->Text("level").empty()) levels.insert(a->Text("level"));
    participants += a->fields.value("participants", std::int64_t{0});
  }
  const bool sustained = years.size() >= 2 || activities.size() >= 3;
  return {{"count", activities.size()},
          {"types", types},
          {"levels", levels},
          {"participants", participants},
          {"years", years},
          {"pattern", activities.empty() ? "none"
                      : sustained        ? "sustained"
                                         : "one-off"},
          {"records", ids}};
}

}  // namespace

nlohmann::json AgreementsData(const std::vector<Record>& agreements,
                              const std::vector<Record>& versions,
                              const std::vector<Record>& activities) {
  nlohmann::json data = {{"agreements", nlohmann::json::array()},
                         {"missing", nlohmann::json::array()}};
  if (agreements.empty()) {
    data["missing"].push_back("no cooperation agreements on record for this state");
    return data;
  }
  std::map<std::string, std::vector<const Record*>> versions_of, activities_of;
  for (const Record& v : versions) versions_of[v.Text("agreement")].push_back(&v);
  for (const Record& a : activities) activities_of[a.Text("agreement")].push_back(&a);
  for (const Record& a : agreements) {
    data["agreements"].push_back({{"title", a.Text("title")},
                                  {"counterpart", a.Text("counterpart")},
                                  {"date_signed", a.Text("date_signed")},
                                  {"versions", versions_of[a.key].size()},
                                  {"activities", ActivitySummary(activities_of[a.key])},
                                  {"safeguards", SafeguardFindings(versions_of[a.key])},
                                  {"records", Ids{a.id}}});
  }
  return data;
}

nlohmann::json AgreementsSection(const nlohmann::json& data) {
  Section section("agreements", "Cooperation agreements and activities");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> records;
  for (const auto& a : data["agreements"]) {
    const auto& act = a["activities"];
    const auto& safe = a["safeguards"];
    std::string safeguards =
        safe["checked"].get<bool>()
            ? std::to_string(safe["findings"].size()) + " weakening finding(s) from " +
                  safe["from"].get<std::string>() + " to " + safe["to"].get<std::string>()
            : "not checked: " + safe["note"].get<std::string>();
    rows.push_back({a["title"], a["counterpart"], a["date_signed"], a["versions"], act["count"],
                    act["pattern"], act["participants"], safeguards});
    Ids ids = a["records"].get<Ids>();
    for (const auto& id : act["records"]) ids.push_back(id.get<std::int64_t>());
    records.push_back(std::move(ids));
  }
  if (!rows.empty()) {
    section.Table("agreements", "Agreements",
                  {"title", "counterpart", "signed", "versions", "activities", "pattern",
                   "participants", "safeguards"},
                  std::move(rows), std::move(records));
  }
  return section.Done();
}

}  // namespace rapporteur::report
