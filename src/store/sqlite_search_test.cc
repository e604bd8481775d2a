// The search by facet columns (src/store/facet_columns.h) against the
// search by SQL alone, its reference: the same totals, results in the same
// order and the same facets, over random queries on a random store of
// recommendations that spans several chunks, before and after updates.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "src/store/sqlite_store.h"

namespace rapporteur::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kStates[] = {"CN", "FR", "BR", "EG", "NO", "CU", "SI"};
const char* const kMechanisms[] = {"UPR", "CCPR", "CESCR", "CAT"};
const char* const kResponses[] = {"supported", "noted", "rejected"};
const char* const kThemes[] = {"torture", "women", "death penalty", "children", "press"};
const char* const kWords[] = {"ratify",      "torture", "police", "prison",  "women",
                              "journalists", "ensure",  "death",  "penalty", "defenders"};

template <typename T, std::size_t N>
std::string Pick(std::mt19937& rng, T (&values)[N]) {
  return values[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

// A few of `values`, at random (perhaps none).
template <typename T, std::size_t N>
json SomeOf(std::mt19937& rng, T (&values)[N]) {
  json list = json::array();
  for (const auto& value : values) {
    if (rng() % 4 == 0) list.push_back(value);
  }
  return list;
}

Record RandomRecommendation(std::mt19937& rng, int n) {
  Record r;
  r.kind = "recommendation";
  r.key = "rec-" + std::to_string(n);
  std::string text;
  for (int w = 0; w < 6; ++w) text += Pick(rng, kWords) + " ";
  int session = 1 + static_cast<int>(rng() % 40);
  r.fields = {{"state", Pick(rng, kStates)},
              {"mechanism", Pick(rng, kMechanisms)},
              {"text", text},
              {"session", session},
              {"cycle", 1 + session / 12},
              {"date", std::to_string(2008 + session / 3)}};
  if (rng() % 5 != 0) r.fields["response"] = Pick(rng, kResponses);
  if (json themes = SomeOf(rng, kThemes); !themes.empty()) r.fields["themes"] = themes;
  if (json states = SomeOf(rng, kStates); !states.empty()) r.fields["recommending_states"] = states;
  if (rng() % 3 == 0) r.fields["document"] = "A/HRC/" + std::to_string(session) + "/1";
  return r;
}

// Recommendations rec-<from> ... rec-<to - 1>.
std::vector<Record> RandomRecommendations(std::mt19937& rng, int from, int to) {
  std::vector<Record> records;
  for (int n = from; n < to; ++n) records.push_back(RandomRecommendation(rng, n));
  return records;
}

SearchQuery RandomQuery(std::mt19937& rng) {
  SearchQuery q;
  const char* const texts[] = {
      "",        "",   "torture", "women OR journalists", "\"death penalty\"", "ensure AND police",
      "defend*", "zzz"};
  q.text = Pick(rng, texts);
  if (rng() % 2) q.filters["state"] = {Pick(rng, kStates)};
  if (rng() % 3 == 0) q.filters["cycle"] = {std::to_string(1 + rng() % 4)};
  if (rng() % 3 == 0) q.filters["response"] = {Pick(rng, kResponses), Pick(rng, kResponses)};
  if (rng() % 4 == 0) q.filters["theme"] = {Pick(rng, kThemes)};
  if (rng() % 4 == 0) q.filters["recommending_state"] = {Pick(rng, kStates)};
  if (rng() % 5 == 0) q.filters["mechanism"] = {rng() % 2 ? "treaty_body" : "UPR"};
  if (rng() % 6 == 0) q.filters["document"] = {"A/HRC/" + std::to_string(1 + rng() % 40) + "/1"};
  if (rng() % 6 == 0) q.date_from = "2012";
  // "document": a facet the columns do not hold, asked for twice.
  if (rng() % 8 == 0) q.facets = {"document", "response", "document"};
  q.limit = 1 + static_cast<std::int64_t>(rng() % 30);
  q.offset = static_cast<std::int64_t>(rng() % 3) * 10;
  return q;
}

std::string Describe(const SearchResult& result) {
  std::string out = "total " + std::to_string(result.total) + "; ids";
  for (const Record& r : result.results) out += " " + std::to_string(r.id);
  for (const auto& [name, counts] : result.facets) {
    out += "; " + name + ":";
    for (const FacetCount& c : counts) out += " " + c.value + "=" + std::to_string(c.count);
  }
  return out;
}

class SqliteSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (fs::temp_directory_path() / ("rapporteur-search-" + std::to_string(::getpid()) + ".db"))
            .string();
    Clean();
    Result<std::unique_ptr<Store>> store = Store::Open({path_, "test"});
    ASSERT_TRUE(store.has_value()) << store.error().message();
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->Init().ok());
  }
  void TearDown() override {
    store_.reset();
    Clean();
  }
  void Clean() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  void Put(const std::vector<Record>& records) {
    Result<std::unique_ptr<Batch>> batch = store_->BeginBatch();
    ASSERT_TRUE(batch.has_value()) << batch.error().message();
    for (const Record& r : records) {
      Result<PutOutcome> outcome = (*batch)->Put(r);
      ASSERT_TRUE(outcome.has_value()) << outcome.error().message();
    }
    ASSERT_TRUE((*batch)->Commit().ok());
  }
  // Runs `sql` on the store's file through a connection of its own.
  void ExecOnFile(const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(db);
  }
  std::string Search(const SearchQuery& query, bool columns) {
    static_cast<SqliteStore&>(*store_).UseFacetColumnsForTesting(columns);
    Result<SearchResult> result = store_->Search(query);
    return result ? Describe(*result) : "error: " + result.error().message();
  }
  void ExpectSameAnswers(std::mt19937& rng, int queries) {
    for (int i = 0; i < queries; ++i) {
      SearchQuery query = RandomQuery(rng);
      std::string expected = Search(query, false);
      ASSERT_EQ(Search(query, true), expected)
          << "query '" << query.text << "' with " << query.filters.size() << " filters";
    }
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteSearchTest, ColumnsAnswerAsTheRowsDo) {
  std::mt19937 rng(7);
  Put(RandomRecommendations(rng, 0, 9000));  // 3 chunks
  ExpectSameAnswers(rng, 300);
}

TEST_F(SqliteSearchTest, ColumnsFollowLaterBatches) {
  std::mt19937 rng(11);
  Put(RandomRecommendations(rng, 0, 5000));
  ExpectSameAnswers(rng, 20);  // loads the columns
  std::vector<Record> records = RandomRecommendations(rng, 5000, 6000);
  records.back().fields["themes"] = json::array({"a theme no record had"});
  Put(records);
  SearchQuery new_theme;
  new_theme.filters["theme"] = {"a theme no record had"};
  EXPECT_NE(Search(new_theme, true).find("total 1;"), std::string::npos);
  ExpectSameAnswers(rng, 150);
}

Record Visit(int n, const std::string& state, const std::string& event) {
  Record r;
  r.kind = "visit";
  r.key = "visit-" + std::to_string(n);
  r.fields = {{"state", state},
              {"mandate", "SR-TORTURE"},
              {"event", event},
              {"date", "2005"},
              {"note", "request " + std::to_string(n)}};
  return r;
}

TEST_F(SqliteSearchTest, ColumnsFollowUpdates) {
  std::vector<Record> visits;
  for (int n = 0; n < 100; ++n) visits.push_back(Visit(n, n % 2 ? "CN" : "FR", "requested"));
  Put(visits);
  SearchQuery declined;
  declined.kind = "visit";
  declined.filters["event"] = {"declined"};
  declined.filters["state"] = {"CN"};
  EXPECT_NE(Search(declined, true).find("total 0;"), std::string::npos);
  Put({Visit(1, "CN", "declined"), Visit(3, "FR", "declined")});
  std::string expected = Search(declined, false);
  EXPECT_NE(expected.find("total 1;"), std::string::npos) << expected;
  EXPECT_EQ(Search(declined, true), expected);
  declined.text = "request";
  EXPECT_EQ(Search(declined, true), Search(declined, false));
}

TEST_F(SqliteSearchTest, AnotherConnectionsCommitIsSeen) {
  std::mt19937 rng(3);
  Put({RandomRecommendation(rng, 1)});
  SearchQuery query;
  query.filters["state"] = {"CN", "FR", "BR", "EG", "NO", "CU", "SI"};
  EXPECT_NE(Search(query, true).find("total 1;"), std::string::npos);
  Result<std::unique_ptr<Store>> other = Store::Open({path_, "other"});
  ASSERT_TRUE(other.has_value());
  Result<std::unique_ptr<Batch>> batch = (*other)->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_TRUE((*batch)->Put(RandomRecommendation(rng, 2)).has_value());
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_NE(Search(query, true).find("total 2;"), std::string::npos) << Search(query, true);
}

// Columns written for other facet fields (another build's kinds table) are
// not read: the search falls back to the rows, and the next write or init
// rebuilds them.
TEST_F(SqliteSearchTest, ColumnsOfOtherFacetFieldsAreNotRead) {
  std::mt19937 rng(9);
  Put(RandomRecommendations(rng, 0, 500));
  SearchQuery query;
  query.filters["state"] = {"CN"};
  query.filters["response"] = {"noted"};
  const std::string expected = Search(query, false);
  // The same chunks, said to hold the fields in another order.
  ExecOnFile("UPDATE facet_columns_ready SET fields = 'mechanism,state,'");
  EXPECT_EQ(Search(query, true), expected);
  Put({RandomRecommendation(rng, 500)});
  EXPECT_EQ(Search(query, true), Search(query, false));
  ExpectSameAnswers(rng, 30);
}

// A damaged chunk (cut short, or its bytes changed) is an error of the
// search, never a crash or a read out of bounds (run under ASan in CI).
TEST_F(SqliteSearchTest, DamagedColumnsFailCleanly) {
  std::mt19937 rng(5);
  const std::vector<Record> records = RandomRecommendations(rng, 0, 300);
  Put(records);
  SearchQuery query;
  query.filters["state"] = {"CN"};
  const std::string expected = Search(query, true);
  const char* const damages[] = {
      "UPDATE facet_chunks SET data = substr(data, 1, 100)",
      "UPDATE facet_chunks SET data = substr(data, 1, 600)",
      "UPDATE facet_chunks SET data = substr(data, 1, length(data) - 1)",
      "UPDATE facet_chunks SET data = randomblob(length(data))",
      "UPDATE facet_chunks SET data = zeroblob(length(data))",
      "UPDATE facet_chunks SET data = CAST(x'ffffffffffffffffffffffffffff' || data AS BLOB)",
      "UPDATE facet_names SET code = code + 1000",
      "UPDATE facet_chunks SET chunk = chunk + 1000000000000",
  };
  for (const char* damage : damages) {
    store_.reset();
    Clean();
    SetUp();
    Put(records);
    ExecOnFile(damage);
    std::string answer = Search(query, true);
    EXPECT_NE(answer.find("error: facet columns"), std::string::npos) << damage << ": " << answer;
    EXPECT_NE(answer.find("run 'rapporteur init'"), std::string::npos) << answer;
    ASSERT_TRUE(store_->Init().ok());  // rebuilds them
    EXPECT_EQ(Search(query, true), expected) << damage;
  }
}

}  // namespace
}  // namespace rapporteur::store
