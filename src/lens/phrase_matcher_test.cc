#include "src/lens/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

namespace rapporteur::lens {
namespace {

std::vector<std::string> Found(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const PhraseMatch& p : m.Find(text)) out.emplace_back(text.substr(p.begin, p.end - p.begin));
  return out;
}

TEST(PhraseMatcherTest, FindsCaseInsensitivelyAtWordBoundaries) {
  PhraseMatcher m(true);
  m.Add("as appropriate");
  m.Add("covenant");
  m.Add("international covenant on civil and political rights");
  m.Build();
  EXPECT_EQ(
      Found(m,
            "Cooperate, As Appropriate, under the International Covenant on Civil and "
            "Political Rights and the Covenant."),
      (std::vector<std::string>{
          "As Appropriate", "International Covenant on Civil and Political Rights", "Covenant"}));
  EXPECT_TRUE(Found(m, "covenants and inappropriate").empty());
}

TEST(PhraseMatcherTest, CaseSensitiveAbbreviations) {
  PhraseMatcher m(false);
  m.Add("CAT");
  m.Build();
  EXPECT_EQ(Found(m, "the CAT and the cat").size(), 1u);
}

TEST(PhraseMatcherTest, ChinesePhrasesMatchWithoutSpaces) {
  PhraseMatcher m(true);
  m.Add("公民权利和政治权利国际公约");
  m.Add("根据国情");
  m.Build();
  EXPECT_EQ(Found(m, "我国已签署《公民权利和政治权利国际公约》，并根据国情逐步落实。").size(), 2u);
}

// Reference: naive search of every phrase at every offset, with full rows
// for every state, for the root alone (every other state walks its failure
// links) and for a few.
TEST(PhraseMatcherTest, RawCountAgreesWithNaiveSearch) {
  std::mt19937 rng(5);
  const std::string alphabet = "abc ";
  for (std::size_t dense_cells :
       {std::size_t{0}, std::size_t{12}, PhraseMatcher::kDefaultDenseCells}) {
    for (int round = 0; round < 200; ++round) {
      PhraseMatcher m(false, dense_cells);
      std::vector<std::string> phrases;
      for (int p = 0; p < 1 + static_cast<int>(rng() % 8); ++p) {
        std::string s;
        for (int k = 0; k < 1 + static_cast<int>(rng() % 6); ++k) s += alphabet[rng() % 3];
        phrases.push_back(s);
        m.Add(s);
      }
      m.Build();
      std::string text;
      for (int k = 0; k < 80; ++k) text += alphabet[rng() % alphabet.size()];
      std::size_t naive = 0;
      for (const std::string& p : phrases) {
        for (std::size_t i = 0; i + p.size() <= text.size(); ++i)
          naive += text.compare(i, p.size(), p) == 0;
      }
      ASSERT_EQ(m.CountRaw(text), naive) << dense_cells << " " << text;
    }
  }
}

// Regression: phrases that use all 256 byte values need 257 classes.
TEST(PhraseMatcherTest, EveryByteValueIsItsOwnClass) {
  PhraseMatcher m(false);
  std::string text;
  for (int c = 0; c < 256; ++c) {
    m.Add(std::string(1, static_cast<char>(c)));
    text.push_back(static_cast<char>(c));
  }
  m.Build();
  EXPECT_EQ(m.CountRaw(text), 256u);
}

std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> AllMatches(
    const PhraseMatcher& m, std::string_view text) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> out;
  for (const PhraseMatch& p : m.FindAll(text)) out.emplace_back(p.phrase, p.begin, p.end);
  std::sort(out.begin(), out.end());
  return out;
}

// The same matches, boundaries and case folding included, whichever states
// have full rows.
TEST(PhraseMatcherTest, SparseStatesFindWhatFullRowsFind) {
  const std::vector<std::string> phrases = {
      "International Covenant on Civil and Political Rights",
      "Covenant",
      "ICCPR",
      "in accordance with",
      "in accordance with national conditions",
      "national",
      "shall",
      "shall not",
      "may",
      "根据国情",
      "国情",
      "Pacte international relatif aux droits civils et politiques",
      "conformément à"};
  const std::string text =
      "The State shall, in accordance with national conditions, respect the International Covenant "
      "on Civil and "
      "Political Rights (ICCPR); it may not derogate. 根据国情，国情。Conformément à l'article 2 "
      "du Pacte "
      "international relatif aux droits civils et politiques. MAY SHALL NOT nationally shallow";
  for (bool folded : {true, false}) {
    PhraseMatcher full(folded, std::size_t{1} << 24), sparse(folded, 0), some(folded, 400);
    for (PhraseMatcher* m : {&full, &sparse, &some}) {
      for (const std::string& p : phrases) m->Add(p);
      m->Build();
    }
    const auto expected = AllMatches(full, text);
    EXPECT_GE(expected.size(), folded ? 12u : 8u);
    EXPECT_EQ(AllMatches(sparse, text), expected);
    EXPECT_EQ(AllMatches(some, text), expected);
  }
}

TEST(PhraseMatcherTest, FoldForMatchingKeepsOffsets) {
  std::vector<std::uint32_t> offsets;
  EXPECT_EQ(FoldForMatching("L'ÉTAT Partie", &offsets), "l'état partie");
  EXPECT_TRUE(offsets.empty());
}

}  // namespace
}  // namespace rapporteur::lens
