// Precision and recall of the recurrence engine on the labelled pairs of
// real UPR recommendations (tests/report/README.md). Needs the shared data
// ($RAPPORTEUR_SHARED_DATA/upr-info); skipped without it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "rapporteur/recurrence.h"
#include "rapporteur/states.h"
#include "src/record/upr_info.h"

namespace rapporteur {
namespace {

struct LabelledPair {
  std::string file_a, file_b;
  int row_a = 0, row_b = 0;
  bool recurring = false;
  bool tune = false;
};

std::vector<LabelledPair> LoadPairs(const std::string& path) {
  std::vector<LabelledPair> pairs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    if (f.size() < 9) continue;
    pairs.push_back({f[3], f[5], std::stoi(f[4]), std::stoi(f[6]), f[7] == "1", f[8] == "tune"});
  }
  return pairs;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
};

TEST(RecurrenceQuality, PrecisionAndRecallOnLabelledUprPairs) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  if (!shared || !std::filesystem::exists(std::string(shared) + "/upr-info")) {
    GTEST_SKIP() << "RAPPORTEUR_SHARED_DATA/upr-info not available";
  }
  const std::vector<LabelledPair> pairs =
      LoadPairs(std::string(RAPPORTEUR_SOURCE_DIR) + "/tests/report/recurrence_pairs.tsv");
  ASSERT_GE(pairs.size(), 300u);
  Result<StateCatalogue> states = StateCatalogue::LoadDefault();
  ASSERT_TRUE(states.has_value()) << states.error().message();
  // Every file the pairs name, read with the importer; data row n is the
  // n-th record (the reader keeps one record per row, in order).
  std::map<std::pair<std::string, int>, std::size_t> index;
  std::vector<RecurrenceItem> items;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(shared) + "/upr-info")) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("upr-info_sessions_") || name.find("voluntary") != std::string::npos)
      continue;
    Result<std::vector<Record>> records =
        record::ReadUprInfoRecords(entry.path().string(), *states);
    ASSERT_TRUE(records.has_value()) << records.error().message();
    for (std::size_t r = 0; r < records->size(); ++r) {
      index[{name, static_cast<int>(r + 1)}] = items.size();
      items.push_back(RecurrenceItemOf((*records)[r]));
    }
  }
  ASSERT_EQ(items.size(), 41066u);
  Result<RecurrenceFinder> finder = RecurrenceFinder::Create(RecurrenceOptions());
  ASSERT_TRUE(finder.has_value()) << finder.error().message();
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<RecurrenceCluster>> clusters = finder->Find(items);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(clusters.has_value());
  std::vector<std::vector<std::size_t>> cluster_of(items.size());
  for (std::size_t c = 0; c < clusters->size(); ++c) {
    for (std::size_t m : (*clusters)[c].members) cluster_of[m].push_back(c);
  }
  Counts tune, check;
  for (const LabelledPair& p : pairs) {
    auto a = index.find({p.file_a, p.row_a}), b = index.find({p.file_b, p.row_b});
    ASSERT_TRUE(a != index.end() && b != index.end()) << p.file_a << ":" << p.row_a;
    ASSERT_EQ(items[a->second].state, items[b->second].state) << p.file_a << ":" << p.row_a;
    bool same = false;
    for (std::size_t x : cluster_of[a->second]) {
      for (std::size_t y : cluster_of[b->second]) same = same || x == y;
    }
    Counts& c = p.tune ? tune : check;
    (same ? (p.recurring ? c.tp : c.fp) : (p.recurring ? c.fn : c.tn))++;
  }
  Counts all{tune.tp + check.tp, tune.fp + check.fp, tune.fn + check.fn, tune.tn + check.tn};
  std::printf("recurrence on %zu real UPR recommendations: %.2f s, %zu clusters\n", items.size(),
              seconds, clusters->size());
  std::printf("  tune half:  precision %.3f recall %.3f\n", tune.Precision(), tune.Recall());
  std::printf("  check half: precision %.3f recall %.3f\n", check.Precision(), check.Recall());
  std::printf("  all %zu pairs: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)\n",
              pairs.size(), all.Precision(), all.Recall(), all.tp, all.fp, all.fn, all.tn);
  EXPECT_GE(all.Precision(), 0.85);
  EXPECT_GE(all.Recall(), 0.85);
}

}  // namespace
}  // namespace rapporteur
