#include "src/lens/phrase_matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

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
  EXPECT_EQ(Found(m, "Cooperate, As Appropriate, under the International Covenant on Civil and "
                     "Political Rights and the Covenant."),
            (std::vector<std::string>{"As Appropriate",
                                      "International Covenant on Civil and Political Rights",
                                      "Covenant"}));
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

// Reference: naive search of every phrase at every offset.
TEST(PhraseMatcherTest, RawCountAgreesWithNaiveSearch) {
  std::mt19937 rng(5);
  const std::string alphabet = "abc ";
  for (int round = 0; round < 200; ++round) {
    PhraseMatcher m(false);
    std::vector<std::string> phrases;
    for (int p = 0; p < 1 + static_cast<int>(rng() % 6); ++p) {
      std::string s;
      for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k) s += alphabet[rng() % 3];
      phrases.push_back(s);
      m.Add(s);
    }
    m.Build();
    std::string text;
    for (int k = 0; k < 60; ++k) text += alphabet[rng() % alphabet.size()];
    std::size_t naive = 0;
    for (const std::string& p : phrases) {
      for (std::size_t i = 0; i + p.size() <= text.size(); ++i) naive += text.compare(i, p.size(), p) == 0;
    }
    ASSERT_EQ(m.CountRaw(text), naive) << text;
  }
}

TEST(PhraseMatcherTest, FoldForMatchingKeepsOffsets) {
  std::vector<std::uint32_t> offsets;
  EXPECT_EQ(FoldForMatching("L'ÉTAT Partie", &offsets), "l'état partie");
  EXPECT_TRUE(offsets.empty());
}

}  // namespace
}  // namespace rapporteur::lens
