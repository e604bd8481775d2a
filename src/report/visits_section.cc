// Special-procedure visits: each mandate's requests, told from their event
// history. A request runs from "requested" to an outcome (carried out,
// declined, cancelled); a later "requested" starts a new one. What the last
// event says is the request's status, and a request still open is pending
// since its first "requested".
#include <algorithm>
#include <map>

#include "src/report/report_util.h"
#include "src/report/sections.h"

namespace rapporteur::report {
namespace {

std::string StatusAfter(const std::string& event) {
  if (event == "requested" || event == "reminder" || event == "acknowledged") return "pending";
  if (event == "accepted_in_principle" || event == "dates_proposed") return "accepted";
  if (event == "carried_out" || event == "report_published") return "carried_out";
  if (event == "deadlocked_terms_of_reference") return "deadlocked";
  return event;  // declined, postponed, cancelled
}

bool Closes(const std::string& status) {
  return status == "carried_out" || status == "declined" || status == "cancelled";
}

struct Request {
  std::string mandate, first_requested, last_event, last_date, status;
  Ids records;
};

std::vector<Request> RequestsOf(std::vector<const Record*> events) {
  std::stable_sort(events.begin(), events.end(), [](const Record* a, const Record* b) {
    return a->Text("date") < b->Text("date");
  });
  std::vector<Request> requests;
  for (const Record* e : events) {
    const std::string event = e->Text("event");
    const bool starts =
        requests.empty() || (event == "requested" && Closes(requests.back().status));
    if (starts) requests.push_back({e->Text("mandate"), "", "", "", "", {}});
    Request& r = requests.back();
    if (event == "requested" && r.first_requested.empty()) r.first_requested = e->Text("date");
    r.last_event = event;
    r.last_date = e->Text("date");
    r.status = StatusAfter(event);
    r.records.push_back(e->id);
  }
  return requests;
}

nlohmann::json RequestJson(const Request& r, const std::string& as_of) {
  nlohmann::json j = {
      {"mandate", r.mandate},
      {"status", r.status},
      {"first_requested",
       r.first_requested.empty() ? nlohmann::json() : nlohmann::json(r.first_requested)},
      {"last_event", r.last_event},
      {"last_date", r.last_date},
      {"records", r.records}};
  if (!Closes(r.status) && !r.first_requested.empty()) {
    j["years_pending"] = YearsBetween(r.first_requested, as_of);
  }
  return j;
}

}  // namespace

nlohmann::json VisitsData(const std::vector<Record>& visits, const std::vector<Record>& invitations,
                          const Reference& ref) {
  nlohmann::json data = {{"requests", nlohmann::json::array()},
                         {"counts", nlohmann::json::object()},
                         {"standing_invitation", nlohmann::json()},
                         {"missing", nlohmann::json::array()}};
  if (!invitations.empty()) {
    const Record& first = invitations.front();
    data["standing_invitation"] = {{"date", first.Text("date")}, {"records", Ids{first.id}}};
  }
  if (visits.empty()) {
    data["missing"].push_back("no special-procedure visit requests on record for this state");
    return data;
  }
  std::map<std::string, std::vector<const Record*>> by_mandate;
  for (const Record& v : visits) by_mandate[v.Text("mandate")].push_back(&v);
  for (const auto& [mandate, events] : by_mandate) {
    for (const Request& r : RequestsOf(events)) {
      data["requests"].push_back(RequestJson(r, ref.as_of));
      nlohmann::json& count = data["counts"][r.status];
      count = count.is_null() ? 1 : count.get<int>() + 1;
    }
  }
  return data;
}

nlohmann::json VisitsSection(const nlohmann::json& data) {
  Section section("visits", "Special-procedure visits");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  const auto& invitation = data["standing_invitation"];
  section.Figure(
      "Standing invitation",
      invitation.is_null() ? "none on record" : "since " + invitation["date"].get<std::string>(),
      invitation.is_null() ? Ids{} : invitation["records"].get<Ids>());
  std::map<std::string, Ids> by_status;
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> records;
  for (const auto& r : data["requests"]) {
    Ids ids = r["records"].get<Ids>();
    auto& bucket = by_status[r["status"].get<std::string>()];
    bucket.insert(bucket.end(), ids.begin(), ids.end());
    rows.push_back({r["mandate"], r["status"], r["first_requested"], r["last_event"],
                    r["last_date"], r.value("years_pending", nlohmann::json())});
    records.push_back(std::move(ids));
  }
  for (const auto& [status, ids] : by_status) {
    section.Figure("Requests " + status, data["counts"][status], ids);
  }
  if (!rows.empty()) {
    section.Table("requests", "Visit requests",
                  {"mandate", "status", "first requested", "last event", "date", "years pending"},
                  std::move(rows), std::move(records));
  }
  return section.Done();
}

}  // namespace rapporteur::report
