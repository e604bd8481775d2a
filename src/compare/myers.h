// Minimal edit scripts between two sequences of token ids.
//
// The algorithm is Myers' O(ND) difference algorithm in its linear-space
// form (E. Myers, "An O(ND) Difference Algorithm and Its Variations",
// Algorithmica 1986, section 4b): find the middle snake of an optimal path,
// recurse on both halves. It is minimal: the number of inserted plus deleted
// tokens is the smallest possible. Time is O((N+M)·D): fast when the
// sequences are similar, which is what clause-aligned versions are.
//
// The cost budget bounds the work on huge, very different inputs. When a
// middle-snake search exceeds it, the search stops at the furthest-reaching
// point found so far (the heuristic GNU diff and xdiff use), the result is no
// longer guaranteed minimal, and DiffScript::approximate says so.
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_COMPARE_MYERS_H_
#define RAPPORTEUR_SRC_COMPARE_MYERS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "rapporteur/compare.h"

namespace rapporteur::compare {

// A run of `count` tokens with the same operation.
struct EditRun {
  DiffOp op;
  std::uint32_t count;
};

struct DiffScript {
  std::vector<EditRun> runs;  // adjacent runs have different ops; deletes before inserts
  bool approximate = false;
};

// `max_cost` bounds the diagonals explored, summed over the whole diff.
DiffScript DiffTokens(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                      std::size_t max_cost);

// Number of inserted plus deleted tokens of a script.
std::size_t EditLength(const DiffScript& script);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_MYERS_H_
