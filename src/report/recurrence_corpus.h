// The recurrence engine's view of its input: every item normalised
// (recurrence_normalize.h) into dense word ids, with the weights of the
// words over the whole input, grouped by state.
//
// An item's words are split in two. Its ratification asks (the instruments
// it asks the state to ratify) go to the per-instrument clusters; its
// residual words (everything else, "ratify" and those instruments taken
// out) are what the text similarity compares. "Ratify the ICCPR" has no
// residual; "Ratify OP-CAT and establish a national preventive mechanism"
// has {establish, nation, prevent, mechan}.
//
// Thread safety: built once (BuildCorpus uses `threads` threads), then read
// only.
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_CORPUS_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_CORPUS_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "rapporteur/recurrence.h"
#include "src/report/recurrence_normalize.h"

namespace rapporteur::report {

inline constexpr std::uint16_t kNotInstrument = 0xFFFF;

struct Corpus {
  // Per item i: residual word ids in text order, words[begin[i], begin[i+1]).
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> words;
  // Per item: instruments it asks to ratify, ratify[rbegin[i], rbegin[i+1]).
  std::vector<std::uint32_t> rbegin;
  std::vector<std::uint16_t> ratify;

  // Per word id: its weight (inverse document frequency over all items) and
  // the instrument it names, or kNotInstrument.
  std::vector<float> weight;
  std::vector<std::uint16_t> instrument;
  // Per word id: whether MinHash uses it (recurrence_minhash.h).
  std::vector<bool> feature;

  // Item indices per state (states in ascending order of code), and the code.
  std::vector<std::vector<std::uint32_t>> by_state;
  std::vector<std::string> state_codes;

  std::size_t size() const { return begin.empty() ? 0 : begin.size() - 1; }
  std::span<const std::uint32_t> Words(std::size_t i) const {
    return {words.data() + begin[i], words.data() + begin[i + 1]};
  }
  std::span<const std::uint16_t> Ratify(std::size_t i) const {
    return {ratify.data() + rbegin[i], ratify.data() + rbegin[i + 1]};
  }
};

Corpus BuildCorpus(const Normalizer& normalizer, std::span<const RecurrenceItem> items,
                   int threads);

// The sorted, distinct residual word ids of item i: the set the similarity
// compares.
std::vector<std::uint32_t> WordSet(const Corpus& corpus, std::size_t i);

// Runs fn(0..n-1) on up to `threads` threads, handing out indices in order
// (callers put the largest jobs first).
void ParallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_CORPUS_H_
