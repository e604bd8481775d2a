// rapporteur: the store that keeps the record.
//
// One interface, several backends: SQLite (embedded, the default; a path)
// and, for a team server, PostgreSQL (a "postgresql://" URL). Every backend
// passes the same conformance suite (tests/store/store_conformance_test.cc).
//
// Contract:
//  - Open() creates nothing; Init() creates the store (schema migrations,
//    reference tables of states, instruments and mechanisms) and is
//    idempotent; Open() of a store whose schema is newer than this build
//    fails with kConflict, older schemas are migrated by Init().
//  - Every write goes through a Batch, which is one transaction: nothing of
//    it is visible, or kept, until Commit(); a Batch destroyed without
//    Commit() (an error, a crash, a kill) leaves the store as it was.
//  - Put() upserts by (kind, key): a new key is "added", a known key with
//    other field values is "updated" (the old values go to the history), a
//    known key with the same values is "unchanged". Immutable kinds refuse
//    updates with kConflict.
//  - Every change is logged with its time and actor; History() returns it.
//  - Search() returns the exact total and exact facet counts, no cap.
//
// Thread safety: a Store is used from one thread at a time; open one Store
// per thread. Several processes may open the same SQLite file (WAL mode):
// readers do not block the writer.
#ifndef RAPPORTEUR_STORE_H_
#define RAPPORTEUR_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/status.h"

namespace rapporteur {

struct StoreOptions {
  // A file path (SQLite) or a postgresql:// URL.
  std::string location;
  // Who is writing: recorded with every change ("cli:$USER", "import").
  std::string actor = "unknown";
};

enum class PutOutcome { kAdded, kUpdated, kUnchanged };

struct WriteCounts {
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

// One transaction. Not copyable; destroy or Commit() before the next Batch.
class Batch {
 public:
  virtual ~Batch() = default;
  // Validates (ValidateRecord plus states, instruments, mechanisms and
  // references known) and upserts. On error the batch stays usable: the
  // failed record wrote nothing.
  virtual Result<PutOutcome> Put(const Record& record) = 0;
  virtual Status Commit() = 0;
  virtual const WriteCounts& counts() const = 0;
};

// The implicit noexcept move of nlohmann::json members runs invariant checks
// that clang-tidy cannot prove silent.
// NOLINTNEXTLINE(bugprone-exception-escape)
struct Change {
  std::int64_t id = 0;
  std::string at;  // UTC, ISO 8601 with seconds: "2026-11-29T06:40:00Z"
  std::string actor;
  std::string action;  // "add", "update", "delete"
  std::string kind;
  std::string key;
  std::int64_t record_id = 0;
  nlohmann::json before;  // null for "add"
  nlohmann::json after;   // null for "delete"
};

// A search: full text (docs/search.md: AND, OR, NOT, parentheses, "phrases",
// prefix*, stemming) and filters. Filters on one field are ORed, filters on
// different fields ANDed. Filter fields are those of the kind's spec plus
// the aliases below; values of state fields may be any known state name.
struct SearchQuery {
  std::string text;  // "" matches every record of the kind
  std::string kind = "recommendation";
  // field -> accepted values. Besides field names: "state" (any state field),
  // "mechanism" (a mechanism id or type: "UPR", "treaty_body", "CCPR"),
  // "body" (a treaty body id), "theme", "response", "status", "cycle",
  // "session".
  std::map<std::string, std::vector<std::string>> filters;
  std::string date_from;  // inclusive partial ISO dates; "" = open
  std::string date_to;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
  // Facet fields to count; empty = the kind's facet fields.
  std::vector<std::string> facets;
  bool count_facets = true;
};

struct FacetCount {
  std::string value;
  std::int64_t count = 0;
};

struct SearchResult {
  std::int64_t total = 0;
  std::vector<Record> results;                            // at most limit, best match first
  std::map<std::string, std::vector<FacetCount>> facets;  // by count desc
};

struct StoreStats {
  std::map<std::string, std::int64_t> records_by_kind;
  std::int64_t states = 0;
  std::int64_t instruments = 0;
  std::int64_t mechanisms = 0;
  int schema_version = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (SQLite: creating the file only through Init()).
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);

  virtual Status Init() = 0;
  virtual Result<std::unique_ptr<Batch>> BeginBatch() = 0;

  virtual Result<Record> Get(std::int64_t id) = 0;
  virtual Result<Record> GetByKey(std::string_view kind, std::string_view key) = 0;
  virtual Result<SearchResult> Search(const SearchQuery& query) = 0;
  virtual Result<std::vector<Change>> History(std::int64_t record_id) = 0;

  // Every record of every kind (of `kind` if not empty), in id order, in
  // pages: the callback may stop the walk by returning a failed Status.
  virtual Status ForEach(std::string_view kind,
                         const std::function<Status(const Record&)>& visit) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // The alpha-2 code for a state code or any known name, or kNotFound with
  // the closest names suggested.
  virtual Result<std::string> ResolveState(std::string_view name) = 0;
};

}  // namespace rapporteur

#endif  // RAPPORTEUR_STORE_H_
