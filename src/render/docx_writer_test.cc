#include "src/render/docx_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "src/ingest/readers.h"
#include "src/ingest/zip_archive.h"
#include "src/render/docx_redline_sample.h"
#include "src/text/utf8.h"

namespace rapporteur::render {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

// What a reader of the document sees, paragraph by paragraph.
std::vector<std::string> Paragraphs(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) out.push_back(text::CollapseWhitespace(DisplayText(block)));
  return out;
}

struct ReadBack {
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<std::string> warnings;
};

ReadBack ReadWithChanges(const std::string& docx, TrackedChanges mode) {
  ReadOptions options;
  options.tracked_changes = mode;
  Result<ingest::RawDocument> raw = ingest::ReadDocx(docx, "redline.docx", options);
  EXPECT_TRUE(raw.has_value()) << raw.error().message();
  ReadBack out;
  if (!raw) return out;
  out.title = raw->title;
  out.warnings = raw->warnings;
  for (const ingest::RawBlock& block : raw->blocks) {
    out.paragraphs.push_back(text::CollapseWhitespace(
        block.label.empty() ? block.text : block.label + " " + block.text));
  }
  return out;
}

std::string Render(const RedlineSample& sample, RenderOptions options = {}) {
  if (options.date.empty()) options.date = "2026-11-29";
  Result<std::string> docx = RenderDocx(sample.versions, sample.series, options);
  EXPECT_TRUE(docx.has_value()) << docx.error().message();
  return docx.value_or("");
}

// The contract: accepting all gives the newest version, rejecting all the oldest.
void ExpectAcceptAndReject(const RedlineSample& sample) {
  const std::string docx = Render(sample);
  ReadBack accepted = ReadWithChanges(docx, TrackedChanges::kAccept);
  EXPECT_EQ(accepted.title, sample.versions.back().title);
  EXPECT_THAT(accepted.paragraphs, ElementsAreArray(Paragraphs(sample.versions.back())));
  ReadBack rejected = ReadWithChanges(docx, TrackedChanges::kReject);
  EXPECT_EQ(rejected.title, sample.versions.front().title);
  EXPECT_THAT(rejected.paragraphs, ElementsAreArray(Paragraphs(sample.versions.front())));
  EXPECT_THAT(accepted.warnings, ::testing::Contains(HasSubstr("tracked changes")));
}

TEST(DocxWriterTest, AcceptGivesNewRejectGivesOld) { ExpectAcceptAndReject(MakeRedlineSample()); }

TEST(DocxWriterTest, UntrustworthyEditsStillKeepTheContract) {
  RedlineSample sample = MakeRedlineSample();
  for (ClauseChange& change : sample.series.cumulative().clauses) {
    // A buggy diff: drop a word from every redline.
    if (!change.edits.empty()) change.edits.back().text = "garbage";
  }
  sample.series.cumulative().title_edits = {{DiffOp::kEqual, "Wrong title"}};
  ExpectAcceptAndReject(sample);
}

TEST(DocxWriterTest, MovedWithoutMarkerIsEditedInPlace) {
  RedlineSample sample = MakeRedlineSample();
  std::vector<ClauseChange>& clauses = sample.series.cumulative().clauses;
  std::erase_if(clauses, [](const ClauseChange& c) { return c.moved_away; });
  const std::string docx = Render(sample);
  // Accepting still gives the new text; rejecting gives the old words,
  // though the moved clause stays at its new place.
  EXPECT_THAT(ReadWithChanges(docx, TrackedChanges::kAccept).paragraphs,
              ElementsAreArray(Paragraphs(sample.versions.back())));
  std::vector<std::string> rejected = ReadWithChanges(docx, TrackedChanges::kReject).paragraphs;
  EXPECT_EQ(rejected.back(), "Article 4 This clause moves to the end.");
}

TEST(DocxWriterTest, TwoStepSeriesUsesCumulative) {
  RedlineSample sample = MakeRedlineSample();
  Document middle = sample.versions.front();
  sample.versions.insert(sample.versions.begin() + 1, middle);
  sample.series.first_to_last = sample.series.steps.front();  // first against last
  sample.series.steps.resize(2);                              // the renderer must not use the steps
  ExpectAcceptAndReject(sample);
}

TEST(DocxWriterTest, EmptyVersionsAndLastClauseDeleted) {
  RedlineSample sample;
  Document old_doc, new_doc;
  old_doc.blocks.push_back({BlockKind::kParagraph, "1.", "1.", "Only clause & <more>", 0, false});
  sample.versions = {old_doc, new_doc};
  ClauseChange deleted;
  deleted.status = ClauseStatus::kDeleted;
  deleted.before = ClauseRef{0, "1.", "1.", "Only clause & <more>"};
  deleted.edits = {{DiffOp::kDelete, "Only clause & <more>"}};
  sample.series.cumulative().clauses = {deleted};
  ExpectAcceptAndReject(sample);
}

// --- The XML itself -------------------------------------------------------

std::string Part(const std::string& docx, const std::string& name) {
  Result<ingest::ZipArchive> zip = ingest::ZipArchive::Open(docx, 1 << 26);
  EXPECT_TRUE(zip.has_value());
  if (!zip) return "";
  Result<std::vector<std::optional<std::string>>> parts = zip->ReadAll({name});
  EXPECT_TRUE(parts.has_value() && (*parts)[0].has_value()) << name;
  return parts && (*parts)[0] ? *(*parts)[0] : "";
}

TEST(DocxWriterTest, PackageHasEveryPart) {
  const std::string docx = Render(MakeRedlineSample());
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml"}) {
    pugi::xml_document xml;
    std::string content = Part(docx, name);
    EXPECT_TRUE(xml.load_string(content.c_str())) << name;
  }
}

TEST(DocxWriterTest, RevisionsCarryAuthorDateAndIncreasingIds) {
  RenderOptions options;
  options.author = "Monitor <A&B>";
  options.date = "2026-11-29";
  const std::string document = Part(Render(MakeRedlineSample(), options), "word/document.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(document.c_str()));
  int last_id = 0, insertions = 0, deletions = 0;
  pugi::xpath_node_set revisions = xml.select_nodes(
      "//w:ins | //w:del | //w:moveFrom | //w:moveTo | //w:moveFromRangeStart | "
      "//w:moveToRangeStart");
  revisions.sort();  // document order
  for (pugi::xpath_node node : revisions) {
    const pugi::xml_node revision = node.node();
    EXPECT_STREQ(revision.attribute("w:author").value(), "Monitor <A&B>");
    EXPECT_STREQ(revision.attribute("w:date").value(), "2026-11-29T00:00:00Z");
    const int id = revision.attribute("w:id").as_int();
    EXPECT_GT(id, last_id);
    last_id = id;
    const std::string_view name = revision.name();
    if (name == "w:ins") ++insertions;
    if (name == "w:del") ++deletions;
  }
  EXPECT_GT(insertions, 5);
  EXPECT_GT(deletions, 5);
  // Deleted text is w:delText, inserted paragraphs have inserted marks.
  EXPECT_FALSE(xml.select_nodes("//w:del/w:r/w:delText").empty());
  EXPECT_TRUE(xml.select_nodes("//w:del/w:r/w:t").empty());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:rPr/w:ins").empty());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:rPr/w:del").empty());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:pStyle[@w:val='Heading1']").empty());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:pStyle[@w:val='Title']").empty());
}

TEST(DocxWriterTest, MovedClauseIsATrackedMove) {
  const std::string document = Part(Render(MakeRedlineSample()), "word/document.xml");
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string(document.c_str()));
  pugi::xml_node from = xml.select_node("//w:moveFromRangeStart").node();
  pugi::xml_node to = xml.select_node("//w:moveToRangeStart").node();
  ASSERT_TRUE(from && to);
  EXPECT_STREQ(from.attribute("w:name").value(), to.attribute("w:name").value());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:rPr/w:moveFrom").empty());
  EXPECT_FALSE(xml.select_nodes("//w:pPr/w:rPr/w:moveTo").empty());
  EXPECT_EQ(xml.select_nodes("//w:moveFromRangeEnd").size(), 1u);
  EXPECT_EQ(xml.select_nodes("//w:moveToRangeEnd").size(), 1u);
  // Moved text is w:t, as Word writes it, not w:delText.
  EXPECT_FALSE(xml.select_nodes("//w:moveFrom/w:r/w:t").empty());
}

TEST(DocxWriterTest, DefaultDateIsNowInUtc) {
  RedlineSample sample = MakeRedlineSample();
  Result<std::string> docx = RenderDocx(sample.versions, sample.series, RenderOptions{});
  ASSERT_TRUE(docx.has_value());
  const std::string document = Part(*docx, "word/document.xml");
  EXPECT_THAT(document, ::testing::ContainsRegex("w:date=\"20[0-9][0-9]-[01][0-9]-[0-3][0-9]T"
                                                 "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z\""));
}

TEST(DocxWriterTest, RejectsBadArguments) {
  RedlineSample sample = MakeRedlineSample();
  RenderOptions options;
  options.date = "yesterday";
  Result<std::string> bad_date = RenderDocx(sample.versions, sample.series, options);
  ASSERT_FALSE(bad_date.has_value());
  EXPECT_EQ(bad_date.error().code(), ErrorCode::kInvalidArgument);
  Result<std::string> one_version =
      RenderDocx({sample.versions.front()}, sample.series, RenderOptions{});
  ASSERT_FALSE(one_version.has_value());
  EXPECT_EQ(one_version.error().code(), ErrorCode::kInvalidArgument);
}

TEST(DocxWriterTest, SameInputSameBytes) {
  EXPECT_EQ(Render(MakeRedlineSample()), Render(MakeRedlineSample()));
}

// Not a check by itself: writes the sample redline and the texts that
// accepting and rejecting all changes must give, for
// tests/libreoffice/check_docx.sh. Skipped unless RAPPORTEUR_DOCX_SAMPLE_DIR
// names a directory.
TEST(DocxLibreOfficeSample, Write) {
  const char* dir = std::getenv("RAPPORTEUR_DOCX_SAMPLE_DIR");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "RAPPORTEUR_DOCX_SAMPLE_DIR not set";
  const RedlineSample sample = MakeRedlineSample();
  const std::string base = std::string(dir) + "/";
  std::ofstream(base + "redline.docx", std::ios::binary) << Render(sample);
  for (const auto& [name, doc] : {std::pair{"expected-accept.txt", &sample.versions.back()},
                                  std::pair{"expected-reject.txt", &sample.versions.front()}}) {
    std::ofstream out(base + name, std::ios::binary);
    out << doc->title << "\n";
    for (const std::string& paragraph : Paragraphs(*doc)) out << paragraph << "\n";
    ASSERT_TRUE(out.good()) << base + name;
  }
}

// The sample redline as LibreOffice saves it again (check_docx.sh writes
// it): our reader must resolve LibreOffice's tracked changes the same way.
TEST(DocxLibreOfficeSample, ReadResaved) {
  const char* dir = std::getenv("RAPPORTEUR_DOCX_SAMPLE_DIR");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "RAPPORTEUR_DOCX_SAMPLE_DIR not set";
  std::ifstream in(std::string(dir) + "/resaved/redline.docx", std::ios::binary);
  if (!in) GTEST_SKIP() << "no resaved/redline.docx";
  const std::string docx((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const RedlineSample sample = MakeRedlineSample();
  ReadBack accepted = ReadWithChanges(docx, TrackedChanges::kAccept);
  EXPECT_EQ(accepted.title, sample.versions.back().title);
  EXPECT_THAT(accepted.paragraphs, ElementsAreArray(Paragraphs(sample.versions.back())));
  ReadBack rejected = ReadWithChanges(docx, TrackedChanges::kReject);
  EXPECT_EQ(rejected.title, sample.versions.front().title);
  EXPECT_THAT(rejected.paragraphs, ElementsAreArray(Paragraphs(sample.versions.front())));
}

}  // namespace
}  // namespace rapporteur::render

namespace rapporteur::render {
namespace {

// Findings travel as Word comments, which are no revisions: the contract
// still holds, and the comments are there.
TEST(DocxWriterTest, FindingsBecomeCommentsAndKeepTheContract) {
  RedlineSample sample = MakeRedlineSample();
  Finding f;
  f.kind = "monitoring_removed";
  f.severity = Severity::kHigh;
  f.explanation = "The access provision was removed.";
  for (const ClauseChange& c : sample.series.cumulative().clauses) {
    if (c.after && !c.moved_away) {
      f.after = Evidence{c.after->index, c.after->label, c.after->path, c.after->text, 0, 0};
      break;
    }
  }
  sample.series.cumulative().findings.push_back(f);
  ExpectAcceptAndReject(sample);
  const std::string docx = Render(sample);
  Result<ingest::ZipArchive> zip = ingest::ZipArchive::Open(docx, 1 << 20);
  ASSERT_TRUE(zip.has_value());
  EXPECT_TRUE(zip->Contains("word/comments.xml"));
  auto parts = zip->ReadAll({"word/comments.xml", "word/document.xml"});
  ASSERT_TRUE(parts.has_value());
  EXPECT_NE((*parts)[0]->find("[high] monitoring_removed: The access provision was removed."),
            std::string::npos);
  EXPECT_NE((*parts)[1]->find("<w:commentReference w:id=\"0\"/>"), std::string::npos);
}

}  // namespace
}  // namespace rapporteur::render
