// The recurrence engine against its all-pairs reference, on the real UPR
// data and on synthetic corpora resampled from it. One measurement per
// process, so that the peak memory (getrusage) is that run's:
//
//   recurrence_bench DATA_DIR SIZE fast|reference [THREADS]
//
// DATA_DIR is ../shared/data/upr-info. SIZE 0 means the real rows as they
// are (41,066); otherwise SIZE synthetic recommendations, each drawn from a
// real one: same state, a cycle from 1 to 4, and half of the time its text
// recombined with another recommendation to that state (the first half of
// one's words, the second half of the other's), so that the corpus grows
// with the near-duplicates a longer history would have, not just copies.
// Prints one line: size, mode, seconds (Find only), peak RSS in MB,
// clusters, pairs verified. bench/run_recurrence.sh runs the table.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "rapporteur/recurrence.h"
#include "rapporteur/states.h"
#include "src/record/upr_info.h"

namespace {

using rapporteur::RecurrenceItem;

std::vector<RecurrenceItem> RealItems(const std::string& dir) {
  std::vector<RecurrenceItem> items;
  auto states = rapporteur::StateCatalogue::LoadDefault();
  if (!states) return items;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    if (!name.starts_with("upr-info_sessions_") || name.find("voluntary") != std::string::npos)
      continue;
    auto records = rapporteur::record::ReadUprInfoRecords(path.string(), *states);
    if (!records) continue;
    for (const auto& r : *records) items.push_back(rapporteur::RecurrenceItemOf(r));
  }
  return items;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::vector<RecurrenceItem> Synthetic(const std::vector<RecurrenceItem>& real, std::size_t n) {
  std::map<std::string, std::vector<std::size_t>> by_state;
  for (std::size_t i = 0; i < real.size(); ++i) by_state[real[i].state].push_back(i);
  std::mt19937_64 rng(20240605);
  std::vector<RecurrenceItem> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    RecurrenceItem item = real[rng() % real.size()];
    item.id = static_cast<std::int64_t>(k);
    item.cycle = 1 + static_cast<int>(rng() % 4);
    if (rng() % 2) {
      const auto& same_state = by_state[item.state];
      const std::vector<std::string> a = SplitWords(item.text);
      const std::vector<std::string> b =
          SplitWords(real[same_state[rng() % same_state.size()]].text);
      std::string text;
      for (std::size_t i = 0; i < a.size() / 2; ++i) text += a[i] + " ";
      for (std::size_t i = b.size() / 2; i < b.size(); ++i) text += b[i] + " ";
      item.text = text;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s DATA_DIR SIZE fast|reference [THREADS]\n", argv[0]);
    return 2;
  }
  const std::size_t size = std::stoul(argv[2]);
  const bool reference = std::string(argv[3]) == "reference";
  rapporteur::RecurrenceOptions options;
  if (argc > 4) options.threads = std::stoi(argv[4]);
  std::vector<RecurrenceItem> items = RealItems(argv[1]);
  if (items.empty()) {
    std::fprintf(stderr, "no UPR Info rows under '%s'\n", argv[1]);
    return 2;
  }
  if (size > 0) items = Synthetic(items, size);
  auto finder = rapporteur::RecurrenceFinder::Create(options);
  if (!finder) {
    std::fprintf(stderr, "error: %s\n", finder.error().message().c_str());
    return 2;
  }
  rapporteur::RecurrenceStats stats;
  const auto start = std::chrono::steady_clock::now();
  auto clusters = reference ? finder->FindReference(items, &stats) : finder->Find(items, &stats);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%zu\t%s\t%.2f\t%.0f\t%zu\t%zu\n", items.size(), reference ? "reference" : "fast",
              seconds, usage.ru_maxrss / 1024.0, clusters->size(), stats.candidate_pairs);
  return 0;
}
