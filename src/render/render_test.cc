#include "rapporteur/render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace rapporteur {
namespace {

Document Doc(const std::string& source, std::vector<std::pair<std::string, std::string>> clauses) {
  Document d;
  d.source = source;
  d.format = Format::kMarkdown;
  d.title = "Memorandum";
  for (auto& [label, text] : clauses) {
    Block b;
    b.label = label;
    b.path = "Article 1/" + label;
    b.text = text;
    d.blocks.push_back(b);
  }
  return d;
}

const char* kA = "The Government shall ensure access of experts to all relevant institutions.";
const char* kB =
    "The programme coordinator shall report every six months to the High Commissioner.";
const char* kC =
    "This Memorandum shall enter into force on the date of its signature by both parties.";

struct Fixture {
  std::vector<Document> versions;
  SeriesComparison series;
};

Fixture MakeFixture() {
  Fixture f;
  f.versions = {Doc("old.md", {{"1.", kA}, {"2.", kB}, {"3.", kC}}),
                Doc("new.md", {{"1.",
                                "The Government may ensure access of experts to all relevant "
                                "institutions."},
                               {"2.", kC},
                               {"3.", kB}})};
  f.series = CompareSeries(f.versions, {});
  return f;
}

TEST(RenderJsonTest, HasTheContractFields) {
  Fixture f = MakeFixture();
  Result<std::string> out = Render(OutputFormat::kJson, f.versions, f.series, {});
  ASSERT_TRUE(out.has_value());
  nlohmann::json j = nlohmann::json::parse(*out);
  ASSERT_EQ(j["versions"].size(), 2u);
  EXPECT_EQ(j["versions"][0]["path"], "old.md");
  EXPECT_EQ(j["versions"][0]["format"], "markdown");
  EXPECT_EQ(j["versions"][0]["title"], "Memorandum");
  EXPECT_EQ(j["versions"][0]["clauses"], 3);
  ASSERT_EQ(j["clauses"].size(), 3u);  // the moved clause is listed once
  const auto& first = j["clauses"][0];
  EXPECT_EQ(first["status"], "modified");
  EXPECT_EQ(first["before"]["label"], "1.");
  EXPECT_EQ(first["after"]["path"], "Article 1/1.");
  EXPECT_GT(first["similarity"].get<double>(), 0.8);
  ASSERT_TRUE(first["ops"].is_array());
  EXPECT_EQ(first["ops"][1]["op"], "delete");
  EXPECT_EQ(first["ops"][1]["text"], "shall ");
  int moved = 0;
  for (const auto& c : j["clauses"]) moved += c["status"] == "moved";
  EXPECT_EQ(moved, 1);
  EXPECT_TRUE(j["differences"].get<bool>());
  EXPECT_FALSE(j.contains("steps"));
}

TEST(RenderJsonTest, ThreeVersionsHaveSteps) {
  Fixture f = MakeFixture();
  f.versions.push_back(f.versions[0]);
  f.series = CompareSeries(f.versions, {});
  nlohmann::json j = nlohmann::json::parse(*Render(OutputFormat::kJson, f.versions, f.series, {}));
  ASSERT_EQ(j["steps"].size(), 2u);
  EXPECT_EQ(j["steps"][1]["from"], 1);
  EXPECT_FALSE(j["differences"].get<bool>());  // first and last are the same
}

TEST(RenderHtmlTest, SelfContainedWithBothViewsAndMoveLinks) {
  Fixture f = MakeFixture();
  std::string html = *Render(OutputFormat::kHtml, f.versions, f.series, {});
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_NE(html.find("class=\"side\""), std::string::npos);
  EXPECT_NE(html.find("<del>shall </del>"), std::string::npos);
  EXPECT_NE(html.find("moved to"), std::string::npos);
  EXPECT_NE(html.find("moved from"), std::string::npos);
}

TEST(RenderHtmlTest, EscapesText) {
  Fixture f = MakeFixture();
  f.versions[1].blocks[0].text = "<script>alert(1)</script> & more";
  f.series = CompareSeries(f.versions, {});
  std::string html = *Render(OutputFormat::kHtml, f.versions, f.series, {});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(RenderTerminalTest, WordDiffMarkersWithoutColor) {
  Fixture f = MakeFixture();
  std::string text = *Render(OutputFormat::kTerminal, f.versions, f.series, {});
  EXPECT_NE(text.find("[-shall -]{+may +}"), std::string::npos);
  EXPECT_NE(text.find("summary: 1 modified, 1 moved, 1 unchanged"), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  RenderOptions color;
  color.color = true;
  EXPECT_NE(Render(OutputFormat::kTerminal, f.versions, f.series, color)->find("\x1b["),
            std::string::npos);
}

TEST(RenderMarkdownTest, UsesDelAndIns) {
  Fixture f = MakeFixture();
  std::string md = *Render(OutputFormat::kMarkdown, f.versions, f.series, {});
  EXPECT_NE(md.find("<del>shall </del><ins>may </ins>"), std::string::npos);
}

// A comparison whose JSON is a few megabytes: several pieces when streamed.
Fixture LargeFixture(std::size_t clauses) {
  std::vector<std::pair<std::string, std::string>> old_clauses, new_clauses;
  for (std::size_t i = 0; i < clauses; ++i) {
    const std::string label = std::to_string(i + 1) + ".";
    std::string text = "Clause " + std::to_string(i) + " \"quoted\": ";
    for (int k = 0; k < 20; ++k) text += kA[k % 10] == ' ' ? "word " : "term ";
    old_clauses.push_back({label, text + kA});
    new_clauses.push_back({label, text + (i % 3 == 0 ? kB : kA)});
  }
  Fixture f;
  f.versions = {Doc("old.md", old_clauses), Doc("new.md", new_clauses),
                Doc("last.md", old_clauses)};
  f.series = CompareSeries(f.versions, {});
  return f;
}

TEST(RenderToTest, JsonPiecesSpellWhatRenderReturns) {
  const Fixture f = LargeFixture(6000);
  const Result<std::string> whole = Render(OutputFormat::kJson, f.versions, f.series, {});
  ASSERT_TRUE(whole.has_value());
  ASSERT_GT(whole->size(), 3u << 20);
  std::string joined;
  std::size_t pieces = 0;
  const Status status =
      RenderTo(OutputFormat::kJson, f.versions, f.series, {}, [&](std::string_view piece) {
        joined += piece;
        ++pieces;
        return Status::Ok();
      });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_GE(pieces, 3u);
  EXPECT_EQ(joined, *whole);
}

TEST(RenderToTest, OtherFormatsComeInOnePiece) {
  const Fixture f = MakeFixture();
  for (OutputFormat format :
       {OutputFormat::kTerminal, OutputFormat::kMarkdown, OutputFormat::kHtml}) {
    std::vector<std::string> pieces;
    const Status status = RenderTo(format, f.versions, f.series, {}, [&](std::string_view piece) {
      pieces.emplace_back(piece);
      return Status::Ok();
    });
    ASSERT_TRUE(status.ok());
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0], *Render(format, f.versions, f.series, {}));
  }
}

TEST(RenderToTest, AFailingSinkStopsTheOutputAndItsErrorIsReturned) {
  const Fixture f = LargeFixture(6000);
  std::size_t calls = 0;
  const Status status =
      RenderTo(OutputFormat::kJson, f.versions, f.series, {}, [&](std::string_view) {
        ++calls;
        return IoError("cannot write 'out.json': No space left on device");
      });
  EXPECT_EQ(status.code(), ErrorCode::kIoError);
  EXPECT_EQ(status.message(), "cannot write 'out.json': No space left on device");
  EXPECT_EQ(calls, 1u);
  const Status no_versions = RenderTo(OutputFormat::kJson, {}, f.series, {},
                                      [](std::string_view) { return Status::Ok(); });
  EXPECT_EQ(no_versions.code(), ErrorCode::kInvalidArgument);
}

TEST(RenderTest, ParseOutputFormat) {
  EXPECT_EQ(*ParseOutputFormat("md"), OutputFormat::kMarkdown);
  EXPECT_EQ(*ParseOutputFormat("docx"), OutputFormat::kDocx);
  Result<OutputFormat> bad = ParseOutputFormat("pdf");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message(),
            "unknown output format 'pdf' (expected text, json, html, md or docx)");
}

}  // namespace
}  // namespace rapporteur
