#include "src/store/migrations.h"

#include <array>
#include <string>

namespace rapporteur::store {
namespace {

// Version 1: the record model of docs/record-model.md.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE states (
  code TEXT PRIMARY KEY,
  alpha3 TEXT NOT NULL,
  name TEXT NOT NULL,
  official_name TEXT NOT NULL DEFAULT '',
  un_member INTEGER NOT NULL DEFAULT 0,
  regional_group TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Every name and code a state is known by, folded (StateCatalogue::FoldName).
CREATE TABLE state_names (
  folded TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES states(code),
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX state_names_by_code ON state_names(code);

CREATE TABLE instruments (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  parent TEXT NOT NULL DEFAULT '',
  core INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

CREATE TABLE mechanisms (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL
    CHECK (type IN ('upr', 'treaty_body', 'special_procedure', 'council', 'other')),
  name TEXT NOT NULL,
  instrument TEXT NOT NULL DEFAULT '',
  aliases TEXT NOT NULL DEFAULT '[]'  -- JSON list of other names
) STRICT, WITHOUT ROWID;
CREATE INDEX mechanisms_by_type ON mechanisms(type);

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (kind, key)
) STRICT;

-- Values of list fields (recommending_states, themes, ...), one a row, for
-- the filters: the record's own row has them too, as a JSON array. Written
-- only with their record, in its transaction; no foreign key, which would
-- cost a lookup per value on import.
CREATE TABLE record_values (
  record_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  position INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (record_id, field, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_values_by_value ON record_values(field, value, record_id);

-- The history of changes to records. A record's addition is not repeated
-- here: records has its time and actor, and its values are the "before" of
-- the first update, or the record as it is (History() puts it together).
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('add', 'update', 'delete')),
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX changes_by_record ON changes(record_id, id);

-- The facets of every record of a kind (the fields marked [F] in the
-- kinds table), kept up to date by each batch, so that a search without
-- text or filters counts a million records without reading them.
CREATE TABLE facet_counts (
  kind TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (kind, field, value)
) STRICT, WITHOUT ROWID;

-- Full text, one index per kind (<table>_text, rowid = record id), so that
-- a search reads the matches of its kind only. Contentless: the text is in
-- the kind tables, and the store deletes a record's old text with the
-- 'delete' command before an update.
CREATE VIRTUAL TABLE documents_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE ratifications_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE recommendations_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE followups_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE visits_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE standing_invitations_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE agreements_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE agreement_versions_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE activities_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE dialogues_text USING fts5(text, content='', tokenize='rapporteur');
CREATE VIRTUAL TABLE communications_text USING fts5(text, content='', tokenize='rapporteur');

CREATE TABLE documents (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  symbol TEXT NOT NULL,
  title TEXT,
  date TEXT,
  language TEXT,
  mechanism TEXT REFERENCES mechanisms(id),
  state TEXT REFERENCES states(code),
  file TEXT
) STRICT;
CREATE INDEX documents_by_symbol ON documents(symbol);
CREATE INDEX documents_by_state ON documents(state);

CREATE TABLE ratifications (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  instrument TEXT NOT NULL REFERENCES instruments(id),
  action TEXT NOT NULL,
  date TEXT,
  procedure TEXT,
  reservations TEXT,
  declarations TEXT,
  note TEXT,
  source TEXT
) STRICT;
CREATE INDEX ratifications_by_state ON ratifications(state, instrument);
CREATE INDEX ratifications_by_instrument ON ratifications(instrument, action);

CREATE TABLE recommendations (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  mechanism TEXT NOT NULL REFERENCES mechanisms(id),
  text TEXT NOT NULL,
  document TEXT,
  paragraph TEXT,
  date TEXT,
  session INTEGER,
  cycle INTEGER,
  recommending_states TEXT,  -- lists: JSON arrays (src/store/list_column.h)
  themes TEXT,
  affected_persons TEXT,
  sdgs TEXT,
  response TEXT,
  action_category INTEGER,
  source TEXT
) STRICT;
-- An index for each filter of the search language: a filter's ids are
-- read from its index alone (a tenth of the bytes of the rows), even when
-- it selects a third of the rows. Optional fields are indexed where
-- present only.
CREATE INDEX recommendations_by_state ON recommendations(state, session);
CREATE INDEX recommendations_by_mechanism ON recommendations(mechanism);
CREATE INDEX recommendations_by_session ON recommendations(session) WHERE session IS NOT NULL;
CREATE INDEX recommendations_by_cycle ON recommendations(cycle) WHERE cycle IS NOT NULL;
CREATE INDEX recommendations_by_response ON recommendations(response) WHERE response IS NOT NULL;
CREATE INDEX recommendations_by_date ON recommendations(date) WHERE date IS NOT NULL;
CREATE INDEX recommendations_by_document ON recommendations(document) WHERE document IS NOT NULL;

CREATE TABLE followups (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  recommendation INTEGER NOT NULL REFERENCES records(id),
  date TEXT NOT NULL,
  assessor TEXT NOT NULL,
  limb TEXT,
  grade TEXT,
  status TEXT,
  text TEXT,
  document TEXT,
  source TEXT
) STRICT;
CREATE INDEX followups_by_recommendation ON followups(recommendation, date);

CREATE TABLE visits (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  mandate TEXT NOT NULL REFERENCES mechanisms(id),
  event TEXT NOT NULL,
  date TEXT NOT NULL,
  note TEXT,
  document TEXT,
  source TEXT
) STRICT;
CREATE INDEX visits_by_state ON visits(state, mandate, date);
CREATE INDEX visits_by_mandate ON visits(mandate);

CREATE TABLE standing_invitations (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  date TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE INDEX standing_invitations_by_state ON standing_invitations(state);

CREATE TABLE agreements (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  counterpart TEXT NOT NULL,
  title TEXT NOT NULL,
  type TEXT,
  date_signed TEXT,
  note TEXT,
  source TEXT
) STRICT;
CREATE INDEX agreements_by_state ON agreements(state);

CREATE TABLE agreement_versions (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  agreement INTEGER NOT NULL REFERENCES records(id),
  label TEXT NOT NULL,
  date TEXT,
  status TEXT,
  file TEXT,
  note TEXT
) STRICT;
CREATE INDEX agreement_versions_by_agreement ON agreement_versions(agreement);

CREATE TABLE activities (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  agreement INTEGER REFERENCES records(id),
  type TEXT,
  topic TEXT,
  date TEXT,
  place TEXT,
  audience TEXT,
  participants INTEGER,
  level TEXT,
  follow_up TEXT,
  source TEXT
) STRICT;
CREATE INDEX activities_by_state ON activities(state);
CREATE INDEX activities_by_agreement ON activities(agreement);

CREATE TABLE dialogues (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  partner TEXT NOT NULL,
  round TEXT,
  date TEXT,
  outcome TEXT,
  document TEXT,
  source TEXT
) STRICT;
CREATE INDEX dialogues_by_state ON dialogues(state);

CREATE TABLE communications (
  id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  state TEXT NOT NULL REFERENCES states(code),
  mandates TEXT,
  type TEXT,
  reference TEXT,
  date_sent TEXT NOT NULL,
  reply_date TEXT,
  summary TEXT,
  source TEXT
) STRICT;
CREATE INDEX communications_by_state ON communications(state, date_sent);
)sql";

// Version 2: facet columns (src/store/facet_columns.h). Built for a kind
// by the first batch that writes one of its records; until then the kind
// is searched by SQL alone.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE facet_names (
  kind TEXT NOT NULL,
  field TEXT NOT NULL,
  code INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (kind, field, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE facet_chunks (
  kind TEXT NOT NULL,
  chunk INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (kind, chunk)
) STRICT;

CREATE TABLE facet_columns_ready (kind TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
)sql";

// Version 3: what the facet columns made redundant, and cost a fifth of an
// import (bench/README.md): record_values (the list fields' values one a
// row; the filters of the SQL path read the JSON lists in the rows) and the
// indices of recommendation fields that are facets.
// Also: a kind's columns are ready for the facet fields they were built
// with (`fields`, their names in order), so that a build whose kinds table
// has other facet fields rebuilds them instead of misreading them.
constexpr std::string_view kVersion3 = R"sql(
DROP TABLE IF EXISTS record_values;
DROP INDEX IF EXISTS recommendations_by_mechanism;
DROP INDEX IF EXISTS recommendations_by_session;
DROP INDEX IF EXISTS recommendations_by_cycle;
DROP INDEX IF EXISTS recommendations_by_response;
DROP TABLE facet_columns_ready;
CREATE TABLE facet_columns_ready (kind TEXT PRIMARY KEY, fields TEXT NOT NULL) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array<std::string_view, 3> kMigrations{kVersion1, kVersion2, kVersion3};

Status RunMigration(Database& db, int version) {
  RAPPORTEUR_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  // Another process may have migrated since we looked.
  Result<int> current = SchemaVersion(db);
  if (current && *current >= version) return db.Exec("COMMIT");
  Status status = current ? db.Exec(kMigrations[version - 1]) : current.error();
  if (status.ok()) status = db.Exec("PRAGMA user_version = " + std::to_string(version));
  if (status.ok()) status = db.Exec("COMMIT");
  if (!status.ok()) {
    (void)db.Exec("ROLLBACK");
    return status.WithContext("cannot migrate the store to schema version " +
                              std::to_string(version));
  }
  return Status::Ok();
}

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Result<int> SchemaVersion(Database& db) {
  Result<std::int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version) return version.error();
  return static_cast<int>(*version);
}

Status Migrate(Database& db) {
  Result<int> version = SchemaVersion(db);
  if (!version) return version.error();
  if (*version > LatestSchemaVersion()) {
    return Status(ErrorCode::kConflict,
                  "store '" + db.path() + "' has schema version " + std::to_string(*version) +
                      ", newer than this build's " + std::to_string(LatestSchemaVersion()) +
                      " (upgrade rapporteur)");
  }
  for (int v = *version + 1; v <= LatestSchemaVersion(); ++v) {
    RAPPORTEUR_RETURN_IF_ERROR(RunMigration(db, v));
  }
  return Status::Ok();
}

}  // namespace rapporteur::store
