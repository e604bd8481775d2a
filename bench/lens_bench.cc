// Speed of reference matching: scanning text for every name, abbreviation
// and alias of the instrument catalogue and every lexicon phrase at once
// (Aho-Corasick, src/lens/phrase_matcher.h). bench/run_lens.sh runs this
// and `grep -F -i -f` with the same phrase list on the same text, and
// reports the ratio.
//
//   lens_bench --text=FILE [--dump-phrases=FILE] [benchmark flags]
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "rapporteur/findings.h"
#include "src/lens/catalogue.h"
#include "src/lens/lexicon.h"
#include "src/lens/scanner.h"

namespace {

std::string g_text;
std::unique_ptr<rapporteur::lens::Scanner> g_scanner;

void BM_ScanAllPhrases(benchmark::State& state) {
  std::size_t matches = 0;
  for (auto _ : state) matches = g_scanner->CountMatches(g_text);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_text.size()));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_ScanAllPhrases)->Unit(benchmark::kMillisecond)->MinTime(1.0);

std::string Flag(int argc, char** argv, const char* name) {
  const std::string prefix = std::string("--") + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) return argv[i] + prefix.size();
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  rapporteur::lens::Catalogue catalogue;
  rapporteur::lens::Lexicons lexicons;
  const std::string data = RAPPORTEUR_DATA_DIR;
  if (!catalogue.AddFile(data + "/instruments.jsonl").ok()) return 2;
  for (const char* name : {"hedges", "modality", "monitoring", "objectives", "references",
                           "restrictions", "standards"}) {
    if (!lexicons.AddFile(data + "/lexicons/" + name + ".tsv").ok()) return 2;
  }
  g_scanner = std::make_unique<rapporteur::lens::Scanner>(catalogue, lexicons);
  if (std::string dump = Flag(argc, argv, "dump-phrases"); !dump.empty()) {
    std::ofstream out(dump);
    for (const std::string& p : g_scanner->Phrases()) out << p << "\n";
  }
  const std::string text_path = Flag(argc, argv, "text");
  std::ifstream in(text_path.empty()
                       ? std::string(RAPPORTEUR_SOURCE_DIR_BENCH "/examples/mou-draft-2000-03.md")
                       : text_path,
                   std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  g_text = buffer.str();
  std::cerr << "phrases: " << g_scanner->Phrases().size() << ", text: " << g_text.size()
            << " bytes\n";
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
