// The verification similarity of the recurrence engine: how much two
// recommendations' residual asks (recurrence_corpus.h) have in common.
//
// Weighted Dice over word sets: 2 * w(A ∩ B) / (w(A) + w(B)), each word
// weighted by its inverse document frequency, so that sharing "prison
// overcrowding" counts and sharing "human rights" hardly does. Dice rather
// than Jaccard because a recommendation restated with one more clause
// ("... and provide legal aid") should lose little; word sets rather than
// sequences because rewordings reorder. One rule on top: two texts that
// both name instruments, but no instrument in common, are about different
// treaties and score 0 ("implement CEDAW" against "implement the CRC").
//
// Groups of items (the clustering's guard) are compared by the same measure
// over their centroids: each word counts with the share of the group's
// members that use it (a fuzzy set), and Dice takes min/sum of shares.
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_SIMILARITY_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_SIMILARITY_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "src/report/recurrence_corpus.h"

namespace rapporteur::report {

// Similarity in [0, 1] of two sorted word-id sets of `corpus`.
double SetSimilarity(const Corpus& corpus, std::span<const std::uint32_t> a,
                     std::span<const std::uint32_t> b);

// A group's centroid: (word id, number of members using it), sorted by id.
struct Centroid {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;
  std::uint32_t members = 0;
  // Instruments every member naming one names: the guard against merging
  // a CEDAW group into a CRC group. Empty: none named (or no common one).
  std::vector<std::uint16_t> instruments;
  bool names_instruments = false;

  static Centroid Of(const Corpus& corpus, std::span<const std::uint32_t> set);
  void Absorb(Centroid&& other);
};

double CentroidSimilarity(const Corpus& corpus, const Centroid& a, const Centroid& b);

// False when both groups name instruments and none in common.
bool InstrumentsCompatible(const Centroid& a, const Centroid& b);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_SIMILARITY_H_
