// A thin RAII layer over the SQLite C API: a connection with a cache of
// prepared statements, and Query, a cached statement in use that is reset
// (ending its implicit read transaction) when it goes out of scope.
//
// Errors become Status: SQLITE_BUSY is kConflict (another process holds the
// lock), "not a database" is kInvalidInput, I/O failures are kIoError,
// anything else kInternal. Messages name the store's path.
//
// Thread safety: one Database per thread (SQLite's connection rule).
#ifndef RAPPORTEUR_SRC_STORE_SQLITE_DB_H_
#define RAPPORTEUR_SRC_STORE_SQLITE_DB_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "rapporteur/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace rapporteur::store {

class Query {
 public:
  Query(sqlite3_stmt* stmt, sqlite3* db, const std::string* path)
      : stmt_(stmt), db_(db), path_(path) {}
  Query(Query&& other) noexcept;
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;
  ~Query();

  // Parameters count from 1, as in SQLite.
  Query& Bind(int index, std::string_view text);
  Query& Bind(int index, std::int64_t value);
  Query& BindNull(int index);
  Query& BindBlob(int index, std::string_view bytes);

  // True while there is a row; on an error returns false and keeps the
  // error for status(). Done() runs a statement that returns no rows. At
  // the end the statement is reset, ready to be bound and run again.
  // Two Queries of the same SQL must not be in use at once (one cached
  // statement).
  bool Step();
  Status Done();
  const Status& status() const { return status_; }

  bool IsNull(int column) const;
  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::string_view TextView(int column) const;  // valid until the next Step
  std::string_view Blob(int column) const;      // valid until the next Step

 private:
  sqlite3_stmt* stmt_;
  sqlite3* db_;
  const std::string* path_;
  Status status_;
};

class Database {
 public:
  // create: make the file if it does not exist (Init); else it must exist.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // A prepared statement from the cache (prepared on first use).
  Result<Query> Prepare(const std::string& sql);
  // The first column of the first row as an integer, or `fallback`.
  Result<std::int64_t> QueryInt(const std::string& sql, std::int64_t fallback = 0);

  // A Status for the connection's last error, "<what>: <sqlite message>".
  Status Error(int rc, std::string_view what) const;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  std::int64_t LastInsertId() const;
  int Changes() const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// A Status for an SQLite result code, naming the store at `path`.
Status SqliteStatus(int rc, const std::string& path, std::string_view detail);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_SQLITE_DB_H_
