#include <gtest/gtest.h>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

RawDocument ReadOk(std::string_view bytes, std::string encoding = "") {
  ReadOptions options;
  options.encoding = std::move(encoding);
  Result<RawDocument> doc = ReadHtml(bytes, "t.html", options);
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? *doc : RawDocument();
}

std::vector<std::string> Texts(const RawDocument& doc) {
  std::vector<std::string> texts;
  for (const RawBlock& b : doc.blocks) texts.push_back(b.text);
  return texts;
}

TEST(HtmlReader, BlocksAndTitle) {
  RawDocument doc = ReadOk(
      "<html><head><title> The  Accord </title><style>p{}</style></head><body>"
      "<nav>Home</nav><header>Site</header><h1>Accord</h1>"
      "<h2>Article 1</h2><p>First <b>bold</b> line<br>second line.</p>"
      "<div>Direct text<p>inner</p>tail</div>"
      "<blockquote>Quote</blockquote><dl><dt>Term</dt><dd>Def</dd></dl>"
      "<p hidden>hidden</p><p aria-hidden=\"true\">aria</p><p style=\"display: none\">x</p>"
      "<script>var x;</script><footer>foot</footer></body></html>");
  EXPECT_EQ(doc.title, "The Accord");
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Accord", "Article 1", "First bold line second line.",
                                      "Direct text", "inner", "tail", "Quote", "Term", "Def"}));
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].heading_level, 1);
  EXPECT_EQ(doc.blocks[1].heading_level, 2);
}

TEST(HtmlReader, FirstH1IsTitleWithoutTitleElement) {
  RawDocument doc = ReadOk("<h1>Resolution 2334</h1><p>Text</p>");
  EXPECT_EQ(doc.title, "Resolution 2334");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Text"}));
}

TEST(HtmlReader, Lists) {
  RawDocument doc = ReadOk(
      "<ol start=\"3\"><li>three<ul><li>nested</li></ul></li><li><p>four</p></li></ol>"
      "<ol type=\"a\"><li>a</li><li value=\"5\">e</li></ol><ol type=\"I\" reversed>"
      "<li>two</li><li>one</li></ol>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"3. three", "nested", "4. four", "a. a", "e. e",
                                                  "II. two", "I. one"}));
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[0].list_level, 0);
  EXPECT_EQ(doc.blocks[1].list_level, 1);
  EXPECT_EQ(doc.blocks[2].kind, BlockKind::kListItem);
}

TEST(HtmlReader, Tables) {
  RawDocument doc = ReadOk(
      "<table><tr><th>Name</th><th>Value</th></tr><tr><td><p>a</p><p>b</p></td><td>1</td></tr>"
      "<tr><td></td><td></td></tr></table><p>after</p>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Name | Value", "a b | 1", "after"}));
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kTableRow);
}

TEST(HtmlReader, Encodings) {
  EXPECT_EQ(Texts(ReadOk("<p>caf\xC3\xA9 中文</p>")), (std::vector<std::string>{"café 中文"}));
  EXPECT_EQ(Texts(ReadOk("<meta charset=\"windows-1252\"><p>caf\xE9 \x96</p>")),
            (std::vector<std::string>{"café –"}));
  EXPECT_EQ(Texts(ReadOk("<p>caf\xE9</p>", "windows-1252")), (std::vector<std::string>{"café"}));
}

TEST(HtmlReader, HostileInput) {
  // Unclosed tags.
  EXPECT_EQ(Texts(ReadOk("<p>one<p>two<div><span>three")),
            (std::vector<std::string>{"one", "two", "three"}));
  // Deep nesting must not overflow the stack.
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "<div><span>";
  deep += "bottom";
  Result<RawDocument> doc = ReadHtml(deep, "t.html", ReadOptions());
  EXPECT_TRUE(doc.has_value() || doc.error().code() == ErrorCode::kInvalidInput);
  std::string lists;
  for (int i = 0; i < 10000; ++i) lists += "<ol><li>x";
  (void)ReadHtml(lists, "t.html", ReadOptions());
  // NUL bytes.
  const std::string nul("<p>a\0b</p><p>c</p>", 18);
  (void)ReadHtml(nul, "t.html", ReadOptions());
  Result<RawDocument> empty = ReadHtml("<html><script>x</script></html>", "t.html", ReadOptions());
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().message(), "empty document");
  EXPECT_FALSE(ReadHtml("", "t.html", ReadOptions()).has_value());
}

}  // namespace
}  // namespace rapporteur::ingest
