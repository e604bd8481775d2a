// One kind's rows: maps a record's fields to its typed table (one column a
// field; references stored as record ids, lists as JSON arrays,
// src/store/list_column.h), and back.
//
// The SQL is built once from the KindSpec; statements are prepared once
// per connection (Database's cache). Fields given to Insert/Update are
// normalised (record::NormalizedFields) and valid (ValidateRecord).
//
// Thread safety: immutable after construction; use with one Database at a
// time.
#ifndef RAPPORTEUR_SRC_STORE_KIND_TABLE_H_
#define RAPPORTEUR_SRC_STORE_KIND_TABLE_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rapporteur/record.h"
#include "src/store/sqlite_db.h"

namespace rapporteur::store {

// The record ids of a record's references, by field name.
using RefIds = std::map<std::string, std::int64_t, std::less<>>;

// `name` as an SQL identifier: "name".
std::string Identifier(std::string_view name);

class KindTable {
 public:
  explicit KindTable(const KindSpec& spec);

  const KindSpec& spec() const { return *spec_; }
  std::string table() const { return Identifier(spec_->table); }
  // Its full-text index (FTS5, rowid = record id).
  std::string text_table() const { return Identifier(std::string(spec_->table) + "_text"); }
  const std::vector<const FieldSpec*>& lists() const { return lists_; }

  Status Insert(Database& db, std::int64_t id, const nlohmann::json& fields,
                const RefIds& refs) const;
  Status Update(Database& db, std::int64_t id, const nlohmann::json& fields,
                const RefIds& refs) const;

  // The fields of record `id`; kNotFound when the kind has no such row.
  Result<nlohmann::json> Read(Database& db, std::int64_t id) const;
  // The fields of the records with lo <= id <= hi, by id.
  Status ReadRange(Database& db, std::int64_t lo, std::int64_t hi,
                   std::map<std::int64_t, nlohmann::json>* out) const;

 private:
  Status BindColumns(Query& query, const nlohmann::json& fields, const RefIds& refs) const;
  // Columns first..first + spec().fields.size() of the current row.
  void ReadColumns(const Query& query, int first, nlohmann::json* fields) const;

  const KindSpec* spec_;
  std::vector<const FieldSpec*> columns_;  // every field, in spec order
  std::vector<const FieldSpec*> lists_;
  std::string insert_sql_, update_sql_, select_sql_, range_sql_;
};

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_KIND_TABLE_H_
