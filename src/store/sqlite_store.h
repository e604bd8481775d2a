// The SQLite backend of the Store (include/rapporteur/store.h): one file,
// WAL mode, foreign keys on, the schema of src/store/migrations.cc.
//
// SqliteContext is what a store and its open batch share: the connection,
// the cached reference data and one KindTable per kind. A Batch keeps the
// context alive, so it may outlive the Store object that began it.
//
// Thread safety: one thread at a time per store (store.h).
#ifndef RAPPORTEUR_SRC_STORE_SQLITE_STORE_H_
#define RAPPORTEUR_SRC_STORE_SQLITE_STORE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rapporteur/store.h"
#include "src/store/facet_columns.h"
#include "src/store/id_filter.h"
#include "src/store/kind_table.h"
#include "src/store/reference_data.h"
#include "src/store/sqlite_db.h"

namespace rapporteur::store {

struct SqliteContext {
  std::string path;
  std::string actor;
  IdFilter id_filter;            // the ids that passed a search's filters (before db: outlives it)
  std::unique_ptr<Database> db;  // null while the file does not exist
  int schema_version = 0;
  ReferenceData refs;
  std::vector<KindTable> tables;  // one per kind, in AllKinds() order
  bool batch_open = false;
  // Facet columns read by searches, by kind, valid while the store's
  // PRAGMA data_version is `facet_data_version` (another connection's
  // commit changes it; a batch of this one clears the cache). A kind
  // whose columns are not ready maps to null.
  std::map<const KindTable*, std::shared_ptr<const FacetColumns>> facet_columns;
  std::int64_t facet_data_version = -1;
  bool use_facet_columns = true;  // false: search by SQL alone (tests)

  // The kind's facet columns, loaded when missing or stale; null when the
  // kind is not ready or inside a batch (whose writes they do not show).
  Result<std::shared_ptr<const FacetColumns>> FacetColumnsOf(const KindTable& table);

  // OK when the store exists and has the schema of this build.
  Status Ready() const;
  const KindTable* Table(std::string_view kind) const;
  // The id of the record (kind, key), or nullopt.
  Result<std::optional<std::int64_t>> IdOf(std::string_view kind, std::string_view key);
  Result<Record> Get(std::int64_t id);
  Result<std::string> ResolveState(std::string_view name);
};

class SqliteStore : public Store {
 public:
  // `location` is a file path; the file is not created until Init().
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);

  Status Init() override;
  Result<std::unique_ptr<Batch>> BeginBatch() override;
  Result<Record> Get(std::int64_t id) override;
  Result<Record> GetByKey(std::string_view kind, std::string_view key) override;
  Result<SearchResult> Search(const SearchQuery& query) override;
  Result<std::vector<Change>> History(std::int64_t record_id) override;
  Status ForEach(std::string_view kind, const std::function<Status(const Record&)>& visit) override;
  Result<StoreStats> Stats() override;
  Result<std::string> ResolveState(std::string_view name) override;

  // Searches by SQL alone, not by the facet columns: the reference the
  // columns are tested against.
  void UseFacetColumnsForTesting(bool use) { ctx_->use_facet_columns = use; }

 private:
  explicit SqliteStore(std::shared_ptr<SqliteContext> context) : ctx_(std::move(context)) {}
  Status Connect(bool create);
  Status RepairFacetColumns();
  Status VisitPage(const std::vector<std::pair<std::int64_t, std::string>>& page,
                   const std::function<Status(const Record&)>& visit);

  std::shared_ptr<SqliteContext> ctx_;
};

// Begins the batch of store.h on `context` (BEGIN IMMEDIATE).
Result<std::unique_ptr<Batch>> BeginSqliteBatch(std::shared_ptr<SqliteContext> context);

// The SQLite search (sqlite_search.cc).
Result<SearchResult> SearchSqlite(SqliteContext& context, const SearchQuery& query);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_SQLITE_STORE_H_
