// The conformance suite every Store backend passes (include/rapporteur/store.h).
// Each test gets a fresh, empty location from its backend. To add a backend,
// add a Backend to kBackends below: how to make a location, and how to make
// a store's schema look newer than this build's.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "rapporteur/store.h"

namespace rapporteur {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Backend {
  std::string name;
  // A fresh location in `dir` (a new empty directory), or "" to skip.
  std::function<std::string(const fs::path& dir)> location;
  // Marks the store at `location` as written by a newer build.
  std::function<void(const std::string& location, int version)> set_schema_version;
};

void SetSqliteVersion(const std::string& path, int version) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string sql = "PRAGMA user_version = " + std::to_string(version);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

const Backend kBackends[] = {
    {"sqlite", [](const fs::path& dir) { return (dir / "test.db").string(); }, SetSqliteVersion},
};

class StoreConformanceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "rapporteur-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    location_ = GetParam().location(dir_);
    if (location_.empty()) GTEST_SKIP() << GetParam().name << " is not available";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::unique_ptr<Store> Open(const std::string& actor = "test") {
    Result<std::unique_ptr<Store>> store = Store::Open({location_, actor});
    EXPECT_TRUE(store.has_value()) << store.error().message();
    return store ? std::move(store).value() : nullptr;
  }
  std::unique_ptr<Store> OpenInit(const std::string& actor = "test") {
    std::unique_ptr<Store> store = Open(actor);
    if (store) {
      Status s = store->Init();
      EXPECT_TRUE(s.ok()) << s.message();
    }
    return store;
  }

  fs::path dir_;
  std::string location_;
};

Record Rec(std::string kind, std::string key, json fields) {
  Record r;
  r.kind = std::move(kind);
  r.key = std::move(key);
  r.fields = std::move(fields);
  return r;
}

Record Recommendation(std::string key, std::string state, std::string text, json extra = {}) {
  json fields = {{"state", state}, {"mechanism", "UPR"}, {"text", text}};
  if (extra.is_object()) fields.update(extra);
  return Rec("recommendation", std::move(key), fields);
}

// Puts every record in one committed batch; all must succeed.
void PutAll(Store& store, const std::vector<Record>& records) {
  Result<std::unique_ptr<Batch>> batch = store.BeginBatch();
  ASSERT_TRUE(batch.has_value()) << batch.error().message();
  for (const Record& r : records) {
    Result<PutOutcome> outcome = (*batch)->Put(r);
    ASSERT_TRUE(outcome.has_value()) << r.key << ": " << outcome.error().message();
  }
  Status s = (*batch)->Commit();
  ASSERT_TRUE(s.ok()) << s.message();
}

std::int64_t Count(Store& store, const std::string& kind = "recommendation") {
  Result<StoreStats> stats = store.Stats();
  EXPECT_TRUE(stats.has_value()) << stats.error().message();
  return stats ? stats->records_by_kind[kind] : -1;
}

std::int64_t Total(Store& store, SearchQuery query) {
  query.count_facets = false;
  Result<SearchResult> result = store.Search(query);
  EXPECT_TRUE(result.has_value()) << query.text << ": " << result.error().message();
  return result ? result->total : -1;
}

std::vector<std::string> Keys(const SearchResult& result) {
  std::vector<std::string> keys;
  for (const Record& r : result.results) keys.push_back(r.key);
  return keys;
}

TEST_P(StoreConformanceTest, OpenCreatesNothingAndUninitialisedStoreSaysSo) {
  std::unique_ptr<Store> store = Open();
  ASSERT_NE(store, nullptr);
  Result<Record> got = store->Get(1);
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(got.error().message().find("rapporteur init"), std::string::npos);
  EXPECT_FALSE(store->BeginBatch().has_value());
}

TEST_P(StoreConformanceTest, InitIsIdempotent) {
  std::unique_ptr<Store> store = OpenInit();
  Result<StoreStats> first = store->Stats();
  ASSERT_TRUE(first.has_value()) << first.error().message();
  EXPECT_GE(first->states, 193);
  EXPECT_GT(first->instruments, 20);
  EXPECT_GT(first->mechanisms, 0);
  EXPECT_GE(first->schema_version, 1);
  PutAll(*store, {Recommendation("r1", "CN", "Ratify the Convention against Torture.")});
  ASSERT_TRUE(store->Init().ok());
  store.reset();
  store = OpenInit();  // a second process would do the same
  Result<StoreStats> again = store->Stats();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->states, first->states);
  EXPECT_EQ(again->mechanisms, first->mechanisms);
  EXPECT_EQ(again->schema_version, first->schema_version);
  EXPECT_EQ(again->records_by_kind["recommendation"], 1);
  EXPECT_TRUE(store->GetByKey("recommendation", "r1").has_value());
}

TEST_P(StoreConformanceTest, PutReportsAddedUpdatedUnchanged) {
  std::unique_ptr<Store> store = OpenInit("alice");
  Record d = Rec("dialogue", "eu-cn-38",
                 {{"state", "CN"}, {"partner", "EU"}, {"round", "38"}, {"date", "2023-06-16"}});
  auto batch = store->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kAdded);
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kUnchanged);
  d.fields["outcome"] = "";  // absent, however written
  d.fields["document"] = nullptr;
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kUnchanged);
  d.fields["outcome"] = "No progress on individual cases.";
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kUpdated);
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kUnchanged);
  d.fields.erase("round");
  EXPECT_EQ(*(*batch)->Put(d), PutOutcome::kUpdated);
  EXPECT_EQ((*batch)->counts().added, 1);
  EXPECT_EQ((*batch)->counts().updated, 2);
  EXPECT_EQ((*batch)->counts().unchanged, 3);
  ASSERT_TRUE((*batch)->Commit().ok());
  batch->reset();

  Result<Record> got = store->GetByKey("dialogue", "eu-cn-38");
  ASSERT_TRUE(got.has_value()) << got.error().message();
  EXPECT_EQ(got->fields, json({{"state", "CN"},
                               {"partner", "EU"},
                               {"date", "2023-06-16"},
                               {"outcome", "No progress on individual cases."}}));
  EXPECT_GT(got->id, 0);
  Result<Record> by_id = store->Get(got->id);
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->key, "eu-cn-38");
  EXPECT_EQ(by_id->kind, "dialogue");
  EXPECT_EQ(store->Get(got->id + 1000).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->GetByKey("dialogue", "nope").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->GetByKey("dialog", "eu-cn-38").error().code(), ErrorCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, EveryFieldTypeRoundTrips) {
  std::unique_ptr<Store> store = OpenInit();
  Record r = Recommendation("r1", "CN", "Abolish the death penalty.",
                            {{"document", "A/HRC/25/5"},
                             {"paragraph", "186.1"},
                             {"date", "2013-10-22"},
                             {"session", 17},
                             {"cycle", 2},
                             {"recommending_states", {"FR", "DE", "FR"}},
                             {"themes", {"Death penalty", "死刑"}},
                             {"affected_persons", {"all"}},
                             {"sdgs", {"16"}},
                             {"response", "noted"},
                             {"action_category", 5},
                             {"source", "upr-info.csv line 2"}});
  Record ratification = Rec(
      "ratification", "cn-iccpr-s",
      {{"state", "CN"}, {"instrument", "ICCPR"}, {"action", "signature"}, {"date", "1998-10-05"}});
  Record agreement =
      Rec("agreement", "a1",
          {{"state", "CN"}, {"counterpart", "OHCHR"}, {"title", "MOU on technical cooperation"}});
  Record version = Rec("agreement_version", "a1-v1",
                       {{"agreement", "a1"}, {"label", "draft"}, {"status", "draft"}});
  PutAll(*store, {r, ratification, agreement, version});
  r.fields["recommending_states"] = {"FR", "DE"};  // a list is a set, in the order given
  for (const Record& expected : {r, ratification, agreement, version}) {
    Result<Record> got = store->GetByKey(expected.kind, expected.key);
    ASSERT_TRUE(got.has_value()) << got.error().message();
    EXPECT_EQ(got->fields, expected.fields) << expected.kind;
  }
}

TEST_P(StoreConformanceTest, ImmutableKindsRefuseUpdates) {
  std::unique_ptr<Store> store = OpenInit();
  Record r = Recommendation("r1", "CN", "Ratify the ICCPR.", {{"response", "supported"}});
  PutAll(*store, {r});
  auto batch = store->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  EXPECT_EQ(*(*batch)->Put(r), PutOutcome::kUnchanged);
  r.fields["response"] = "noted";
  Result<PutOutcome> refused = (*batch)->Put(r);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), ErrorCode::kConflict);
  EXPECT_EQ(refused.error().message(),
            "recommendation 'r1' is immutable and differs from the stored one in field "
            "'response' ('supported' -> 'noted')");
  // The batch is still usable.
  EXPECT_EQ(*(*batch)->Put(Recommendation("r2", "CN", "Ratify the CAT.")), PutOutcome::kAdded);
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_EQ(store->GetByKey("recommendation", "r1")->fields["response"], "supported");
  EXPECT_EQ(Count(*store), 2);
}

TEST_P(StoreConformanceTest, ValidationErrorsNameTheFieldAndWriteNothing) {
  std::unique_ptr<Store> store = OpenInit();
  auto batch = store->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  auto error = [&](const Record& r) {
    Result<PutOutcome> outcome = (*batch)->Put(r);
    return outcome ? std::string("ok") : outcome.error().message();
  };
  EXPECT_EQ(error(Recommendation("r1", "XX", "t")), "field 'state': unknown state code 'XX'");
  EXPECT_EQ(error(Recommendation("r1", "UK", "t")),
            "field 'state': unknown state code 'UK' (did you mean 'GB'?)");
  EXPECT_EQ(error(Recommendation("r1", "CN", "t", {{"recommending_states", {"FR", "QQ"}}})),
            "field 'recommending_states': unknown state code 'QQ'");
  Record bad_mechanism = Recommendation("r1", "CN", "t");
  bad_mechanism.fields["mechanism"] = "ccpr";
  EXPECT_EQ(error(bad_mechanism),
            "field 'mechanism': unknown mechanism 'ccpr' (did you mean 'CCPR'?)");
  bad_mechanism.fields["mechanism"] = "NOPE";
  EXPECT_EQ(error(bad_mechanism),
            "field 'mechanism': unknown mechanism 'NOPE' (expected an id of data/mechanisms.jsonl, "
            "e.g. 'UPR', 'CCPR')");
  EXPECT_EQ(error(Rec("ratification", "x",
                      {{"state", "CN"}, {"instrument", "iccpr"}, {"action", "signature"}})),
            "field 'instrument': unknown instrument 'iccpr' (did you mean 'ICCPR'?)");
  EXPECT_EQ(error(Rec("followup", "f1",
                      {{"recommendation", "missing"}, {"date", "2020"}, {"assessor", "CCPR"}})),
            "field 'recommendation': no recommendation with key 'missing'");
  EXPECT_EQ(error(Recommendation("r1", "CN", "t", {{"date", "2014-02-30"}})),
            "field 'date': invalid date '2014-02-30' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(error(Rec("treaty", "x", json::object())).substr(0, 22), "unknown kind 'treaty' ");
  EXPECT_EQ((*batch)->counts().added, 0);
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_EQ(Count(*store), 0);
  EXPECT_EQ(Count(*store, "ratification"), 0);
}

TEST_P(StoreConformanceTest, DestroyedBatchKeepsNothing) {
  std::unique_ptr<Store> store = OpenInit();
  PutAll(*store, {Recommendation("kept", "CN", "Kept.")});
  {
    auto batch = store->BeginBatch();
    ASSERT_TRUE(batch.has_value());
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE(
          (*batch)->Put(Recommendation("r" + std::to_string(i), "FR", "Lost.")).has_value());
    }
    // Visible inside the batch...
    EXPECT_TRUE(store->GetByKey("recommendation", "r7").has_value());
    EXPECT_FALSE((*batch)->Put(Recommendation("kept", "CN", "Changed.")).has_value());
  }  // ... and gone when it is destroyed uncommitted.
  EXPECT_EQ(Count(*store), 1);
  EXPECT_EQ(store->GetByKey("recommendation", "r7").error().code(), ErrorCode::kNotFound);
  SearchQuery query;
  query.text = "lost";
  EXPECT_EQ(Total(*store, query), 0);
  // The store stays writable.
  PutAll(*store, {Recommendation("r7", "FR", "Found.")});
  EXPECT_EQ(Count(*store), 2);
}

TEST_P(StoreConformanceTest, OneBatchAtATime) {
  std::unique_ptr<Store> store = OpenInit();
  auto first = store->BeginBatch();
  ASSERT_TRUE(first.has_value());
  auto second = store->BeginBatch();
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code(), ErrorCode::kConflict);
  ASSERT_TRUE((*first)->Commit().ok());
  EXPECT_EQ((*first)->Commit().code(), ErrorCode::kConflict);
  EXPECT_FALSE((*first)->Put(Recommendation("r", "CN", "t")).has_value());
  first->reset();
  EXPECT_TRUE(store->BeginBatch().has_value());
}

TEST_P(StoreConformanceTest, KilledWriterLeavesTheStoreAsItWas) {
  std::unique_ptr<Store> store = OpenInit();
  PutAll(*store, {Recommendation("kept", "CN", "Committed before the crash.")});
  store.reset();
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Half an import, then the process dies without committing.
    Result<std::unique_ptr<Store>> writer = Store::Open({location_, "child"});
    if (!writer) _exit(3);
    auto batch = (*writer)->BeginBatch();
    if (!batch) _exit(4);
    for (int i = 0; i < 2000; ++i) {
      if (!(*batch)->Put(Recommendation("half" + std::to_string(i), "FR", "Never committed."))) {
        _exit(5);
      }
    }
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  store = Open();
  EXPECT_EQ(Count(*store), 1);
  EXPECT_TRUE(store->GetByKey("recommendation", "kept").has_value());
  EXPECT_FALSE(store->GetByKey("recommendation", "half0").has_value());
  PutAll(*store, {Recommendation("after", "CN", "Written after the crash.")});
  EXPECT_EQ(Count(*store), 2);
}

// "2026-11-29T06:40:00Z"
bool IsUtcSeconds(const std::string& at) {
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  if (at.size() != shape.size()) return false;
  for (std::size_t i = 0; i < at.size(); ++i) {
    bool ok =
        shape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(at[i])) != 0 : at[i] == shape[i];
    if (!ok) return false;
  }
  return true;
}

TEST_P(StoreConformanceTest, HistoryKeepsEveryChange) {
  std::unique_ptr<Store> store = OpenInit("import");
  Record visit =
      Rec("visit", "sr-torture-cn-1",
          {{"state", "CN"}, {"mandate", "SR-TORTURE"}, {"event", "requested"}, {"date", "2005"}});
  PutAll(*store, {visit});
  store = OpenInit("cli:alice");
  Record edited = visit;
  edited.fields["date"] = "2005-03";
  edited.fields["note"] = "Reminder sent in June.";
  PutAll(*store, {edited});
  PutAll(*store, {edited});  // unchanged: no history
  std::int64_t id = store->GetByKey("visit", "sr-torture-cn-1")->id;
  Result<std::vector<Change>> history = store->History(id);
  ASSERT_TRUE(history.has_value()) << history.error().message();
  ASSERT_EQ(history->size(), 2u);
  const Change& add = (*history)[0];
  const Change& update = (*history)[1];
  EXPECT_EQ(add.action, "add");
  EXPECT_EQ(add.actor, "import");
  EXPECT_EQ(add.kind, "visit");
  EXPECT_EQ(add.key, "sr-torture-cn-1");
  EXPECT_EQ(add.record_id, id);
  EXPECT_TRUE(add.before.is_null());
  EXPECT_EQ(add.after, visit.fields);
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.actor, "cli:alice");
  EXPECT_EQ(update.before, visit.fields);
  EXPECT_EQ(update.after, edited.fields);
  EXPECT_LT(add.id, update.id);
  EXPECT_TRUE(IsUtcSeconds(add.at)) << add.at;
  EXPECT_TRUE(IsUtcSeconds(update.at)) << update.at;
  EXPECT_LE(add.at, update.at);
  EXPECT_EQ(store->History(id + 99).error().code(), ErrorCode::kNotFound);
}

TEST_P(StoreConformanceTest, HistoryOfANeverUpdatedRecordShowsItsValues) {
  std::unique_ptr<Store> store = OpenInit();
  Record r = Recommendation("r1", "CN", "Ratify the ICCPR.");
  PutAll(*store, {r});
  Result<std::vector<Change>> history = store->History(store->GetByKey("recommendation", "r1")->id);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].after, r.fields);
}

std::vector<Record> SearchCorpus() {
  return {
      Recommendation("t1", "CN", "Prevent torture by the police and investigate all allegations.",
                     {{"cycle", 3},
                      {"session", 31},
                      {"date", "2018-11-06"},
                      {"response", "supported"},
                      {"themes", {"Torture", "Police"}},
                      {"recommending_states", {"FR", "DE"}}}),
      Recommendation("t2", "CN", "Close the black jails and end torture in prisons.",
                     {{"cycle", 3},
                      {"session", 31},
                      {"date", "2018-11-06"},
                      {"response", "noted"},
                      {"themes", {"Torture", "Detention"}},
                      {"recommending_states", {"DE"}}}),
      Recommendation("t3", "SZ", "Establish a national preventive mechanism under OPCAT.",
                     {{"cycle", 2},
                      {"session", 25},
                      {"date", "2016-05"},
                      {"response", "supported"},
                      {"themes", {"Torture"}}}),
      Recommendation("t4", "CI", "Train police officers in human rights.",
                     {{"cycle", 2},
                      {"session", 19},
                      {"date", "2014"},
                      {"response", "supported"},
                      {"themes", {"Police"}},
                      {"recommending_states", {"FR"}}}),
      Recommendation("t5", "CN", "Guarantee the rights of women and girls.",
                     {{"cycle", 1}, {"session", 4}, {"date", "2009-02-09"}, {"themes", {"Women"}}}),
      Rec("recommendation", "c1",
          {{"state", "CN"},
           {"mechanism", "CCPR"},
           {"cycle", 1},
           {"text", "Investigate deaths in detention and torture."}}),
      Rec("recommendation", "c2",
          {{"state", "IR"}, {"mechanism", "CAT"}, {"text", "Detained persons must see a lawyer."}}),
      Rec("recommendation", "s1",
          {{"state", "IR"},
           {"mechanism", "SR-TORTURE"},
           {"text", "Detainees should be protected from torture."}}),
  };
}

std::vector<std::string> SortedKeys(Store& store, SearchQuery query) {
  query.limit = 100;
  query.count_facets = false;
  Result<SearchResult> result = store.Search(query);
  EXPECT_TRUE(result.has_value()) << query.text << ": " << result.error().message();
  if (!result) return {};
  std::vector<std::string> keys = Keys(*result);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(static_cast<std::int64_t>(keys.size()), result->total);
  return keys;
}

using Keys_ = std::vector<std::string>;

TEST_P(StoreConformanceTest, SearchBooleanPhrasePrefixAndStems) {
  std::unique_ptr<Store> store = OpenInit();
  PutAll(*store, SearchCorpus());
  auto keys = [&](std::string text) {
    SearchQuery q;
    q.text = std::move(text);
    return SortedKeys(*store, q);
  };
  EXPECT_EQ(keys("torture"), (Keys_{"c1", "s1", "t1", "t2", "t3"}));  // t3 by its theme
  EXPECT_EQ(keys("torture AND (police OR prison)"), (Keys_{"t1", "t2"}));
  EXPECT_EQ(keys("torture NOT police"), (Keys_{"c1", "s1", "t2", "t3"}));
  EXPECT_EQ(keys("\"national preventive mechanism\""), (Keys_{"t3"}));
  EXPECT_EQ(keys("\"preventive national mechanism\""), Keys_{});
  EXPECT_EQ(keys("detain*"), (Keys_{"c2", "s1"}));
  EXPECT_EQ(keys("prisons"), (Keys_{"t2"}));  // stemming: prisons ~ prison
  EXPECT_EQ(keys("investigating"), (Keys_{"c1", "t1"}));
  EXPECT_EQ(keys("women"), (Keys_{"t5"}));
  EXPECT_EQ(keys("woman"), (Keys_{"t5"}));  // irregular plural
  EXPECT_EQ(keys("police -torture"), (Keys_{"t4"}));
  SearchQuery bad;
  bad.text = "torture AND (police";
  Result<SearchResult> invalid = store->Search(bad);
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(keys("   "), (Keys_{"c1", "c2", "s1", "t1", "t2", "t3", "t4", "t5"}));
  // Best match first: the text that is about torture and nothing else.
  SearchQuery ranked;
  ranked.text = "torture";
  ranked.limit = 2;
  Result<SearchResult> top = store->Search(ranked);
  ASSERT_TRUE(top.has_value());
  EXPECT_EQ(top->total, 5);
  EXPECT_EQ(top->results.size(), 2u);
  ranked.offset = 4;
  EXPECT_EQ(store->Search(ranked)->results.size(), 1u);
  ranked.limit = std::numeric_limits<std::int64_t>::max();  // "all"
  EXPECT_EQ(store->Search(ranked)->results.size(), 1u);
  ranked.offset = 0;
  EXPECT_EQ(store->Search(ranked)->results.size(), 5u);
  SearchQuery all;
  all.limit = std::numeric_limits<std::int64_t>::max();
  all.offset = 3;
  EXPECT_EQ(store->Search(all)->results.size(), 5u);  // 8 records, from the 4th
  all.filters = {{"state", {"CN"}}};
  EXPECT_EQ(store->Search(all)->results.size(), 1u);
}

TEST_P(StoreConformanceTest, SearchFilters) {
  std::unique_ptr<Store> store = OpenInit();
  PutAll(*store, SearchCorpus());
  auto keys = [&](std::map<std::string, std::vector<std::string>> filters, std::string text = "",
                  std::string from = "", std::string to = "") {
    SearchQuery q;
    q.text = std::move(text);
    q.filters = std::move(filters);
    q.date_from = std::move(from);
    q.date_to = std::move(to);
    return SortedKeys(*store, q);
  };
  EXPECT_EQ(keys({{"state", {"CN"}}}), (Keys_{"c1", "t1", "t2", "t5"}));
  EXPECT_EQ(keys({{"state", {"China"}}}, "torture"), (Keys_{"c1", "t1", "t2"}));
  EXPECT_EQ(keys({{"state", {"Swaziland", "Ivory Coast"}}}), (Keys_{"t3", "t4"}));
  EXPECT_EQ(keys({{"state", {"Iran (Islamic Republic of)"}}}), (Keys_{"c2", "s1"}));
  EXPECT_EQ(keys({{"recommending_state", {"France"}}}), (Keys_{"t1", "t4"}));
  EXPECT_EQ(keys({{"recommending_states", {"DE"}}, {"response", {"noted"}}}), (Keys_{"t2"}));
  EXPECT_EQ(keys({{"mechanism", {"treaty_body"}}}), (Keys_{"c1", "c2"}));
  EXPECT_EQ(keys({{"mechanism", {"UPR"}}, {"cycle", {"2", "3"}}}), (Keys_{"t1", "t2", "t3", "t4"}));
  EXPECT_EQ(keys({{"mechanism", {"special_procedure", "CAT"}}}), (Keys_{"c2", "s1"}));
  EXPECT_EQ(keys({{"body", {"ICCPR"}}}), (Keys_{"c1"}));
  EXPECT_EQ(keys({{"body", {"CAT"}}}), (Keys_{"c2"}));
  EXPECT_EQ(keys({{"theme", {"Police"}}}), (Keys_{"t1", "t4"}));
  EXPECT_EQ(keys({{"themes", {"Police", "Women"}}}, "rights"), (Keys_{"t4", "t5"}));
  EXPECT_EQ(keys({{"session", {"31"}}}), (Keys_{"t1", "t2"}));
  EXPECT_EQ(keys({{"date", {"2018"}}}), (Keys_{"t1", "t2"}));
  EXPECT_EQ(keys({}, "", "2014", "2016"), (Keys_{"t3", "t4"}));
  EXPECT_EQ(keys({}, "", "2016-06"), (Keys_{"t1", "t2"}));
  EXPECT_EQ(keys({}, "", "", "2016-05-31"), (Keys_{"t3", "t4", "t5"}));
  EXPECT_EQ(keys({{"response", {}}}), (Keys_{"c1", "c2", "s1", "t1", "t2", "t3", "t4", "t5"}));

  auto error = [&](std::map<std::string, std::vector<std::string>> filters) {
    SearchQuery q;
    q.filters = std::move(filters);
    Result<SearchResult> r = store->Search(q);
    EXPECT_FALSE(r.has_value());
    return r ? ErrorCode::kOk : r.error().code();
  };
  EXPECT_EQ(error({{"colour", {"red"}}}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error({{"response", {"accepted"}}}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error({{"cycle", {"two"}}}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error({{"state", {"Frnace"}}}), ErrorCode::kInvalidArgument);
  EXPECT_EQ(error({{"body", {"SR-TORTURE"}}}), ErrorCode::kInvalidArgument);
  SearchQuery unknown;
  unknown.filters = {{"colour", {"red"}}};
  std::string message = store->Search(unknown).error().message();
  EXPECT_EQ(message.substr(0, 60), "unknown filter 'colour' for kind 'recommendation' (expected ");
  EXPECT_NE(message.find("response"), std::string::npos);
  EXPECT_NE(message.find("recommending_state,"), std::string::npos);
  EXPECT_NE(message.find("theme"), std::string::npos);
}

TEST_P(StoreConformanceTest, SearchOtherKinds) {
  std::unique_ptr<Store> store = OpenInit();
  PutAll(*store, SearchCorpus());
  PutAll(*store, {Rec("followup", "f1",
                      {{"recommendation", "c1"},
                       {"date", "2021-07"},
                       {"assessor", "CCPR"},
                       {"grade", "C"},
                       {"text", "No information on investigations."}}),
                  Rec("visit", "v1",
                      {{"state", "CN"},
                       {"mandate", "SR-TORTURE"},
                       {"event", "carried_out"},
                       {"date", "2005-11"}}),
                  Rec("visit", "v2",
                      {{"state", "IR"},
                       {"mandate", "SR-TORTURE"},
                       {"event", "requested"},
                       {"date", "2004"}})});
  SearchQuery q;
  q.kind = "followup";
  q.text = "investigation";
  q.filters = {{"recommendation", {"c1"}}, {"grade", {"C"}}};
  EXPECT_EQ(SortedKeys(*store, q), (Keys_{"f1"}));
  q.filters = {{"recommendation", {"t1"}}};
  EXPECT_EQ(SortedKeys(*store, q), Keys_{});
  SearchQuery visits;
  visits.kind = "visit";
  visits.filters = {{"mechanism", {"special_procedure"}}, {"state", {"CN"}}};
  EXPECT_EQ(SortedKeys(*store, visits), (Keys_{"v1"}));
  visits.filters = {{"mandate", {"SR-TORTURE"}}};
  EXPECT_EQ(SortedKeys(*store, visits), (Keys_{"v1", "v2"}));
  SearchQuery wrong;
  wrong.kind = "visit";
  wrong.filters = {{"theme", {"Torture"}}};
  EXPECT_EQ(store->Search(wrong).error().code(), ErrorCode::kInvalidArgument);
  wrong.kind = "nonsense";
  EXPECT_EQ(store->Search(wrong).error().code(), ErrorCode::kInvalidArgument);
}

// Random recommendations, and facet counts computed by brute force.
std::vector<Record> RandomRecommendations(int n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  const std::vector<std::string> states{"CN", "FR", "IR", "BR", "NG", "SZ"};
  const std::vector<std::string> themes{"Torture", "Women", "Police", "Children", "Water"};
  const std::vector<std::string> responses{"supported", "noted", ""};
  const std::vector<std::string> words{"torture", "police", "prison", "women", "water", "law"};
  std::vector<Record> out;
  for (int i = 0; i < n; ++i) {
    std::string text = words[rng() % words.size()] + " " + words[rng() % words.size()];
    json extra = {{"cycle", static_cast<int>(rng() % 4) + 1}, {"response", responses[rng() % 3]}};
    for (int t = 0, m = static_cast<int>(rng() % 3); t < m; ++t) {
      extra["themes"].push_back(themes[rng() % themes.size()]);
    }
    extra["recommending_states"] = {states[rng() % states.size()]};
    out.push_back(
        Recommendation("r" + std::to_string(i), states[rng() % states.size()], text, extra));
  }
  return out;
}

std::vector<std::string> FacetValues(const Record& r, const std::string& field) {
  std::vector<std::string> values;
  auto it = r.fields.find(field);
  if (it == r.fields.end() || it->is_null() || *it == "") return values;
  if (it->is_array()) {  // a record counts once for each distinct value
    for (const json& v : *it) {
      if (std::find(values.begin(), values.end(), v.get<std::string>()) == values.end()) {
        values.push_back(v.get<std::string>());
      }
    }
  } else {
    values.push_back(it->is_string() ? it->get<std::string>() : it->dump());
  }
  return values;
}

TEST_P(StoreConformanceTest, FacetsAreExact) {
  std::unique_ptr<Store> store = OpenInit();
  std::vector<Record> records = RandomRecommendations(3000, 7);
  PutAll(*store, records);
  // What full text sees: the text and the themes (lower-cased, as the index does).
  auto words = [](const Record& r) {
    std::string all = r.fields["text"].get<std::string>();
    for (const std::string& theme : FacetValues(r, "themes")) all += " " + theme;
    std::transform(all.begin(), all.end(), all.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return all;
  };
  struct Case {
    std::string text;
    std::map<std::string, std::vector<std::string>> filters;
    std::function<bool(const Record&)> matches;
  };
  std::vector<Case> cases{
      {"", {}, [](const Record&) { return true; }},
      {"", {{"state", {"CN"}}}, [](const Record& r) { return r.fields["state"] == "CN"; }},
      {"torture",
       {},
       [&](const Record& r) { return words(r).find("torture") != std::string::npos; }},
      {"police",
       {{"theme", {"Women"}}},
       [&](const Record& r) {
         auto t = FacetValues(r, "themes");
         return words(r).find("police") != std::string::npos &&
                std::find(t.begin(), t.end(), "Women") != t.end();
       }},
  };
  for (const Case& c : cases) {
    SearchQuery q;
    q.text = c.text;
    q.filters = c.filters;
    Result<SearchResult> result = store->Search(q);
    ASSERT_TRUE(result.has_value()) << result.error().message();
    std::map<std::string, std::map<std::string, std::int64_t>> expected;
    std::int64_t total = 0;
    for (const Record& r : records) {
      if (!c.matches(r)) continue;
      ++total;
      for (const char* f :
           {"state", "cycle", "response", "themes", "recommending_states", "mechanism"}) {
        for (const std::string& v : FacetValues(r, f)) ++expected[f][v];
      }
    }
    EXPECT_EQ(result->total, total) << c.text;
    for (const auto& [field, counts] : expected) {
      std::map<std::string, std::int64_t> got;
      for (const FacetCount& fc : result->facets[field]) got[fc.value] = fc.count;
      EXPECT_EQ(got, counts) << c.text << " facet " << field;
      const auto& list = result->facets[field];
      for (std::size_t i = 1; i < list.size(); ++i) EXPECT_GE(list[i - 1].count, list[i].count);
    }
    EXPECT_TRUE(result->facets.count("session"));  // every facet field, even if empty
  }
  SearchQuery chosen;
  chosen.facets = {"state", "theme"};
  Result<SearchResult> two = store->Search(chosen);
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->facets.size(), 2u);
  EXPECT_TRUE(two->facets.count("theme"));
  chosen.count_facets = false;
  EXPECT_TRUE(store->Search(chosen)->facets.empty());
}

// Facets over a whole kind stay exact through updates, and inside a batch.
TEST_P(StoreConformanceTest, FacetsOfAWholeKindFollowUpdates) {
  std::unique_ptr<Store> store = OpenInit();
  const std::vector<std::string> events{"requested", "reminder", "accepted_in_principle"};
  std::vector<Record> visits;
  for (int i = 0; i < 60; ++i) {
    visits.push_back(Rec("visit", "v" + std::to_string(i),
                         {{"state", i % 3 ? "CN" : "IR"},
                          {"mandate", "SR-TORTURE"},
                          {"event", events[i % 3]},
                          {"date", "2010"}}));
  }
  PutAll(*store, visits);
  auto facets = [&](Store& s) {
    SearchQuery q;
    q.kind = "visit";
    Result<SearchResult> r = s.Search(q);
    EXPECT_TRUE(r.has_value());
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (const auto& [field, counts] : r->facets) {
      for (const FacetCount& c : counts) out[field][c.value] = c.count;
    }
    return out;
  };
  using Counts = std::map<std::string, std::map<std::string, std::int64_t>>;
  EXPECT_EQ(facets(*store),
            (Counts{{"event", {{"accepted_in_principle", 20}, {"reminder", 20}, {"requested", 20}}},
                    {"mandate", {{"SR-TORTURE", 60}}},
                    {"state", {{"CN", 40}, {"IR", 20}}}}));
  auto batch = store->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  for (int i = 0; i < 20; ++i) {
    visits[i].fields["event"] = "carried_out";
    visits[i].fields["state"] = "FR";
    ASSERT_TRUE((*batch)->Put(visits[i]).has_value());
  }
  Counts expected{
      {"event",
       {{"accepted_in_principle", 14}, {"carried_out", 20}, {"reminder", 13}, {"requested", 13}}},
      {"mandate", {{"SR-TORTURE", 60}}},
      {"state", {{"CN", 27}, {"FR", 20}, {"IR", 13}}}};
  EXPECT_EQ(facets(*store), expected);  // inside the batch
  ASSERT_TRUE((*batch)->Commit().ok());
  batch->reset();
  EXPECT_EQ(facets(*store), expected);
  store = Open();  // and from the store as kept
  EXPECT_EQ(facets(*store), expected);
}

TEST_P(StoreConformanceTest, ResolvesStatesByCodeOrAnyName) {
  std::unique_ptr<Store> store = OpenInit();
  for (auto [name, code] :
       std::vector<std::pair<std::string, std::string>>{{"CN", "CN"},
                                                        {"cn", "CN"},
                                                        {"CHN", "CN"},
                                                        {"China", "CN"},
                                                        {"Swaziland", "SZ"},
                                                        {"Iran (Islamic Republic of)", "IR"},
                                                        {"Ivory Coast", "CI"},
                                                        {"france", "FR"}}) {
    Result<std::string> resolved = store->ResolveState(name);
    ASSERT_TRUE(resolved.has_value()) << name << ": " << resolved.error().message();
    EXPECT_EQ(*resolved, code) << name;
  }
  Result<std::string> typo = store->ResolveState("Frnace");
  ASSERT_FALSE(typo.has_value());
  EXPECT_EQ(typo.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(typo.error().message().find("did you mean"), std::string::npos)
      << typo.error().message();
}

TEST_P(StoreConformanceTest, ForEachWalksInIdOrderInPages) {
  std::unique_ptr<Store> store = OpenInit();
  std::vector<Record> records = RandomRecommendations(2500, 11);
  records.push_back(Rec("dialogue", "d1", {{"state", "CN"}, {"partner", "EU"}}));
  PutAll(*store, records);
  std::vector<std::int64_t> ids;
  std::int64_t dialogues = 0;
  Status s = store->ForEach("", [&](const Record& r) {
    ids.push_back(r.id);
    dialogues += r.kind == "dialogue";
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(ids.size(), records.size());
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(dialogues, 1);
  std::int64_t n = 0;
  s = store->ForEach("recommendation", [&](const Record& r) {
    EXPECT_EQ(r.fields, store->Get(r.id)->fields);
    return ++n == 1500 ? InvalidArgument("enough") : Status::Ok();
  });
  EXPECT_EQ(s.message(), "enough");
  EXPECT_EQ(n, 1500);
  EXPECT_EQ(store->ForEach("treaty", [](const Record&) { return Status::Ok(); }).code(),
            ErrorCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, NewerSchemaIsRefused) {
  OpenInit();
  GetParam().set_schema_version(location_, 999);
  Result<std::unique_ptr<Store>> store = Store::Open({location_, "test"});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kConflict);
  EXPECT_NE(store.error().message().find("newer"), std::string::npos) << store.error().message();
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformanceTest, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<Backend>& p) { return p.param.name; });

TEST(StoreOpenTest, PostgresqlIsNotBuiltYet) {
  Result<std::unique_ptr<Store>> store = Store::Open({"postgresql://u:secret@db/rapporteur", "t"});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kUnsupported);
  EXPECT_EQ(store.error().message().find("secret"), std::string::npos);
}

TEST(StoreOpenTest, NotAStore) {
  std::string path = (fs::temp_directory_path() / "rapporteur-not-a-store.db").string();
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("state,text\nCN,hello\n", f);
    std::fclose(f);
  }
  Result<std::unique_ptr<Store>> store = Store::Open({path, "t"});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), ErrorCode::kInvalidInput);
  EXPECT_NE(store.error().message().find("not a rapporteur store"), std::string::npos)
      << store.error().message();
  fs::remove(path);
}

}  // namespace
}  // namespace rapporteur
