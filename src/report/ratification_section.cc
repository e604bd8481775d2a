// The ratification part of the scorecard: which core instruments the state
// is party to, which it signed and left unratified (and for how long), its
// reservations, and the complaint and inquiry procedures it has not
// accepted.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "src/report/report_util.h"
#include "src/report/sections.h"

namespace rapporteur::report {
namespace {

bool IsPartyAct(const std::string& action) {
  return action == "ratification" || action == "accession" || action == "succession" ||
         action == "became_party";
}

// What the events say of one instrument, in event order.
struct InstrumentStatus {
  std::string party_date, party_action, signed_date;
  bool party = false, signed_ = false, withdrawn = false;
  Ids party_records, signature_records, all_records;
  std::set<std::string> procedures_accepted;
};

std::map<std::string, InstrumentStatus> StatusByInstrument(const std::vector<Record>& events) {
  std::map<std::string, InstrumentStatus> status;
  for (const Record& e : events) {
    InstrumentStatus& s = status[e.Text("instrument")];
    const std::string action = e.Text("action");
    s.all_records.push_back(e.id);
    if (IsPartyAct(action)) {
      s.party = true;
      s.withdrawn = false;
      s.party_date = e.Text("date");
      s.party_action = action;
      s.party_records.push_back(e.id);
    } else if (action == "signature") {
      s.signed_ = true;
      s.signed_date = e.Text("date");
      s.signature_records.push_back(e.id);
    } else if (action == "withdrawal") {
      s.withdrawn = true;
      s.party = false;
    } else if (action == "accepted_procedure") {
      s.procedures_accepted.insert(e.Text("procedure"));
    }
  }
  return status;
}

nlohmann::json InstrumentEntry(const lens::Instrument& inst) {
  return {{"instrument", inst.id}, {"title", inst.DisplayTitle()}};
}

nlohmann::json DateOrNull(const std::string& date) {
  return date.empty() ? nlohmann::json() : nlohmann::json(date);
}

void AddCoreLists(const std::map<std::string, InstrumentStatus>& status, const Reference& ref,
                  nlohmann::json* data) {
  for (const lens::Instrument& inst : ref.instruments->instruments()) {
    if (!inst.core) continue;
    auto it = status.find(inst.id);
    const InstrumentStatus none;
    const InstrumentStatus& s = it == status.end() ? none : it->second;
    nlohmann::json entry = InstrumentEntry(inst);
    if (s.party) {
      entry["date"] = DateOrNull(s.party_date);
      entry["action"] = s.party_action;
      entry["records"] = s.party_records;
      (*data)["party"].push_back(entry);
      continue;
    }
    entry["signed"] = DateOrNull(s.signed_date);
    entry["withdrawn"] = s.withdrawn;
    entry["records"] = s.all_records;
    (*data)["not_ratified"].push_back(entry);
    if (!s.signed_) continue;
    const int years = YearsBetween(s.signed_date, ref.as_of);
    entry["years_since_signature"] = years < 0 ? nlohmann::json() : nlohmann::json(years);
    (*data)["signed_not_ratified"].push_back(entry);
  }
}

// Procedures of instruments the state is party to that it has not accepted;
// article-based ones are "unknown" when no declaration at all is on record.
void AddProcedures(const std::map<std::string, InstrumentStatus>& status, const Reference& ref,
                   bool declarations_on_record, nlohmann::json* data) {
  for (const Procedure& p : ref.procedures) {
    auto parent = status.find(p.instrument);
    if (parent == status.end() || !parent->second.party) continue;
    const bool by_protocol = ref.instruments->Find(p.accepted_by) != nullptr;
    bool accepted = parent->second.procedures_accepted.count(p.procedure) > 0;
    if (by_protocol) {
      auto protocol = status.find(p.accepted_by);
      accepted = accepted || (protocol != status.end() && protocol->second.party);
    }
    if (accepted) continue;
    const bool unknown = !by_protocol && !declarations_on_record;
    (*data)[unknown ? "procedures_unknown" : "procedures_not_accepted"].push_back(
        {{"instrument", p.instrument},
         {"procedure", p.procedure},
         {"accepted_by", p.accepted_by},
         {"records", parent->second.party_records}});
  }
}

nlohmann::json Reservations(const std::vector<Record>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const Record& e : events) {
    for (const char* field : {"reservations", "declarations"}) {
      const std::string text = e.Text(field);
      if (text.empty()) continue;
      list.push_back({{"instrument", e.Text("instrument")},
                      {"kind", field},
                      {"text", text},
                      {"records", Ids{e.id}}});
    }
  }
  return list;
}

}  // namespace

Result<std::vector<Procedure>> LoadProcedures(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::vector<Procedure> procedures;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Procedure p;
    if (!std::getline(fields, p.instrument, '\t') || !std::getline(fields, p.procedure, '\t') ||
        !std::getline(fields, p.accepted_by) || p.accepted_by.empty()) {
      return InvalidInput("'" + path + "' line " + std::to_string(number) +
                          ": expected instrument<TAB>procedure<TAB>accepted_by");
    }
    procedures.push_back(std::move(p));
  }
  return procedures;
}

nlohmann::json RatificationData(const std::vector<Record>& events, const Reference& ref) {
  nlohmann::json data = {{"core_instruments", 0},
                         {"party", nlohmann::json::array()},
                         {"not_ratified", nlohmann::json::array()},
                         {"signed_not_ratified", nlohmann::json::array()},
                         {"procedures_not_accepted", nlohmann::json::array()},
                         {"procedures_unknown", nlohmann::json::array()},
                         {"missing", nlohmann::json::array()}};
  for (const lens::Instrument& inst : ref.instruments->instruments()) {
    if (inst.core) data["core_instruments"] = data["core_instruments"].get<int>() + 1;
  }
  if (events.empty()) {
    data["missing"].push_back("no ratification events on record for this state");
    return data;
  }
  const auto status = StatusByInstrument(events);
  AddCoreLists(status, ref, &data);
  bool declarations = false;
  for (const Record& e : events) declarations |= e.Text("action") == "accepted_procedure";
  AddProcedures(status, ref, declarations, &data);
  data["reservations"] = Reservations(events);
  if (data["reservations"].empty()) {
    data["missing"].push_back(
        "no reservations or declarations on record (the source may not list them)");
  }
  return data;
}

namespace {

// A signature whose date the source does not give still says "signed".
nlohmann::json CellValue(const nlohmann::json& entry, const std::string& field) {
  nlohmann::json value = entry.value(field, nlohmann::json());
  if (field == "signed" && value.is_null() && entry.contains("years_since_signature")) {
    return "yes (date not on record)";
  }
  return value;
}

// Rows of instrument entries: the columns named, the records of each row.
void InstrumentTable(Section* section, const std::string& id, const std::string& table_title,
                     const nlohmann::json& entries, const std::vector<std::string>& fields) {
  std::vector<std::string> columns = {"instrument"};
  columns.insert(columns.end(), fields.begin(), fields.end());
  std::vector<std::vector<nlohmann::json>> rows;
  std::vector<Ids> records;
  for (const auto& e : entries) {
    const std::string title = e.value("title", "");
    std::vector<nlohmann::json> row = {e.value("instrument", "") +
                                       (title.empty() ? "" : " — " + title)};
    for (const std::string& f : fields) row.push_back(CellValue(e, f));
    rows.push_back(std::move(row));
    records.push_back(e.value("records", Ids{}));
  }
  section->Table(id, table_title, std::move(columns), std::move(rows), std::move(records));
}

// The not-ratified entries, those also signed marked as such.
nlohmann::json MarkSigned(nlohmann::json entries, const nlohmann::json& signed_entries) {
  for (auto& e : entries) {
    for (const auto& s : signed_entries) {
      if (s["instrument"] == e["instrument"])
        e["years_since_signature"] = s["years_since_signature"];
    }
  }
  return entries;
}

Ids AllRecords(const nlohmann::json& entries) {
  Ids ids;
  for (const auto& e : entries) {
    for (const auto& id : e.value("records", Ids{})) ids.push_back(id);
  }
  return ids;
}

}  // namespace

nlohmann::json RatificationSection(const nlohmann::json& data) {
  Section section("ratification", "Ratification of the core instruments");
  for (const auto& m : data["missing"]) section.Missing(m.get<std::string>());
  if (!data["party"].empty() || !data["not_ratified"].empty()) {
    section.Figure("Core instruments ratified",
                   std::to_string(data["party"].size()) + " of " +
                       std::to_string(data["core_instruments"].get<int>()),
                   AllRecords(data["party"]));
    section.Figure("Signed, not ratified", data["signed_not_ratified"].size(),
                   AllRecords(data["signed_not_ratified"]));
    InstrumentTable(&section, "not_ratified", "Core instruments not ratified",
                    MarkSigned(data["not_ratified"], data["signed_not_ratified"]), {"signed"});
    InstrumentTable(&section, "signed_not_ratified", "Signed but not ratified",
                    data["signed_not_ratified"], {"signed", "years_since_signature"});
    InstrumentTable(&section, "party", "Party to", data["party"], {"action", "date"});
  }
  if (data.contains("procedures_not_accepted") && !data["procedures_not_accepted"].empty()) {
    InstrumentTable(&section, "procedures_not_accepted",
                    "Complaint and inquiry procedures not accepted",
                    data["procedures_not_accepted"], {"procedure", "accepted_by"});
  }
  if (data.contains("procedures_unknown") && !data["procedures_unknown"].empty()) {
    section.Note("Acceptance of procedures by declaration (" +
                 std::to_string(data["procedures_unknown"].size()) +
                 ", e.g. CAT art. 22) is not on record for this state.");
  }
  if (data.contains("reservations") && !data["reservations"].empty()) {
    InstrumentTable(&section, "reservations", "Reservations and declarations", data["reservations"],
                    {"kind", "text"});
  }
  return section.Done();
}

}  // namespace rapporteur::report
