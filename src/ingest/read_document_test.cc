#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "rapporteur/ingest.h"

namespace rapporteur {
namespace {

const std::string kDraft = std::string(RAPPORTEUR_SOURCE_DIR) + "/examples/mou-draft-2000-03.md";
const std::string kSigned = std::string(RAPPORTEUR_SOURCE_DIR) + "/examples/mou-signed-2000-11.md";

std::vector<std::string> Sources(const std::vector<Document>& docs) {
  std::vector<std::string> sources;
  for (const Document& doc : docs) sources.push_back(doc.source);
  return sources;
}

TEST(ReadDocumentsTest, ReturnsTheDocumentsInTheOrderGivenWhateverTheThreads) {
  const std::vector<std::string> paths = {kSigned, kDraft, kSigned, kDraft, kDraft};
  Result<Document> draft = ReadDocument(kDraft, ReadOptions());
  ASSERT_TRUE(draft.has_value());
  for (unsigned threads : {0u, 1u, 2u, 8u}) {
    Result<std::vector<Document>> docs = ReadDocuments(paths, ReadOptions(), threads);
    ASSERT_TRUE(docs.has_value()) << docs.error().message();
    EXPECT_EQ(Sources(*docs), paths) << threads;
    EXPECT_EQ((*docs)[1].title, draft->title);
    EXPECT_EQ((*docs)[4].blocks.size(), draft->blocks.size());
  }
}

// Every file is read, but the error is that of the first failing path in
// the order given, as a sequential read would report it.
TEST(ReadDocumentsTest, ReportsTheFirstFailureInTheOrderGiven) {
  const std::vector<std::string> paths = {kDraft, "/nonexistent/first.md",
                                          "/nonexistent/second.md"};
  for (unsigned threads : {1u, 3u}) {
    Result<std::vector<Document>> docs = ReadDocuments(paths, ReadOptions(), threads);
    ASSERT_FALSE(docs.has_value());
    EXPECT_EQ(docs.error().code(), ErrorCode::kNotFound) << docs.error().message();
    EXPECT_NE(docs.error().message().find("'/nonexistent/first.md'"), std::string::npos)
        << docs.error().message();
  }
  Result<std::vector<Document>> none = ReadDocuments({}, ReadOptions());
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

// PDF (poppler), DOCX (the zip module, pugixml), XML, HTML (libxml2) and
// Markdown read at once on as many threads give what reading them one by
// one gives. Under AddressSanitizer in CI.
TEST(ReadDocumentsTest, ReadsEveryFormatConcurrently) {
  const std::string html = ::testing::TempDir() + "read-documents.html";
  std::ofstream(html) << "<html><head><title>Bill</title></head><body><h1>Bill</h1>"
                         "<p>Article 1. The State shall protect.</p><p>Article 2. It may "
                         "inform.</p></body></html>";
  std::vector<std::string> paths = {
      std::string(RAPPORTEUR_SOURCE_DIR) + "/tests/fixtures/pdf/simple.pdf",
      std::string(RAPPORTEUR_SOURCE_DIR) + "/tests/fixtures/pdf/columns.pdf", html, kDraft,
      kSigned};
  if (const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA"); shared != nullptr) {
    const std::string drafts = std::string(shared) + "/drafts/";
    for (const char* file :
         {"cl-bill-15995/01-mocion.docx", "cl-bill-15995/02-informe-comision.docx",
          "us-s5-119/01-pcs.xml", "cl-bill-15995/03-informe-comision.pdf"}) {
      if (std::ifstream(drafts + file).good()) paths.push_back(drafts + file);
    }
  }
  Result<std::vector<Document>> docs =
      ReadDocuments(paths, ReadOptions(), static_cast<unsigned>(paths.size()));
  ASSERT_TRUE(docs.has_value()) << docs.error().message();
  for (std::size_t i = 0; i < paths.size(); ++i) {
    Result<Document> alone = ReadDocument(paths[i], ReadOptions());
    ASSERT_TRUE(alone.has_value()) << alone.error().message();
    EXPECT_EQ((*docs)[i].format, alone->format) << paths[i];
    EXPECT_EQ((*docs)[i].title, alone->title) << paths[i];
    ASSERT_EQ((*docs)[i].blocks.size(), alone->blocks.size()) << paths[i];
    for (std::size_t b = 0; b < alone->blocks.size(); ++b) {
      EXPECT_EQ((*docs)[i].blocks[b].text, alone->blocks[b].text) << paths[i];
    }
  }
}

}  // namespace
}  // namespace rapporteur
