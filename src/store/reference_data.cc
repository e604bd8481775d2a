#include "src/store/reference_data.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "src/lens/catalogue.h"
#include "src/record/field_values.h"
#include "src/record/mechanisms.h"

namespace rapporteur::store {
namespace {

using nlohmann::json;

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

Status SeedStates(Database& db, const StateCatalogue& catalogue) {
  Result<Query> upsert = db.Prepare(
      "INSERT INTO states (code, alpha3, name, official_name, un_member, regional_group) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO UPDATE SET alpha3 = ?2, "
      "name = ?3, official_name = ?4, un_member = ?5, regional_group = ?6");
  if (!upsert) return upsert.error();
  for (const StateInfo& s : catalogue.states()) {
    upsert->Bind(1, s.code).Bind(2, s.alpha3).Bind(3, s.name).Bind(4, s.official_name);
    upsert->Bind(5, std::int64_t{s.un_member}).Bind(6, s.regional_group);
    RAPPORTEUR_RETURN_IF_ERROR(upsert->Done());
  }
  return Status::Ok();
}

// Every name of every state, folded, for the state the catalogue resolves
// it to (when two states share a name, the catalogue decides).
Status SeedStateNames(Database& db, const StateCatalogue& catalogue) {
  RAPPORTEUR_RETURN_IF_ERROR(db.Exec("DELETE FROM state_names"));
  Result<Query> insert =
      db.Prepare("INSERT OR IGNORE INTO state_names (folded, code, name) VALUES (?, ?, ?)");
  if (!insert) return insert.error();
  for (const StateInfo& s : catalogue.states()) {
    std::vector<std::string> names{s.code, s.alpha3, s.name, s.official_name};
    names.insert(names.end(), s.aliases.begin(), s.aliases.end());
    for (const std::string& name : names) {
      std::string folded = StateCatalogue::FoldName(name);
      Result<const StateInfo*> owner = catalogue.Resolve(name);
      if (folded.empty() || !owner || (*owner)->code != s.code) continue;
      RAPPORTEUR_RETURN_IF_ERROR(insert->Bind(1, folded).Bind(2, s.code).Bind(3, name).Done());
    }
  }
  return Status::Ok();
}

Status SeedInstruments(Database& db, const lens::Catalogue& catalogue) {
  Result<Query> upsert = db.Prepare(
      "INSERT INTO instruments (id, kind, title, parent, core) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (id) DO UPDATE SET kind = ?2, title = ?3, parent = ?4, core = ?5");
  if (!upsert) return upsert.error();
  for (const lens::Instrument& i : catalogue.instruments()) {
    upsert->Bind(1, i.id).Bind(2, i.kind).Bind(3, i.DisplayTitle()).Bind(4, i.parent);
    RAPPORTEUR_RETURN_IF_ERROR(upsert->Bind(5, std::int64_t{i.core}).Done());
  }
  return Status::Ok();
}

Status SeedMechanisms(Database& db, const std::vector<Mechanism>& mechanisms) {
  Result<Query> upsert = db.Prepare(
      "INSERT INTO mechanisms (id, type, name, instrument, aliases) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (id) DO UPDATE SET type = ?2, name = ?3, instrument = ?4, aliases = ?5");
  if (!upsert) return upsert.error();
  for (const Mechanism& m : mechanisms) {
    upsert->Bind(1, m.id).Bind(2, m.type).Bind(3, m.name).Bind(4, m.instrument);
    Status s = upsert->Bind(5, json(m.aliases).dump()).Done();
    if (!s.ok()) return s.WithContext("cannot store mechanism '" + m.id + "'");
  }
  return Status::Ok();
}

Status SeedAll(Database& db) {
  Result<StateCatalogue> states = StateCatalogue::LoadDefault();
  if (!states) return states.error();
  lens::Catalogue instruments;
  RAPPORTEUR_RETURN_IF_ERROR(instruments.AddFile(DataDirectory() + "/instruments.jsonl"));
  Result<std::vector<Mechanism>> mechanisms = LoadMechanisms(DataDirectory() + "/mechanisms.jsonl");
  if (!mechanisms) return mechanisms.error();
  RAPPORTEUR_RETURN_IF_ERROR(SeedStates(db, *states));
  RAPPORTEUR_RETURN_IF_ERROR(SeedStateNames(db, *states));
  RAPPORTEUR_RETURN_IF_ERROR(SeedInstruments(db, instruments));
  return SeedMechanisms(db, *mechanisms);
}

}  // namespace

std::string DataDirectory() {
  const char* env = std::getenv("RAPPORTEUR_DATA");
  if (env != nullptr && *env != '\0') return env;
  return RAPPORTEUR_DATA_DIR;
}

Status SeedReferenceData(Database& db) {
  RAPPORTEUR_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status status = SeedAll(db);
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) (void)db.Exec("ROLLBACK");
  return status;
}

Status ReferenceData::Load(Database& db) {
  states_.clear();
  instruments_.clear();
  mechanisms_.clear();
  Result<Query> states = db.Prepare("SELECT code FROM states");
  if (!states) return states.error();
  while (states->Step()) states_.insert(states->Text(0));
  RAPPORTEUR_RETURN_IF_ERROR(states->status());
  Result<Query> instruments = db.Prepare("SELECT id FROM instruments");
  if (!instruments) return instruments.error();
  while (instruments->Step()) instruments_.insert(instruments->Text(0));
  RAPPORTEUR_RETURN_IF_ERROR(instruments->status());
  Result<Query> mechanisms = db.Prepare("SELECT id, type, instrument, aliases FROM mechanisms");
  if (!mechanisms) return mechanisms.error();
  while (mechanisms->Step()) {
    MechanismInfo m{mechanisms->Text(0), mechanisms->Text(1), mechanisms->Text(2), {}};
    json aliases = json::parse(mechanisms->TextView(3), nullptr, false);
    if (aliases.is_array()) {
      for (const json& a : aliases) {
        if (a.is_string()) m.aliases.push_back(a.get<std::string>());
      }
    }
    mechanisms_.emplace(m.id, std::move(m));
  }
  return mechanisms->status();
}

const MechanismInfo* ReferenceData::FindMechanism(std::string_view id) const {
  auto it = mechanisms_.find(id);
  return it == mechanisms_.end() ? nullptr : &it->second;
}

Result<const StateCatalogue*> ReferenceData::Catalogue() {
  if (!catalogue_) {
    Result<StateCatalogue> loaded = StateCatalogue::LoadDefault();
    if (!loaded) return loaded.error();
    catalogue_ = std::move(loaded).value();
  }
  return &*catalogue_;
}

Status ReferenceData::CheckState(std::string_view field, std::string_view code) {
  if (HasState(code)) return Status::Ok();
  std::string message =
      "field '" + std::string(field) + "': unknown state code " + record::Quote(code);
  Result<const StateCatalogue*> catalogue = Catalogue();
  if (catalogue) {
    Result<const StateInfo*> state = (*catalogue)->Resolve(code);
    if (state && HasState((*state)->code)) {
      message += " (did you mean '" + (*state)->code + "'?)";
    }
  }
  return InvalidInput(message);
}

Status ReferenceData::CheckInstrument(std::string_view field, std::string_view id) const {
  if (HasInstrument(id)) return Status::Ok();
  std::string message =
      "field '" + std::string(field) + "': unknown instrument " + record::Quote(id);
  std::string upper = Upper(id);
  if (HasInstrument(upper)) return InvalidInput(message + " (did you mean '" + upper + "'?)");
  return InvalidInput(message + " (expected an id of the instrument catalogue, e.g. 'ICCPR')");
}

std::optional<std::string> ReferenceData::MatchMechanism(std::string_view name) const {
  if (FindMechanism(name) != nullptr) return std::string(name);
  std::string folded = StateCatalogue::FoldName(name);
  for (const auto& [id, m] : mechanisms_) {
    if (StateCatalogue::FoldName(id) == folded) return id;
    for (const std::string& alias : m.aliases) {
      if (StateCatalogue::FoldName(alias) == folded) return id;
    }
  }
  return std::nullopt;
}

Status ReferenceData::CheckMechanism(std::string_view field, std::string_view id) const {
  if (FindMechanism(id) != nullptr) return Status::Ok();
  std::string message =
      "field '" + std::string(field) + "': unknown mechanism " + record::Quote(id);
  std::optional<std::string> match = MatchMechanism(id);
  if (match) return InvalidInput(message + " (did you mean '" + *match + "'?)");
  return InvalidInput(message + " (expected an id of data/mechanisms.jsonl, e.g. 'UPR', 'CCPR')");
}

}  // namespace rapporteur::store
