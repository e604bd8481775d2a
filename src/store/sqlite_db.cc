#include "src/store/sqlite_db.h"

#include <sqlite3.h>

namespace rapporteur::store {

Status SqliteStatus(int rc, const std::string& path, std::string_view detail) {
  std::string where = "store '" + path + "'";
  switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return Status::Ok();
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status(ErrorCode::kConflict, where + " is busy: another process is writing to it (" +
                                              std::string(detail) + ")");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return InvalidInput("cannot read '" + path + "': not a rapporteur store (" +
                          std::string(detail) + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM: return IoError("cannot write " + where + ": " + std::string(detail));
    case SQLITE_CONSTRAINT: return Status(ErrorCode::kConflict, where + ": " + std::string(detail));
    default: return Internal(where + ": " + std::string(detail));
  }
}

Query::Query(Query&& other) noexcept
    : stmt_(other.stmt_), db_(other.db_), path_(other.path_), status_(std::move(other.status_)) {
  other.stmt_ = nullptr;
}

Query::~Query() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query& Query::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Query& Query::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Query& Query::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Query& Query::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

bool Query::Step() {
  if (!status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteStatus(rc, *path_, sqlite3_errmsg(db_));
  // Reset, so that the statement may be bound and run again.
  sqlite3_reset(stmt_);
  return false;
}

Status Query::Done() {
  while (Step()) {
  }
  return status_;
}

bool Query::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Query::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Query::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Query::TextView(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string_view Query::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return {static_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Query::Text(int column) const { return std::string(TextView(column)); }

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    if (rc == SQLITE_CANTOPEN && !create) {
      return NotFound("no store at '" + path + "' (run 'rapporteur init' to create one)");
    }
    return SqliteStatus(rc, path, message);
  }
  sqlite3_extended_result_codes(db, 0);
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status Database::Exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return SqliteStatus(rc, path_, detail);
}

Result<Query> Database::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, "cannot prepare '" + sql + "'");
    it = cache_.emplace(sql, stmt).first;
  }
  return Query(it->second, db_, &path_);
}

Result<std::int64_t> Database::QueryInt(const std::string& sql, std::int64_t fallback) {
  Result<Query> query = Prepare(sql);
  if (!query) return query.error();
  std::int64_t value = query->Step() && !query->IsNull(0) ? query->Int(0) : fallback;
  if (!query->status().ok()) return query->status();
  return value;
}

Status Database::Error(int rc, std::string_view what) const {
  return SqliteStatus(rc, path_, std::string(what) + ": " + sqlite3_errmsg(db_));
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Database::Changes() const { return sqlite3_changes(db_); }

}  // namespace rapporteur::store
