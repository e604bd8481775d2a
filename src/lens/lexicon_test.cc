#include "src/lens/lexicon.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "src/lens/catalogue.h"

namespace rapporteur::lens {
namespace {

TEST(LexiconTest, ReadsRowsAndKindFromName) {
  Lexicons l;
  ASSERT_TRUE(
      l.AddTsv("# comment\nlang\tphrase\tforce\nen\tshall\t5\nen\tmay\t1\n", "modality.tsv").ok());
  ASSERT_EQ(l.entries().size(), 2u);
  EXPECT_EQ(l.entries()[0].kind, LexiconKind::kModality);
  EXPECT_EQ(l.entries()[1].level, 1);
}

TEST(LexiconTest, KindFromFirstLine) {
  Lexicons l;
  ASSERT_TRUE(l.AddTsv("# kind: hedges\nlang\tphrase\nen\tas appropriate\n", "mine.tsv").ok());
  EXPECT_EQ(l.entries()[0].kind, LexiconKind::kHedges);
}

TEST(LexiconTest, ErrorsNameFileLineAndField) {
  Lexicons l;
  Status s = l.AddTsv("lang\tphrase\tforce\nen\tshall\t5\nen\tmay\thigh\n", "modality.tsv");
  EXPECT_EQ(
      s.message(),
      "cannot read 'modality.tsv': line 3: field 'force': expected an integer 0-5, got 'high'");
  s = l.AddTsv("lang\tphrase\nen\n", "hedges.tsv");
  EXPECT_EQ(s.message(),
            "cannot read 'hedges.tsv': line 2: expected 2 tab-separated fields, got 1");
  s = l.AddTsv("lang\tphrase\n", "colours.tsv");
  EXPECT_NE(s.message().find("unknown lexicon 'colours'"), std::string::npos);
  s = l.AddTsv("language\tphrase\n", "hedges.tsv");
  EXPECT_EQ(s.message(), "cannot read 'hedges.tsv': line 1: header: missing column 'lang'");
  EXPECT_TRUE(l.entries().empty());  // nothing from a failed file is kept
}

TEST(CatalogueTest, ErrorsNameFileLineAndField) {
  Catalogue c;
  ASSERT_TRUE(c.AddJsonLines(R"({"id":"X","titles":{"en":"X Convention"},"abbreviations":["XC"]})",
                             "a.jsonl")
                  .ok());
  EXPECT_EQ(c.instruments().size(), 1u);
  Status s = c.AddJsonLines("{\"id\":\"Y\"}\n{\"id\":\"Z\",\"titles\":[\"oops\"]}\n", "b.jsonl");
  EXPECT_EQ(s.message(),
            "cannot read 'b.jsonl': line 2: field 'titles': expected an object of language codes "
            "to titles");
  s = c.AddJsonLines("{not json}\n", "c.jsonl");
  EXPECT_EQ(s.message(), "cannot read 'c.jsonl': line 1: not valid JSON");
  s = c.AddJsonLines("{\"titles\":{}}\n", "d.jsonl");
  EXPECT_EQ(s.message(), "cannot read 'd.jsonl': line 1: field 'id': expected a non-empty string");
}

TEST(CatalogueTest, ShippedDataLoads) {
  Catalogue c;
  ASSERT_TRUE(c.AddFile(std::string(RAPPORTEUR_SOURCE_DIR) + "/data/instruments.jsonl").ok());
  for (const char* id :
       {"ICERD",    "ICCPR", "ICCPR-OP1", "ICCPR-OP2", "ICESCR",    "ICESCR-OP",  "CEDAW",
        "OP-CEDAW", "CAT",   "OPCAT",     "CRC",       "OP-CRC-AC", "OP-CRC-SC",  "OP-CRC-IC",
        "ICMW",     "CPED",  "CRPD",      "OP-CRPD",   "UDHR",      "UN-CHARTER", "VDPA"}) {
    EXPECT_NE(c.Find(id), nullptr) << id;
  }
}

// Regression: a sized read must not take a directory's or a pipe's "size".
TEST(ReadTextFileTest, FilesDirectoriesPipesAndEmptyFiles) {
  const std::string dir = ::testing::TempDir() + "read_text_file";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/a.txt") << "hello\n";
  std::ofstream(dir + "/empty.txt").flush();
  EXPECT_EQ(ReadTextFile(dir + "/a.txt").value(), "hello\n");
  EXPECT_EQ(ReadTextFile(dir + "/empty.txt").value(), "");
  Result<std::string> directory = ReadTextFile(dir);
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().message(), "cannot read '" + dir + "': is a directory");
  EXPECT_EQ(ReadTextFile(dir + "/missing.txt").error().code(), ErrorCode::kNotFound);
  const std::string fifo = dir + "/fifo";
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&fifo] { std::ofstream(fifo) << "through a pipe"; });
  EXPECT_EQ(ReadTextFile(fifo).value(), "through a pipe");
  writer.join();
}

}  // namespace
}  // namespace rapporteur::lens
