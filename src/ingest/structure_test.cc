#include "src/ingest/structure.h"

#include <gtest/gtest.h>

namespace rapporteur::ingest {
namespace {

RawBlock Para(std::string text) {
  RawBlock b;
  b.text = std::move(text);
  return b;
}

TEST(StructureTest, NestsByLabelStyle) {
  RawDocument raw;
  raw.title = "  Memorandum   of Understanding ";
  raw.blocks = {Para("The Parties,"),
                Para("Article 1. Objectives"),
                Para("1. The objective is"),
                Para("(a) first;"),
                Para("(b) second."),
                Para("2. Second paragraph"),
                Para("Continuation text."),
                Para("Article 2"),
                Para("1. Again")};
  Document doc = BuildStructure(raw, "x.txt", Format::kText);
  EXPECT_EQ(doc.title, "Memorandum of Understanding");
  ASSERT_EQ(doc.blocks.size(), 9u);
  EXPECT_TRUE(doc.blocks[0].preamble);
  EXPECT_EQ(doc.blocks[0].path, "");
  EXPECT_EQ(doc.blocks[1].label, "Article 1");
  EXPECT_EQ(doc.blocks[1].text, "Objectives");
  EXPECT_FALSE(doc.blocks[1].preamble);
  EXPECT_EQ(doc.blocks[2].path, "Article 1/1.");
  EXPECT_EQ(doc.blocks[3].path, "Article 1/1./(a)");
  EXPECT_EQ(doc.blocks[3].depth, 2);
  EXPECT_EQ(doc.blocks[4].path, "Article 1/1./(b)");
  EXPECT_EQ(doc.blocks[5].path, "Article 1/2.");
  EXPECT_EQ(doc.blocks[6].label, "");
  EXPECT_EQ(doc.blocks[6].path, "Article 1/2.");
  EXPECT_EQ(doc.blocks[7].path, "Article 2");
  EXPECT_EQ(doc.blocks[7].text, "");
  EXPECT_EQ(doc.blocks[8].path, "Article 2/1.");
}

TEST(StructureTest, ChineseChaptersAndArticles) {
  RawDocument raw;
  raw.blocks = {Para("第一章 总则"), Para("第一条 为了规范立法活动"), Para("第二条 法律"),
                Para("第二章 国家立法"), Para("第七条 全国人民代表大会")};
  Document doc = BuildStructure(raw, "x.md", Format::kMarkdown);
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[1].path, "第一章/第一条");
  EXPECT_EQ(doc.blocks[1].text, "为了规范立法活动");
  EXPECT_EQ(doc.blocks[4].path, "第二章/第七条");
}

TEST(StructureTest, FormatLabelsAreKeptAndStyled) {
  RawDocument raw;
  RawBlock a = Para("Definitions");
  a.label = "SEC. 2.";
  RawBlock b = Para("In this Act");
  b.label = "(a)";
  b.list_level = 1;
  raw.blocks = {a, b};
  Document doc = BuildStructure(raw, "x.xml", Format::kXml);
  EXPECT_EQ(doc.blocks[1].path, "SEC. 2./(a)");
}

TEST(StructureTest, DropsEmptyBlocksAndCollapsesWhitespace) {
  RawDocument raw;
  raw.blocks = {Para("  \t "), Para("a\u00a0 b\n c")};
  Document doc = BuildStructure(raw, "x", Format::kText);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "a b c");
}

}  // namespace
}  // namespace rapporteur::ingest
