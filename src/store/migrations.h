// The schema of the SQLite store as an ordered list of migrations.
//
// Migration i (counting from 1) takes a store from schema version i - 1 to
// i; PRAGMA user_version holds the version a store is at. A migration is
// never edited once released: a change of schema is a new migration at the
// end of the list. Init() runs the missing ones, each in its own
// transaction; a store whose version is above LatestSchemaVersion() was
// written by a newer build and is refused (kConflict).
//
// The tables (docs/record-model.md has the diagram):
//   records          one row per record: id, kind, key (unique per kind),
//                    created/updated at and by
//   <kind tables>    one per kind (KindSpec::table), one column per field;
//                    references to records are record ids, lists JSON arrays
//   record_values    the values of list fields, one row per value (schema 1
//                    and 2; dropped by 3: the facet columns serve the filters)
//   <table>_text     FTS5, one per kind, contentless: the searchable fields
//                    of a record, rowid = record id; tokenizer 'rapporteur'
//                    (src/store/fts_tokenizer.h), which every connection
//                    registers before use
//   facet_counts     the facet counts of every kind, over all its records
//   facet_names, facet_chunks, facet_columns_ready   the facet values of
//                    every record as codes (src/store/facet_columns.h), from 2
//   changes          the history: every add and update with its time, actor
//                    and the values before and after
//   states, state_names, instruments, mechanisms   reference data (Init)
//
// Thread safety: the list is immutable.
#ifndef RAPPORTEUR_SRC_STORE_MIGRATIONS_H_
#define RAPPORTEUR_SRC_STORE_MIGRATIONS_H_

#include <span>
#include <string_view>

#include "rapporteur/status.h"
#include "src/store/sqlite_db.h"

namespace rapporteur::store {

std::span<const std::string_view> Migrations();
int LatestSchemaVersion();

// PRAGMA user_version of `db`.
Result<int> SchemaVersion(Database& db);

// Runs the migrations `db` lacks; fails with kConflict when it is newer.
Status Migrate(Database& db);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_MIGRATIONS_H_
