#include <gtest/gtest.h>

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

}  // namespace
}  // namespace rapporteur
