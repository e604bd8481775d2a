// One chronology of a state's engagement: ratifications, reviews (the
// recommendations of one mechanism and session, as one event), visits
// requested and made, standing invitations, agreements, activities,
// dialogues and communications. UPR recommendations dated only by session
// take the month of the session (data/upr_sessions.tsv).
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "rapporteur/report.h"
#include "src/base/data_dir.h"
#include "src/report/report_util.h"
#include "src/report/state_records.h"

namespace rapporteur {
namespace report {
namespace {

struct Event {
  std::string date, kind, what;
  Ids records;
};

std::map<std::string, std::string> SessionMonths() {
  std::map<std::string, std::string> months;
  std::ifstream in(DefaultDataDir() + "/upr_sessions.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string session, cycle, month;
    if (std::getline(fields, session, '\t') && std::getline(fields, cycle, '\t') &&
        std::getline(fields, month)) {
      months[session] = month;
    }
  }
  return months;
}

// The recommendations of one review (mechanism, session or document) as one event.
void AddReviews(const std::vector<Record>& recommendations, std::vector<Event>* events) {
  const auto months = SessionMonths();
  std::map<std::string, Event> reviews;
  for (const Record& r : recommendations) {
    const std::string session = r.Text("session");
    const std::string review =
        r.Text("mechanism") + " " + (session.empty() ? r.Text("document") : "session " + session);
    Event& e = reviews[review];
    if (e.date.empty()) {
      e.date = r.Text("date");
      auto month = months.find(session);
      if (e.date.empty() && r.Text("mechanism") == "UPR" && month != months.end())
        e.date = month->second;
      e.kind = "review";
    }
    e.records.push_back(r.id);
  }
  for (auto& [review, e] : reviews) {
    e.what = review + ": " + std::to_string(e.records.size()) + " recommendations";
    events->push_back(std::move(e));
  }
}

void AddSimple(const std::vector<Record>& records, const std::string& kind,
               const std::vector<std::string>& what_fields, const std::string& date_field,
               std::vector<Event>* events) {
  for (const Record& r : records) {
    std::string what;
    for (const std::string& f : what_fields) {
      if (!r.Text(f).empty()) what += (what.empty() ? "" : " · ") + r.Text(f);
    }
    events->push_back({r.Text(date_field), kind, what, {r.id}});
  }
}

std::vector<Event> Events(StateRecords& r) {
  std::vector<Event> events;
  auto& k = r.by_kind;
  AddSimple(k["ratification"], "ratification", {"action", "instrument", "procedure"}, "date",
            &events);
  AddReviews(k["recommendation"], &events);
  AddSimple(k["visit"], "visit", {"event", "mandate"}, "date", &events);
  AddSimple(k["standing_invitation"], "standing invitation", {"note"}, "date", &events);
  AddSimple(k["agreement"], "agreement signed", {"title", "counterpart"}, "date_signed", &events);
  AddSimple(k["agreement_version"], "agreement version", {"label", "status", "agreement"}, "date",
            &events);
  AddSimple(k["activity"], "activity", {"type", "topic", "audience"}, "date", &events);
  AddSimple(k["dialogue"], "dialogue", {"partner", "round"}, "date", &events);
  AddSimple(k["communication"], "communication", {"type", "reference"}, "date_sent", &events);
  // Undated events go last, in the order above: stable sort on "has a date".
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
  });
  return events;
}

}  // namespace
}  // namespace report

Result<nlohmann::json> BuildTimelineReport(Store& store, std::string_view state,
                                           const ReportOptions& options) {
  using namespace report;
  Result<StateRecords> r = LoadStateRecords(store, state);
  if (!r) return r.error();
  Result<nlohmann::json> report = StateHeader(r->code, options.as_of);
  if (!report) return report.error();
  nlohmann::json events = nlohmann::json::array();
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> row_records;
  size_t undated = 0;
  for (Event& e : Events(*r)) {
    undated += e.date.empty() ? 1 : 0;
    events.push_back({{"date", e.date.empty() ? nlohmann::json() : nlohmann::json(e.date)},
                      {"kind", e.kind},
                      {"what", e.what},
                      {"records", e.records}});
    rows.push_back({e.date.empty() ? "undated" : e.date, e.kind, e.what});
    row_records.push_back(std::move(e.records));
  }
  Section section("timeline", "Timeline");
  if (undated > 0)
    section.Note(std::to_string(undated) + " event(s) without a date are listed last.");
  section.Table("events", "Events", {"date", "event", "what"}, std::move(rows),
                std::move(row_records));
  (*report)["report"] = "timeline";
  (*report)["events"] = std::move(events);
  (*report)["sections"] = {section.Done()};
  (*report)["records"] = RecordIndex(*r);
  return report;
}

}  // namespace rapporteur
