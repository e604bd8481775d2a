// RecurrenceFinder: the engine's driver. Per state (in parallel, largest
// states first): ratification clusters by instrument, then the text
// clusters from verified pairs — LSH candidates in Find, every pair in
// FindReference — and the clusters' presentation (cycles, central member).
#include "rapporteur/recurrence.h"

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

#include "src/lens/catalogue.h"
#include "src/report/recurrence_cluster.h"
#include "src/report/recurrence_corpus.h"
#include "src/report/recurrence_lsh.h"
#include "src/report/recurrence_minhash.h"
#include "src/report/recurrence_normalize.h"
#include "src/report/recurrence_similarity.h"
#include "src/text/stemmer.h"

namespace rapporteur {

struct RecurrenceFinder::Impl {
  lens::Catalogue catalogue;
  std::unique_ptr<report::Normalizer> normalizer;
};

namespace {

using report::Corpus;

Status CheckOptions(const RecurrenceOptions& o) {
  if (o.hashes < 1 || o.bands < 1 || o.hashes % o.bands != 0) {
    return InvalidArgument("option 'bands': must divide 'hashes' (" + std::to_string(o.hashes) +
                           "), got " + std::to_string(o.bands));
  }
  if (o.shingle < 1) return InvalidArgument("option 'shingle': must be at least 1");
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    return InvalidArgument("option 'threshold': must be in (0, 1]");
  }
  if (!(o.merge_threshold >= 0 && o.merge_threshold <= o.threshold)) {
    return InvalidArgument("option 'merge_threshold': must be in [0, threshold]");
  }
  if (o.threads < 0) return InvalidArgument("option 'threads': must not be negative");
  return Status::Ok();
}

int ThreadsFor(const RecurrenceOptions& o) {
  if (o.threads > 0) return o.threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// The text-clustering input of one state: nodes (items with identical
// residual word sets folded into one when `fold`), their sets.
struct Nodes {
  std::vector<std::vector<std::uint32_t>> items;
  std::vector<std::vector<std::uint32_t>> sets;
};

Nodes MakeNodes(const Corpus& corpus, const std::vector<std::uint32_t>& members, bool fold) {
  Nodes nodes;
  std::map<std::vector<std::uint32_t>, std::size_t> seen;
  for (std::uint32_t i : members) {
    std::vector<std::uint32_t> set = report::WordSet(corpus, i);
    if (set.empty()) continue;
    if (fold) {
      auto [it, added] = seen.emplace(set, nodes.items.size());
      if (!added) {
        nodes.items[it->second].push_back(i);
        continue;
      }
    }
    nodes.items.push_back({i});
    nodes.sets.push_back(std::move(set));
  }
  return nodes;
}

struct PairFilter {
  const Corpus& corpus;
  std::span<const RecurrenceItem> items;
  const Nodes& nodes;
  const RecurrenceOptions& options;
  std::size_t verified = 0;

  // Appends the edge (a, b) when it passes the threshold.
  void Verify(std::uint32_t a, std::uint32_t b, std::vector<report::Edge>* edges) {
    if (!options.link_within_cycle &&
        items[nodes.items[a][0]].cycle == items[nodes.items[b][0]].cycle) {
      return;
    }
    ++verified;
    const double s = report::SetSimilarity(corpus, nodes.sets[a], nodes.sets[b]);
    if (s >= options.threshold) edges->push_back({s, a, b});
  }
};

std::vector<report::Edge> AllPairs(PairFilter* filter) {
  std::vector<report::Edge> edges;
  const auto n = static_cast<std::uint32_t>(filter->nodes.items.size());
  for (std::uint32_t a = 0; a < n; ++a) {
    for (std::uint32_t b = a + 1; b < n; ++b) filter->Verify(a, b, &edges);
  }
  return edges;
}

std::vector<report::Edge> LshPairs(PairFilter* filter) {
  const RecurrenceOptions& o = filter->options;
  const Nodes& nodes = filter->nodes;
  const report::MinHasher hasher(o.hashes, o.shingle);
  std::vector<std::uint32_t> signatures(nodes.items.size() * static_cast<std::size_t>(o.hashes));
  std::vector<bool> signed_rows(nodes.items.size());
  for (std::size_t k = 0; k < nodes.items.size(); ++k) {
    signed_rows[k] =
        hasher.Sign(filter->corpus, nodes.items[k][0], signatures.data() + k * o.hashes);
  }
  std::vector<report::Edge> edges;
  for (std::uint64_t pair : report::CandidatePairs(signatures, signed_rows, o.hashes, o.bands)) {
    filter->Verify(static_cast<std::uint32_t>(pair >> 32), static_cast<std::uint32_t>(pair),
                   &edges);
  }
  return edges;
}

// The member whose words are closest to the group's centroid.
std::size_t CentralMember(const Corpus& corpus, const std::vector<std::uint32_t>& members) {
  report::Centroid all;
  for (std::uint32_t i : members)
    all.Absorb(report::Centroid::Of(corpus, report::WordSet(corpus, i)));
  std::size_t best = members.front();
  double best_similarity = -1;
  for (std::uint32_t i : members) {
    const double s = report::CentroidSimilarity(
        corpus, report::Centroid::Of(corpus, report::WordSet(corpus, i)), all);
    if (s > best_similarity) best = i, best_similarity = s;
  }
  return best;
}

RecurrenceCluster MakeCluster(RecurrenceKind kind, const std::string& state,
                              std::vector<std::uint32_t> members,
                              std::span<const RecurrenceItem> items) {
  RecurrenceCluster c;
  c.kind = kind;
  c.state = state;
  std::stable_sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
    return items[a].cycle < items[b].cycle;
  });
  for (std::uint32_t i : members) {
    c.members.push_back(i);
    if (std::find(c.cycles.begin(), c.cycles.end(), items[i].cycle) == c.cycles.end()) {
      c.cycles.push_back(items[i].cycle);
    }
  }
  std::sort(c.cycles.begin(), c.cycles.end());
  return c;
}

}  // namespace

RecurrenceItem RecurrenceItemOf(const Record& record) {
  RecurrenceItem item;
  item.id = record.id;
  item.state = record.Text("state");
  item.text = record.Text("text");
  item.response = record.Text("response");
  const nlohmann::json& f = record.fields;
  if (f.contains("cycle") && f["cycle"].is_number_integer()) item.cycle = f["cycle"].get<int>();
  if (f.contains("recommending_states") && f["recommending_states"].is_array()) {
    for (const nlohmann::json& s : f["recommending_states"]) {
      if (s.is_string()) item.recommending_states.push_back(s.get<std::string>());
    }
  }
  return item;
}

Result<RecurrenceFinder> RecurrenceFinder::Create(const RecurrenceOptions& options) {
  RAPPORTEUR_RETURN_IF_ERROR(CheckOptions(options));
  auto impl = std::make_shared<Impl>();
  const std::string dir =
      options.data_dir.empty() ? std::string(RAPPORTEUR_DATA_DIR) : options.data_dir;
  RAPPORTEUR_RETURN_IF_ERROR(impl->catalogue.AddFile(dir + "/instruments.jsonl"));
  lens::Catalogue extra;
  RAPPORTEUR_RETURN_IF_ERROR(extra.AddFile(dir + "/recurrence_names.jsonl"));
  for (const std::string& file : options.catalogue_files) {
    RAPPORTEUR_RETURN_IF_ERROR(extra.AddFile(file));
  }
  // Normalizing stems words; say now if it cannot, not with worse clusters.
  if (Result<text::Stemmer> stemmer = text::Stemmer::English(); !stemmer) return stemmer.error();
  impl->normalizer = std::make_unique<report::Normalizer>(impl->catalogue, extra);
  return RecurrenceFinder(options, std::move(impl));
}

namespace {

struct StateRun {
  const Corpus& corpus;
  const report::Normalizer& normalizer;
  std::span<const RecurrenceItem> items;
  const RecurrenceOptions& options;
  bool reference;
};

void RatificationClusters(const StateRun& run, std::size_t state,
                          std::vector<RecurrenceCluster>* out) {
  std::map<std::uint16_t, std::vector<std::uint32_t>> by_instrument;
  for (std::uint32_t i : run.corpus.by_state[state]) {
    for (std::uint16_t id : run.corpus.Ratify(i)) by_instrument[id].push_back(i);
  }
  for (auto& [id, members] : by_instrument) {
    if (members.size() < 2) continue;
    // The label: the member asking for this instrument alone, shortest.
    const std::uint32_t central =
        *std::min_element(members.begin(), members.end(), [&](auto a, auto b) {
          return std::pair(run.corpus.Ratify(a).size(), run.items[a].text.size()) <
                 std::pair(run.corpus.Ratify(b).size(), run.items[b].text.size());
        });
    RecurrenceCluster c = MakeCluster(RecurrenceKind::kRatification, run.corpus.state_codes[state],
                                      std::move(members), run.items);
    c.central = central;
    c.instruments = {run.normalizer.InstrumentId(id)};
    out->push_back(std::move(c));
  }
}

std::vector<std::string> NamedByHalf(const StateRun& run,
                                     const std::vector<std::uint32_t>& members) {
  std::map<std::uint16_t, std::size_t> count;
  for (std::uint32_t i : members) {
    for (std::uint32_t w : report::WordSet(run.corpus, i)) {
      if (run.corpus.instrument[w] != report::kNotInstrument) ++count[run.corpus.instrument[w]];
    }
  }
  std::vector<std::string> ids;
  for (auto [id, n] : count) {
    if (2 * n >= members.size()) ids.push_back(run.normalizer.InstrumentId(id));
  }
  return ids;
}

void TextClusters(const StateRun& run, std::size_t state, std::vector<RecurrenceCluster>* out,
                  RecurrenceStats* stats) {
  // Identical sets fold into one node only where that cannot change the
  // result (see recurrence_cluster.h): in the fast path, when items of one
  // cycle may link.
  const bool fold = !run.reference && run.options.link_within_cycle;
  const Nodes nodes = MakeNodes(run.corpus, run.corpus.by_state[state], fold);
  PairFilter filter{run.corpus, run.items, nodes, run.options};
  std::vector<report::Edge> edges = run.reference ? AllPairs(&filter) : LshPairs(&filter);
  stats->candidate_pairs += filter.verified;
  stats->similar_pairs += edges.size();
  for (auto& members : report::ClusterNodes(run.corpus, nodes.items, nodes.sets, std::move(edges),
                                            run.options.merge_threshold)) {
    const std::size_t central = CentralMember(run.corpus, members);
    std::vector<std::string> instruments = NamedByHalf(run, members);
    RecurrenceCluster c = MakeCluster(RecurrenceKind::kText, run.corpus.state_codes[state],
                                      std::move(members), run.items);
    c.central = central;
    c.instruments = std::move(instruments);
    out->push_back(std::move(c));
  }
}

std::vector<RecurrenceCluster> FindAll(const RecurrenceFinder::Impl& impl,
                                       const RecurrenceOptions& options,
                                       std::span<const RecurrenceItem> items, bool reference,
                                       RecurrenceStats* stats) {
  const int threads = ThreadsFor(options);
  const Corpus corpus = report::BuildCorpus(*impl.normalizer, items, threads);
  StateRun run{corpus, *impl.normalizer, items, options, reference};
  // Largest states first, so that no thread is left alone with a big one.
  std::vector<std::size_t> order(corpus.by_state.size());
  for (std::size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return corpus.by_state[a].size() > corpus.by_state[b].size();
  });
  std::vector<std::vector<RecurrenceCluster>> per_state(order.size());
  std::vector<RecurrenceStats> per_state_stats(order.size());
  report::ParallelFor(order.size(), threads, [&](std::size_t k) {
    const std::size_t s = order[k];
    RatificationClusters(run, s, &per_state[s]);
    TextClusters(run, s, &per_state[s], &per_state_stats[s]);
  });
  std::vector<RecurrenceCluster> out;
  RecurrenceStats total;
  total.items = items.size();
  for (std::size_t s = 0; s < per_state.size(); ++s) {
    total.candidate_pairs += per_state_stats[s].candidate_pairs;
    total.similar_pairs += per_state_stats[s].similar_pairs;
    for (RecurrenceCluster& c : per_state[s]) {
      if (static_cast<int>(c.cycles.size()) >= options.min_cycles) out.push_back(std::move(c));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RecurrenceCluster& a, const RecurrenceCluster& b) {
                     return a.members.size() > b.members.size();
                   });
  if (stats) *stats = total;
  return out;
}

}  // namespace

Result<std::vector<RecurrenceCluster>> RecurrenceFinder::Find(std::span<const RecurrenceItem> items,
                                                              RecurrenceStats* stats) const {
  return FindAll(*impl_, options_, items, /*reference=*/false, stats);
}

Result<std::vector<RecurrenceCluster>> RecurrenceFinder::FindReference(
    std::span<const RecurrenceItem> items, RecurrenceStats* stats) const {
  return FindAll(*impl_, options_, items, /*reference=*/true, stats);
}

double RecurrenceFinder::Similarity(std::span<const RecurrenceItem> items, std::size_t a,
                                    std::size_t b) const {
  if (a >= items.size() || b >= items.size()) return 0;
  const Corpus corpus = report::BuildCorpus(*impl_->normalizer, items, ThreadsFor(options_));
  // Asked to ratify a common instrument: the same ratification cluster.
  for (std::uint16_t x : corpus.Ratify(a)) {
    for (std::uint16_t y : corpus.Ratify(b)) {
      if (x == y) return 1.0;
    }
  }
  const std::vector<std::uint32_t> sa = report::WordSet(corpus, a), sb = report::WordSet(corpus, b);
  return report::SetSimilarity(corpus, sa, sb);
}

}  // namespace rapporteur
