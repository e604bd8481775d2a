#include <gtest/gtest.h>

#include "src/ingest/line_breaks.h"
#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

std::vector<std::string> Texts(const RawDocument& doc) {
  std::vector<std::string> texts;
  for (const RawBlock& b : doc.blocks) texts.push_back(b.text);
  return texts;
}

RawDocument ReadOk(std::string_view bytes, std::string encoding = "") {
  ReadOptions options;
  options.encoding = std::move(encoding);
  Result<RawDocument> doc = ReadPlainText(bytes, "t.txt", options);
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? *doc : RawDocument();
}

TEST(TextReader, ParagraphsAndLineEnds) {
  for (std::string_view sep : {"\n", "\r\n", "\r"}) {
    std::string input = "First line\nsecond line\n\nThird paragraph.\n";
    std::string converted;
    for (char c : input) {
      if (c == '\n') {
        converted.append(sep);
      } else {
        converted.push_back(c);
      }
    }
    RawDocument doc = ReadOk(converted);
    EXPECT_EQ(Texts(doc), (std::vector<std::string>{"First line second line", "Third paragraph."}))
        << "separator size " << sep.size();
  }
}

TEST(TextReader, HyphenationAndCjk) {
  RawDocument doc =
      ReadOk("The imple-\nmentation of Elola-\nOlaso.\n\n第一条 为了规范，\n健全制度。\n");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"The implementation of Elola-Olaso.",
                                                  "第一条 为了规范，健全制度。"}));
}

TEST(TextReader, LabelLinesStartBlocks) {
  RawDocument doc = ReadOk(
      "Preamble text that is long enough to be a sentence.\nArticle 5\nText of five.\n"
      "Art. 6 Six.\nARTICLE V\nArtículo 5 bis Texto.\nArticle premier Texte.\n第五条 内容。\n"
      "第一章 总则\nSection 2 Two.\n§ 3 Three.\nCHAPTER II\nTITLE I\n5. Five\n5.2 Five two\n"
      "5.2.1 Deep\n(a) alpha\na) alpha\n(iv) four\nIV. Four\n1 bis Uno bis\n- dash\n* star\n"
      "• dot\nplain continuation 17.798\n17.798 sobre\n");
  std::vector<std::string> texts = Texts(doc);
  ASSERT_EQ(texts.size(), 23u);
  EXPECT_EQ(texts[0], "Preamble text that is long enough to be a sentence.");
  EXPECT_EQ(texts[1], "Article 5 Text of five.");
  EXPECT_EQ(texts[3], "ARTICLE V");
  EXPECT_EQ(texts[4], "Artículo 5 bis Texto.");
  EXPECT_EQ(texts[19], "1 bis Uno bis");
  // "17.798" has too many digits after the point to be a label.
  EXPECT_EQ(texts[22], "• dot plain continuation 17.798 17.798 sobre");
}

TEST(TextReader, TitleRule) {
  RawDocument doc = ReadOk("Memorandum of Understanding\n\nThe parties agree.\n");
  EXPECT_EQ(doc.title, "Memorandum of Understanding");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"The parties agree."}));
  // Ends with a period: a sentence, not a title.
  EXPECT_EQ(ReadOk("The parties agree.\n\nMore.\n").title, "");
  // A label is never a title.
  EXPECT_EQ(ReadOk("Article 1\n\nText.\n").title, "");
  // A single paragraph is the text, not a title.
  EXPECT_EQ(ReadOk("Only line\n").blocks.size(), 1u);
}

TEST(TextReader, Errors) {
  ReadOptions options;
  Result<RawDocument> empty = ReadPlainText(" \n\r\n\t", "t.txt", options);
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().message(), "empty document");
  options.encoding = "UTF-8";
  Result<RawDocument> bad = ReadPlainText("abc\xff", "t.txt", options);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message(), "invalid UTF-8 at byte 3");
}

TEST(TextReader, LegacyEncodings) {
  // "Café – naïve" in windows-1252 (0x96 is an en dash there).
  RawDocument doc = ReadOk("Caf\xe9 \x96 na\xefve, d\xe9j\xe0 vu, \x93quoted\x94 text here.\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "Café – naïve, déjà vu, “quoted” text here.");
}

TEST(LineBreaks, PageNumbers) {
  for (std::string_view s : {"3", " - 3 - ", "Página 3", "3 / 10", "Page 3 of 10", "— 12 —"}) {
    EXPECT_TRUE(IsPageNumberLine(s)) << s;
  }
  for (std::string_view s : {"3 apples", "Article 3", ""}) EXPECT_FALSE(IsPageNumberLine(s)) << s;
}

TEST(LineBreaks, NotLabels) {
  for (std::string_view s : {"2024 budget", "article 5 of the", "Articles", "17.798 x", "Ia."}) {
    EXPECT_FALSE(StartsWithLabel(s)) << s;
  }
}

}  // namespace
}  // namespace rapporteur::ingest
