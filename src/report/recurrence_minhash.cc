#include "src/report/recurrence_minhash.h"

#include <algorithm>
#include <limits>

namespace rapporteur::report {
namespace {

// SplitMix64's finaliser: spreads word ids (small integers) and shingle
// combinations over all 64 bits before the multiply-shift hashes.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

MinHasher::MinHasher(int hashes, int shingle) : shingle_(std::max(shingle, 1)) {
  // Fixed seeds: the same input gives the same candidates on every run.
  std::uint64_t state = 0x5EED0F5EC0FFEEull;
  for (int k = 0; k < hashes; ++k) {
    state = Mix(state);
    a_.push_back(state | 1);  // odd multipliers
    state = Mix(state);
    b_.push_back(state);
  }
}

bool MinHasher::Sign(const Corpus& corpus, std::size_t item, std::uint32_t* out) const {
  std::vector<std::uint64_t> features;
  for (std::uint32_t w : corpus.Words(item)) {
    if (corpus.feature[w]) features.push_back(w);
  }
  if (features.empty()) return false;
  std::vector<std::uint64_t> shingles;
  if (shingle_ == 1 || features.size() <= static_cast<std::size_t>(shingle_)) {
    std::uint64_t combined = 0;
    for (std::uint64_t f : features) {
      if (shingle_ == 1)
        shingles.push_back(Mix(f));
      else
        combined = Mix(combined ^ f);
    }
    if (shingle_ != 1) shingles.push_back(combined);
  } else {
    for (std::size_t i = 0; i + shingle_ <= features.size(); ++i) {
      std::uint64_t h = 0;
      for (int k = 0; k < shingle_; ++k) h = Mix(h ^ features[i + k]);
      shingles.push_back(h);
    }
  }
  const std::size_t n = a_.size();
  std::fill(out, out + n, std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t s : shingles) {
    for (std::size_t k = 0; k < n; ++k) {
      out[k] = std::min(out[k], static_cast<std::uint32_t>((a_[k] * s + b_[k]) >> 32));
    }
  }
  return true;
}

}  // namespace rapporteur::report
