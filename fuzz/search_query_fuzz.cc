// Fuzz target for the search query parser: any bytes give an FTS5
// expression or a kInvalidArgument Status, never a crash; the expression
// uses only quoted strings and AND, OR, NOT, parentheses and '*'; and
// SQLite FTS5 runs it without a syntax error.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/store/fts_tokenizer.h"
#include "src/store/search_query.h"

namespace {

sqlite3_stmt* MatchStatement() {
  static sqlite3_stmt* stmt = [] {
    sqlite3* db = nullptr;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        !rapporteur::store::RegisterFtsTokenizer(db).ok() ||
        sqlite3_exec(
            db,
            "CREATE VIRTUAL TABLE t USING fts5(text, title, tokenize='rapporteur');"
            "INSERT INTO t VALUES('Torture by the police in prisons', 'women and children');"
            "INSERT INTO t VALUES('加强人权保护', 'la défense des droits');",
            nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &s, nullptr) !=
            SQLITE_OK) {
      std::abort();
    }
    return s;
  }();
  return stmt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  rapporteur::Result<std::string> fts = rapporteur::store::ToFtsMatch(query);
  if (!fts) {
    if (fts.error().code() != rapporteur::ErrorCode::kInvalidArgument) std::abort();
    return 0;
  }
  if (!rapporteur::store::IsQuotedFtsMatch(*fts)) std::abort();
  if (fts->empty()) return 0;
  sqlite3_stmt* stmt = MatchStatement();
  sqlite3_bind_text(stmt, 1, fts->data(), static_cast<int>(fts->size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  if (rc != SQLITE_ROW) std::abort();  // FTS5 refused what we gave it
  return 0;
}
