// The cooperation scorecard of one state: every section of sections.h over
// the state's records, with the list of those records for the links.
#include <set>

#include "rapporteur/report.h"
#include "rapporteur/states.h"
#include "src/base/data_dir.h"
#include "src/report/report_util.h"
#include "src/report/sections.h"
#include "src/report/state_records.h"

namespace rapporteur {
namespace report {

Result<StateRecords> LoadStateRecords(Store& store, std::string_view state) {
  Result<std::string> code = store.ResolveState(state);
  if (!code) return code.error();
  StateRecords r;
  r.code = *code;
  for (const char* kind : {"ratification", "recommendation", "visit", "standing_invitation",
                           "communication", "agreement", "activity", "dialogue"}) {
    Result<std::vector<Record>> records = FetchForState(store, kind, r.code);
    if (!records) return records.error();
    r.by_kind[kind] = std::move(*records);
  }
  RAPPORTEUR_RETURN_IF_ERROR(LoadLinked(store, &r));
  size_t total = 0;
  for (const auto& [kind, records] : r.by_kind) total += records.size();
  if (total == 0) {
    return NotFound("no records about state '" + std::string(state) + "' (" + r.code +
                    ") in the store; import its data first ('rapporteur import')");
  }
  return r;
}

// Follow-up of the state's recommendations and versions of its agreements:
// they name their parent by key, not the state.
Status LoadLinked(Store& store, StateRecords* r) {
  std::set<std::string> recommendations, agreements;
  for (const Record& rec : r->by_kind["recommendation"]) recommendations.insert(rec.key);
  for (const Record& a : r->by_kind["agreement"]) agreements.insert(a.key);
  auto& followups = r->by_kind["followup"];
  RAPPORTEUR_RETURN_IF_ERROR(store.ForEach("followup", [&](const Record& f) {
    if (recommendations.count(f.Text("recommendation")) > 0) followups.push_back(f);
    return Status::Ok();
  }));
  auto& versions = r->by_kind["agreement_version"];
  if (agreements.empty()) return Status::Ok();
  return store.ForEach("agreement_version", [&](const Record& v) {
    if (agreements.count(v.Text("agreement")) > 0) versions.push_back(v);
    return Status::Ok();
  });
}

// A line of text that says what a record is, for the list of records.
std::string Summary(const Record& r) {
  for (const char* field : {"text", "title", "summary", "topic", "outcome", "note"}) {
    std::string text = r.Text(field);
    if (!text.empty()) return text.size() > 300 ? text.substr(0, 297) + "..." : text;
  }
  std::string out;
  for (const char* field : {"instrument", "action", "mandate", "event", "partner", "date"}) {
    if (!r.Text(field).empty()) out += (out.empty() ? "" : " · ") + r.Text(field);
  }
  return out;
}

nlohmann::json RecordIndex(const StateRecords& r) {
  nlohmann::json index = nlohmann::json::object();
  for (const auto& [kind, records] : r.by_kind) {
    for (const Record& rec : records) {
      index[std::to_string(rec.id)] = {
          {"kind", rec.kind}, {"key", rec.key}, {"summary", Summary(rec)}};
    }
  }
  return index;
}

Result<nlohmann::json> StateHeader(const std::string& code, const std::string& as_of) {
  Result<StateCatalogue> states = StateCatalogue::LoadDefault();
  if (!states) return states.error();
  const StateInfo* info = states->Find(code);
  nlohmann::json state = {{"code", code}};
  const std::string day = as_of.empty() ? Today() : as_of;
  if (info != nullptr) {
    state["name"] = info->name;
    state["official_name"] = info->official_name;
    state["regional_group"] = info->regional_group;
    state["un_member"] = info->un_member;
  }
  return nlohmann::json{{"state", state}, {"as_of", day}};
}

Result<Reference> LoadReference(const std::string& as_of, lens::Catalogue* catalogue) {
  RAPPORTEUR_RETURN_IF_ERROR(catalogue->AddFile(DefaultDataDir() + "/instruments.jsonl"));
  Result<std::vector<Procedure>> procedures = LoadProcedures(DefaultDataDir() + "/procedures.tsv");
  if (!procedures) return procedures.error();
  Reference ref;
  ref.instruments = catalogue;
  ref.procedures = std::move(*procedures);
  ref.as_of = as_of;
  return ref;
}

}  // namespace report

Result<nlohmann::json> BuildStateReport(Store& store, std::string_view state,
                                        const ReportOptions& options) {
  using namespace report;
  const std::string as_of = options.as_of.empty() ? Today() : options.as_of;
  Result<StateRecords> r = LoadStateRecords(store, state);
  if (!r) return r.error();
  lens::Catalogue catalogue;
  Result<Reference> ref = LoadReference(as_of, &catalogue);
  if (!ref) return ref.error();
  Result<nlohmann::json> report = StateHeader(r->code, as_of);
  if (!report) return report.error();
  nlohmann::json& out = *report;
  auto& k = r->by_kind;
  out["report"] = "state";
  out["ratification"] = RatificationData(k["ratification"], *ref);
  out["visits"] = VisitsData(k["visit"], k["standing_invitation"], *ref);
  out["communications"] = CommunicationsData(k["communication"]);
  out["recommendations"] = RecommendationsData(k["recommendation"], k["followup"]);
  out["recurrence"] = RecurrenceData(k["recommendation"], options.max_clusters);
  out["agreements"] = AgreementsData(k["agreement"], k["agreement_version"], k["activity"]);
  out["dialogues"] = DialoguesData(k["dialogue"]);
  out["sections"] = {RatificationSection(out["ratification"]),
                     VisitsSection(out["visits"]),
                     CommunicationsSection(out["communications"]),
                     RecommendationsSection(out["recommendations"]),
                     RecurrenceSection(out["recurrence"]),
                     AgreementsSection(out["agreements"]),
                     DialoguesSection(out["dialogues"])};
  out["records"] = RecordIndex(*r);
  return report;
}

}  // namespace rapporteur
