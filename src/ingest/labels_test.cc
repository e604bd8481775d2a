#include "src/ingest/labels.h"

#include <gtest/gtest.h>

namespace rapporteur::ingest {
namespace {

struct Golden {
  const char* text;
  const char* style;  // "" = no label
  const char* label;
};

// Golden table of label recognition: text, expected style, expected label.
TEST(LabelsTest, EveryRuleCompiles) {
  const Status status = CheckLabelRules();
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(LabelsTest, GoldenTable) {
  const Golden table[] = {
      {"Article 5. Freedom of assembly", "article", "Article 5"},
      {"Article 5 bis - Definitions", "article", "Article 5 bis"},
      {"ARTICLE V", "article", "ARTICLE V"},
      {"Art. 12 Las partes", "article", "Art. 12"},
      {"Artículo 5. Objeto", "article", "Artículo 5"},
      {"Artículo único.", "article", "Artículo único"},
      {"Article premier", "article", "Article premier"},
      {"第五条 立法应当", "article", "第五条"},
      {"第一章 总则", "chapter", "第一章"},
      {"第二节 法律解释", "section", "第二节"},
      {"CHAPTER II General provisions", "chapter", "CHAPTER II"},
      {"Capítulo I. Disposiciones generales", "chapter", "Capítulo I"},
      {"TÍTULO PRELIMINAR", "part", "TÍTULO PRELIMINAR"},
      {"SEC. 2. DETENTION.", "article", "SEC. 2."},
      {"§ 3 Scope", "article", "§ 3"},
      {"Disposición adicional primera. Plazo", "article", "Disposición adicional primera"},
      {"5.2 The Parties", "dotted2", "5.2"},
      {"5.2.1 The Parties", "dotted3", "5.2.1"},
      {"1. The objective", "decimal", "1."},
      {"2) shall", "decimal", "2)"},
      {"1 bis. Text", "decimal", "1 bis."},
      {"(a) the training", "letter_paren", "(a)"},
      {"a) la formación", "letter_close", "a)"},
      {"(iv) prisons", "roman_paren", "(iv)"},
      {"(3) the Secretary", "num_paren", "(3)"},
      {"IV. Final provisions", "upper_roman", "IV."},
      {"（一）国防", "cn_paren", "（一）"},
      {"一、总则", "cn_enum", "一、"},
      {"Article 19 of the Covenant guarantees", "", ""},
      {"1.5 million persons", "", ""},
      {"The Parties shall", "", ""},
      {"2020 was a year", "", ""},
  };
  for (const Golden& g : table) {
    std::optional<LabelMatch> m = MatchLabel(g.text, "");
    if (std::string(g.style).empty()) {
      EXPECT_FALSE(m.has_value()) << g.text << " -> " << (m ? m->label : "");
      continue;
    }
    ASSERT_TRUE(m.has_value()) << g.text;
    EXPECT_EQ(m->style, g.style) << g.text;
    EXPECT_EQ(m->label, g.label) << g.text;
  }
}

TEST(LabelsTest, RomanAfterLetterHIsALetter) {
  std::optional<LabelMatch> m = MatchLabel("(i) item", "(h)");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->style, "letter_paren");
  m = MatchLabel("(i) item", "(a)");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->style, "roman_paren");
}

TEST(LabelsTest, LongTextIsNotScannedPastThePrefix) {
  std::string text = "Article 7 " + std::string(100000, 'x');
  std::optional<LabelMatch> m = MatchLabel(text, "");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "Article 7");
}

}  // namespace
}  // namespace rapporteur::ingest
