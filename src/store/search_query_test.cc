#include "src/store/search_query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <string>
#include <vector>

#include "src/store/fts_tokenizer.h"

namespace rapporteur::store {
namespace {

struct Golden {
  const char* query;
  const char* fts;
};

TEST(SearchQueryTest, Golden) {
  const Golden table[] = {
      {"", ""},
      {"   \t\n", ""},
      {"torture", "\"torture\""},
      {"torture police", "\"torture\" AND \"police\""},
      {"torture AND police", "\"torture\" AND \"police\""},
      {"torture OR police", "\"torture\" OR \"police\""},
      {"torture AND (police OR prison)", "\"torture\" AND (\"police\" OR \"prison\")"},
      {"torture police OR prison", "(\"torture\" AND \"police\") OR \"prison\""},
      {"a OR b c", "\"a\" OR (\"b\" AND \"c\")"},
      {"torture NOT police", "\"torture\" NOT \"police\""},
      {"torture AND NOT police", "\"torture\" NOT \"police\""},
      {"torture -police", "\"torture\" NOT \"police\""},
      {"-police torture", "\"torture\" NOT \"police\""},
      {"a b NOT c -d", "(\"a\" AND \"b\") NOT \"c\" NOT \"d\""},
      {"a NOT (b OR c)", "\"a\" NOT (\"b\" OR \"c\")"},
      {"a NOT b OR c", "(\"a\" NOT \"b\") OR \"c\""},
      {"\"enforced disappearance\"", "\"enforced disappearance\""},
      {"\"human righ\"*", "\"human righ\"*"},
      {"polic*", "\"polic\"*"},
      {"polic**", "\"polic\"*"},
      {"((torture))", "\"torture\""},
      {"(a b) (c OR d)", "(\"a\" AND \"b\") AND (\"c\" OR \"d\")"},
      {"human and rights or not", "\"human\" AND \"and\" AND \"rights\" AND \"or\" AND \"not\""},
      {"self-determination", "\"self-determination\""},
      {"a-b -c", "\"a-b\" NOT \"c\""},
      {"torture - police", "\"torture\" AND \"police\""},  // a lone '-' is no operator
      {"a & b", "\"a\" AND \"b\""},                        // nor is '&'
      {"a OR &", "\"a\""},
      {"a -&", "\"a\""},
      {"人权 保护", "\"人权\" AND \"保护\""},
      {"人权　保护", "\"人权\" AND \"保护\""},  // ideographic space
      {"défense", "\"défense\""},
      {"AND* OR*", "\"AND\"* AND \"OR\"*"},
      {"a\"b c\"d", "\"a\" AND \"b c\" AND \"d\""},
  };
  for (const Golden& g : table) {
    Result<std::string> fts = ToFtsMatch(g.query);
    ASSERT_TRUE(fts) << g.query << ": " << fts.error().message();
    EXPECT_EQ(*fts, g.fts) << g.query;
    EXPECT_TRUE(IsQuotedFtsMatch(*fts)) << g.query;
  }
}

// FTS5 syntax typed by a user is searched as text, never obeyed.
TEST(SearchQueryTest, Fts5SyntaxIsQuoted) {
  const Golden table[] = {
      {"NEAR(torture police, 2)", "\"NEAR\" AND (\"torture\" AND \"police,\" AND \"2\")"},
      {"text:torture", "\"text:torture\""},
      {"{text title}:torture", "\"{text\" AND \"title}:torture\""},
      {"-text:torture police", "\"police\" NOT \"text:torture\""},
      {"^torture", "\"^torture\""},
      {"torture + police", "\"torture\" AND \"police\""},
      {"a\"\"b", "\"a\" AND \"b\""},
      {"x\"y", ""},  // unbalanced: an error, below
  };
  for (const Golden& g : table) {
    Result<std::string> fts = ToFtsMatch(g.query);
    if (*g.fts == '\0') {
      EXPECT_FALSE(fts) << g.query;
      continue;
    }
    ASSERT_TRUE(fts) << g.query << ": " << fts.error().message();
    EXPECT_EQ(*fts, g.fts) << g.query;
  }
  // Quotes inside a term are doubled; NUL and other controls become spaces.
  EXPECT_EQ(ToFtsMatch(std::string("a\0b", 3)).value(), "\"a\" AND \"b\"");
  EXPECT_EQ(ToFtsMatch(std::string("\"a\0b\"", 5)).value(), "\"a b\"");
}

TEST(SearchQueryTest, Errors) {
  const Golden table[] = {
      {"torture AND (police", "invalid query 'torture AND (police': missing ')' at column 20"},
      {"torture AND", "invalid query 'torture AND': expected a term after 'AND' at column 12"},
      {"torture AND OR police",
       "invalid query 'torture AND OR police': expected a term after 'AND' at column 13"},
      {"AND torture", "invalid query 'AND torture': expected a term before 'AND' at column 1"},
      {"OR torture", "invalid query 'OR torture': expected a term before 'OR' at column 1"},
      {"torture OR", "invalid query 'torture OR': expected a term after 'OR' at column 11"},
      {"torture)", "invalid query 'torture)': unexpected ')' at column 8"},
      {")", "invalid query ')': unexpected ')' at column 1"},
      {"torture ()", "invalid query 'torture ()': expected a term after '(' at column 10"},
      {"(", "invalid query '(': expected a term after '(' at column 2"},
      {"\"torture", "invalid query '\"torture': missing '\"' at column 9"},
      {"défense \"torture", "invalid query 'défense \"torture': missing '\"' at column 17"},
      {"torture NOT", "invalid query 'torture NOT': expected a term after 'NOT' at column 12"},
      {"torture NOT NOT police",
       "invalid query 'torture NOT NOT police': expected a term after 'NOT' at column 13"},
      {"NOT police",
       "invalid query 'NOT police': 'NOT' at column 1 has nothing to exclude from: a search cannot "
       "be only "
       "negative (write e.g. 'torture NOT police')"},
      {"-police",
       "invalid query '-police': '-' at column 1 has nothing to exclude from: a search cannot be "
       "only "
       "negative (write e.g. 'torture -police')"},
      {"torture OR -police",
       "invalid query 'torture OR -police': '-' at column 12 has nothing to exclude from: a search "
       "cannot be "
       "only negative (write e.g. 'torture -police')"},
      {"& -police",
       "invalid query '& -police': '-' at column 3 has nothing to exclude from: a search cannot be "
       "only "
       "negative (write e.g. 'torture -police')"},
      {"***", "invalid query '***': nothing to search for (no letter or digit)"},
      {"- & \"\"", "invalid query '- & \"\"': nothing to search for (no letter or digit)"},
  };
  for (const Golden& g : table) {
    Result<std::string> fts = ToFtsMatch(g.query);
    ASSERT_FALSE(fts) << g.query << " gave " << fts.value();
    EXPECT_EQ(fts.error().message(), g.fts);
    EXPECT_EQ(fts.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(SearchQueryTest, NestingIsBounded) {
  EXPECT_TRUE(ToFtsMatch(std::string(32, '(') + "a" + std::string(32, ')')));
  Result<std::string> deep = ToFtsMatch(std::string(100000, '(') + "a");
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.error().message().find("more than 32 nested parentheses at column 33"),
            std::string::npos);
}

TEST(SearchQueryTest, IsQuotedFtsMatch) {
  EXPECT_TRUE(IsQuotedFtsMatch("\"a\"\"b\" AND (\"c\"* OR \"d\") NOT \"e\""));
  EXPECT_FALSE(IsQuotedFtsMatch("\"a\" NEAR \"b\""));
  EXPECT_FALSE(IsQuotedFtsMatch("text:\"a\""));
  EXPECT_FALSE(IsQuotedFtsMatch("\"a"));
  EXPECT_FALSE(IsQuotedFtsMatch("\"a\" ^\"b\""));
  EXPECT_FALSE(IsQuotedFtsMatch(std::string("\"a\0\"", 4)));
}

// What the queries mean, run against an FTS5 table.
TEST(SearchQueryTest, EndToEnd) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_TRUE(RegisterFtsTokenizer(db).ok());
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='rapporteur');"
                         "INSERT INTO t(rowid, text) VALUES"
                         "(1, 'Prevent torture by the police.'),"
                         "(2, 'Investigate torture in prisons.'),"
                         "(3, 'End torture and ill-treatment.'),"
                         "(4, 'Protect the rights of women in prison.'),"
                         "(5, 'Policing of demonstrations: \"kettling\" NEAR the square.');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto ids = [&](const char* query) {
    std::string result;
    Result<std::string> fts = ToFtsMatch(query);
    if (!fts) return "error: " + fts.error().message();
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1, &stmt,
                       nullptr);
    sqlite3_bind_text(stmt, 1, fts->c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW)
      result += std::to_string(sqlite3_column_int(stmt, 0)) + " ";
    sqlite3_finalize(stmt);
    return result;
  };
  EXPECT_EQ(ids("torture AND (police OR prison)"), "1 2 ");
  EXPECT_EQ(ids("torture -police -prisons"), "3 ");
  EXPECT_EQ(ids("torture NOT (police OR prison)"), "3 ");
  EXPECT_EQ(ids("woman prisons"), "4 ");
  EXPECT_EQ(ids("polic*"), "1 5 ");
  EXPECT_EQ(ids("\"ill-treatment\""), "3 ");
  EXPECT_EQ(ids("ill-treatment"), "3 ");
  EXPECT_EQ(ids("\"kettling\" NEAR square"), "5 ");  // NEAR is a word here
  EXPECT_EQ(ids("text:torture"), "");  // no column filter: "text torture" is no phrase
  sqlite3_close(db);
}

// Every query SQLite FTS5 is given is one it accepts: random sequences of
// the language's pieces and FTS5's syntax either fail to parse with
// kInvalidArgument or give an expression that runs without error.
TEST(SearchQueryTest, RandomQueriesNeverReachFts5AsSyntax) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_TRUE(RegisterFtsTokenizer(db).ok());
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(text, title, tokenize='rapporteur');"
                         "INSERT INTO t VALUES('Torture by the police in prisons', 'women');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &stmt, nullptr),
            SQLITE_OK);
  const char* pieces[] = {"torture", "police", " ", " ", "AND",  "OR",   "NOT",   "(",
                          ")",       "\"",     "-", "*", "^",    ":",    "text:", "{",
                          "}",       "NEAR",   ",", "+", "人权", "\xFF", "'",     "and"};
  std::mt19937 rng(11);
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string query;
    for (int i = 0, n = static_cast<int>(rng() % 12); i < n; ++i)
      query += pieces[rng() % std::size(pieces)];
    Result<std::string> fts = ToFtsMatch(query);
    if (!fts) {
      ASSERT_EQ(fts.error().code(), ErrorCode::kInvalidArgument) << query;
      continue;
    }
    ASSERT_TRUE(IsQuotedFtsMatch(*fts)) << query << " -> " << *fts;
    if (fts->empty()) continue;
    ++accepted;
    sqlite3_bind_text(stmt, 1, fts->data(), static_cast<int>(fts->size()), SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW)
        << query << " -> " << *fts << ": " << sqlite3_errmsg(db);
    sqlite3_reset(stmt);
  }
  EXPECT_GT(accepted, 500);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

}  // namespace
}  // namespace rapporteur::store
