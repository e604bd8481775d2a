// Making a minimal word diff read as a person would mark it up.
//
// A minimal script happily keeps a common "the" or "of" between a long
// deletion and a long insertion; a reader sees confetti. The rule, from
// diff-match-patch's semantic cleanup: an equality no longer than the larger
// side of the change before it and no longer than the larger side of the
// change after it is folded into the change. Lengths are in bytes of text,
// so that one short word between two rewritten phrases goes, while a clause
// of kept words between two single-word edits stays.
//
// The script gets longer (that is the point); the benchmark reports both.
//
// Thread safety: pure function.
#ifndef RAPPORTEUR_SRC_COMPARE_CLEANUP_H_
#define RAPPORTEUR_SRC_COMPARE_CLEANUP_H_

#include <cstdint>
#include <span>
#include <vector>

#include "src/compare/myers.h"

namespace rapporteur::compare {

// `weights[i]` is the length in bytes of token i of the old sequence (equal
// runs are weighed on the old side).
std::vector<EditRun> CleanupSemantic(const std::vector<EditRun>& runs,
                                 std::span<const std::uint32_t> old_weights,
                                 std::span<const std::uint32_t> new_weights);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_CLEANUP_H_
