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
// The script gets longer (that is the point), by at most `max_extra_edits`
// tokens: folds are made left to right while that budget lasts.
//
// The comparison promises edit scripts within 1.1 times a minimal one. It
// spends that tenth where confetti is worst: every clause may fold up to a
// tenth of its own minimal script; then, with what the document has left,
// whole clauses get their unbounded cleanup, the cheapest relative to their
// size first (ChooseFullCleanups). A long rewrite such as "the promotion
// and protection of human rights ..." -> "to promote better mutual
// understanding of human rights ..." reads as one replacement; a change of
// a few words beside a kept content word ("or shoplifting offense" ->
// "shoplifting, or assault ... offense") keeps the word when the document
// has no room for it.
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
                                     std::span<const std::uint32_t> new_weights,
                                     std::uint64_t max_extra_edits);

// Inserted plus deleted tokens.
std::uint64_t EditCount(const std::vector<EditRun>& runs);

// What a clause may fold on its own: a tenth of its minimal script.
std::uint64_t OwnCleanupBudget(std::uint64_t minimal_edits);

// A clause's minimal script length, and what its cleanup adds when bounded
// to a tenth of that (bounded_extra) and when not bounded (full_extra).
struct CleanupCost {
  std::uint64_t minimal = 0;
  std::uint64_t bounded_extra = 0;
  std::uint64_t full_extra = 0;
};

// Which clauses may have their full cleanup so that the whole script stays
// within 1.1 times the minimal one; `other_edits` are the document's edits
// outside these clauses (whole clauses inserted or deleted). Greedy, in
// order of full_extra / minimal, ties by position: deterministic.
std::vector<bool> ChooseFullCleanups(const std::vector<CleanupCost>& costs,
                                     std::uint64_t other_edits);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_CLEANUP_H_
