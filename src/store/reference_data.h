// The reference data a record's values point to: states, instruments and
// mechanisms. Init() seeds them into the store from the installation's
// catalogues (StateCatalogue, data/instruments.jsonl,
// data/mechanisms.jsonl); Put() checks values against the copy in the store,
// which this class caches in memory, and suggests the intended value when
// a check fails ("unknown state code 'UK' (did you mean 'GB'?)").
//
// Thread safety: as the Database it was loaded from.
#ifndef RAPPORTEUR_SRC_STORE_REFERENCE_DATA_H_
#define RAPPORTEUR_SRC_STORE_REFERENCE_DATA_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/states.h"
#include "rapporteur/status.h"
#include "src/store/sqlite_db.h"

namespace rapporteur::store {

// The directory of the data files: $RAPPORTEUR_DATA, else the build's data/.
std::string DataDirectory();

// Inserts or updates states, state names, instruments and mechanisms from
// the catalogues, in one transaction. Rows no catalogue has any more are
// kept: records may point to them.
Status SeedReferenceData(Database& db);

struct MechanismInfo {
  std::string id;
  std::string type;        // upr, treaty_body, special_procedure, council, other
  std::string instrument;  // the treaty a treaty body monitors, or ""
  std::vector<std::string> aliases;
};

class ReferenceData {
 public:
  // Reads the reference tables of `db`.
  Status Load(Database& db);

  bool HasState(std::string_view code) const { return states_.count(code) > 0; }
  bool HasInstrument(std::string_view id) const { return instruments_.count(id) > 0; }
  const MechanismInfo* FindMechanism(std::string_view id) const;
  const std::map<std::string, MechanismInfo, std::less<>>& mechanisms() const {
    return mechanisms_;
  }
  std::size_t state_count() const { return states_.size(); }
  std::size_t instrument_count() const { return instruments_.size(); }

  // Checks one value; the message names the field and suggests a value.
  Status CheckState(std::string_view field, std::string_view code);
  Status CheckInstrument(std::string_view field, std::string_view id) const;
  Status CheckMechanism(std::string_view field, std::string_view id) const;

  // A mechanism id for an id, any case, or an alias; nullopt if none.
  std::optional<std::string> MatchMechanism(std::string_view name) const;

  // The state catalogue of the installation, loaded on first use.
  Result<const StateCatalogue*> Catalogue();

 private:
  std::set<std::string, std::less<>> states_;
  std::set<std::string, std::less<>> instruments_;
  std::map<std::string, MechanismInfo, std::less<>> mechanisms_;
  std::optional<StateCatalogue> catalogue_;
};

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_REFERENCE_DATA_H_
