// Throughput of full-text search indexing on the real UPR recommendations
// (../shared/data/upr-info, 41,066 rows): the "rapporteur" tokenizer alone,
// and an FTS5 table filled through it, beside FTS5's own porter/unicode61
// tokenizer. Run: build/search_tokenizer_bench (RAPPORTEUR_SHARED_DATA
// names the shared data directory; default ../shared/data).
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "src/store/fts_tokenizer.h"
#include "src/text/utf8.h"

namespace {

std::vector<std::string> g_texts;
std::size_t g_bytes = 0;

// The fields of a CSV file (quotes doubled inside quoted fields; any line end).
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field)), field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field)), field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  return rows;
}

void LoadUprTexts() {
  const char* env = std::getenv("RAPPORTEUR_SHARED_DATA");
  const std::string dir =
      std::string(env ? env : RAPPORTEUR_SOURCE_DIR_BENCH "/../shared/data") + "/upr-info";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("upr-info_", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    rapporteur::Result<std::string> utf8 = rapporteur::text::DecodeToUtf8(bytes.str(), "macintosh");
    if (!utf8) continue;
    auto rows = ParseCsv(*utf8);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (rows[r].size() > 3) g_texts.push_back(rows[r][3]), g_bytes += rows[r][3].size();
    }
  }
}

int CountToken(void* ctx, int, const char*, int, int, int) {
  ++*static_cast<std::int64_t*>(ctx);
  return SQLITE_OK;
}

void BM_Tokenizer(benchmark::State& state) {
  auto tokenizer = rapporteur::store::SearchTokenizer::Create(
      &rapporteur::store::DefaultIrregularForms().value());
  std::int64_t tokens = 0;
  for (auto _ : state) {
    for (const std::string& t : g_texts)
      (*tokenizer)->Tokenize(t, FTS5_TOKENIZE_DOCUMENT, &tokens, CountToken);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenizer)->Unit(benchmark::kMillisecond);

// Fills an in-memory FTS5 table with every text in one transaction.
void FillFts(benchmark::State& state, const char* tokenize) {
  for (auto _ : state) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    if (!rapporteur::store::RegisterFtsTokenizer(db).ok()) state.SkipWithError("no tokenizer");
    const std::string create =
        std::string("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='") + tokenize + "')";
    sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t(text) VALUES(?1)", -1, &stmt, nullptr);
    for (const std::string& t : g_texts) {
      sqlite3_bind_text(stmt, 1, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
      sqlite3_step(stmt);
      sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * g_bytes));
  state.counters["rows/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * g_texts.size()), benchmark::Counter::kIsRate);
}
void BM_FtsRapporteur(benchmark::State& state) { FillFts(state, "rapporteur"); }
void BM_FtsPorterUnicode61(benchmark::State& state) {
  FillFts(state, "porter unicode61 remove_diacritics 2");
}
BENCHMARK(BM_FtsRapporteur)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FtsPorterUnicode61)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  LoadUprTexts();
  if (g_texts.empty()) {
    std::cerr << "no UPR texts found (set RAPPORTEUR_SHARED_DATA)\n";
    return 1;
  }
  std::cerr << "UPR texts: " << g_texts.size() << " rows, " << g_bytes << " bytes\n";
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
