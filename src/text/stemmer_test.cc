#include "src/text/stemmer.h"

#include <gtest/gtest.h>

#include <utility>

namespace rapporteur::text {
namespace {

TEST(StemmerTest, StemsEnglishWords) {
  Result<Stemmer> stemmer = Stemmer::English();
  ASSERT_TRUE(stemmer.has_value()) << stemmer.error().message();
  EXPECT_EQ(stemmer->Stem("ratifications"), "ratif");
  EXPECT_EQ(stemmer->Stem("ratify"), "ratifi");
  EXPECT_EQ(stemmer->Stem("monitoring"), "monitor");
  EXPECT_EQ(stemmer->Stem(""), "");
}

TEST(StemmerTest, MovesKeepOneOwner) {
  Result<Stemmer> first = Stemmer::English();
  ASSERT_TRUE(first.has_value());
  Stemmer second = std::move(*first);
  Result<Stemmer> third = Stemmer::English();
  ASSERT_TRUE(third.has_value());
  *third = std::move(second);
  EXPECT_EQ(third->Stem("protections"), "protect");
}

}  // namespace
}  // namespace rapporteur::text
