#include "src/report/recurrence_cluster.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <set>
#include <span>

#include "src/report/recurrence_similarity.h"

namespace rapporteur::report {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t Find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Link(std::uint32_t child, std::uint32_t root) { parent_[child] = root; }

 private:
  std::vector<std::uint32_t> parent_;
};

// The cohesion guard against generic asks chaining into one cluster. The
// centroid guard alone lets a group of 100 "continue its efforts to promote
// human rights in <field>" asks keep growing: its centroid is the mass of
// the generic words every new generic ask shares, whatever field it names
// (CN: one cluster of 107 members from 75 states, poverty, health,
// education and development chained together). So a merge must also be
// backed by the members themselves: at least kMinLinkedShare of the item
// pairs across the two groups must be similar at merge_threshold.
//   0.3: tuned on the labelled pairs' tune half together with the largest
//   clusters of CN, IR, CU, RU, SA, EG, KP and VN. 0.5 cuts the largest
//   clusters further but costs recall (0.84 on all pairs, below the 0.85
//   floor: a real recurrence restated with a new clause links to fewer
//   than half of a big group); 0.3 keeps recall at 0.856 and still splits
//   every chained generic cluster (README numbers in tests/report/).
constexpr double kMinLinkedShare = 0.3;
// Only the first kCore nodes of each group take part: a group's nodes are
// listed in merge order, so these are its core, the pairs that were most
// similar and founded it (its medoid and neighbours, in effect), 16 items
// counted. It bounds a check to 16 x 16 similarities (the guard adds about a tenth to Find
// on the 41,066 real rows); 8 let more chaining through (CN's largest 44 instead of 27).
constexpr std::size_t kCore = 16;

// Whether at least kMinLinkedShare of the item pairs across the cores of
// groups a and b (nodes weighted by their number of items) are similar at
// `link_threshold`. Stops as soon as the answer is known.
class CohesionGuard {
 public:
  CohesionGuard(const Corpus& corpus, const std::vector<std::vector<std::uint32_t>>& nodes,
                const std::vector<std::vector<std::uint32_t>>& sets, double link_threshold)
      : corpus_(corpus), nodes_(nodes), sets_(sets), link_threshold_(link_threshold) {}

  bool Cohesive(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) const {
    const std::vector<double> wa = CoreWeights(a), wb = CoreWeights(b);
    double total = 0;
    for (double x : wa) total += x;
    total *= std::accumulate(wb.begin(), wb.end(), 0.0);
    const double need = kMinLinkedShare * total;
    double linked = 0, unlinked = 0;
    for (std::size_t i = 0; i < wa.size(); ++i) {
      for (std::size_t j = 0; j < wb.size(); ++j) {
        const double weight = wa[i] * wb[j];
        if (SetSimilarity(corpus_, sets_[a[i]], sets_[b[j]]) >= link_threshold_) {
          if ((linked += weight) >= need) return true;
        } else if ((unlinked += weight) > total - need) {
          return false;
        }
      }
    }
    return linked >= need;
  }

 private:
  // The items of the core per leading node: kCore items counted, not
  // nodes, so that the fast path (duplicates folded into one node) and the
  // reference (one node per item) see the same core.
  std::vector<double> CoreWeights(std::span<const std::uint32_t> group) const {
    std::vector<double> weights;
    std::size_t left = kCore;
    for (std::size_t k = 0; k < group.size() && left > 0; ++k) {
      const std::size_t take = std::min(left, nodes_[group[k]].size());
      weights.push_back(static_cast<double>(take));
      left -= take;
    }
    return weights;
  }

  const Corpus& corpus_;
  const std::vector<std::vector<std::uint32_t>>& nodes_;
  const std::vector<std::vector<std::uint32_t>>& sets_;
  double link_threshold_;
};

}  // namespace

std::vector<std::vector<std::uint32_t>> ClusterNodes(
    const Corpus& corpus, const std::vector<std::vector<std::uint32_t>>& nodes,
    const std::vector<std::vector<std::uint32_t>>& sets, std::vector<Edge> edges,
    double merge_threshold) {
  const std::size_t n = nodes.size();
  std::vector<Centroid> centroids;
  centroids.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    centroids.push_back(Centroid::Of(corpus, sets[k]));
    centroids.back().members = static_cast<std::uint32_t>(nodes[k].size());
    for (auto& c : centroids.back().counts) c.second = centroids.back().members;
  }
  // Most similar first; ties by the representatives' item indices, which
  // the reference and the fast path share.
  std::sort(edges.begin(), edges.end(), [&](const Edge& x, const Edge& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    const auto kx = std::minmax(nodes[x.a][0], nodes[x.b][0]);
    const auto ky = std::minmax(nodes[y.a][0], nodes[y.b][0]);
    return kx < ky;
  });
  UnionFind uf(n);
  std::vector<std::vector<std::uint32_t>> group_nodes(n);
  for (std::uint32_t k = 0; k < n; ++k) group_nodes[k] = {k};
  const CohesionGuard guard(corpus, nodes, sets, merge_threshold);
  // Merges the guard refused, by (root, size, root, size): the same two
  // groups meet again through each of their other edges.
  std::set<std::array<std::uint32_t, 4>> refused;
  for (const Edge& e : edges) {
    std::uint32_t ra = uf.Find(e.a), rb = uf.Find(e.b);
    if (ra == rb) continue;
    if (ra > rb) std::swap(ra, rb);
    if (!InstrumentsCompatible(centroids[ra], centroids[rb])) continue;
    if (CentroidSimilarity(corpus, centroids[ra], centroids[rb]) < merge_threshold) continue;
    const std::array<std::uint32_t, 4> key{ra, centroids[ra].members, rb, centroids[rb].members};
    if (refused.count(key)) continue;
    if (!guard.Cohesive(group_nodes[ra], group_nodes[rb])) {
      refused.insert(key);
      continue;
    }
    // The larger group absorbs the smaller: each word count moves O(log n) times.
    if (centroids[ra].members < centroids[rb].members) std::swap(ra, rb);
    centroids[ra].Absorb(std::move(centroids[rb]));
    centroids[rb] = Centroid();
    group_nodes[ra].insert(group_nodes[ra].end(), group_nodes[rb].begin(), group_nodes[rb].end());
    std::vector<std::uint32_t>().swap(group_nodes[rb]);
    uf.Link(rb, ra);
  }
  std::vector<std::vector<std::uint32_t>> groups(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    auto& g = groups[uf.Find(k)];
    g.insert(g.end(), nodes[k].begin(), nodes[k].end());
  }
  std::vector<std::vector<std::uint32_t>> out;
  for (auto& g : groups) {
    if (g.size() < 2) continue;
    std::sort(g.begin(), g.end());
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace rapporteur::report
