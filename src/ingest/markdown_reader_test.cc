#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

RawDocument ReadOk(std::string_view bytes) {
  Result<RawDocument> doc = ReadMarkdown(bytes, "t.md", ReadOptions());
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? *doc : RawDocument();
}

std::string SharedData() {
  const char* env = std::getenv("RAPPORTEUR_SHARED_DATA");
  return env != nullptr ? env : RAPPORTEUR_SOURCE_DIR "/../shared/data";
}

TEST(MarkdownReader, HeadingsParagraphsTitle) {
  RawDocument doc = ReadOk(
      "# The Title\n\nIntro *with* **emphasis** and `code`.\n\nSetext\n------\n\n"
      "<!-- INFO END -->\n\n> quoted\n> text\n\n    code block\n\n# Second h1\n");
  EXPECT_EQ(doc.title, "The Title");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].text, "Intro with emphasis and code.");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[1].heading_level, 2);
  EXPECT_EQ(doc.blocks[1].text, "Setext");
  EXPECT_EQ(doc.blocks[2].text, "quoted text");
  EXPECT_EQ(doc.blocks[3].text, "code block");
  EXPECT_EQ(doc.blocks[4].heading_level, 1);
}

TEST(MarkdownReader, ListsWithNumbersAndNesting) {
  RawDocument doc = ReadOk("3. three\n4. four\n   - nested\n     bullet\n\n1) paren\n");
  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[0].text, "3. three");
  EXPECT_EQ(doc.blocks[0].list_level, 0);
  EXPECT_EQ(doc.blocks[1].text, "4. four");
  EXPECT_EQ(doc.blocks[2].text, "nested bullet");
  EXPECT_EQ(doc.blocks[2].list_level, 1);
  EXPECT_EQ(doc.blocks[3].text, "1) paren");
}

TEST(MarkdownReader, Tables) {
  RawDocument doc = ReadOk("| Name | Value |\n|---|:---:|\n| a *b* | 1 |\n\nAfter.\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_EQ(doc.blocks[0].text, "Name | Value");
  EXPECT_EQ(doc.blocks[1].text, "a b | 1");
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kParagraph);
}

TEST(MarkdownReader, CjkSoftBreaksAndHyphens) {
  RawDocument doc = ReadOk("第一条 为了规范，\n健全制度。\n\nwell-\nknown and\nnext\n");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "第一条 为了规范，健全制度。");
  EXPECT_EQ(doc.blocks[1].text, "well-known and next");
}

TEST(MarkdownReader, Errors) {
  Result<RawDocument> empty = ReadMarkdown("<!-- nothing -->\n\n", "t.md", ReadOptions());
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().message(), "empty document");
  // NUL bytes and deep nesting do not crash.
  std::string hostile(std::string_view("a\0b\n", 4));
  hostile += std::string(20000, '>') + " deep\n" + std::string(5000, '[');
  EXPECT_TRUE(ReadMarkdown(hostile, "t.md", ReadOptions()).has_value());
}

TEST(MarkdownReader, ChineseLegislationLaw) {
  std::ifstream in(SharedData() + "/drafts/cn-legislation-law/2015-03-15.md", std::ios::binary);
  if (!in) GTEST_SKIP() << "shared data not found";
  std::stringstream bytes;
  bytes << in.rdbuf();
  RawDocument doc = ReadOk(bytes.str());
  EXPECT_EQ(doc.title, "中华人民共和国立法法");
  ASSERT_GT(doc.blocks.size(), 100u);
  int articles = 0;
  bool found_chapter_one = false;
  for (const RawBlock& block : doc.blocks) {
    EXPECT_EQ(block.text.find("INFO END"), std::string::npos);
    if (block.kind == BlockKind::kHeading && block.text == "第一章 总则") {
      found_chapter_one = block.heading_level == 2;
    }
    if (block.text.rfind("第", 0) == 0 && block.text.find("条 ") != std::string::npos) ++articles;
  }
  EXPECT_TRUE(found_chapter_one);
  EXPECT_GT(articles, 90);
}

}  // namespace
}  // namespace rapporteur::ingest
