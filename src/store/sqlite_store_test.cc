// What the SQLite backend promises beyond the conformance suite: the file is
// in WAL mode with foreign keys enforced, and readers in other connections
// neither block a batch nor see it before it is committed.
#include "src/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "src/store/migrations.h"

namespace rapporteur::store {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ =
        (fs::temp_directory_path() / ("rapporteur-sqlite-" + std::to_string(::getpid()) + ".db"))
            .string();
    Clean();
  }
  void TearDown() override { Clean(); }
  void Clean() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> store = Store::Open({path_, "test"});
    EXPECT_TRUE(store.has_value()) << store.error().message();
    return store ? std::move(store).value() : nullptr;
  }
  std::string Pragma(const std::string& name) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &stmt, nullptr);
    std::string value = sqlite3_step(stmt) == SQLITE_ROW
                            ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))
                            : "";
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }
  std::string path_;
};

Record Visit(const std::string& key) {
  Record r;
  r.kind = "visit";
  r.key = key;
  r.fields = {{"state", "CN"}, {"mandate", "SR-TORTURE"}, {"event", "requested"}, {"date", "2005"}};
  return r;
}

TEST_F(SqliteStoreTest, InitMakesAWalStoreAtTheLatestSchema) {
  std::unique_ptr<Store> store = Open();
  EXPECT_FALSE(fs::exists(path_));  // Open creates nothing
  ASSERT_TRUE(store->Init().ok());
  EXPECT_EQ(Pragma("journal_mode"), "wal");
  EXPECT_EQ(Pragma("user_version"), std::to_string(LatestSchemaVersion()));
}

TEST_F(SqliteStoreTest, ReadersDoNotWaitForABatchNorSeeIt) {
  std::unique_ptr<Store> writer = Open();
  ASSERT_TRUE(writer->Init().ok());
  std::unique_ptr<Store> reader = Open();
  auto batch = writer->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_TRUE((*batch)->Put(Visit("v1")).has_value());
  Result<Record> early = reader->GetByKey("visit", "v1");  // answers at once...
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code(), ErrorCode::kNotFound);  // ... without the batch
  SearchQuery q;
  q.kind = "visit";
  EXPECT_EQ(reader->Search(q)->total, 0);
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_TRUE(reader->GetByKey("visit", "v1").has_value());
  EXPECT_EQ(reader->Search(q)->total, 1);
}

TEST_F(SqliteStoreTest, ASecondWriterWaitsThenFailsAsBusy) {
  std::unique_ptr<Store> first = Open();
  ASSERT_TRUE(first->Init().ok());
  auto batch = first->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  // A second connection with a short wait, as another process would be.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 50);
  EXPECT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_BUSY);
  ASSERT_TRUE((*batch)->Commit().ok());
  EXPECT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE; ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, ForeignKeysAreEnforced) {
  std::unique_ptr<Store> store = Open();
  ASSERT_TRUE(store->Init().ok());
  auto batch = store->BeginBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_TRUE((*batch)->Put(Visit("v1")).has_value());
  ASSERT_TRUE((*batch)->Commit().ok());
  batch->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  // What the store checks first, the schema refuses too.
  EXPECT_EQ(sqlite3_exec(db, "UPDATE visits SET state = 'XX'", nullptr, nullptr, nullptr),
            SQLITE_CONSTRAINT);
  EXPECT_EQ(sqlite3_exec(db, "UPDATE visits SET mandate = 'NOPE'", nullptr, nullptr, nullptr),
            SQLITE_CONSTRAINT);
  sqlite3_close(db);
}

}  // namespace
}  // namespace rapporteur::store
