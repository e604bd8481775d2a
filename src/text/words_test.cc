#include "src/text/words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace rapporteur::text {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s)) out.emplace_back(TokenText(s, t));
  return out;
}

// Golden table: input, then the tokens expected, '|'-separated.
struct Golden {
  const char* input;
  std::vector<std::string> tokens;
};

TEST(WordsTest, GoldenTable) {
  const Golden table[] = {
      {"The Parties shall cooperate.", {"The", "Parties", "shall", "cooperate", "."}},
      {"Article 5.2 (a)", {"Article", "5.2", "(", "a", ")"}},
      {"don't  stop", {"don't", "stop"}},
      {"l'État et la société", {"l'État", "et", "la", "société"}},
      {"Artículo 5 bis.", {"Artículo", "5", "bis", "."}},
      {"1,000 persons", {"1,000", "persons"}},
      {"", {}},
      {"   ", {}},
  };
  for (const Golden& g : table) {
    EXPECT_EQ(Words(g.input), g.tokens) << g.input;
  }
}

TEST(WordsTest, ChineseIsSegmentedIntoWordsNotCharacters) {
  const std::string s = "保障人民通过多种途径参与立法活动";
  std::vector<std::string> words = Words(s);
  // Dictionary segmentation yields multi-character words.
  ASSERT_GT(words.size(), 3u);
  EXPECT_LT(words.size(), 16u);
  bool has_multichar = false;
  for (const std::string& w : words) has_multichar |= w.size() > 3;
  EXPECT_TRUE(has_multichar);
  std::string joined;
  for (const std::string& w : words) joined += w;
  EXPECT_EQ(joined, s);
}

TEST(WordsTest, WhitespaceAttachesToPreviousToken) {
  const std::string s = "a  b\tc";
  std::vector<Token> tokens = Tokenize(s);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(s.substr(tokens[0].begin, tokens[0].space_end - tokens[0].begin), "a  ");
  EXPECT_EQ(tokens[2].space_end, s.size());
}

TEST(WordsTest, KindsAreReported) {
  std::vector<Token> tokens = Tokenize("Art 12 ;");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunctuation);
}

TEST(WordsTest, FoldCase) {
  EXPECT_EQ(FoldCase("ÉTAT Shall"), "état shall");
  EXPECT_EQ(FoldCase("第五条"), "第五条");
}

}  // namespace
}  // namespace rapporteur::text

namespace rapporteur::text {
namespace {

// The ASCII fast path must cut exactly where ICU cuts, and agree on what is
// punctuation, on any ASCII text.
TEST(WordsTest, FastPathAgreesWithIcuOnRandomAscii) {
  const std::string alphabet = "aZb09 .,;:'_-\"()/$%&e";
  std::mt19937 rng(99);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    std::vector<Token> fast = Tokenize(s);
    std::vector<Token> reference;
    TokenizeWithIcu(s, 0, &reference);
    ASSERT_EQ(fast.size(), reference.size()) << "'" << s << "'";
    for (std::size_t i = 0; i < fast.size(); ++i) {
      ASSERT_EQ(fast[i].begin, reference[i].begin) << "'" << s << "'";
      ASSERT_EQ(fast[i].end, reference[i].end) << "'" << s << "'";
      ASSERT_EQ(fast[i].space_end, reference[i].space_end) << "'" << s << "'";
      ASSERT_EQ(fast[i].kind == TokenKind::kPunctuation,
                reference[i].kind == TokenKind::kPunctuation)
          << "'" << s << "' token " << i;
    }
  }
}

TEST(WordsTest, MixedScriptsUseIcuPerChunk) {
  const std::string s = "naïve État 5.2 立法活动";
  std::vector<std::string> words;
  for (const Token& t : Tokenize(s)) words.emplace_back(TokenText(s, t));
  ASSERT_GE(words.size(), 5u);
  EXPECT_EQ(words[0], "naïve");
  EXPECT_EQ(words[1], "État");
  EXPECT_EQ(words[2], "5.2");
}

}  // namespace
}  // namespace rapporteur::text
