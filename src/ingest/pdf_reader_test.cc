#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

std::string SharedData() {
  const char* env = std::getenv("RAPPORTEUR_SHARED_DATA");
  return env != nullptr ? env : RAPPORTEUR_SOURCE_DIR "/../shared/data";
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Fixture(const std::string& name) {
  return Slurp(RAPPORTEUR_SOURCE_DIR "/tests/fixtures/pdf/" + name);
}

std::vector<std::string> Texts(const RawDocument& doc) {
  std::vector<std::string> texts;
  for (const RawBlock& b : doc.blocks) texts.push_back(b.text);
  return texts;
}

RawDocument ReadOk(const std::string& bytes) {
  Result<RawDocument> doc = ReadPdf(bytes, "t.pdf", ReadOptions());
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? *doc : RawDocument();
}

TEST(PdfReader, SimpleFixture) {
  const std::string bytes = Fixture("simple.pdf");
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(
      Texts(ReadOk(bytes)),
      (std::vector<std::string>{
          "Convention on the Protection of Rivers",
          "The Parties, recognising the importance of rivers for the life of their peoples,",
          "Have agreed as follows:", "Article 1",
          "The Parties shall cooperate in the implementation of this Convention.",
          "Each Party shall designate a competent authority and inform the depositary.",
          "Article 2", "(a) rivers crossing a border;", "(b) lakes fed by such rivers.",
          "Article 3",
          "This Convention shall enter into force on the thirtieth day after its signature."}));
}

TEST(PdfReader, TwoColumnsReadColumnByColumn) {
  EXPECT_EQ(Texts(ReadOk(Fixture("columns.pdf"))),
            (std::vector<std::string>{
                "Left column first line of text continues here and ends.",
                "Right column begins here and goes on for a while until it ends as well."}));
}

TEST(PdfReader, Errors) {
  Result<RawDocument> encrypted = ReadPdf(Fixture("encrypted.pdf"), "t.pdf", ReadOptions());
  ASSERT_FALSE(encrypted.has_value());
  EXPECT_EQ(encrypted.error().code(), ErrorCode::kEncrypted);
  EXPECT_EQ(encrypted.error().message(), "encrypted PDF; decrypt it first (e.g. qpdf --decrypt)");

  Result<RawDocument> image = ReadPdf(Fixture("image-only.pdf"), "t.pdf", ReadOptions());
  ASSERT_FALSE(image.has_value());
  EXPECT_EQ(image.error().code(), ErrorCode::kNoText);
  EXPECT_EQ(image.error().message(),
            "no text layer (a scanned document?); run OCR first, e.g. ocrmypdf");

  for (const std::string& bad : {Fixture("truncated.pdf"), std::string("hello"),
                                 std::string("%PDF-1.4\n\0\0garbage", 18), std::string()}) {
    Result<RawDocument> doc = ReadPdf(bad, "t.pdf", ReadOptions());
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(doc.error().message(), "not a valid PDF");
  }
}

TEST(PdfReader, DamagedFilesDoNotCrash) {
  const std::string good = Fixture("simple.pdf");
  ASSERT_FALSE(good.empty());
  for (std::size_t length = 0; length < good.size(); length += 97) {
    (void)ReadPdf(good.substr(0, length), "t.pdf", ReadOptions());
  }
  for (std::size_t i = 16; i < good.size(); i += 61) {
    std::string damaged = good;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    (void)ReadPdf(damaged, "t.pdf", ReadOptions());
  }
}

// Checks shared by the real documents: no running header, stamp or page
// number survives, and no line-end hyphen is left inside a word.
void ExpectClean(const RawDocument& doc, const std::vector<std::string>& running) {
  for (const RawBlock& block : doc.blocks) {
    for (const std::string& text : running) {
      EXPECT_EQ(block.text.find(text), std::string::npos) << text << " in: " << block.text;
    }
    EXPECT_FALSE(std::all_of(block.text.begin(), block.text.end(), ::isdigit)) << block.text;
    // "imple- mentation": a hyphen, a space, a lower-case letter; unless it
    // closes a parenthetical dash (" -y no temporal- entre").
    for (std::size_t i = 1; i + 2 < block.text.size(); ++i) {
      const bool parenthetical =
          block.text.rfind(" -", i) != std::string::npos && block.text.rfind(" -", i) + 80 > i;
      const bool split = block.text[i] == '-' && block.text[i + 1] == ' ' &&
                         std::islower(static_cast<unsigned char>(block.text[i + 2])) &&
                         std::isalpha(static_cast<unsigned char>(block.text[i - 1])) &&
                         !parenthetical;
      EXPECT_FALSE(split) << block.text.substr(i > 30 ? i - 30 : 0, 60);
    }
  }
}

TEST(PdfReader, SpanishBill) {
  const std::string bytes = Slurp(SharedData() + "/drafts/es-food-waste-bill/bocg-15-a-4-1.pdf");
  if (bytes.empty()) GTEST_SKIP() << "shared data not found";
  RawDocument doc = ReadOk(bytes);
  ExpectClean(doc, {"cve:", "BOCG-15-A-4-1", "Serie A Núm.", "BOLETÍN OFICIAL DE LAS CORTES"});
  int articles = 0;
  for (const RawBlock& block : doc.blocks) {
    if (block.text.rfind("Artículo ", 0) == 0) ++articles;
    // An article heading is never in the middle of a block.
    const std::size_t pos = block.text.find(". Artículo 1");
    EXPECT_EQ(pos, std::string::npos) << block.text;
  }
  EXPECT_GE(articles, 19);
  EXPECT_NE(std::find(Texts(doc).begin(), Texts(doc).end(),
                      "Artículo 10. Obligaciones específicas para las Administraciones públicas."),
            Texts(doc).end());
  const std::vector<std::string> texts = Texts(doc);
  EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.rfind("Artículo 1. Objeto", 0) == 0;
  }));
}

TEST(PdfReader, ChileanReport) {
  const std::string bytes = Slurp(SharedData() + "/drafts/cl-bill-15995/03-informe-comision.pdf");
  if (bytes.empty()) GTEST_SKIP() << "shared data not found";
  RawDocument doc = ReadOk(bytes);
  ExpectClean(doc, {});
  const std::vector<std::string> texts = Texts(doc);
  EXPECT_GT(texts.size(), 100u);
  EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.rfind("HONORABLE SENADO:", 0) == 0;
  }));
  // Page numbers (a lone "2" at the page foot) are gone; a paragraph running
  // over a page break is one block.
  EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
    return t.find("respectivas mallas curriculares.") != std::string::npos &&
           t.rfind("Autorizar el porte", 0) == 0;
  }));
}

// Prints the blocks of $PDF_DUMP, for looking at real files:
//   PDF_DUMP=x.pdf rapporteur_tests --gtest_also_run_disabled_tests
//       --gtest_filter=PdfReaderDump.*
TEST(PdfReaderDump, DISABLED_Dump) {
  const char* path = std::getenv("PDF_DUMP");
  if (path == nullptr) GTEST_SKIP();
  Result<RawDocument> doc = ReadPdf(Slurp(path), "x.pdf", ReadOptions());
  ASSERT_TRUE(doc.has_value()) << doc.error().message();
  std::cout << "TITLE: " << doc->title << "\n";
  for (const RawBlock& b : doc->blocks) std::cout << "<" << b.text << ">\n";
}

}  // namespace
}  // namespace rapporteur::ingest
