// Google Benchmark micro-benchmarks of the comparison core on generated
// legal text: tokenizing, the word diff of one clause, and a whole
// comparison. The end-to-end benchmark against peer tools is
// bench/run_peers.sh; this one is for profiling the pieces.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "rapporteur/compare.h"
#include "src/compare/myers.h"
#include "src/text/words.h"

namespace {

const char* kVocabulary[] = {"the",         "Parties",
                             "shall",       "in",
                             "accordance",  "with",
                             "national",    "law",
                             "human",       "rights",
                             "programme",   "experts",
                             "may",         "ensure",
                             "cooperation", "of",
                             "and",         "to",
                             "authorities", "competent",
                             "Memorandum",  "implementation",
                             "training",    "justice",
                             "report"};

std::string Sentence(std::mt19937* rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += kVocabulary[(*rng)() % std::size(kVocabulary)];
  }
  return s + ".";
}

rapporteur::Document MakeDoc(int clauses, std::uint32_t seed, double edit_rate) {
  std::mt19937 rng(42);  // same base text for every seed
  std::mt19937 edits(seed);
  rapporteur::Document d;
  for (int i = 0; i < clauses; ++i) {
    rapporteur::Block b;
    b.label = std::to_string(i + 1) + ".";
    b.path = b.label;
    b.text = Sentence(&rng, 40);
    if (std::uniform_real_distribution<>(0, 1)(edits) < edit_rate)
      b.text += " " + Sentence(&edits, 5);
    d.blocks.push_back(b);
  }
  return d;
}

void BM_Tokenize(benchmark::State& state) {
  std::mt19937 rng(1);
  const std::string text = Sentence(&rng, static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(rapporteur::text::Tokenize(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize)->Arg(1000)->Arg(100000);

void BM_MyersClause(benchmark::State& state) {
  std::mt19937 rng(2);
  std::vector<std::uint32_t> a(static_cast<std::size_t>(state.range(0)));
  for (auto& t : a) t = rng() % 200;
  std::vector<std::uint32_t> b = a;
  for (std::size_t i = 0; i < b.size(); i += 20) b[i] = 1000 + static_cast<std::uint32_t>(i);
  for (auto _ : state) benchmark::DoNotOptimize(rapporteur::compare::DiffTokens(a, b, 1u << 24));
}
BENCHMARK(BM_MyersClause)->Arg(100)->Arg(1000)->Arg(10000);

void BM_CompareDocuments(benchmark::State& state) {
  const int clauses = static_cast<int>(state.range(0));
  rapporteur::Document a = MakeDoc(clauses, 1, 0.0), b = MakeDoc(clauses, 2, 0.1);
  for (auto _ : state) benchmark::DoNotOptimize(rapporteur::Compare(a, b, {}));
  state.SetItemsProcessed(state.iterations() * clauses * 40);  // words
}
BENCHMARK(BM_CompareDocuments)->Arg(250)->Arg(2500)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
