#include "src/report/recurrence_cluster.h"

#include <algorithm>
#include <numeric>

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
  for (const Edge& e : edges) {
    std::uint32_t ra = uf.Find(e.a), rb = uf.Find(e.b);
    if (ra == rb) continue;
    if (!InstrumentsCompatible(centroids[ra], centroids[rb])) continue;
    if (CentroidSimilarity(corpus, centroids[ra], centroids[rb]) < merge_threshold) continue;
    // The larger group absorbs the smaller: each word count moves O(log n) times.
    if (centroids[ra].members < centroids[rb].members) std::swap(ra, rb);
    centroids[ra].Absorb(std::move(centroids[rb]));
    centroids[rb] = Centroid();
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
