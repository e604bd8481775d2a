// rapporteur: recommendations made to a state again, cycle after cycle.
//
//   rapporteur::RecurrenceOptions options;                  // defaults are tuned
//   auto finder = rapporteur::RecurrenceFinder::Create(options);
//   if (!finder) return finder.error();
//   auto clusters = finder->Find(items);                   // Result<vector<...>>
//   for (const rapporteur::RecurrenceCluster& c : *clusters) ...
//
// WHAT IT FINDS. Given recommendations (UPR or treaty-body; one item per
// recommendation, with the state it was made to and the review cycle), Find
// groups those that ask the same state for the same thing, worded the same
// or not: "Ratify the ICCPR", "Expedite the ratification of the International
// Covenant on Civil and Political Rights" and "Abide by its commitment of 2009
// and establish a clear timeframe in order to ratify ICCPR" end in one
// cluster. Items are compared only with items made to the same state.
//
// Two kinds of cluster come out:
//   kRatification  one per (state, instrument of the catalogue) that items ask
//                  the state to ratify, accede to, sign or become party to.
//                  An item asking for several ("Ratify the ICCPR, CAT and
//                  OP-CAT") is a member of each of their clusters, so that a
//                  cluster answers "how often was this state asked to ratify
//                  the ICCPR?". These are the only clusters that overlap.
//   kText          the other asks, grouped by a similarity of their words
//                  (below). An item is a member of at most one kText cluster;
//                  of none when the ratification is all it asks.
// Only clusters whose members span at least `min_cycles` distinct cycles are
// returned (2 by default: a recurrence), largest first.
//
// HOW. Each text is normalised: words at ICU boundaries, case-folded, English
// stop words and UPR boilerplate ("consider", "continue its efforts to")
// dropped, the rest stemmed (Snowball), ratification verbs made one word
// (ratify, accede, accession, adhere, sign, become a party), and every name
// of an instrument in data/instruments.jsonl (titles, short titles,
// abbreviations, aliases; "its Optional Protocol", "the two Covenants")
// made one token, so that "ICCPR" and its title are the same word.
// Candidate pairs within a state come from MinHash signatures of the words'
// shingles and locality-sensitive hashing of the signatures in bands, so
// that the work grows with the number of near pairs instead of the square of
// the number of items; each candidate is verified with the similarity
// (Similarity below), and verified pairs are clustered (guards against
// chaining: two groups merge only if their centroids are similar, share an
// instrument when both name one, and enough pairs of their members are
// similar at merge_threshold). FindReference does the same
// with every pair instead of LSH candidates: it is the specification the
// fast path is tested against, and is quadratic per state.
//
// QUALITY, measured on 424 labelled pairs of real UPR recommendations
// (tests/report/): see tests/report/README.md and bench/README.md.
//
// ERRORS. Create fails if the instrument catalogue cannot be read or the
// options are inconsistent (kInvalidArgument, naming the option). Find never
// fails on any text (empty, huge, invalid UTF-8 are all just words or none);
// it fails only on an inconsistent option.
//
// THREAD SAFETY. A RecurrenceFinder is immutable after Create; Find and
// FindReference may be called concurrently on one finder. Each call uses up
// to `threads` threads of its own.
#ifndef RAPPORTEUR_RECURRENCE_H_
#define RAPPORTEUR_RECURRENCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/status.h"

namespace rapporteur {

// One recommendation.
struct RecurrenceItem {
  std::int64_t id = 0;  // the caller's (e.g. the store's record id); not interpreted
  std::string state;    // the state under review, ISO alpha-2 ("CN")
  int cycle = 0;        // review cycle (1, 2, 3, ...)
  std::string text;     // UTF-8
  std::vector<std::string> recommending_states;  // alpha-2 codes; for the report only
  std::string response;                          // "supported", "noted", ...; for the report only
};

struct RecurrenceOptions {
  // Directory holding instruments.jsonl; "" means this installation's data/.
  std::string data_dir;
  // Extra catalogue files (same format), e.g. a user's aliases.
  std::vector<std::string> catalogue_files;

  // Two kText items recur when Similarity >= this. Tuned on the labelled
  // pairs' tune half; see src/report/recurrence_similarity.cc.
  double threshold = 0.25;
  // Two kText groups merge only when the similarity of their centroids is
  // at least this (the guard against chaining A~B~C with A far from C).
  double merge_threshold = 0.15;
  // Clusters spanning fewer distinct cycles are not returned (1: every
  // group of two or more items; 2: recurrences only).
  int min_cycles = 2;
  // Whether items of the same cycle may be linked directly (they may still
  // meet through an item of another cycle when false).
  bool link_within_cycle = true;

  // MinHash / LSH. Signatures of `hashes` values are cut into `bands` bands
  // of hashes/bands rows; items agreeing on a whole band are candidates.
  // `shingle` consecutive normalised words make one shingle.
  int shingle = 1;
  int hashes = 64;
  int bands = 32;

  // Threads for Find; 0 means the hardware's.
  int threads = 0;
};

// The item of a record of kind recommendation (its id, state, cycle, text,
// recommending_states and response fields; absent ones empty or 0).
RecurrenceItem RecurrenceItemOf(const Record& record);

enum class RecurrenceKind { kRatification, kText };

struct RecurrenceCluster {
  RecurrenceKind kind = RecurrenceKind::kText;
  std::string state;
  std::vector<int> cycles;           // distinct, ascending
  std::vector<std::size_t> members;  // indices into the input, ascending by (cycle, index)
  // Catalogue ids the cluster is about: for kRatification the one
  // instrument; for kText those named by most members.
  std::vector<std::string> instruments;
  std::size_t central = 0;  // index of the most central member (its text labels the cluster)
};

// Counters of one Find, for benchmarks and tests.
struct RecurrenceStats {
  std::size_t items = 0;
  std::size_t candidate_pairs = 0;  // pairs verified
  std::size_t similar_pairs = 0;    // pairs at or above the threshold
};

class RecurrenceFinder {
 public:
  static Result<RecurrenceFinder> Create(const RecurrenceOptions& options);

  Result<std::vector<RecurrenceCluster>> Find(std::span<const RecurrenceItem> items,
                                              RecurrenceStats* stats = nullptr) const;
  // The specification: every pair within a state is verified.
  Result<std::vector<RecurrenceCluster>> FindReference(std::span<const RecurrenceItem> items,
                                                       RecurrenceStats* stats = nullptr) const;

  // The similarity in [0, 1] of items a and b as Find uses it, with the word
  // weights of the corpus `items` (for explaining a decision): 1 when both
  // ask to ratify a common instrument, else the text similarity of their
  // other asks. Normalises all of `items`: not for use in a loop.
  double Similarity(std::span<const RecurrenceItem> items, std::size_t a, std::size_t b) const;

  const RecurrenceOptions& options() const { return options_; }

  struct Impl;  // src/report/recurrence*.cc

 private:
  explicit RecurrenceFinder(RecurrenceOptions options, std::shared_ptr<const Impl> impl)
      : options_(std::move(options)), impl_(std::move(impl)) {}
  RecurrenceOptions options_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace rapporteur

#endif  // RAPPORTEUR_RECURRENCE_H_
