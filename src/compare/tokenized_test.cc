#include "src/compare/tokenized.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rapporteur::compare {
namespace {

std::vector<Block> Blocks(const std::vector<std::pair<std::string, std::string>>& labelled) {
  std::vector<Block> blocks;
  for (const auto& [label, text] : labelled) {
    Block b;
    b.label = label;
    b.text = text;
    blocks.push_back(b);
  }
  return blocks;
}

const std::vector<Block> kBefore = Blocks({{"Article 1", ""},
                                           {"1.", "The State shall protect human rights."},
                                           {"2.", "国家尊重和保障人权。The STATE may inform."},
                                           {"", "Annex: É, é and e."}});
const std::vector<Block> kAfter = Blocks({{"Article 1", ""},
                                          {"1.", "The state MAY protect, in accordance with law."},
                                          {"Artículo 2", ""},
                                          {"2.", "国家保障人权。 New words: Échange échange."}});

// The reference: one keying, the older version's blocks then the newer's.
std::vector<std::vector<std::uint32_t>> SequentialKeys(bool ignore_case) {
  Keying keying;
  keying.ignore_case = ignore_case;
  std::vector<std::vector<std::uint32_t>> keys;
  for (const Block& b : kBefore) keys.push_back(TokenizeForDiff(b.text, &keying).keys);
  for (const Block& b : kAfter) keys.push_back(TokenizeForDiff(b.text, &keying).keys);
  return keys;
}

TEST(TokenizeVersionsTest, GivesTheIdsOfASequentialTokenization) {
  for (bool ignore_case : {false, true}) {
    Keying keying;
    keying.ignore_case = ignore_case;
    const TokenizedVersions v = TokenizeVersions(kBefore, kAfter, &keying);
    std::vector<std::vector<std::uint32_t>> keys;
    for (const TokenizedText& t : v.before) keys.push_back(t.keys);
    for (const TokenizedText& t : v.after) keys.push_back(t.keys);
    EXPECT_EQ(keys, SequentialKeys(ignore_case)) << ignore_case;
    ASSERT_EQ(v.after.size(), kAfter.size());
    EXPECT_EQ(v.after[1].text, kAfter[1].text);  // texts point into the blocks
  }
}

// The words of a bag, spelled out: ids are an implementation detail.
std::vector<std::string> Words(const BlockBag& bag, const Keying& keying) {
  std::vector<std::string> words;
  for (std::uint32_t id : bag.sequence) words.emplace_back(keying.folded.Key(id));
  return words;
}

TEST(MakeBagsTest, CaseFoldedWordsWithoutPunctuationAndBareLabelsByTheirWords) {
  for (bool ignore_case : {false, true}) {
    Keying keying;
    keying.ignore_case = ignore_case;
    const TokenizedVersions v = TokenizeVersions(kBefore, kAfter, &keying);
    const VersionBags bags = MakeBags(kBefore, v.before, kAfter, v.after, &keying);
    ASSERT_EQ(bags.before.size(), kBefore.size());
    ASSERT_EQ(bags.after.size(), kAfter.size());
    EXPECT_TRUE(bags.before[0].label_only);
    EXPECT_EQ(Words(bags.before[0], keying), (std::vector<std::string>{"article", "1"}));
    EXPECT_EQ(Words(bags.after[2], keying), (std::vector<std::string>{"artículo", "2"}));
    EXPECT_EQ(Words(bags.before[1], keying),
              (std::vector<std::string>{"the", "state", "shall", "protect", "human", "rights"}));
    EXPECT_EQ(Words(bags.after[1], keying),
              (std::vector<std::string>{"the", "state", "may", "protect", "in", "accordance",
                                        "with", "law"}));
    EXPECT_EQ(Words(bags.after[3], keying).back(), "échange");
    EXPECT_EQ(bags.after[3].sequence.end()[-1], bags.after[3].sequence.end()[-2]);
    EXPECT_EQ(bags.after[1].label, "1.");
    for (const BlockBag& bag : bags.after) {
      EXPECT_TRUE(std::is_sorted(bag.sorted.begin(), bag.sorted.end()));
      EXPECT_EQ(bag.sorted.size(), bag.sequence.size());
    }
  }
}

}  // namespace
}  // namespace rapporteur::compare
