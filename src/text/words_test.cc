#include "src/text/words.h"

#include <gtest/gtest.h>

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
