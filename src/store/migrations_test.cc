// The schema against the record model: every kind's table has one column
// per field of its KindSpec, of the right type and nullability, and its
// full-text index, so that the hand-written migrations cannot drift from
// src/record/kinds.cc.
#include "src/store/migrations.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "rapporteur/record.h"
#include "src/record/field_values.h"
#include "src/store/fts_tokenizer.h"

namespace rapporteur::store {
namespace {

struct Column {
  std::string type;
  bool not_null = false;
};

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("rapporteur-migrations-" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    Result<std::unique_ptr<Database>> db = Database::Open(path_, /*create=*/true);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(db).value();
    ASSERT_TRUE(RegisterFtsTokenizer(db_->handle()).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }
  std::map<std::string, Column> Columns(std::string_view table) {
    std::map<std::string, Column> columns;
    Result<Query> q = db_->Prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?)");
    EXPECT_TRUE(q.has_value());
    q->Bind(1, table);
    while (q->Step()) columns[q->Text(0)] = {q->Text(1), q->Int(2) != 0};
    return columns;
  }
  std::string path_;
  std::unique_ptr<Database> db_;
};

TEST_F(MigrationsTest, KindTablesMatchTheSpec) {
  ASSERT_TRUE(Migrate(*db_).ok());
  for (const KindSpec& kind : AllKinds()) {
    std::map<std::string, Column> columns = Columns(kind.table);
    ASSERT_FALSE(columns.empty()) << kind.table;
    std::map<std::string, Column> expected{{"id", {"INTEGER", false}}};
    for (const FieldSpec& field : kind.fields) {
      bool integer = field.type == FieldType::kInteger || field.type == FieldType::kRef;
      expected[std::string(field.name)] = {integer ? "INTEGER" : "TEXT", field.required};
    }
    ASSERT_EQ(columns.size(), expected.size()) << kind.table;
    EXPECT_FALSE(Columns(std::string(kind.table) + "_text").empty()) << kind.table;
    for (const auto& [name, column] : expected) {
      ASSERT_TRUE(columns.count(name)) << kind.table << "." << name;
      EXPECT_EQ(columns[name].type, column.type) << kind.table << "." << name;
      EXPECT_EQ(columns[name].not_null, column.not_null) << kind.table << "." << name;
    }
  }
}

TEST_F(MigrationsTest, VersionsAndIdempotence) {
  EXPECT_EQ(*SchemaVersion(*db_), 0);
  ASSERT_TRUE(Migrate(*db_).ok());
  EXPECT_EQ(*SchemaVersion(*db_), LatestSchemaVersion());
  ASSERT_TRUE(Migrate(*db_).ok());  // nothing left to do
  ASSERT_TRUE(db_->Exec("PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1)).ok());
  Status newer = Migrate(*db_);
  EXPECT_EQ(newer.code(), ErrorCode::kConflict);
  EXPECT_NE(newer.message().find("newer than this build's"), std::string::npos) << newer.message();
}

TEST_F(MigrationsTest, FailedMigrationLeavesNothing) {
  // A table in the way: migration 1 fails and is rolled back whole.
  ASSERT_TRUE(db_->Exec("CREATE TABLE documents (x)").ok());
  Status failed = Migrate(*db_);
  EXPECT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("cannot migrate the store to schema version 1"),
            std::string::npos);
  EXPECT_EQ(*SchemaVersion(*db_), 0);
  EXPECT_TRUE(Columns("records").empty());
}

}  // namespace
}  // namespace rapporteur::store
