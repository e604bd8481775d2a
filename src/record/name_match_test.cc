#include "src/record/name_match.h"

#include <gtest/gtest.h>

namespace rapporteur::record {
namespace {

TEST(NameMatchTest, FoldsCaseDiacriticsPunctuationAndLeadingThe) {
  EXPECT_EQ(FoldName("Côte d’Ivoire"), "cote d ivoire");
  EXPECT_EQ(FoldName("Cote d'Ivoire"), "cote d ivoire");
  EXPECT_EQ(FoldName("Côte dʼIvoire"), "cote d ivoire");  // U+02BC, a "letter" to ICU
  EXPECT_EQ(FoldName("  The   Gambia "), "gambia");
  EXPECT_EQ(FoldName("TÜRKIYE"), "turkiye");
  EXPECT_EQ(FoldName("São Tomé and Príncipe"), "sao tome and principe");
  EXPECT_EQ(FoldName("Guinea-Bissau"), "guinea bissau");
  EXPECT_EQ(FoldName("Bolivia (Plurinational State of)"), "bolivia plurinational state of");
  EXPECT_EQ(FoldName("Korea, Democratic People's Republic of"),
            "korea democratic people s republic of");
  EXPECT_EQ(FoldName("Straße"), "strasse");
  EXPECT_EQ(FoldName("Ελλάδα"), "ελλαδα");
  EXPECT_EQ(FoldName("대한민국"), "대한민국");  // NFD splits Hangul; NFC puts it back
}

TEST(NameMatchTest, AmpersandIsAnd) {
  EXPECT_EQ(FoldName("Bosnia & Herzegovina"), "bosnia and herzegovina");
  EXPECT_EQ(FoldName("St Kitts&Nevis"), "st kitts and nevis");
  EXPECT_EQ(FoldName("Trinidad ＆ Tóbago"), "trinidad and tobago");  // fullwidth, Unicode path
}

TEST(NameMatchTest, LeadingTheOnlyAsAWord) {
  EXPECT_EQ(FoldName("Theland"), "theland");
  EXPECT_EQ(FoldName("the"), "the");
  EXPECT_EQ(FoldName("Netherlands (Kingdom of the)"), "netherlands kingdom of the");
}

TEST(NameMatchTest, EmptyAndPunctuationOnly) {
  EXPECT_EQ(FoldName(""), "");
  EXPECT_EQ(FoldName(" -- ,; "), "");
}

TEST(NameMatchTest, InvalidUtf8IsPunctuation) {
  EXPECT_EQ(FoldName("Fr\xFF"
                     "ance"),
            "fr ance");
}

TEST(NameMatchTest, EditDistanceCountsTranspositionsAsOne) {
  EXPECT_EQ(EditDistance("france", "france"), 0u);
  EXPECT_EQ(EditDistance("frnace", "france"), 1u);
  EXPECT_EQ(EditDistance("phillipines", "philippines"), 2u);
  EXPECT_EQ(EditDistance("", "chad"), 4u);
  EXPECT_EQ(EditDistance("chad", ""), 4u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("türkiye", "turkiye"), 1u);  // code points, not bytes
}

TEST(NameMatchTest, CaseFoldChangesCaseOnly) {
  EXPECT_EQ(CaseFold("SR-Torture"), "sr-torture");
  EXPECT_EQ(CaseFold("STRASSE Straße"), "strasse strasse");
  EXPECT_EQ(CaseFold("Comité"), "comité");
}

TEST(NameMatchTest, EqualsIgnoreCase) {
  EXPECT_TRUE(EqualsIgnoreCase("sr-torture", "SR-TORTURE"));
  EXPECT_TRUE(EqualsIgnoreCase("Comité contre la torture", "COMITÉ CONTRE LA TORTURE"));
  EXPECT_FALSE(EqualsIgnoreCase("SR-TORTURE", "SR-TORTURES"));
  EXPECT_FALSE(EqualsIgnoreCase("cat", "cot"));
}

}  // namespace
}  // namespace rapporteur::record
