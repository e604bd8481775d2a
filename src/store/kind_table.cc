#include "src/store/kind_table.h"

#include "src/record/field_values.h"
#include "src/store/list_column.h"

namespace rapporteur::store {
namespace {

using nlohmann::json;

// The expression that reads a field back: a reference's key.
std::string ReadExpression(const FieldSpec& field) {
  std::string column = "t." + Identifier(field.name);
  if (field.type == FieldType::kRef) return "(SELECT key FROM records WHERE id = " + column + ")";
  return column;
}

}  // namespace

std::string Identifier(std::string_view name) { return "\"" + std::string(name) + "\""; }

KindTable::KindTable(const KindSpec& spec) : spec_(&spec) {
  for (const FieldSpec& field : spec.fields) {
    columns_.push_back(&field);
    if (record::IsListType(field.type)) lists_.push_back(&field);
  }
  std::string columns, params, sets, reads;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::string column = Identifier(columns_[i]->name);
    std::string param = "?" + std::to_string(i + 2);
    columns += ", " + column;
    params += ", " + param;
    sets += (i ? ", " : "") + column + " = " + param;
    reads += (i ? ", " : "") + ReadExpression(*columns_[i]);
  }
  insert_sql_ = "INSERT INTO " + table() + " (id" + columns + ") VALUES (?1" + params + ")";
  update_sql_ = "UPDATE " + table() + " SET " + sets + " WHERE id = ?1";
  select_sql_ = "SELECT " + reads + " FROM " + table() + " t WHERE t.id = ?";
  range_sql_ =
      "SELECT t.id, " + reads + " FROM " + table() + " t WHERE t.id BETWEEN ? AND ? ORDER BY t.id";
}

Status KindTable::BindColumns(Query& query, const json& fields, const RefIds& refs) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const FieldSpec& field = *columns_[i];
    int param = static_cast<int>(i) + 2;
    auto it = fields.find(field.name);
    if (it == fields.end()) {
      query.BindNull(param);
    } else if (field.type == FieldType::kRef) {
      auto ref = refs.find(field.name);
      if (ref == refs.end()) return Internal("field '" + std::string(field.name) + "': unresolved");
      query.Bind(param, ref->second);
    } else if (field.type == FieldType::kInteger) {
      query.Bind(param, it->get<std::int64_t>());
    } else if (it->is_array()) {
      query.Bind(param, EncodeList(*it));
    } else {
      query.Bind(param, it->get_ref<const std::string&>());
    }
  }
  return Status::Ok();
}

Status KindTable::Insert(Database& db, std::int64_t id, const json& fields,
                         const RefIds& refs) const {
  Result<Query> insert = db.Prepare(insert_sql_);
  if (!insert) return insert.error();
  insert->Bind(1, id);
  RAPPORTEUR_RETURN_IF_ERROR(BindColumns(*insert, fields, refs));
  return insert->Done();
}

Status KindTable::Update(Database& db, std::int64_t id, const json& fields,
                         const RefIds& refs) const {
  Result<Query> update = db.Prepare(update_sql_);
  if (!update) return update.error();
  update->Bind(1, id);
  RAPPORTEUR_RETURN_IF_ERROR(BindColumns(*update, fields, refs));
  return update->Done();
}

void KindTable::ReadColumns(const Query& query, int first, json* fields) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    int column = first + static_cast<int>(i);
    if (query.IsNull(column)) continue;
    const FieldSpec& field = *columns_[i];
    if (field.type == FieldType::kInteger) {
      (*fields)[field.name] = query.Int(column);
    } else if (record::IsListType(field.type)) {
      (*fields)[field.name] = DecodeList(query.TextView(column));
    } else {
      (*fields)[field.name] = query.Text(column);
    }
  }
}

Result<json> KindTable::Read(Database& db, std::int64_t id) const {
  json fields = json::object();
  Result<Query> select = db.Prepare(select_sql_);
  if (!select) return select.error();
  select->Bind(1, id);
  if (!select->Step()) {
    RAPPORTEUR_RETURN_IF_ERROR(select->status());
    return NotFound("no " + std::string(spec_->kind) + " with id " + std::to_string(id));
  }
  ReadColumns(*select, 0, &fields);
  return fields;
}

Status KindTable::ReadRange(Database& db, std::int64_t lo, std::int64_t hi,
                            std::map<std::int64_t, json>* out) const {
  Result<Query> select = db.Prepare(range_sql_);
  if (!select) return select.error();
  select->Bind(1, lo).Bind(2, hi);
  while (select->Step()) {
    json& fields = (*out)[select->Int(0)] = json::object();
    ReadColumns(*select, 1, &fields);
  }
  return select->status();
}

}  // namespace rapporteur::store
