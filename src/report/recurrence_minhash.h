// MinHash signatures (A. Broder, "On the resemblance and containment of
// documents", 1997) of the recurrence engine's word shingles: `hashes`
// 32-bit minima per item, such that two items agree on any one position
// with probability equal to the Jaccard similarity of their shingle sets.
//
// Shingles are `shingle` consecutive residual words (1: the word set),
// after dropping the words too common to tell asks apart (Corpus::feature).
//
// Thread safety: a MinHasher is immutable; Sign may run concurrently.
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_MINHASH_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_MINHASH_H_

#include <cstdint>
#include <span>
#include <vector>

#include "src/report/recurrence_corpus.h"

namespace rapporteur::report {

class MinHasher {
 public:
  MinHasher(int hashes, int shingle);

  int hashes() const { return static_cast<int>(a_.size()); }

  // Writes hashes() values to `out`; false (and nothing written) when the
  // item has no feature word at all: it can be nobody's candidate.
  bool Sign(const Corpus& corpus, std::size_t item, std::uint32_t* out) const;

 private:
  // h_k(x) = (a_k * x + b_k) >> 32 over 64-bit x: multiply-shift hashing
  // (Dietzfelbinger et al. 1997), one multiply-add per shingle and hash.
  std::vector<std::uint64_t> a_, b_;
  int shingle_;
};

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_MINHASH_H_
