#include "src/lens/scanner.h"

#include <gtest/gtest.h>

namespace rapporteur::lens {
namespace {

Document Doc(std::vector<std::string> texts) {
  Document d;
  for (std::string& t : texts) {
    Block b;
    b.text = std::move(t);
    d.blocks.push_back(b);
  }
  return d;
}

class ScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        catalogue_
            .AddJsonLines(
                R"({"id":"ICCPR","family":"covenant","titles":{"en":"International Covenant on Civil and Political Rights"},"abbreviations":["ICCPR"]}
{"id":"ICESCR","family":"covenant","titles":{"en":"International Covenant on Economic, Social and Cultural Rights"},"abbreviations":["ICESCR"]}
{"id":"CAT","family":"convention","titles":{"en":"Convention against Torture"},"abbreviations":["CAT"]})",
                "test.jsonl")
            .ok());
    ASSERT_TRUE(
        lexicons_
            .AddTsv(
                "lang\tphrase\tfamily\nen\tthe Covenant\tcovenant\nen\tthe Covenants\tcovenant\n",
                "references.tsv")
            .ok());
    ASSERT_TRUE(lexicons_.AddTsv("lang\tphrase\nen\tas appropriate\n", "hedges.tsv").ok());
  }

  std::vector<std::string> Instruments(const std::vector<Hit>& hits) {
    std::vector<std::string> out;
    for (const Hit& h : hits) {
      if (h.kind == HitKind::kInstrument) out.push_back(h.type + (h.anaphoric ? "*" : ""));
    }
    return out;
  }

  Catalogue catalogue_;
  Lexicons lexicons_;
};

TEST_F(ScannerTest, ResolvesTheCovenantToTheLastNamed) {
  Scanner s(catalogue_, lexicons_);
  ScannedDocument scan =
      s.Scan(Doc({"The Covenant applies.",  // nothing named yet: dropped
                  "Recalling the International Covenant on Civil and Political Rights,",
                  "the Covenant guarantees; the ICESCR too.",
                  "Both the Covenants, as appropriate; the cat and the CAT."}));
  EXPECT_TRUE(Instruments(scan[0]).empty());
  EXPECT_EQ(Instruments(scan[1]), std::vector<std::string>{"ICCPR"});
  EXPECT_EQ(Instruments(scan[2]), (std::vector<std::string>{"ICCPR*", "ICESCR"}));
  EXPECT_EQ(Instruments(scan[3]), (std::vector<std::string>{"ICCPR*", "ICESCR*", "CAT"}));
  EXPECT_EQ(scan[3][2].kind, HitKind::kHedge);
}

}  // namespace
}  // namespace rapporteur::lens
