// Clause alignment: which block of the old version became which block of
// the new one, by content rather than by label.
//
// The passes, each justified by what careful readers of redrafted texts
// expect:
//  1. Identical blocks are paired first, k-th occurrence to k-th occurrence:
//     cheap, certain, and they anchor everything else.
//  2. Edited blocks are paired by word similarity (Dice over the multiset of
//     case-folded words, weighted by rarity). Candidates come from an inverted index of the
//     rarer words, so the pass is near-linear instead of all-pairs; blocks
//     lying in the same gap between anchors are also candidates, at a lower
//     threshold, because position is evidence too (a clause rewritten in
//     place is "modified", not "deleted and inserted").
//  3. An unpaired block whose words are mostly contained in a neighbour's
//     partner is a part of a split (old -> several new) or a merge.
//  4. A bare label goes with the block it introduces: old and new bare
//     labels are paired when the blocks right after them are.
//  5. Among paired blocks, the heaviest increasing subsequence of old
//     positions (weighted by words) stays put; the rest moved. Weighting
//     makes a short clause moved across a long text the mover, not the text.
//
// Thread safety: pure function.
#ifndef RAPPORTEUR_SRC_COMPARE_ALIGN_H_
#define RAPPORTEUR_SRC_COMPARE_ALIGN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace rapporteur::compare {

// What alignment needs of a block.
struct BlockBag {
  std::vector<std::uint32_t> sequence;  // case-folded word ids in order
  std::vector<std::uint32_t> sorted;    // the same, sorted (a multiset)
  // A bare label ("Article 5", "第五章") says nothing about content: it is
  // paired through the block it introduces, never by its own words.
  bool label_only = false;
  std::string label;  // the printed label, as weak evidence within a gap
};

enum class GroupKind { kOneToOne, kSplit, kMerge };

struct AlignedGroup {
  GroupKind kind = GroupKind::kOneToOne;
  std::vector<std::size_t> olds;  // ascending
  std::vector<std::size_t> news;  // ascending
  bool moved = false;
};

struct Alignment {
  std::vector<AlignedGroup> groups;
  std::vector<int> group_of_old;  // -1: deleted
  std::vector<int> group_of_new;  // -1: inserted
};

struct AlignOptions {
  double match_threshold = 0.5;       // similarity to pair blocks anywhere
  double gap_threshold = 0.3;         // similarity to pair blocks in the same gap
  double same_label_threshold = 0.1;  // ... and bearing the same label
  double containment = 0.6;           // share of a part's words found in the whole
};

Alignment AlignBlocks(const std::vector<BlockBag>& olds, const std::vector<BlockBag>& news,
                      const AlignOptions& options);

// Weight of each word id; an id beyond the end weighs 1.
using WordWeights = std::vector<double>;

// Inverse document frequency over the blocks of both versions,
// log(1 + blocks / blocks containing the word): "the" and "shall" weigh
// little, so two clauses do not look alike merely for sharing them.
WordWeights IdfWeights(const std::vector<BlockBag>& olds, const std::vector<BlockBag>& news);

// 2·w(A∩B) / (w(A)+w(B)) over sorted multisets; 1 when both are empty.
// Without weights, every word weighs 1.
double Dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
            const WordWeights* weights = nullptr);

// w(A∩B) / w(A) over sorted multisets: how much of A is found in B.
double Containment(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                   const WordWeights* weights = nullptr);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_ALIGN_H_
