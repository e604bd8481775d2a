// Locality-sensitive hashing of MinHash signatures by banding (Indyk and
// Motwani 1998; Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets",
// ch. 3.4): the signature is cut into `bands` bands of r rows; two items
// whose signatures agree on every row of some band are a candidate pair.
// A pair of Jaccard similarity s becomes a candidate with probability
// 1 - (1 - s^r)^bands; with 64 hashes in 32 bands of 2 rows, that is 0.96
// at s = 0.3, 0.76 at s = 0.2 and 0.27 at s = 0.1: loose, because the
// verification that follows is weighted and tolerant of rewording, so
// MinHash's unweighted Jaccard must not be the stricter of the two.
//
// Thread safety: pure function.
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_LSH_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_LSH_H_

#include <cstdint>
#include <vector>

namespace rapporteur::report {

// `signatures` holds n rows of `hashes` values; `signed_rows[i]` is false
// for items without a signature (never candidates). Returns the candidate
// pairs (i << 32 | j, i < j), sorted and distinct.
std::vector<std::uint64_t> CandidatePairs(const std::vector<std::uint32_t>& signatures,
                                          const std::vector<bool>& signed_rows, int hashes,
                                          int bands);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_LSH_H_
