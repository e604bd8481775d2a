// rapporteur: comparing versions of a document clause by clause.
//
//   rapporteur::CompareOptions options;
//   rapporteur::Comparison c = rapporteur::Compare(old_doc, new_doc, options);
//   for (const rapporteur::ClauseChange& change : c.clauses) ...
//
// Compare aligns the blocks of two versions by content, not by label, so that
// renumbered, moved, split and merged clauses are recognised, and diffs each
// aligned pair word by word (ICU word breaking: Chinese and Japanese are
// compared by word). Every clause of the newer version appears once in
// `clauses`, in its order; deleted clauses of the older version appear where
// they stood. A clause moved elsewhere additionally leaves a `moved_away`
// marker at its old place, for renderers that show both ends of a move.
//
// The word diff is minimal (Myers) unless a clause pair is so large and so
// different that the search exceeds CompareOptions::max_diff_cost; then the
// diff is approximate, and the change and the Comparison say so.
//
// Thread safety: Compare is a pure function of its arguments.
#ifndef RAPPORTEUR_COMPARE_H_
#define RAPPORTEUR_COMPARE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rapporteur/document.h"
#include "rapporteur/finding.h"

namespace rapporteur {

enum class ClauseStatus {
  kUnchanged,
  kModified,
  kMoved,  // out of order relative to its neighbours; `modified` tells if edited
  kInserted,
  kDeleted,
  kSplit,   // one old clause became several new ones (one change per part)
  kMerged,  // several old clauses became one new one
};

// "unchanged", "modified", "moved", "inserted", "deleted", "split", "merged".
std::string_view ClauseStatusName(ClauseStatus status);

// What kind of difference a pair of texts has, from the most superficial.
enum class ChangeKind {
  kNone,         // identical
  kWhitespace,   // only whitespace differs
  kCase,         // only letter case (and whitespace) differs
  kPunctuation,  // only punctuation (and case, whitespace) differs
  kText,         // words differ
};

std::string_view ChangeKindName(ChangeKind kind);

enum class DiffOp { kEqual, kInsert, kDelete };
std::string_view DiffOpName(DiffOp op);

// One run of the word-level redline. Concatenating the kEqual and kDelete
// runs gives the old text; kEqual and kInsert give the new text.
struct Edit {
  DiffOp op;
  std::string text;
};

// One side of a change: a block of one version.
struct ClauseRef {
  std::size_t index = 0;  // position in Document::blocks
  std::string label;
  std::string path;
  std::string text;
};

struct ClauseChange {
  ClauseStatus status = ClauseStatus::kUnchanged;
  std::optional<ClauseRef> before;  // absent for inserted
  std::optional<ClauseRef> after;   // absent for deleted and moved_away
  double similarity = 1.0;          // 0..1 over words
  ChangeKind change = ChangeKind::kNone;
  bool modified = false;     // words differ (also for moved, split, merged)
  bool relabelled = false;   // the label changed (renumbering)
  bool moved_away = false;   // marker at the old place of a moved clause
  bool approximate = false;  // the word diff hit the cost budget
  int group = -1;            // shared by the parts of one split or merge
  // For merged: the old clauses merged, in order (`before` is their
  // concatenation).
  std::vector<ClauseRef> merged_from;
  std::vector<Edit> edits;
};

struct ClauseCounts {
  std::size_t unchanged = 0, modified = 0, moved = 0, inserted = 0, deleted = 0, split = 0,
              merged = 0;
};

// Sizes of the versions and of the redline, in tokens (words, numbers and
// punctuation marks; whitespace is not a token).
struct ComparisonStats {
  std::size_t tokens_before = 0, tokens_after = 0;
  std::size_t inserted_tokens = 0, deleted_tokens = 0;  // in the redline as shown
  std::size_t moved_tokens = 0;                         // old-side tokens of clauses that moved
};

struct Comparison {
  std::vector<ClauseChange> clauses;
  ClauseCounts counts;
  ComparisonStats stats;
  bool approximate = false;  // some clause diff was cut by the budget
  bool title_changed = false;
  std::vector<Edit> title_edits;
  // Shifts of emphasis, most severe first; filled by Lens::Analyze, empty
  // when findings are off.
  std::vector<Finding> findings;

  // True if the versions differ in a way not ignored by the options.
  bool HasDifferences() const;
};

struct CompareOptions {
  bool ignore_whitespace = false;   // whitespace-only changes count as unchanged
  bool ignore_case = false;         // case-only changes count as unchanged
  bool ignore_punctuation = false;  // punctuation-only changes count as unchanged
  // Two clauses are the same clause (possibly edited) at this word
  // similarity or above.
  double match_threshold = 0.5;
  // Upper bound on the Myers search per clause pair, in diagonals explored.
  std::size_t max_diff_cost = 1u << 22;
  // Turn off the pass that makes the redline read as a person would mark it.
  bool raw_diff = false;
};

Comparison Compare(const Document& before, const Document& after, const CompareOptions& options);

// A comparison of several successive versions: each step, and the
// cumulative change from the first to the last.
struct SeriesComparison {
  std::vector<Comparison> steps;  // steps[i] compares versions i and i+1

  // The cumulative change, first version against last. With two versions
  // it is the one step itself, not a copy: on a long text a comparison
  // holds tens of megabytes.
  const Comparison& cumulative() const { return steps.size() == 1 ? steps.front() : first_to_last; }
  Comparison& cumulative() { return steps.size() == 1 ? steps.front() : first_to_last; }

  // First against last when there are more than two versions (unused with
  // two; read it through cumulative()).
  Comparison first_to_last;
};

SeriesComparison CompareSeries(const std::vector<Document>& versions,
                               const CompareOptions& options);

}  // namespace rapporteur

#endif  // RAPPORTEUR_COMPARE_H_
