#include "src/store/kind_table.h"

#include "src/record/field_values.h"

namespace rapporteur::store {
namespace {

using nlohmann::json;

constexpr const char* kSelectValues =
    "SELECT field, value FROM record_values WHERE record_id = ? ORDER BY field, position";
constexpr const char* kSelectValueRange =
    "SELECT record_id, field, value FROM record_values WHERE record_id BETWEEN ? AND ? "
    "ORDER BY record_id, field, position";

// The expression that reads a scalar field back: a reference's key.
std::string ReadExpression(const FieldSpec& field) {
  std::string column = "t." + Identifier(field.name);
  if (field.type == FieldType::kRef) return "(SELECT key FROM records WHERE id = " + column + ")";
  return column;
}

}  // namespace

std::string Identifier(std::string_view name) { return "\"" + std::string(name) + "\""; }

KindTable::KindTable(const KindSpec& spec) : spec_(&spec) {
  for (const FieldSpec& field : spec.fields) {
    (record::IsListType(field.type) ? lists_ : scalars_).push_back(&field);
  }
  std::string columns, params, sets, reads;
  for (std::size_t i = 0; i < scalars_.size(); ++i) {
    std::string column = Identifier(scalars_[i]->name);
    std::string param = "?" + std::to_string(i + 2);
    columns += ", " + column;
    params += ", " + param;
    sets += (i ? ", " : "") + column + " = " + param;
    reads += (i ? ", " : "") + ReadExpression(*scalars_[i]);
  }
  insert_sql_ = "INSERT INTO " + table() + " (id" + columns + ") VALUES (?1" + params + ")";
  update_sql_ = "UPDATE " + table() + " SET " + sets + " WHERE id = ?1";
  select_sql_ = "SELECT " + reads + " FROM " + table() + " t WHERE t.id = ?";
  range_sql_ = "SELECT t.id, " + reads + " FROM " + table() +
               " t WHERE t.id BETWEEN ? AND ? ORDER BY t.id";
}

Status KindTable::BindScalars(Query& query, const json& fields, const RefIds& refs) const {
  for (std::size_t i = 0; i < scalars_.size(); ++i) {
    const FieldSpec& field = *scalars_[i];
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
    } else {
      query.Bind(param, it->get_ref<const std::string&>());
    }
  }
  return Status::Ok();
}

Status KindTable::WriteLists(Database& db, std::int64_t id, const json& fields) const {
  if (lists_.empty()) return Status::Ok();
  Result<Query> insert = db.Prepare(
      "INSERT INTO record_values (record_id, field, position, value) VALUES (?, ?, ?, ?)");
  if (!insert) return insert.error();
  for (const FieldSpec* field : lists_) {
    auto it = fields.find(field->name);
    if (it == fields.end()) continue;
    std::int64_t position = 0;
    for (const json& value : *it) {
      insert->Bind(1, id).Bind(2, field->name).Bind(3, position++);
      RAPPORTEUR_RETURN_IF_ERROR(insert->Bind(4, value.get_ref<const std::string&>()).Done());
    }
  }
  return Status::Ok();
}

Status KindTable::Insert(Database& db, std::int64_t id, const json& fields,
                         const RefIds& refs) const {
  Result<Query> insert = db.Prepare(insert_sql_);
  if (!insert) return insert.error();
  insert->Bind(1, id);
  RAPPORTEUR_RETURN_IF_ERROR(BindScalars(*insert, fields, refs));
  RAPPORTEUR_RETURN_IF_ERROR(insert->Done());
  return WriteLists(db, id, fields);
}

Status KindTable::Update(Database& db, std::int64_t id, const json& fields,
                         const RefIds& refs) const {
  Result<Query> update = db.Prepare(update_sql_);
  if (!update) return update.error();
  update->Bind(1, id);
  RAPPORTEUR_RETURN_IF_ERROR(BindScalars(*update, fields, refs));
  RAPPORTEUR_RETURN_IF_ERROR(update->Done());
  if (lists_.empty()) return Status::Ok();
  Result<Query> clear = db.Prepare("DELETE FROM record_values WHERE record_id = ?");
  if (!clear) return clear.error();
  RAPPORTEUR_RETURN_IF_ERROR(clear->Bind(1, id).Done());
  return WriteLists(db, id, fields);
}

void KindTable::ReadScalars(const Query& query, int first, json* fields) const {
  for (std::size_t i = 0; i < scalars_.size(); ++i) {
    int column = first + static_cast<int>(i);
    if (query.IsNull(column)) continue;
    const FieldSpec& field = *scalars_[i];
    if (field.type == FieldType::kInteger) {
      (*fields)[field.name] = query.Int(column);
    } else {
      (*fields)[field.name] = query.Text(column);
    }
  }
}

Result<json> KindTable::Read(Database& db, std::int64_t id) const {
  json fields = json::object();
  {
    Result<Query> select = db.Prepare(select_sql_);
    if (!select) return select.error();
    select->Bind(1, id);
    if (!select->Step()) {
      RAPPORTEUR_RETURN_IF_ERROR(select->status());
      return NotFound("no " + std::string(spec_->kind) + " with id " + std::to_string(id));
    }
    ReadScalars(*select, 0, &fields);
  }
  if (lists_.empty()) return fields;
  Result<Query> values = db.Prepare(kSelectValues);
  if (!values) return values.error();
  values->Bind(1, id);
  while (values->Step()) fields[values->Text(0)].push_back(values->Text(1));
  RAPPORTEUR_RETURN_IF_ERROR(values->status());
  return fields;
}

Status KindTable::ReadRange(Database& db, std::int64_t lo, std::int64_t hi,
                            std::map<std::int64_t, json>* out) const {
  Result<Query> select = db.Prepare(range_sql_);
  if (!select) return select.error();
  select->Bind(1, lo).Bind(2, hi);
  while (select->Step()) {
    json& fields = (*out)[select->Int(0)] = json::object();
    ReadScalars(*select, 1, &fields);
  }
  RAPPORTEUR_RETURN_IF_ERROR(select->status());
  if (lists_.empty()) return Status::Ok();
  Result<Query> values = db.Prepare(kSelectValueRange);
  if (!values) return values.error();
  values->Bind(1, lo).Bind(2, hi);
  while (values->Step()) {
    auto it = out->find(values->Int(0));
    if (it != out->end()) it->second[values->Text(1)].push_back(values->Text(2));
  }
  return values->status();
}

}  // namespace rapporteur::store
