#include "src/store/sqlite_store.h"

#include <sqlite3.h>

#include <filesystem>

#include "src/record/field_values.h"
#include "src/store/fts_tokenizer.h"
#include "src/store/migrations.h"

namespace rapporteur::store {
namespace {

using nlohmann::json;

constexpr std::int64_t kPageSize = 1000;
// Reads through a memory map, rather than read() into SQLite's cache,
// halve the cost of the random row lookups of searches and facets.
constexpr std::int64_t kMmapBytes = std::int64_t{1} << 30;

// Per-connection settings and the full-text tokenizer. WAL itself is a
// property of the file (Init).
Status Configure(Database& db) {
  RAPPORTEUR_RETURN_IF_ERROR(RegisterFtsTokenizer(db.handle()));
  return db.Exec(
      "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; "
      "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = " +
      std::to_string(kMmapBytes));
}

json ParseJsonColumn(const Query& query, int column) {
  if (query.IsNull(column)) return nullptr;
  json value = json::parse(query.TextView(column), nullptr, false);
  return value.is_discarded() ? json(nullptr) : value;
}

// The addition of a record, which the records table keeps (created_at,
// created_by) rather than the changes table: its values are the "before"
// of the first update, or the record as it is.
Result<Change> Addition(SqliteContext& ctx, std::int64_t id, const std::vector<Change>& updates) {
  Change add;
  {
    Result<Query> query =
        ctx.db->Prepare("SELECT kind, key, created_at, created_by FROM records WHERE id = ?");
    if (!query) return query.error();
    if (!query->Bind(1, id).Step()) {
      RAPPORTEUR_RETURN_IF_ERROR(query->status());
      return NotFound("no record with id " + std::to_string(id));
    }
    add = {0,  query->Text(2), query->Text(3), "add", query->Text(0), query->Text(1),
           id, nullptr,        nullptr};
  }
  if (!updates.empty()) {
    add.after = updates.front().before;
    return add;
  }
  Result<Record> now = ctx.Get(id);
  if (!now) return now.error();
  add.after = now->fields;
  return add;
}

}  // namespace

Status SqliteContext::Ready() const {
  if (db == nullptr) {
    return NotFound("no store at '" + path + "' (run 'rapporteur init' to create one)");
  }
  if (schema_version == 0) {
    return NotFound("'" + path +
                    "' is not a rapporteur store (run 'rapporteur init' to create one)");
  }
  if (schema_version < LatestSchemaVersion()) {
    return Status(ErrorCode::kConflict,
                  "store '" + path + "' has schema version " + std::to_string(schema_version) +
                      ", older than this build's " + std::to_string(LatestSchemaVersion()) +
                      " (run 'rapporteur init' to migrate it)");
  }
  return Status::Ok();
}

Result<std::shared_ptr<const FacetColumns>> SqliteContext::FacetColumnsOf(const KindTable& table) {
  if (batch_open || !use_facet_columns) return std::shared_ptr<const FacetColumns>();
  Result<std::int64_t> version = db->QueryInt("PRAGMA data_version");
  if (!version) return version.error();
  if (*version != facet_data_version) facet_columns.clear();
  facet_data_version = *version;
  auto cached = facet_columns.find(&table);
  if (cached != facet_columns.end()) return cached->second;
  // One read transaction: the names and the chunks of the same commit
  // (the search's own, when it has begun one).
  bool own = sqlite3_get_autocommit(db->handle()) != 0;
  if (own) RAPPORTEUR_RETURN_IF_ERROR(db->Exec("BEGIN"));
  Result<std::shared_ptr<const FacetColumns>> columns = FacetColumns::Load(*db, table);
  Status ended = own ? db->Exec(columns ? "COMMIT" : "ROLLBACK") : Status::Ok();
  if (!columns) return columns.error();
  RAPPORTEUR_RETURN_IF_ERROR(ended);
  facet_columns[&table] = *columns;
  return columns;
}

const KindTable* SqliteContext::Table(std::string_view kind) const {
  for (const KindTable& table : tables) {
    if (table.spec().kind == kind) return &table;
  }
  return nullptr;
}

Result<std::optional<std::int64_t>> SqliteContext::IdOf(std::string_view kind,
                                                        std::string_view key) {
  Result<Query> query = db->Prepare("SELECT id FROM records WHERE kind = ? AND key = ?");
  if (!query) return query.error();
  query->Bind(1, kind).Bind(2, key);
  std::optional<std::int64_t> id;
  if (query->Step()) id = query->Int(0);
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  return id;
}

Result<Record> SqliteContext::Get(std::int64_t id) {
  Record record;
  record.id = id;
  {
    Result<Query> query = db->Prepare("SELECT kind, key FROM records WHERE id = ?");
    if (!query) return query.error();
    if (!query->Bind(1, id).Step()) {
      RAPPORTEUR_RETURN_IF_ERROR(query->status());
      return NotFound("no record with id " + std::to_string(id));
    }
    record.kind = query->Text(0);
    record.key = query->Text(1);
  }
  const KindTable* table = Table(record.kind);
  if (table == nullptr)
    return Internal("record " + std::to_string(id) + " has unknown kind '" + record.kind + "'");
  Result<json> fields = table->Read(*db, id);
  if (!fields) return fields.error();
  record.fields = std::move(fields).value();
  return record;
}

Result<std::string> SqliteContext::ResolveState(std::string_view name) {
  std::string folded = StateCatalogue::FoldName(name);
  if (folded.empty()) return InvalidArgument("empty state name");
  {
    Result<Query> query = db->Prepare("SELECT code FROM state_names WHERE folded = ?");
    if (!query) return query.error();
    if (query->Bind(1, folded).Step()) return query->Text(0);
    RAPPORTEUR_RETURN_IF_ERROR(query->status());
  }
  // Not in the store: the catalogue says why, with the closest names.
  Result<const StateCatalogue*> catalogue = refs.Catalogue();
  if (!catalogue) return catalogue.error();
  Result<const StateInfo*> state = (*catalogue)->Resolve(name);
  if (!state) return state.error();
  if (!refs.HasState((*state)->code)) {
    return NotFound("state '" + (*state)->code + "' is not in store '" + path +
                    "' (run 'rapporteur init' to update its states)");
  }
  return (*state)->code;
}

Result<std::unique_ptr<Store>> SqliteStore::Open(const StoreOptions& options) {
  if (options.location.empty()) return InvalidArgument("no store given (expected a file path)");
  auto ctx = std::make_shared<SqliteContext>();
  ctx->path = options.location;
  ctx->actor = options.actor;
  for (const KindSpec& kind : AllKinds()) ctx->tables.emplace_back(kind);
  std::unique_ptr<SqliteStore> store(new SqliteStore(ctx));
  std::error_code ec;
  if (std::filesystem::exists(options.location, ec)) {
    RAPPORTEUR_RETURN_IF_ERROR(store->Connect(/*create=*/false));
  }
  return std::unique_ptr<Store>(std::move(store));
}

Status SqliteStore::Connect(bool create) {
  Result<std::unique_ptr<Database>> db = Database::Open(ctx_->path, create);
  if (!db) return db.error();
  RAPPORTEUR_RETURN_IF_ERROR(Configure(**db));
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->id_filter.Register((*db)->handle()));
  Result<int> version = SchemaVersion(**db);
  if (!version) return version.error();
  if (*version > LatestSchemaVersion()) {
    return Status(ErrorCode::kConflict,
                  "store '" + ctx_->path + "' has schema version " + std::to_string(*version) +
                      ", newer than this build's " + std::to_string(LatestSchemaVersion()) +
                      " (upgrade rapporteur to use it)");
  }
  ctx_->db = std::move(db).value();
  ctx_->schema_version = *version;
  if (*version == LatestSchemaVersion()) return ctx_->refs.Load(*ctx_->db);
  return Status::Ok();
}

Status SqliteStore::Init() {
  if (ctx_->batch_open) return Status(ErrorCode::kConflict, "cannot init while a batch is open");
  if (ctx_->db == nullptr) RAPPORTEUR_RETURN_IF_ERROR(Connect(/*create=*/true));
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->db->Exec("PRAGMA journal_mode = WAL"));
  RAPPORTEUR_RETURN_IF_ERROR(Migrate(*ctx_->db));
  Result<int> version = SchemaVersion(*ctx_->db);
  if (!version) return version.error();
  ctx_->schema_version = *version;
  RAPPORTEUR_RETURN_IF_ERROR(SeedReferenceData(*ctx_->db));
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->refs.Load(*ctx_->db));
  return RepairFacetColumns();
}

// Builds the facet columns of every kind that has none yet (a store
// migrated from schema 1) or whose columns are damaged.
Status SqliteStore::RepairFacetColumns() {
  for (const KindTable& table : ctx_->tables) {
    Result<std::shared_ptr<const FacetColumns>> columns = ctx_->FacetColumnsOf(table);
    if (columns && *columns) continue;
    RAPPORTEUR_RETURN_IF_ERROR(ctx_->db->Exec("BEGIN IMMEDIATE"));
    Status rebuilt = RebuildAllFacetChunks(*ctx_->db, table);
    if (rebuilt.ok()) rebuilt = ctx_->db->Exec("COMMIT");
    if (!rebuilt.ok()) {
      (void)ctx_->db->Exec("ROLLBACK");
      return rebuilt.WithContext("cannot build the facet columns of '" +
                                 std::string(table.spec().kind) + "'");
    }
  }
  ctx_->facet_columns.clear();
  return Status::Ok();
}

Result<std::unique_ptr<Batch>> SqliteStore::BeginBatch() {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  return BeginSqliteBatch(ctx_);
}

Result<Record> SqliteStore::Get(std::int64_t id) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  return ctx_->Get(id);
}

Result<Record> SqliteStore::GetByKey(std::string_view kind, std::string_view key) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  if (FindKind(kind) == nullptr) {
    return InvalidArgument("unknown kind " + record::Quote(kind) +
                           " (expected one of: " + record::KindNames() + ")");
  }
  Result<std::optional<std::int64_t>> id = ctx_->IdOf(kind, key);
  if (!id) return id.error();
  if (!id->has_value()) {
    return NotFound("no " + std::string(kind) + " with key " + record::Quote(key));
  }
  return ctx_->Get(**id);
}

Result<SearchResult> SqliteStore::Search(const SearchQuery& query) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  return SearchSqlite(*ctx_, query);
}

Result<std::vector<Change>> SqliteStore::History(std::int64_t record_id) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  std::vector<Change> updates;
  {
    Result<Query> query = ctx_->db->Prepare(
        "SELECT id, at, actor, action, kind, key, record_id, before, after FROM changes "
        "WHERE record_id = ? ORDER BY id");
    if (!query) return query.error();
    query->Bind(1, record_id);
    while (query->Step()) {
      updates.push_back({query->Int(0), query->Text(1), query->Text(2), query->Text(3),
                         query->Text(4), query->Text(5), query->Int(6), ParseJsonColumn(*query, 7),
                         ParseJsonColumn(*query, 8)});
    }
    RAPPORTEUR_RETURN_IF_ERROR(query->status());
  }
  Result<Change> add = Addition(*ctx_, record_id, updates);
  if (!add) return add.error();
  std::vector<Change> history{std::move(add).value()};
  for (Change& change : updates) history.push_back(std::move(change));
  return history;
}

Status SqliteStore::VisitPage(const std::vector<std::pair<std::int64_t, std::string>>& page,
                              const std::function<Status(const Record&)>& visit) {
  std::int64_t lo = page.front().first, hi = page.back().first;
  std::map<std::string, std::map<std::int64_t, json>> fields_by_kind;
  for (const auto& [id, kind] : page) fields_by_kind.try_emplace(kind);
  for (auto& [kind, fields] : fields_by_kind) {
    const KindTable* table = ctx_->Table(kind);
    if (table == nullptr) return Internal("a record has unknown kind '" + kind + "'");
    RAPPORTEUR_RETURN_IF_ERROR(table->ReadRange(*ctx_->db, lo, hi, &fields));
  }
  std::vector<Record> records;
  records.reserve(page.size());
  {
    Result<Query> keys =
        ctx_->db->Prepare("SELECT id, kind, key FROM records WHERE id BETWEEN ? AND ? ORDER BY id");
    if (!keys) return keys.error();
    keys->Bind(1, lo).Bind(2, hi);
    while (keys->Step()) {
      auto& fields = fields_by_kind[keys->Text(1)];
      auto it = fields.find(keys->Int(0));
      if (it == fields.end()) continue;  // not of the kind visited
      records.push_back(Record{keys->Text(1), keys->Int(0), keys->Text(2), std::move(it->second)});
    }
    RAPPORTEUR_RETURN_IF_ERROR(keys->status());
  }
  for (const Record& record : records) RAPPORTEUR_RETURN_IF_ERROR(visit(record));
  return Status::Ok();
}

Status SqliteStore::ForEach(std::string_view kind,
                            const std::function<Status(const Record&)>& visit) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  const KindTable* table = kind.empty() ? nullptr : ctx_->Table(kind);
  if (!kind.empty() && table == nullptr) {
    return InvalidArgument("unknown kind " + record::Quote(kind) +
                           " (expected one of: " + record::KindNames() + ")");
  }
  std::string sql = table != nullptr
                        ? "SELECT t.id, '" + std::string(kind) + "' FROM " + table->table() +
                              " t WHERE t.id > ? ORDER BY t.id LIMIT ?"
                        : "SELECT id, kind FROM records WHERE id > ? ORDER BY id LIMIT ?";
  for (std::int64_t after = 0;;) {
    std::vector<std::pair<std::int64_t, std::string>> page;
    {
      Result<Query> query = ctx_->db->Prepare(sql);
      if (!query) return query.error();
      query->Bind(1, after).Bind(2, kPageSize);
      while (query->Step()) page.emplace_back(query->Int(0), query->Text(1));
      RAPPORTEUR_RETURN_IF_ERROR(query->status());
    }
    if (page.empty()) return Status::Ok();
    after = page.back().first;
    RAPPORTEUR_RETURN_IF_ERROR(VisitPage(page, visit));
  }
}

Result<StoreStats> SqliteStore::Stats() {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  StoreStats stats;
  for (const KindTable& table : ctx_->tables) {
    Result<std::int64_t> count = ctx_->db->QueryInt("SELECT count(*) FROM " + table.table());
    if (!count) return count.error();
    stats.records_by_kind[std::string(table.spec().kind)] = *count;
  }
  for (auto [name, target] :
       {std::pair{"states", &stats.states}, std::pair{"instruments", &stats.instruments},
        std::pair{"mechanisms", &stats.mechanisms}}) {
    Result<std::int64_t> count = ctx_->db->QueryInt(std::string("SELECT count(*) FROM ") + name);
    if (!count) return count.error();
    *target = *count;
  }
  stats.schema_version = ctx_->schema_version;
  return stats;
}

Result<std::string> SqliteStore::ResolveState(std::string_view name) {
  RAPPORTEUR_RETURN_IF_ERROR(ctx_->Ready());
  return ctx_->ResolveState(name);
}

}  // namespace rapporteur::store
