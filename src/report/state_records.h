// Everything the store holds about one state, fetched once for a report.
#ifndef RAPPORTEUR_SRC_REPORT_STATE_RECORDS_H_
#define RAPPORTEUR_SRC_REPORT_STATE_RECORDS_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rapporteur/store.h"
#include "src/report/sections.h"

namespace rapporteur::report {

struct StateRecords {
  std::string code;
  std::map<std::string, std::vector<Record>> by_kind;  // every kind, maybe empty
};

// kNotFound for an unknown state, and for a state with no records at all.
Result<StateRecords> LoadStateRecords(Store& store, std::string_view state);
// Adds the follow-up of the state's recommendations and the versions of its
// agreements, which name their parent record rather than the state.
Status LoadLinked(Store& store, StateRecords* records);

// {"<id>": {"kind", "key", "summary"}} for every record of the state.
nlohmann::json RecordIndex(const StateRecords& records);
// {"state": {code, name, ...}, "as_of": ...}; an empty as_of is today.
Result<nlohmann::json> StateHeader(const std::string& code, const std::string& as_of);
// The instrument catalogue and procedures; `catalogue` must outlive the result.
Result<Reference> LoadReference(const std::string& as_of, lens::Catalogue* catalogue);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_STATE_RECORDS_H_
