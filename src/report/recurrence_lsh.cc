#include "src/report/recurrence_lsh.h"

#include <algorithm>
#include <utility>

namespace rapporteur::report {
namespace {

std::uint64_t BandKey(const std::uint32_t* rows, int r, int band) {
  // Band index in the seed: equal rows in different bands are different keys.
  std::uint64_t h = 0xCBF29CE484222325ull ^ static_cast<std::uint64_t>(band);
  for (int k = 0; k < r; ++k) {
    h ^= rows[k];
    h *= 0x100000001B3ull;
    h ^= h >> 29;
  }
  return h;
}

}  // namespace

std::vector<std::uint64_t> CandidatePairs(const std::vector<std::uint32_t>& signatures,
                                          const std::vector<bool>& signed_rows, int hashes,
                                          int bands) {
  const std::size_t n = signed_rows.size();
  const int r = hashes / bands;
  std::vector<std::uint64_t> pairs;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
  keys.reserve(n);
  for (int band = 0; band < bands; ++band) {
    keys.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (!signed_rows[i]) continue;
      const std::uint32_t* rows =
          signatures.data() + i * hashes + static_cast<std::size_t>(band) * r;
      keys.emplace_back(BandKey(rows, r, band), static_cast<std::uint32_t>(i));
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t lo = 0; lo < keys.size();) {
      std::size_t hi = lo + 1;
      while (hi < keys.size() && keys[hi].first == keys[lo].first) ++hi;
      for (std::size_t x = lo; x < hi; ++x) {
        for (std::size_t y = x + 1; y < hi; ++y) {
          pairs.push_back(static_cast<std::uint64_t>(keys[x].second) << 32 | keys[y].second);
        }
      }
      lo = hi;
    }
    // Dedupe as we go, so that memory follows distinct pairs, not bands.
    if (pairs.size() > (std::size_t{1} << 22) || band + 1 == bands) {
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
  }
  return pairs;
}

}  // namespace rapporteur::report
