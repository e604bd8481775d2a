// The findings scorer: every pair under tests/lens/corpus/ is compared, its
// findings matched against the analyst's expectations in expected.json, and
// precision and recall printed per kind. The build fails below 0.9 for
// either, for any kind. Pairs that differ only by renumbering, reordering,
// formatting, typo fixes or synonyms expect no findings at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "rapporteur/compare.h"
#include "rapporteur/findings.h"
#include "rapporteur/ingest.h"

namespace rapporteur {
namespace {

namespace fs = std::filesystem;

struct Tally {
  int produced = 0, produced_matched = 0, expected = 0, expected_matched = 0;
  double precision() const { return produced == 0 ? 1.0 : double(produced_matched) / produced; }
  double recall() const { return expected == 0 ? 1.0 : double(expected_matched) / expected; }
};

bool Quoted(const std::optional<Evidence>& e, const std::string& quote) {
  return e && e->quote.find(quote) != std::string::npos;
}

bool Matches(const Finding& f, const nlohmann::json& e) {
  if (f.kind != e.value("kind", "")) return false;
  if (e.contains("instrument") && f.instrument != e["instrument"].get<std::string>()) return false;
  if (e.contains("direction") && f.direction != e["direction"].get<std::string>()) return false;
  if (e.contains("quote")) {
    const std::string q = e["quote"].get<std::string>();
    if (!Quoted(f.before, q) && !Quoted(f.after, q)) return false;
  }
  return true;
}

fs::path FindVersion(const fs::path& dir, const std::string& stem) {
  for (const char* ext : {".md", ".txt", ".html", ".docx"}) {
    if (fs::exists(dir / (stem + ext))) return dir / (stem + ext);
  }
  return {};
}

// Scores one pair into `tallies`; returns a description of mismatches.
std::string ScorePair(const Lens& lens, const fs::path& dir,
                      std::map<std::string, Tally>* tallies) {
  std::ifstream in(dir / "expected.json");
  nlohmann::json expected = nlohmann::json::parse(in);
  Result<Document> a = ReadDocument(FindVersion(dir, "old").string(), {});
  Result<Document> b = ReadDocument(FindVersion(dir, "new").string(), {});
  if (!a || !b) return "cannot read the pair";
  Comparison c = Compare(*a, *b, {});
  std::vector<Finding> found = lens.Analyze(*a, *b, c);
  std::vector<bool> used(found.size(), false);
  std::string report;
  for (const nlohmann::json& e : expected["findings"]) {
    Tally& t = (*tallies)[e.value("kind", "")];
    ++t.expected;
    bool hit = false;
    for (std::size_t i = 0; i < found.size() && !hit; ++i) {
      if (!used[i] && Matches(found[i], e)) used[i] = hit = true;
    }
    t.expected_matched += hit;
    if (!hit) report += "  missed: " + e.dump() + "\n";
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    Tally& t = (*tallies)[found[i].kind];
    ++t.produced;
    t.produced_matched += used[i];
    if (!used[i])
      report += "  spurious: " + found[i].kind + " " + found[i].instrument + ": " +
                found[i].explanation + "\n";
  }
  return report;
}

TEST(LensCorpusTest, PrecisionAndRecallPerKind) {
  const fs::path corpus = fs::path(RAPPORTEUR_SOURCE_DIR) / "tests/lens/corpus";
  if (!fs::exists(corpus)) GTEST_SKIP() << "no corpus";
  Result<std::shared_ptr<const Lens>> lens = Lens::Load({});
  ASSERT_TRUE(lens.has_value()) << lens.error().message();
  std::map<std::string, Tally> tallies;
  std::vector<fs::path> pairs;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (fs::exists(entry.path() / "expected.json")) pairs.push_back(entry.path());
  }
  std::sort(pairs.begin(), pairs.end());
  ASSERT_FALSE(pairs.empty());
  for (const fs::path& pair : pairs) {
    std::string report = ScorePair(**lens, pair, &tallies);
    if (!report.empty()) std::cout << pair.filename().string() << ":\n" << report;
  }
  std::cout << "\nkind                        expected found  precision recall\n";
  Tally all;
  for (const auto& [kind, t] : tallies) {
    std::printf("%-27s %8d %5d  %9.2f %6.2f\n", kind.c_str(), t.expected, t.produced, t.precision(),
                t.recall());
    all.expected += t.expected, all.produced += t.produced;
    all.expected_matched += t.expected_matched, all.produced_matched += t.produced_matched;
    EXPECT_GE(t.precision(), 0.9) << kind;
    EXPECT_GE(t.recall(), 0.9) << kind;
  }
  std::printf("%-27s %8d %5d  %9.2f %6.2f\n", "all", all.expected, all.produced, all.precision(),
              all.recall());
}

}  // namespace
}  // namespace rapporteur
