// The write path of the SQLite store: one Batch = one transaction
// (BEGIN IMMEDIATE, so a batch waits for, rather than fails against, a
// concurrent writer).
//
// A Put checks everything that can be wrong with a record (its fields, the
// states, instruments, mechanisms and records it names, immutability)
// before it writes anything, so a rejected record writes nothing and the
// batch goes on. What can still fail after that is the storage itself
// (disk full, I/O error), and then the whole batch is rolled back and
// refuses further writes: SQLite may already have rolled it back itself.
// There is no SAVEPOINT per Put on purpose: FTS5 flushes its pending index
// to a new segment at every savepoint, which made imports 2.5 times slower
// and left the full-text index in thousands of small segments.
#include <ctime>
#include <map>
#include <set>
#include <utility>

#include "src/record/field_values.h"
#include "src/store/facet_columns.h"
#include "src/store/sqlite_store.h"

namespace rapporteur::store {
namespace {

using nlohmann::json;

Status ConflictError(std::string message) { return {ErrorCode::kConflict, std::move(message)}; }

// UTC, ISO 8601 with seconds: "2026-11-29T06:40:00Z".
std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "field 'response' ('supported' -> 'noted')", for each field that differs.
std::string Differences(const json& before, const json& after) {
  std::string out;
  json keys = json::object();
  for (const auto& [k, v] : before.items()) keys[k] = true;
  for (const auto& [k, v] : after.items()) keys[k] = true;
  for (const auto& [name, unused] : keys.items()) {
    json a = before.value(name, json()), b = after.value(name, json());
    if (a == b) continue;
    if (!out.empty()) out += ", ";
    out += "field '" + name + "' (" + (a.is_null() ? "absent" : record::QuoteJson(a)) + " -> " +
           (b.is_null() ? "absent" : record::QuoteJson(b)) + ")";
  }
  return out;
}

class SqliteBatch : public Batch {
 public:
  explicit SqliteBatch(std::shared_ptr<SqliteContext> ctx) : ctx_(std::move(ctx)) {
    ctx_->batch_open = true;
  }
  ~SqliteBatch() override {
    if (!done_) (void)ctx_->db->Exec("ROLLBACK");
    ctx_->batch_open = false;
  }
  SqliteBatch(const SqliteBatch&) = delete;
  SqliteBatch& operator=(const SqliteBatch&) = delete;

  Result<PutOutcome> Put(const Record& record) override;
  Status Commit() override;
  const WriteCounts& counts() const override { return counts_; }

 private:
  // Rolls the batch back after a failed write; returns the failure.
  Status Abandon(const Status& cause);
  Status CheckReferences(const KindSpec& spec, const json& fields, RefIds* refs);
  Result<PutOutcome> Upsert(const KindTable& table, const Record& record, const json& fields,
                            const RefIds& refs);
  Status Add(const KindTable& table, const Record& record, const json& fields, const RefIds& refs);
  Status Update(const KindTable& table, std::int64_t id, const Record& record, const json& before,
                const json& after, const RefIds& refs);
  void CountFacets(const KindSpec& spec, const json& fields, std::int64_t delta);
  Status ApplyFacetCounts();
  Status RebuildFacetColumns();
  Status WriteText(const KindTable& table, std::int64_t id, const std::string& before,
                   const std::string& after);
  Status Log(std::string_view action, const Record& record, std::int64_t id, const json& before,
             const json& after);

  std::shared_ptr<SqliteContext> ctx_;
  WriteCounts counts_;
  bool done_ = false;
  Status failed_;  // the write that made the batch roll back
  std::string now_;
  // Changes to facet_counts, by kind and field, then value; applied at
  // Commit. (Values are looked up without a copy: most are seen before.)
  std::map<std::pair<const KindSpec*, const FieldSpec*>,
           std::map<std::string, std::int64_t, std::less<>>>
      facet_deltas_;
  // The facet-column chunks of the records written, by kind; rebuilt at
  // Commit.
  std::map<const KindTable*, std::set<std::int64_t>> touched_chunks_;
};

Status SqliteBatch::CheckReferences(const KindSpec& spec, const json& fields, RefIds* refs) {
  ReferenceData& data = ctx_->refs;
  for (const FieldSpec& field : spec.fields) {
    auto it = fields.find(field.name);
    if (it == fields.end()) continue;
    if (field.type == FieldType::kState) {
      RAPPORTEUR_RETURN_IF_ERROR(data.CheckState(field.name, it->get_ref<const std::string&>()));
    } else if (field.type == FieldType::kStateList) {
      for (const json& code : *it) {
        RAPPORTEUR_RETURN_IF_ERROR(data.CheckState(field.name, code.get_ref<const std::string&>()));
      }
    } else if (field.type == FieldType::kInstrument) {
      RAPPORTEUR_RETURN_IF_ERROR(
          data.CheckInstrument(field.name, it->get_ref<const std::string&>()));
    } else if (field.type == FieldType::kMechanism) {
      RAPPORTEUR_RETURN_IF_ERROR(
          data.CheckMechanism(field.name, it->get_ref<const std::string&>()));
    } else if (field.type == FieldType::kRef) {
      const std::string& key = it->get_ref<const std::string&>();
      Result<std::optional<std::int64_t>> id = ctx_->IdOf(field.ref_kind, key);
      if (!id) return id.error();
      if (!id->has_value()) {
        return InvalidInput("field '" + std::string(field.name) + "': no " +
                            std::string(field.ref_kind) + " with key " + record::Quote(key));
      }
      (*refs)[std::string(field.name)] = **id;
    }
  }
  return Status::Ok();
}

Result<PutOutcome> SqliteBatch::Put(const Record& record) {
  if (!failed_.ok()) return failed_;
  if (done_) return ConflictError("cannot write: the batch is already committed");
  RAPPORTEUR_RETURN_IF_ERROR(ValidateRecord(record));
  const KindTable& table = *ctx_->Table(record.kind);
  json normalized;
  if (!record::IsNormalized(record.fields)) normalized = record::NormalizedFields(record.fields);
  const json& fields = normalized.is_null() ? record.fields : normalized;
  RefIds refs;
  RAPPORTEUR_RETURN_IF_ERROR(CheckReferences(table.spec(), fields, &refs));
  Result<PutOutcome> outcome = Upsert(table, record, fields, refs);
  if (!outcome) return outcome;
  switch (*outcome) {
    case PutOutcome::kAdded: ++counts_.added; break;
    case PutOutcome::kUpdated: ++counts_.updated; break;
    case PutOutcome::kUnchanged: ++counts_.unchanged; break;
  }
  return outcome;
}

Status SqliteBatch::Abandon(const Status& cause) {
  failed_ = cause.WithContext("the batch was rolled back");
  done_ = true;
  (void)ctx_->db->Exec("ROLLBACK");
  return failed_;
}

Result<PutOutcome> SqliteBatch::Upsert(const KindTable& table, const Record& record,
                                       const json& fields, const RefIds& refs) {
  now_ = UtcNow();
  Result<std::optional<std::int64_t>> id = ctx_->IdOf(record.kind, record.key);
  if (!id) return id.error();
  if (!id->has_value()) {
    Status added = Add(table, record, fields, refs);
    if (!added.ok()) return Abandon(added);
    return PutOutcome::kAdded;
  }
  Result<json> before = table.Read(*ctx_->db, **id);
  if (!before) return before.error();
  if (*before == fields) return PutOutcome::kUnchanged;
  if (table.spec().immutable) {
    return ConflictError(std::string(record.kind) + " " + record::Quote(record.key) +
                         " is immutable and differs from the stored one in " +
                         Differences(*before, fields));
  }
  Status updated = Update(table, **id, record, *before, fields, refs);
  if (!updated.ok()) return Abandon(updated);
  return PutOutcome::kUpdated;
}

Status SqliteBatch::Add(const KindTable& table, const Record& record, const json& fields,
                        const RefIds& refs) {
  Result<Query> insert = ctx_->db->Prepare(
      "INSERT INTO records (kind, key, created_at, created_by, updated_at, updated_by) "
      "VALUES (?1, ?2, ?3, ?4, ?3, ?4)");
  if (!insert) return insert.error();
  insert->Bind(1, record.kind).Bind(2, record.key).Bind(3, now_).Bind(4, ctx_->actor);
  RAPPORTEUR_RETURN_IF_ERROR(insert->Done());
  std::int64_t id = ctx_->db->LastInsertId();
  RAPPORTEUR_RETURN_IF_ERROR(table.Insert(*ctx_->db, id, fields, refs));
  RAPPORTEUR_RETURN_IF_ERROR(
      WriteText(table, id, "", record::SearchableText(table.spec(), fields)));
  CountFacets(table.spec(), fields, +1);
  touched_chunks_[&table].insert(FacetChunkOf(id));
  return Status::Ok();  // the addition is in records (created_at, created_by)
}

Status SqliteBatch::Update(const KindTable& table, std::int64_t id, const Record& record,
                           const json& before, const json& after, const RefIds& refs) {
  RAPPORTEUR_RETURN_IF_ERROR(table.Update(*ctx_->db, id, after, refs));
  RAPPORTEUR_RETURN_IF_ERROR(WriteText(table, id, record::SearchableText(table.spec(), before),
                                       record::SearchableText(table.spec(), after)));
  Result<Query> touch =
      ctx_->db->Prepare("UPDATE records SET updated_at = ?, updated_by = ? WHERE id = ?");
  if (!touch) return touch.error();
  RAPPORTEUR_RETURN_IF_ERROR(touch->Bind(1, now_).Bind(2, ctx_->actor).Bind(3, id).Done());
  CountFacets(table.spec(), before, -1);
  CountFacets(table.spec(), after, +1);
  touched_chunks_[&table].insert(FacetChunkOf(id));
  return Log("update", record, id, before, after);
}

// The full-text index is contentless: an old entry is removed by giving
// its text.
Status SqliteBatch::WriteText(const KindTable& table, std::int64_t id, const std::string& before,
                              const std::string& after) {
  if (before == after) return Status::Ok();
  std::string fts = table.text_table();
  if (!before.empty()) {
    Result<Query> remove = ctx_->db->Prepare("INSERT INTO " + fts + " (" + fts +
                                             ", rowid, text) VALUES ('delete', ?, ?)");
    if (!remove) return remove.error();
    RAPPORTEUR_RETURN_IF_ERROR(remove->Bind(1, id).Bind(2, before).Done());
  }
  if (after.empty()) return Status::Ok();
  Result<Query> insert = ctx_->db->Prepare("INSERT INTO " + fts + " (rowid, text) VALUES (?, ?)");
  if (!insert) return insert.error();
  return insert->Bind(1, id).Bind(2, after).Done();
}

Status SqliteBatch::Log(std::string_view action, const Record& record, std::int64_t id,
                        const json& before, const json& after) {
  Result<Query> insert = ctx_->db->Prepare(
      "INSERT INTO changes (at, actor, action, kind, key, record_id, before, after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  insert->Bind(1, now_).Bind(2, ctx_->actor).Bind(3, action).Bind(4, record.kind);
  insert->Bind(5, record.key).Bind(6, id);
  if (before.is_null())
    insert->BindNull(7);
  else
    insert->Bind(7, Dump(before));
  if (after.is_null())
    insert->BindNull(8);
  else
    insert->Bind(8, Dump(after));
  return insert->Done();
}

void SqliteBatch::CountFacets(const KindSpec& spec, const json& fields, std::int64_t delta) {
  for (const FieldSpec& field : spec.fields) {
    auto it = fields.find(field.name);
    if (!field.facet || it == fields.end()) continue;
    auto& deltas = facet_deltas_[{&spec, &field}];
    auto add = [&](std::string_view value) {
      auto entry = deltas.find(value);
      if (entry == deltas.end()) entry = deltas.emplace(value, 0).first;
      entry->second += delta;
    };
    if (it->is_array()) {
      for (const json& value : *it) add(value.get_ref<const std::string&>());
    } else if (it->is_string()) {
      add(it->get_ref<const std::string&>());
    } else {
      add(it->dump());
    }
  }
}

Status SqliteBatch::ApplyFacetCounts() {
  Result<Query> upsert = ctx_->db->Prepare(
      "INSERT INTO facet_counts (kind, field, value, count) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (kind, field, value) DO UPDATE SET count = count + excluded.count");
  if (!upsert) return upsert.error();
  bool decreased = false;
  for (const auto& [kind_field, deltas] : facet_deltas_) {
    for (const auto& [value, delta] : deltas) {
      if (delta == 0) continue;
      decreased |= delta < 0;
      upsert->Bind(1, kind_field.first->kind).Bind(2, kind_field.second->name).Bind(3, value);
      RAPPORTEUR_RETURN_IF_ERROR(upsert->Bind(4, delta).Done());
    }
  }
  if (!decreased) return Status::Ok();
  return ctx_->db->Exec("DELETE FROM facet_counts WHERE count = 0");
}

// A kind whose columns are not ready (a store from before schema 2) gets
// all of its chunks built, once.
Status SqliteBatch::RebuildFacetColumns() {
  for (const auto& [table, chunks] : touched_chunks_) {
    Result<bool> ready = FacetColumnsReady(*ctx_->db, table->spec());
    if (!ready) return ready.error();
    RAPPORTEUR_RETURN_IF_ERROR(*ready ? RebuildFacetChunks(*ctx_->db, *table, chunks)
                                      : RebuildAllFacetChunks(*ctx_->db, *table));
  }
  return Status::Ok();
}

Status SqliteBatch::Commit() {
  if (!failed_.ok()) return failed_;
  if (done_) return ConflictError("cannot commit: the batch is already committed");
  Status status = ApplyFacetCounts();
  if (status.ok()) status = RebuildFacetColumns();
  if (status.ok()) status = ctx_->db->Exec("COMMIT");
  if (!status.ok()) return Abandon(status);
  done_ = true;
  ctx_->facet_columns.clear();  // this connection's own writes: data_version does not see them
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Batch>> BeginSqliteBatch(std::shared_ptr<SqliteContext> context) {
  if (context->batch_open) {
    return ConflictError("cannot begin a batch: another batch of this store is open");
  }
  RAPPORTEUR_RETURN_IF_ERROR(context->db->Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Batch>(new SqliteBatch(std::move(context)));
}

}  // namespace rapporteur::store
