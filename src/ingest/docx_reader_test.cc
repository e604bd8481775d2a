#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "src/ingest/readers.h"
#include "src/render/zip_writer.h"

namespace rapporteur::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kNs + "><w:body>" +
         body + "</w:body></w:document>";
}

std::string Part(const std::string& root, const std::string& content) {
  return "<?xml version=\"1.0\"?><w:" + root + " " + kNs + ">" + content + "</w:" + root + ">";
}

// A paragraph: optional pPr content, then one run per text.
std::string P(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
         "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string NumPr(int num_id, int ilvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}

std::string Lvl(int ilvl, const std::string& fmt, const std::string& text,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\">" + extra + "<w:numFmt w:val=\"" + fmt +
         "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

std::string MakeDocx(const std::string& body,
                     const std::vector<render::ZipEntry>& extra_parts = {}) {
  std::vector<render::ZipEntry> entries = {{"word/document.xml", DocumentXml(body)}};
  entries.insert(entries.end(), extra_parts.begin(), extra_parts.end());
  Result<std::string> zip = render::WriteZip(entries);
  EXPECT_TRUE(zip.has_value());
  return zip.value_or("");
}

RawDocument ReadOk(const std::string& bytes, TrackedChanges mode = TrackedChanges::kAccept) {
  ReadOptions options;
  options.tracked_changes = mode;
  Result<RawDocument> doc = ReadDocx(bytes, "test.docx", options);
  EXPECT_TRUE(doc.has_value()) << doc.error().message();
  return doc.value_or(RawDocument{});
}

std::vector<std::string> Labels(const RawDocument& doc) {
  std::vector<std::string> labels;
  for (const RawBlock& block : doc.blocks) labels.push_back(block.label);
  return labels;
}

std::vector<std::string> Texts(const RawDocument& doc) {
  std::vector<std::string> texts;
  for (const RawBlock& block : doc.blocks) texts.push_back(block.text);
  return texts;
}

TEST(DocxReaderTest, PlainParagraphsCollapseWhitespaceAndDropEmpty) {
  RawDocument doc = ReadOk(
      MakeDocx(P("  Hello   world ") + "<w:p/>" + P("   ") +
               "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/>"
               "<w:t>d</w:t><w:sym w:char=\"F0B7\"/></w:r></w:p>"));
  EXPECT_THAT(Texts(doc), ::testing::ElementsAre("Hello world", "a b c-d"));
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(DocxReaderTest, EmptyDocumentHasNoBlocks) {
  RawDocument doc = ReadOk(MakeDocx(""));
  EXPECT_TRUE(doc.blocks.empty());
}

TEST(DocxReaderTest, SkipsFieldCodesHiddenTextAndComments) {
  RawDocument doc = ReadOk(
      MakeDocx("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
               "<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
               "<w:commentRangeStart w:id=\"0\"/><w:r><w:t xml:space=\"preserve\"> seen</w:t></w:r>"
               "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
               "<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"));
  EXPECT_THAT(Texts(doc), ::testing::ElementsAre("7 seen"));
}

const char* const kMultiLevel =
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:lvlText w:val=\"(%3)\"/></w:lvl>"
    "</w:abstractNum>";

TEST(DocxReaderTest, MultiLevelNumberingRestartsDeeperLevels) {
  std::string body;
  for (int ilvl : {0, 1, 1, 2, 2, 0, 1, 2}) body += P("item", NumPr(1, ilvl));
  std::string numbering = Part("numbering", std::string(kMultiLevel) +
                                                "<w:num w:numId=\"1\"><w:abstractNumId "
                                                "w:val=\"0\"/></w:num>");
  RawDocument doc = ReadOk(MakeDocx(body, {{"word/numbering.xml", numbering}}));
  EXPECT_THAT(Labels(doc),
              ::testing::ElementsAre("1.", "1.1", "1.2", "(a)", "(b)", "2.", "2.1", "(a)"));
  EXPECT_EQ(doc.blocks[3].list_level, 2);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[3].text, "item");
}

TEST(DocxReaderTest, RomanStartRestartOverrideAndSharedAbstract) {
  std::string numbering =
      Part("numbering",
           std::string(kMultiLevel) + "<w:abstractNum w:abstractNumId=\"1\">" +
               Lvl(0, "upperRoman", "%1", "<w:start w:val=\"3\"/>") +
               Lvl(1, "lowerRoman", "%2)", "<w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/>") +
               "</w:abstractNum>"
               "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
               "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
               "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
               "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
               "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>");
  std::string body = P("a", NumPr(4, 0)) + P("b", NumPr(4, 1)) + P("c", NumPr(4, 0)) +
                     P("d", NumPr(4, 1)) +                        // lvlRestart 0: never restarts
                     P("e", NumPr(1, 0)) + P("f", NumPr(2, 0)) +  // numIds share abstract 0
                     P("g", NumPr(3, 0)) + P("h", NumPr(3, 0)) +  // startOverride restarts
                     P("i", NumPr(0, 0));                         // numId 0: no number
  RawDocument doc = ReadOk(MakeDocx(body, {{"word/numbering.xml", numbering}}));
  EXPECT_THAT(Labels(doc),
              ::testing::ElementsAre("III", "i)", "IV", "ii)", "1.", "2.", "5.", "6.", ""));
}

TEST(DocxReaderTest, BulletsChineseLegalAndStyleNumbering) {
  std::string numbering =
      Part("numbering",
           "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "bullet", "\xEF\x82\xB7") +
               "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\">" +
               Lvl(0, "chineseCounting", "第%1条", "<w:start w:val=\"10\"/>") +
               "</w:abstractNum><w:abstractNum w:abstractNumId=\"2\">" +
               Lvl(0, "upperRoman", "%1.") + Lvl(1, "lowerLetter", "%1.%2", "<w:isLgl/>") +
               "<w:lvl w:ilvl=\"2\"><w:pStyle w:val=\"Clause\"/><w:numFmt w:val=\"upperLetter\"/>"
               "<w:lvlText w:val=\"%3.\"/></w:lvl>"
               "</w:abstractNum>"
               "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
               "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
               "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>");
  std::string styles =
      Part("styles",
           "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:name w:val=\"Clause\"/>"
           "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>");
  std::string body = P("dot", NumPr(1, 0)) + P("x", NumPr(2, 0)) + P("y", NumPr(2, 0)) +
                     P("z", NumPr(3, 0)) + P("legal", NumPr(3, 1)) +
                     P("styled", "<w:pStyle w:val=\"Clause\"/>");
  RawDocument doc =
      ReadOk(MakeDocx(body, {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}));
  EXPECT_THAT(Labels(doc), ::testing::ElementsAre("", "第十条", "第十一条", "I.", "1.1", "A."));
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kListItem);
  EXPECT_EQ(doc.blocks[5].list_level, 2);
}

TEST(DocxReaderTest, NumStyleLinkSharesTheLinkedList) {
  // abstractNum 5 only links to the numbering style "LegalList", whose
  // numId 7 uses abstractNum 6, which holds the levels.
  std::string numbering =
      Part("numbering",
           "<w:abstractNum w:abstractNumId=\"5\"><w:numStyleLink w:val=\"LegalList\"/>"
           "</w:abstractNum><w:abstractNum w:abstractNumId=\"6\"><w:styleLink "
           "w:val=\"LegalList\"/>" +
               Lvl(0, "decimal", "Article %1") +
               "</w:abstractNum>"
               "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"6\"/></w:num>"
               "<w:num w:numId=\"8\"><w:abstractNumId w:val=\"5\"/></w:num>");
  std::string styles = Part("styles",
                            "<w:style w:type=\"numbering\" w:styleId=\"LegalList\">"
                            "<w:name w:val=\"Legal List\"/><w:pPr><w:numPr><w:numId "
                            "w:val=\"7\"/></w:numPr></w:pPr></w:style>");
  std::string body = P("a", NumPr(8, 0)) + P("b", NumPr(7, 0)) + P("c", NumPr(8, 0));
  RawDocument doc =
      ReadOk(MakeDocx(body, {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}));
  EXPECT_THAT(Labels(doc), ::testing::ElementsAre("Article 1", "Article 2", "Article 3"));
}

TEST(DocxReaderTest, HeadingsFromStylesOutlineAndTitle) {
  std::string styles =
      Part("styles",
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
           "<w:name w:val=\"Normal\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Ttulo1\"><w:name w:val=\"heading 1\"/>"
           "<w:basedOn w:val=\"Normal\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"berschrift2\"/>"
           "</w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Custom\"><w:basedOn w:val=\"Ttulo1\"/>"
           "<w:name w:val=\"My Heading\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Ttulo\"><w:name w:val=\"Title\"/></w:style>");
  std::string body = P("The Agreement", "<w:pStyle w:val=\"Ttulo\"/>") +
                     P("Part One", "<w:pStyle w:val=\"Ttulo1\"/>") +
                     P("Section", "<w:pStyle w:val=\"berschrift2\"/>") +
                     P("Inherited", "<w:pStyle w:val=\"Custom\"/>") +
                     P("Outlined", "<w:outlineLvl w:val=\"2\"/>") + P("Body text");
  RawDocument doc = ReadOk(MakeDocx(body, {{"word/styles.xml", styles}}));
  EXPECT_EQ(doc.title, "The Agreement");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.blocks[0].heading_level, 1);
  EXPECT_EQ(doc.blocks[1].heading_level, 2);
  EXPECT_EQ(doc.blocks[2].heading_level, 1);
  EXPECT_EQ(doc.blocks[3].heading_level, 3);
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::kParagraph);
  EXPECT_EQ(doc.blocks[4].heading_level, 0);
}

TEST(DocxReaderTest, CoreTitleWinsAndTitleParagraphStays) {
  std::string core =
      "<?xml version=\"1.0\"?><cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Meta  title</dc:title>"
      "</cp:coreProperties>";
  std::string styles = Part("styles",
                            "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
                            "<w:name w:val=\"Title\"/></w:style>");
  RawDocument doc = ReadOk(MakeDocx(P("Visible title", "<w:pStyle w:val=\"Title\"/>"),
                                    {{"docProps/core.xml", core}, {"word/styles.xml", styles}}));
  EXPECT_EQ(doc.title, "Meta title");
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].kind, BlockKind::kHeading);
}

TEST(DocxReaderTest, TableRowsJoinCells) {
  std::string body =
      P("Before") + "<w:tbl><w:tblPr/><w:tr><w:tc>" + P("Name") + "</w:tc><w:tc>" + P("Term") +
      "</w:tc></w:tr><w:tr><w:tc>" + P("Alpha") + P("Beta") + "</w:tc><w:tc>" + P("2 years") +
      "</w:tc></w:tr><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>" + P("After");
  RawDocument doc = ReadOk(MakeDocx(body));
  EXPECT_THAT(Texts(doc),
              ::testing::ElementsAre("Before", "Name | Term", "Alpha Beta | 2 years", "After"));
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kTableRow);
}

TEST(DocxReaderTest, FootnotesInOrderOfReference) {
  std::string body =
      "<w:p><w:r><w:t>See this</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
      "</w:rPr><w:footnoteReference w:id=\"2\"/></w:r><w:r><w:t xml:space=\"preserve\"> and "
      "that</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t>.</w:t></w:r>"
      "<w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>";
  std::string footnotes = Part(
      "footnotes",
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
      "<w:continuationSeparator/></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\">"
      " First note.</w:t></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Second</w:t></w:r>"
      "</w:p><w:p><w:r><w:t>note.</w:t></w:r></w:p></w:footnote>");
  std::string endnotes =
      Part("endnotes",
           "<w:endnote w:id=\"1\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>End.</w:t></w:r>"
           "</w:p></w:endnote>");
  RawDocument doc =
      ReadOk(MakeDocx(body, {{"word/footnotes.xml", footnotes}, {"word/endnotes.xml", endnotes}}));
  EXPECT_THAT(Texts(doc),
              ::testing::ElementsAre("See this and that.", "Second note.", "First note.", "End."));
  EXPECT_THAT(Labels(doc), ::testing::ElementsAre("", "[1]", "[2]", "[i]"));
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kFootnote);
}

// Tracked changes: a run replacement, a deleted paragraph mark (the two
// paragraphs become one when accepted), an inserted paragraph, a move.
std::string TrackedBody() {
  const std::string attrs = " w:id=\"1\" w:author=\"A\" w:date=\"2026-01-01T00:00:00Z\"";
  return "<w:p><w:r><w:t xml:space=\"preserve\">The </w:t></w:r><w:del" + attrs +
         "><w:r><w:delText>old</w:delText></w:r></w:del><w:ins" + attrs +
         "><w:r><w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> text</w:t>"
         "</w:r></w:p>"
         "<w:p><w:pPr><w:rPr><w:del" +
         attrs +
         "/></w:rPr></w:pPr><w:r><w:t>First</w:t>"
         "</w:r><w:del" +
         attrs + "><w:r><w:delText>.</w:delText></w:r></w:del><w:ins" + attrs +
         "><w:r><w:t xml:space=\"preserve\"> and</w:t></w:r></w:ins></w:p>"
         "<w:p><w:r><w:t xml:space=\"preserve\"> second.</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:rPr><w:ins" +
         attrs + "/></w:rPr></w:pPr><w:ins" + attrs +
         "><w:r><w:t>Added paragraph.</w:t></w:r></w:ins></w:p>"
         "<w:p><w:pPr><w:rPr><w:moveFrom" +
         attrs + "/></w:rPr></w:pPr><w:moveFrom" + attrs +
         "><w:r><w:t>Moved.</w:t></w:r></w:moveFrom></w:p>"
         "<w:p><w:r><w:t>Last.</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:rPr><w:moveTo" +
         attrs + "/></w:rPr></w:pPr><w:moveTo" + attrs +
         "><w:r><w:t>Moved.</w:t></w:r></w:moveTo></w:p>";
}

TEST(DocxReaderTest, TrackedChangesAccepted) {
  RawDocument doc = ReadOk(MakeDocx(TrackedBody()), TrackedChanges::kAccept);
  EXPECT_THAT(Texts(doc), ::testing::ElementsAre("The new text", "First and second.",
                                                 "Added paragraph.", "Last.", "Moved."));
  EXPECT_THAT(doc.warnings,
              ::testing::ElementsAre("contains tracked changes; read as if all were accepted"));
}

TEST(DocxReaderTest, TrackedChangesRejected) {
  RawDocument doc = ReadOk(MakeDocx(TrackedBody()), TrackedChanges::kReject);
  EXPECT_THAT(Texts(doc),
              ::testing::ElementsAre("The old text", "First.", "second.", "Moved.", "Last."));
  EXPECT_THAT(doc.warnings,
              ::testing::ElementsAre("contains tracked changes; read as if all were rejected"));
}

TEST(DocxReaderTest, TrackedNumberingChange) {
  std::string numbering = Part("numbering", std::string(kMultiLevel) +
                                                "<w:num w:numId=\"1\"><w:abstractNumId "
                                                "w:val=\"0\"/></w:num>");
  // Numbering added with tracking on: the old pPr had none.
  std::string body =
      P("numbered now", NumPr(1, 0) +
                            "<w:pPrChange w:id=\"9\" w:author=\"A\" "
                            "w:date=\"2026-01-01T00:00:00Z\"><w:pPr/></w:pPrChange>");
  const std::string docx = MakeDocx(body, {{"word/numbering.xml", numbering}});
  EXPECT_THAT(Labels(ReadOk(docx, TrackedChanges::kAccept)), ::testing::ElementsAre("1."));
  RawDocument rejected = ReadOk(docx, TrackedChanges::kReject);
  EXPECT_THAT(Labels(rejected), ::testing::ElementsAre(""));
  EXPECT_EQ(rejected.warnings.size(), 1u);
}

TEST(DocxReaderTest, TrackedTableRows) {
  const std::string attrs = " w:id=\"1\" w:author=\"A\" w:date=\"2026-01-01T00:00:00Z\"";
  std::string body = "<w:tbl><w:tr><w:tc>" + P("kept") + "</w:tc></w:tr><w:tr><w:trPr><w:ins" +
                     attrs + "/></w:trPr><w:tc><w:p><w:ins" + attrs +
                     "><w:r><w:t>added</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>";
  EXPECT_THAT(Texts(ReadOk(MakeDocx(body), TrackedChanges::kAccept)),
              ::testing::ElementsAre("kept", "added"));
  EXPECT_THAT(Texts(ReadOk(MakeDocx(body), TrackedChanges::kReject)),
              ::testing::ElementsAre("kept"));
}

Status ReadError(const std::string& bytes, std::uint64_t cap = 512ull << 20) {
  ReadOptions options;
  options.max_expanded_bytes = cap;
  Result<RawDocument> doc = ReadDocx(bytes, "x.docx", options);
  EXPECT_FALSE(doc.has_value());
  return doc.has_value() ? Status::Ok() : doc.error();
}

TEST(DocxReaderTest, NotAZip) {
  EXPECT_EQ(ReadError("").message(), "not a zip archive");
  Status status = ReadError("this is plain text, certainly not a zip archive at all");
  EXPECT_EQ(status.message(), "not a zip archive");
  EXPECT_EQ(status.code(), ErrorCode::kInvalidInput);
}

TEST(DocxReaderTest, TruncatedAndCorruptedZipsFailCleanly) {
  const std::string good = MakeDocx(P("Some text that is long enough to compress somewhat."));
  for (std::size_t length = 0; length < good.size(); length += 7) {
    Result<RawDocument> doc = ReadDocx(good.substr(0, length), "x.docx", ReadOptions{});
    EXPECT_FALSE(doc.has_value()) << length;
  }
  // Flip every byte in turn: any outcome but a crash is acceptable.
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    Result<RawDocument> doc = ReadDocx(bad, "x.docx", ReadOptions{});
    if (!doc) {
      EXPECT_NE(doc.error().code(), ErrorCode::kInternal) << doc.error().message();
    }
  }
}

TEST(DocxReaderTest, MissingDocumentXml) {
  Result<std::string> zip = render::WriteZip({{"word/styles.xml", Part("styles", "")}});
  ASSERT_TRUE(zip.has_value());
  Status status = ReadError(*zip);
  EXPECT_EQ(status.message(), "not a Word document: missing word/document.xml");
}

TEST(DocxReaderTest, MalformedXml) {
  Result<std::string> zip = render::WriteZip({{"word/document.xml", "<w:document><w:body>"}});
  ASSERT_TRUE(zip.has_value());
  Status status = ReadError(*zip);
  EXPECT_THAT(status.message(), StartsWith("word/document.xml is not well-formed XML: "));
  EXPECT_THAT(status.message(), HasSubstr(" at offset "));
  EXPECT_EQ(status.code(), ErrorCode::kInvalidInput);
}

TEST(DocxReaderTest, MalformedOptionalPartIsAWarning) {
  RawDocument doc = ReadOk(MakeDocx(P("text"), {{"word/styles.xml", "<w:styles"}}));
  EXPECT_EQ(doc.blocks.size(), 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_THAT(doc.warnings[0], StartsWith("word/styles.xml is not well-formed XML"));
}

TEST(DocxReaderTest, ZipBombByDeclaredSize) {
  const std::string zeros(2 << 20, '\0');
  Result<std::string> zip = render::WriteZip({{"word/document.xml", zeros}});
  ASSERT_TRUE(zip.has_value());
  EXPECT_LT(zip->size(), 64u << 10);
  Status status = ReadError(*zip, 1 << 20);
  EXPECT_EQ(status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(status.message(),
            "expands to more than 1 MiB (a zip bomb?); raise the cap with --max-expanded-size");
}

// Overwrites a little-endian 32-bit field at every header of the archive.
void PatchSizes(std::string* zip, std::uint32_t size) {
  auto put = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) (*zip)[at + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  for (std::size_t at = 0; (at = zip->find("PK\x03\x04", at)) != std::string::npos; ++at) {
    put(at + 22);  // local header: uncompressed size
  }
  for (std::size_t at = 0; (at = zip->find("PK\x01\x02", at)) != std::string::npos; ++at) {
    put(at + 24);  // central directory: uncompressed size
  }
}

TEST(DocxReaderTest, ZipBombWithLyingHeaders) {
  const std::string zeros(2 << 20, ' ');
  Result<std::string> zip = render::WriteZip({{"word/document.xml", zeros}});
  ASSERT_TRUE(zip.has_value());
  PatchSizes(&*zip, 100);
  Status status = ReadError(*zip, 1 << 20);
  // The cap on bytes actually read stops it (libzip 1.7); newer libzip may
  // already refuse the length mismatch itself.
  EXPECT_TRUE(status.code() == ErrorCode::kTooLarge || status.code() == ErrorCode::kInvalidInput)
      << status.message();
}

TEST(DocxReaderTest, LegacyAndEncryptedOleFiles) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(600, '\0');
  EXPECT_EQ(ReadError(ole).code(), ErrorCode::kUnsupported);
  ole += std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
  EXPECT_EQ(ReadError(ole).code(), ErrorCode::kEncrypted);
}

TEST(DocxReaderTest, DeepNestingDoesNotOverflowTheStack) {
  std::string body;
  for (int i = 0; i < 100000; ++i) body += "<w:sdt><w:sdtContent>";
  body += P("deep");
  for (int i = 0; i < 100000; ++i) body += "</w:sdtContent></w:sdt>";
  Result<RawDocument> doc = ReadDocx(MakeDocx(body + P("shallow")), "x.docx", ReadOptions{});
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->blocks.back().text, "shallow");
}

// Mutated XML (cut, duplicated and shuffled spans of a document rich in
// numbering, tables, notes and tracked changes) must give a document or an
// error, never a crash or a hang. Deterministic: fixed seed.
TEST(DocxReaderTest, MutatedXmlNeverCrashes) {
  const std::string body =
      TrackedBody() + P("a", NumPr(1, 0)) + P("b", NumPr(1, 2)) + "<w:tbl><w:tr><w:tc>" +
      P("cell", NumPr(1, 1)) + "</w:tc></w:tr></w:tbl>" +
      "<w:p><w:r><w:t>x</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
  const std::string numbering =
      Part("numbering", std::string(kMultiLevel) +
                            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  const std::string footnotes =
      Part("footnotes", "<w:footnote w:id=\"1\"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote>");
  const std::vector<std::string> originals = {DocumentXml(body), numbering, footnotes};
  std::mt19937 random(20261129);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> parts = originals;
    std::string& victim = parts[random() % parts.size()];
    for (int edit = 0; edit < 3 && !victim.empty(); ++edit) {
      const std::size_t at = random() % victim.size();
      const std::size_t length = random() % std::min<std::size_t>(40, victim.size() - at) + 1;
      switch (random() % 3) {
        case 0: victim.erase(at, length); break;
        case 1: victim.insert(random() % victim.size(), victim.substr(at, length)); break;
        default: std::swap(victim[at], victim[random() % victim.size()]); break;
      }
    }
    Result<std::string> zip = render::WriteZip({{"word/document.xml", parts[0]},
                                                {"word/numbering.xml", parts[1]},
                                                {"word/footnotes.xml", parts[2]}});
    ASSERT_TRUE(zip.has_value());
    for (TrackedChanges mode : {TrackedChanges::kAccept, TrackedChanges::kReject}) {
      ReadOptions options;
      options.tracked_changes = mode;
      Result<RawDocument> doc = ReadDocx(*zip, "x.docx", options);
      if (!doc) {
        EXPECT_EQ(doc.error().code(), ErrorCode::kInvalidInput) << doc.error().message();
      }
    }
  }
}

// --- The real drafts of Chilean bill 15995 -------------------------------

std::string SharedData() {
  if (const char* env = std::getenv("RAPPORTEUR_SHARED_DATA")) return env;
  return RAPPORTEUR_SOURCE_DIR "/../shared/data";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

bool AnyTextContains(const RawDocument& doc, const std::string& needle) {
  for (const RawBlock& block : doc.blocks) {
    if (block.text.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(DocxReaderTest, RealMocion) {
  const std::string bytes = ReadFile(SharedData() + "/drafts/cl-bill-15995/01-mocion.docx");
  if (bytes.empty()) GTEST_SKIP() << "shared data not found";
  RawDocument doc = ReadOk(bytes);
  EXPECT_THAT(doc.title, StartsWith("Modifica la Ley N°17.798, sobre Control de Armas"));
  EXPECT_GT(doc.blocks.size(), 8u);
  EXPECT_TRUE(AnyTextContains(doc, "Artículo Único"));
  EXPECT_TRUE(AnyTextContains(doc, "aspirantes a oficial de Carabineros"));
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(DocxReaderTest, RealInformeComision) {
  const std::string bytes =
      ReadFile(SharedData() + "/drafts/cl-bill-15995/02-informe-comision.docx");
  if (bytes.empty()) GTEST_SKIP() << "shared data not found";
  RawDocument doc = ReadOk(bytes);
  EXPECT_EQ(doc.title, "Bol 15995-02 primer informe");
  EXPECT_GT(doc.blocks.size(), 100u);
  int headings = 0, footnotes = 0, bullets = 0;
  for (const RawBlock& block : doc.blocks) {
    headings += block.kind == BlockKind::kHeading;
    footnotes += block.kind == BlockKind::kFootnote;
    bullets += block.kind == BlockKind::kListItem;
  }
  EXPECT_GT(headings, 10);
  EXPECT_EQ(footnotes, 2);
  EXPECT_GT(bullets, 0);  // its only automatic list is bulleted (numId 21)
  EXPECT_TRUE(AnyTextContains(doc, "MENCIONES REGLAMENTARIAS"));
  EXPECT_TRUE(AnyTextContains(doc, "Artículo 1.-") || AnyTextContains(doc, "Artículo único"));
  for (const RawBlock& block : doc.blocks) {
    EXPECT_FALSE(block.text.empty());
    EXPECT_EQ(block.text.find("  "), std::string::npos) << block.text;
    EXPECT_NE(block.text.front(), ' ');
    EXPECT_NE(block.text.back(), ' ');
  }
}

}  // namespace
}  // namespace rapporteur::ingest
