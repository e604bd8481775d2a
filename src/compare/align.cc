#include "src/compare/align.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

namespace rapporteur::compare {
namespace {

std::uint64_t HashSequence(const std::vector<std::uint32_t>& seq) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a over ids
  for (std::uint32_t id : seq) {
    h ^= id + 0x9E3779B97F4A7C15ull;
    h *= 1099511628211ull;
  }
  return h ^ seq.size();
}

struct Edge {
  double weight;
  std::size_t old_index, new_index;
  double distance;  // |relative position difference|, to break ties
};

class Aligner {
 public:
  Aligner(const std::vector<BlockBag>& olds, const std::vector<BlockBag>& news,
          const AlignOptions& options)
      : olds_(olds), news_(news), options_(options), weights_(IdfWeights(olds, news)) {
    result_.group_of_old.assign(olds.size(), -1);
    result_.group_of_new.assign(news.size(), -1);
  }

  Alignment Run() {
    PairIdentical();
    PairSimilar();
    AttachSplitsAndMerges();
    PairBareLabels();
    MarkMoves();
    return std::move(result_);
  }

 private:
  void Pair(std::size_t o, std::size_t n) {
    result_.group_of_old[o] = result_.group_of_new[n] = static_cast<int>(result_.groups.size());
    result_.groups.push_back({GroupKind::kOneToOne, {o}, {n}, false});
  }

  // Pass 1: identical word sequences. Texts that occur once in each
  // version pair first and anchor the rest (the idea of patience diff);
  // repeated ones ("Definitions", "(Repealed)", a stock heading) then pair
  // with the nearest twin inside the same gap between anchors, so that a
  // heading is not matched to its namesake three hundred articles away.
  void PairIdentical() {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> old_by_hash, new_by_hash;
    for (std::size_t o = 0; o < olds_.size(); ++o) {
      if (!olds_[o].label_only) old_by_hash[HashSequence(olds_[o].sequence)].push_back(o);
    }
    for (std::size_t n = 0; n < news_.size(); ++n) {
      if (!news_[n].label_only) new_by_hash[HashSequence(news_[n].sequence)].push_back(n);
    }
    for (const auto& [hash, news] : new_by_hash) {
      auto it = old_by_hash.find(hash);
      if (it == old_by_hash.end() || it->second.size() != 1 || news.size() != 1) continue;
      if (olds_[it->second[0]].sequence == news_[news[0]].sequence) Pair(it->second[0], news[0]);
    }
    PairRepeatedTwins(old_by_hash, /*within_gap=*/true);
    PairRepeatedTwins(old_by_hash, /*within_gap=*/false);
  }

  void PairRepeatedTwins(
      const std::unordered_map<std::uint64_t, std::vector<std::size_t>>& old_by_hash,
      bool within_gap) {
    if (within_gap) ComputeGaps();
    for (std::size_t n = 0; n < news_.size(); ++n) {
      if (news_[n].label_only || result_.group_of_new[n] >= 0) continue;
      auto it = old_by_hash.find(HashSequence(news_[n].sequence));
      if (it == old_by_hash.end()) continue;
      for (std::size_t o : it->second) {  // ascending: the first free twin in order
        if (result_.group_of_old[o] >= 0 || olds_[o].sequence != news_[n].sequence) continue;
        if (within_gap && !InGap(o, n)) continue;
        Pair(o, n);
        break;
      }
    }
  }

  // Pass 2: similar blocks, best pairs first.
  void PairSimilar() {
    std::vector<Edge> edges = CandidateEdges();
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      if (a.distance != b.distance) return a.distance < b.distance;
      return a.new_index < b.new_index;
    });
    for (const Edge& e : edges) {
      if (result_.group_of_old[e.old_index] >= 0 || result_.group_of_new[e.new_index] >= 0)
        continue;
      Pair(e.old_index, e.new_index);
    }
  }

  std::vector<Edge> CandidateEdges() {
    BuildRareWordIndex();
    ComputeGaps();
    std::vector<Edge> edges;
    std::vector<std::size_t> candidates;
    for (std::size_t n = 0; n < news_.size(); ++n) {
      if (result_.group_of_new[n] >= 0 || news_[n].label_only) continue;
      candidates.clear();
      IndexCandidates(n, &candidates);
      const std::size_t index_count = candidates.size();
      GapCandidates(n, &candidates);
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        const std::size_t o = candidates[c];
        if (olds_[o].label_only) continue;
        const double sim = Dice(olds_[o].sorted, news_[n].sorted, &weights_);
        const bool in_gap = c >= index_count || InGap(o, n);
        // A clause rewritten in place keeps its number: "2." between the
        // same neighbours, sharing a few words, is the same clause.
        const bool same_label = !olds_[o].label.empty() && olds_[o].label == news_[n].label;
        if (sim >= options_.match_threshold || (in_gap && sim >= options_.gap_threshold) ||
            (in_gap && same_label && sim >= options_.same_label_threshold)) {
          edges.push_back({sim, o, n, Distance(o, n)});
        }
      }
    }
    return edges;
  }

  double Distance(std::size_t o, std::size_t n) const {
    const double ro = olds_.empty() ? 0 : static_cast<double>(o) / olds_.size();
    const double rn = news_.empty() ? 0 : static_cast<double>(n) / news_.size();
    return std::fabs(ro - rn);
  }

  // Words in at most this many old blocks are "rare": they identify a
  // clause. Common words ("the", "shall") would make every block a
  // candidate of every other and the pass quadratic.
  std::size_t RareLimit() const {
    return std::max<std::size_t>(8, static_cast<std::size_t>(std::sqrt(olds_.size())));
  }

  void BuildRareWordIndex() {
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> postings;
    for (std::size_t o = 0; o < olds_.size(); ++o) {
      if (result_.group_of_old[o] >= 0) continue;
      const auto& s = olds_[o].sorted;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && s[i] == s[i - 1]) continue;
        postings[s[i]].push_back(static_cast<std::uint32_t>(o));
      }
    }
    const std::size_t limit = RareLimit();
    for (auto& [word, list] : postings) {
      if (list.size() <= limit) index_.emplace(word, std::move(list));
    }
  }

  // The old blocks sharing the most rare words with new block n.
  // Counts live in a dense array reused across calls (one per old block),
  // reset through the list of blocks touched: no allocation per new block.
  void IndexCandidates(std::size_t n, std::vector<std::size_t>* out) {
    constexpr std::size_t kMaxCandidates = 8;
    shared_.resize(olds_.size(), 0);
    touched_.clear();
    const auto& s = news_[n].sorted;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && s[i] == s[i - 1]) continue;
      auto it = index_.find(s[i]);
      if (it == index_.end()) continue;
      for (std::uint32_t o : it->second) {
        if (shared_[o]++ == 0) touched_.push_back(o);
      }
    }
    const std::size_t keep = std::min(kMaxCandidates, touched_.size());
    std::partial_sort(touched_.begin(), touched_.begin() + static_cast<std::ptrdiff_t>(keep),
                      touched_.end(), [this](std::uint32_t a, std::uint32_t b) {
                        return shared_[a] != shared_[b] ? shared_[a] > shared_[b] : a < b;
                      });
    for (std::size_t i = 0; i < keep; ++i) out->push_back(touched_[i]);
    for (std::uint32_t o : touched_) shared_[o] = 0;
  }

  // For each new block, the old range between the partners of its nearest
  // paired neighbours (the "gap" it sits in).
  void ComputeGaps() {
    gap_lo_.assign(news_.size(), 0);
    gap_hi_.assign(news_.size(), olds_.size());
    std::size_t lo = 0;
    for (std::size_t n = 0; n < news_.size(); ++n) {
      const int g = result_.group_of_new[n];
      if (g >= 0) lo = result_.groups[g].olds.back() + 1;
      gap_lo_[n] = lo;
    }
    std::size_t hi = olds_.size();
    for (std::size_t n = news_.size(); n-- > 0;) {
      const int g = result_.group_of_new[n];
      if (g >= 0) hi = result_.groups[g].olds.front();
      gap_hi_[n] = hi;
    }
  }

  bool InGap(std::size_t o, std::size_t n) const { return o >= gap_lo_[n] && o < gap_hi_[n]; }

  void GapCandidates(std::size_t n, std::vector<std::size_t>* out) {
    constexpr std::size_t kMaxGap = 12;
    if (gap_lo_[n] >= gap_hi_[n]) return;
    std::size_t added = 0;
    for (std::size_t o = gap_lo_[n]; o < gap_hi_[n] && added < kMaxGap; ++o) {
      if (result_.group_of_old[o] >= 0) continue;
      if (std::find(out->begin(), out->end(), o) != out->end()) continue;
      out->push_back(o);
      ++added;
    }
  }

  // Pass 3: splits and merges.
  void AttachSplitsAndMerges() {
    for (std::size_t n = 0; n < news_.size(); ++n) {
      if (result_.group_of_new[n] < 0) TryAttach(n, /*split=*/true);
    }
    for (std::size_t o = 0; o < olds_.size(); ++o) {
      if (result_.group_of_old[o] < 0) TryAttach(o, /*split=*/false);
    }
  }

  // For a split, `index` is an unpaired new block that may be part of the
  // old block paired with its neighbour; for a merge, the roles swap.
  void TryAttach(std::size_t index, bool split) {
    const auto& mine = split ? news_ : olds_;
    const auto& other = split ? olds_ : news_;
    auto& my_groups = split ? result_.group_of_new : result_.group_of_old;
    if (mine[index].sorted.empty() || mine[index].label_only) return;
    for (int step : {-1, +1}) {
      const long neighbour = static_cast<long>(index) + step;
      if (neighbour < 0 || neighbour >= static_cast<long>(mine.size())) continue;
      const int g = my_groups[static_cast<std::size_t>(neighbour)];
      if (g < 0) continue;
      AlignedGroup& group = result_.groups[g];
      auto& partners = split ? group.olds : group.news;
      auto& parts = split ? group.news : group.olds;
      if (partners.size() != 1) continue;  // already the other kind of group
      // The candidate must be made of the words of the whole that the parts
      // found so far do not account for: a new clause that merely reuses
      // common phrasing of its neighbour is not a part of it.
      const auto& whole = other[partners[0]].sorted;
      std::vector<std::uint32_t> current = JoinedSorted(mine, parts, SIZE_MAX);
      std::vector<std::uint32_t> residual;
      std::set_difference(whole.begin(), whole.end(), current.begin(), current.end(),
                          std::back_inserter(residual));
      if (Containment(mine[index].sorted, residual, &weights_) < options_.containment) continue;
      std::vector<std::uint32_t> joined = JoinedSorted(mine, parts, index);
      if (Dice(joined, whole, &weights_) <= Dice(current, whole, &weights_)) continue;
      parts.push_back(index);
      std::sort(parts.begin(), parts.end());
      group.kind = split ? GroupKind::kSplit : GroupKind::kMerge;
      my_groups[index] = g;
      return;
    }
  }

  static std::vector<std::uint32_t> JoinedSorted(const std::vector<BlockBag>& bags,
                                                 const std::vector<std::size_t>& parts,
                                                 std::size_t extra) {
    std::vector<std::uint32_t> out;
    for (std::size_t p : parts) out.insert(out.end(), bags[p].sorted.begin(), bags[p].sorted.end());
    if (extra != SIZE_MAX)
      out.insert(out.end(), bags[extra].sorted.begin(), bags[extra].sorted.end());
    std::sort(out.begin(), out.end());
    return out;
  }

  // Pass 4: bare labels follow the blocks they introduce.
  void PairBareLabels() {
    for (std::size_t n = 0; n + 1 < news_.size(); ++n) {
      if (!news_[n].label_only || result_.group_of_new[n] >= 0) continue;
      const int g = result_.group_of_new[n + 1];
      if (g < 0) continue;
      const std::size_t first_old = result_.groups[g].olds.front();
      if (first_old == 0) continue;
      const std::size_t o = first_old - 1;
      if (olds_[o].label_only && result_.group_of_old[o] < 0) Pair(o, n);
    }
  }

  // Pass 5: the heaviest increasing subsequence of old positions, in new
  // order, stays; every other group moved. O(G log G) with a Fenwick tree
  // of prefix maxima over old positions.
  void MarkMoves() {
    std::vector<std::size_t> order(result_.groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return result_.groups[a].news.front() < result_.groups[b].news.front();
    });
    const std::size_t m = olds_.size();
    std::vector<std::pair<double, long>> tree(m + 1, {0.0, -1});  // (best weight, group)
    std::vector<long> prev(result_.groups.size(), -1);
    std::vector<double> best(result_.groups.size(), 0.0);
    for (std::size_t gi : order) {
      const AlignedGroup& g = result_.groups[gi];
      std::pair<double, long> q{0.0, -1};
      for (std::size_t i = g.olds.front(); i > 0; i -= i & (~i + 1)) q = std::max(q, tree[i]);
      best[gi] = q.first + Weight(g);
      prev[gi] = q.second;
      for (std::size_t i = g.olds.front() + 1; i <= m; i += i & (~i + 1)) {
        tree[i] = std::max(tree[i], {best[gi], static_cast<long>(gi)});
      }
    }
    for (AlignedGroup& g : result_.groups) g.moved = true;
    long at = -1;
    for (std::size_t gi = 0; gi < best.size(); ++gi) {
      if (at < 0 || best[gi] > best[static_cast<std::size_t>(at)]) at = static_cast<long>(gi);
    }
    for (; at >= 0; at = prev[static_cast<std::size_t>(at)]) {
      result_.groups[static_cast<std::size_t>(at)].moved = false;
    }
  }

  double Weight(const AlignedGroup& g) const {
    std::size_t words = 0;
    for (std::size_t o : g.olds) words += olds_[o].sorted.size();
    return 1.0 + static_cast<double>(words);  // 1+: empty headings still count
  }

  const std::vector<BlockBag>& olds_;
  const std::vector<BlockBag>& news_;
  const AlignOptions& options_;
  const WordWeights weights_;
  Alignment result_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> index_;
  std::vector<std::size_t> gap_lo_, gap_hi_;
  std::vector<std::uint32_t> shared_, touched_;  // scratch of IndexCandidates
};

}  // namespace

namespace {

double WeightOf(std::uint32_t id, const WordWeights* w) {
  return w == nullptr || id >= w->size() ? 1.0 : (*w)[id];
}

double TotalWeight(const std::vector<std::uint32_t>& a, const WordWeights* w) {
  double total = 0;
  for (std::uint32_t id : a) total += WeightOf(id, w);
  return total;
}

// Weight of the multiset intersection of two sorted id lists.
double CommonWeight(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                    const WordWeights* w) {
  std::size_t i = 0, j = 0;
  double common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      common += WeightOf(a[i], w);
      ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

}  // namespace

double Dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
            const WordWeights* weights) {
  if (a.empty() && b.empty()) return 1.0;
  const double total = TotalWeight(a, weights) + TotalWeight(b, weights);
  return total <= 0 ? 0.0 : 2.0 * CommonWeight(a, b, weights) / total;
}

double Containment(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                   const WordWeights* weights) {
  const double total = TotalWeight(a, weights);
  return total <= 0 ? 0.0 : CommonWeight(a, b, weights) / total;
}

WordWeights IdfWeights(const std::vector<BlockBag>& olds, const std::vector<BlockBag>& news) {
  std::vector<std::uint32_t> df;
  auto count = [&df](const std::vector<BlockBag>& bags) {
    for (const BlockBag& bag : bags) {
      for (std::size_t i = 0; i < bag.sorted.size(); ++i) {
        if (i > 0 && bag.sorted[i] == bag.sorted[i - 1]) continue;
        if (bag.sorted[i] >= df.size()) df.resize(bag.sorted[i] + 1, 0);
        ++df[bag.sorted[i]];
      }
    }
  };
  count(olds);
  count(news);
  const double blocks = static_cast<double>(olds.size() + news.size());
  WordWeights weights(df.size(), 1.0);
  for (std::size_t id = 0; id < df.size(); ++id) {
    if (df[id] > 0) weights[id] = std::log(1.0 + blocks / df[id]);
  }
  return weights;
}

Alignment AlignBlocks(const std::vector<BlockBag>& olds, const std::vector<BlockBag>& news,
                      const AlignOptions& options) {
  return Aligner(olds, news, options).Run();
}

}  // namespace rapporteur::compare
