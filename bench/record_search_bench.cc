// Search latency of the record store: each query of bench/record/queries.json
// run many times through Store::Search (include/rapporteur/store.h) on an
// existing store, as `rapporteur search` runs it (a page of 20 results, the
// exact total, the facets), then again without facets. Prints p50/p90/p99
// per query and writes them as JSON for bench/record/report.py.
// bench/record/run.sh builds the stores and runs this; it is not a Google
// Benchmark (it wants percentiles over a fixed set of queries).
//
//   record_search_bench --db=STORE [--queries=FILE] [--seconds=2]
//                       [--min-runs=20] [--max-runs=1000] [--only=ID] [--json=OUT]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rapporteur/store.h"

namespace {

using Clock = std::chrono::steady_clock;
using rapporteur::SearchQuery;

std::string Flag(int argc, char** argv, const char* name, std::string fallback = "") {
  const std::string prefix = std::string("--") + name + "=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) return argv[i] + prefix.size();
  }
  return fallback;
}

struct Budget {
  double seconds = 2;
  int min_runs = 20;
  int max_runs = 1000;
};

struct Timing {
  std::int64_t total = 0;
  double first_ms = 0;          // the first run: statements not yet prepared, pages cold
  std::vector<double> runs_ms;  // the runs after it, wall clock, sorted
  std::vector<double> cpu_ms;   // the same runs, CPU time of the process, sorted
};

// CPU time of the process: on a machine shared with other work, wall-clock
// latency includes waiting for a core; CPU time does not.
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  std::size_t rank =
      static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size()) + 0.999999);
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

// Runs `query` once untimed-apart-from-first, then until the budget is spent.
rapporteur::Result<Timing> Measure(rapporteur::Store& store, const SearchQuery& query,
                                   const Budget& budget) {
  Timing timing;
  double cpu = 0;
  auto run = [&]() -> rapporteur::Result<double> {
    const double cpu_start = CpuMs();
    const Clock::time_point start = Clock::now();
    rapporteur::Result<rapporteur::SearchResult> result = store.Search(query);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    cpu = CpuMs() - cpu_start;
    if (!result) return result.error();
    timing.total = result->total;
    return ms;
  };
  rapporteur::Result<double> first = run();
  if (!first) return first.error();
  timing.first_ms = *first;
  const Clock::time_point deadline =
      Clock::now() +
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(budget.seconds));
  while (static_cast<int>(timing.runs_ms.size()) < budget.max_runs &&
         (static_cast<int>(timing.runs_ms.size()) < budget.min_runs || Clock::now() < deadline)) {
    rapporteur::Result<double> ms = run();
    if (!ms) return ms.error();
    timing.runs_ms.push_back(*ms);
    timing.cpu_ms.push_back(cpu);
  }
  std::sort(timing.runs_ms.begin(), timing.runs_ms.end());
  std::sort(timing.cpu_ms.begin(), timing.cpu_ms.end());
  return timing;
}

SearchQuery ToSearchQuery(const nlohmann::json& q) {
  SearchQuery query;
  query.text = q.at("text").get<std::string>();
  for (const auto& [field, values] : q.at("filters").items()) {
    query.filters[field] = values.get<std::vector<std::string>>();
  }
  query.limit = 20;
  return query;
}

nlohmann::json Summary(const Timing& t) {
  return {{"runs", t.runs_ms.size()},
          {"first_ms", t.first_ms},
          {"p50_ms", Percentile(t.runs_ms, 50)},
          {"p90_ms", Percentile(t.runs_ms, 90)},
          {"p99_ms", Percentile(t.runs_ms, 99)},
          {"max_ms", t.runs_ms.empty() ? 0 : t.runs_ms.back()},
          {"cpu_p50_ms", Percentile(t.cpu_ms, 50)},
          {"cpu_p99_ms", Percentile(t.cpu_ms, 99)}};
}

// One query with facets (as the CLI runs it) and without.
rapporteur::Result<nlohmann::json> RunQuery(rapporteur::Store& store, const nlohmann::json& q,
                                            const Budget& budget) {
  SearchQuery query = ToSearchQuery(q);
  rapporteur::Result<Timing> with_facets = Measure(store, query, budget);
  if (!with_facets) return with_facets.error();
  query.count_facets = false;
  rapporteur::Result<Timing> without = Measure(store, query, budget);
  if (!without) return without.error();
  nlohmann::json out = {{"id", q.at("id")},
                        {"total", with_facets->total},
                        {"facets", Summary(*with_facets)},
                        {"no_facets", Summary(*without)}};
  auto ms = [&](const char* variant, const char* what) { return out[variant][what].get<double>(); };
  std::cout << fmt::format(
                   "{:<30} total {:>8}  p50 {:>8.2f} ms  p99 {:>8.2f} ms  cpu p50 {:>8.2f} ms"
                   "  first {:>8.2f} ms  | no facets: p50 {:>8.2f} ms  p99 {:>8.2f} ms\n",
                   q.at("id").get<std::string>(), with_facets->total, ms("facets", "p50_ms"),
                   ms("facets", "p99_ms"), ms("facets", "cpu_p50_ms"), with_facets->first_ms,
                   ms("no_facets", "p50_ms"), ms("no_facets", "p99_ms"))
            << std::flush;
  return out;
}

int Fail(const std::string& message) {
  std::cerr << "record_search_bench: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string db = Flag(argc, argv, "db");
  if (db.empty()) return Fail("--db=STORE is required");
  const std::string queries_path =
      Flag(argc, argv, "queries", RAPPORTEUR_SOURCE_DIR_BENCH "/bench/record/queries.json");
  Budget budget;
  budget.seconds = std::stod(Flag(argc, argv, "seconds", "2"));
  budget.min_runs = std::stoi(Flag(argc, argv, "min-runs", "20"));
  budget.max_runs = std::stoi(Flag(argc, argv, "max-runs", "1000"));

  nlohmann::json queries;
  try {
    std::ifstream in(queries_path);
    if (!in) return Fail("cannot read '" + queries_path + "'");
    queries = nlohmann::json::parse(in).at("queries");
  } catch (const nlohmann::json::exception& e) {
    return Fail("'" + queries_path + "': " + e.what());
  }
  rapporteur::Result<std::unique_ptr<rapporteur::Store>> store =
      rapporteur::Store::Open({.location = db, .actor = "bench"});
  if (!store) return Fail(store.error().message());

  nlohmann::json results = nlohmann::json::array();
  const std::string only = Flag(argc, argv, "only");
  for (const nlohmann::json& q : queries) {
    if (!only.empty() && q.at("id") != only) continue;
    rapporteur::Result<nlohmann::json> result = RunQuery(**store, q, budget);
    if (!result) return Fail(q.at("id").get<std::string>() + ": " + result.error().message());
    results.push_back(*result);
  }
  if (const std::string out = Flag(argc, argv, "json"); !out.empty()) {
    std::ofstream(out) << nlohmann::json{{"db", db}, {"queries", results}}.dump(2) << "\n";
  }
  return 0;
}
