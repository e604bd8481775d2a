#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/findings.h"
#include "rapporteur/ingest.h"

namespace rapporteur {
namespace {

std::vector<std::string> Describe(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(f.kind + "|" + std::string(SeverityName(f.severity)) + "|" + f.instrument + "|" +
                  f.direction + "|" + f.type + "|" + (f.before ? f.before->quote : "-") + "|" +
                  (f.after ? f.after->quote : "-") + "|" + f.explanation);
  }
  return out;
}

// The overlapped pipeline gives what comparing, then analysing, gives: for
// two versions and for three (steps and cumulative).
TEST(LensTest, CompareSeriesWithFindingsEqualsCompareThenAddFindings) {
  Result<std::shared_ptr<const Lens>> lens = Lens::Load(LensOptions());
  ASSERT_TRUE(lens.has_value()) << lens.error().message();
  const std::string dir = std::string(RAPPORTEUR_SOURCE_DIR);
  std::vector<Document> docs;
  for (const std::string& path :
       {dir + "/examples/mou-draft-2000-03.md", dir + "/examples/mou-signed-2000-11.md",
        dir + "/examples/mou-draft-2000-03.md"}) {
    Result<Document> doc = ReadDocument(path, ReadOptions());
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    docs.push_back(std::move(*doc));
  }
  for (std::size_t n : {2u, 3u}) {
    const std::vector<Document> versions(docs.begin(), docs.begin() + static_cast<long>(n));
    SeriesComparison expected = CompareSeries(versions, CompareOptions());
    AddFindings(**lens, versions, &expected);
    const SeriesComparison got = (*lens)->CompareSeriesWithFindings(versions, CompareOptions());
    ASSERT_EQ(got.steps.size(), expected.steps.size());
    for (std::size_t i = 0; i < got.steps.size(); ++i) {
      EXPECT_FALSE(expected.steps[i].findings.empty()) << i;
      EXPECT_EQ(Describe(got.steps[i].findings), Describe(expected.steps[i].findings)) << i;
      EXPECT_EQ(got.steps[i].clauses.size(), expected.steps[i].clauses.size());
    }
    EXPECT_EQ(Describe(got.cumulative().findings), Describe(expected.cumulative().findings)) << n;
  }
}

}  // namespace
}  // namespace rapporteur
