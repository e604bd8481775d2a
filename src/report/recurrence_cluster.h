// Clustering the verified pairs of one state into groups of one ask.
//
// Union-find over the pairs in descending order of similarity (Kruskal's
// order, so that the closest pairs decide first), with a guard against
// chaining: single-link clustering would join "Ratify the ICCPR and
// ICESCR" ~ "Ratify ICCPR and its second Optional Protocol" ~ "Abolish the
// death penalty" into one group. Two groups merge only when the centroid
// similarity (recurrence_similarity.h) of the two is at least
// `merge_threshold` and they have an instrument in common (when both name
// one): in effect average-link, at union-find's cost. A centroid alone
// still lets generic asks chain ("continue its efforts to promote human
// rights in <field>": a centroid of generic words every such ask shares),
// so a merge must also be backed by the members: at least 30% of the item
// pairs across the two groups' cores (their first 16 nodes in merge order)
// similar at `merge_threshold` (recurrence_cluster.cc explains the numbers).
//
// Nodes are groups of items with identical word sets (the fast path folds
// duplicates; the reference passes one item per node). The result is the
// same either way: identical items are similarity 1 to each other, so the
// reference merges them first, and their later edges tie in the same order
// when a node's representative is its smallest item index.
//
// Thread safety: pure function.
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_CLUSTER_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_CLUSTER_H_

#include <cstdint>
#include <vector>

#include "src/report/recurrence_corpus.h"

namespace rapporteur::report {

struct Edge {
  double similarity;
  std::uint32_t a, b;  // node indices
};

// `nodes[k]` lists the items of node k, smallest first (its representative);
// `sets[k]` is their common word set. Returns the groups of two or more
// items, each listing items in ascending order.
std::vector<std::vector<std::uint32_t>> ClusterNodes(
    const Corpus& corpus, const std::vector<std::vector<std::uint32_t>>& nodes,
    const std::vector<std::vector<std::uint32_t>>& sets, std::vector<Edge> edges,
    double merge_threshold);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_CLUSTER_H_
