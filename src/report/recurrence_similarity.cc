#include "src/report/recurrence_similarity.h"

#include <algorithm>
#include <iterator>

namespace rapporteur::report {

double SetSimilarity(const Corpus& corpus, std::span<const std::uint32_t> a,
                     std::span<const std::uint32_t> b) {
  double shared = 0, wa = 0, wb = 0;
  bool a_names = false, b_names = false, common_instrument = false;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      wa += corpus.weight[a[i]];
      a_names |= corpus.instrument[a[i]] != kNotInstrument;
      ++i;
    } else if (i == a.size() || b[j] < a[i]) {
      wb += corpus.weight[b[j]];
      b_names |= corpus.instrument[b[j]] != kNotInstrument;
      ++j;
    } else {
      const double w = corpus.weight[a[i]];
      wa += w;
      wb += w;
      shared += w;
      const bool instrument = corpus.instrument[a[i]] != kNotInstrument;
      a_names |= instrument;
      b_names |= instrument;
      common_instrument |= instrument;
      ++i;
      ++j;
    }
  }
  if (a_names && b_names && !common_instrument) return 0;
  return wa + wb > 0 ? 2 * shared / (wa + wb) : 0;
}

Centroid Centroid::Of(const Corpus& corpus, std::span<const std::uint32_t> set) {
  Centroid c;
  c.members = 1;
  for (std::uint32_t w : set) {
    c.counts.emplace_back(w, 1);
    if (corpus.instrument[w] != kNotInstrument) c.instruments.push_back(corpus.instrument[w]);
  }
  std::sort(c.instruments.begin(), c.instruments.end());
  c.names_instruments = !c.instruments.empty();
  return c;
}

void Centroid::Absorb(Centroid&& other) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  merged.reserve(counts.size() + other.counts.size());
  std::size_t i = 0, j = 0;
  while (i < counts.size() || j < other.counts.size()) {
    if (j == other.counts.size() ||
        (i < counts.size() && counts[i].first < other.counts[j].first)) {
      merged.push_back(counts[i++]);
    } else if (i == counts.size() || other.counts[j].first < counts[i].first) {
      merged.push_back(other.counts[j++]);
    } else {
      merged.emplace_back(counts[i].first, counts[i].second + other.counts[j].second);
      ++i;
      ++j;
    }
  }
  counts = std::move(merged);
  members += other.members;
  if (names_instruments && other.names_instruments) {
    std::vector<std::uint16_t> common;
    std::set_intersection(instruments.begin(), instruments.end(), other.instruments.begin(),
                          other.instruments.end(), std::back_inserter(common));
    instruments = std::move(common);
  } else if (other.names_instruments) {
    instruments = std::move(other.instruments);
  }
  names_instruments = names_instruments || other.names_instruments;
}

double CentroidSimilarity(const Corpus& corpus, const Centroid& a, const Centroid& b) {
  const double na = a.members, nb = b.members;
  double shared = 0, wa = 0, wb = 0;
  std::size_t i = 0, j = 0;
  while (i < a.counts.size() || j < b.counts.size()) {
    if (j == b.counts.size() || (i < a.counts.size() && a.counts[i].first < b.counts[j].first)) {
      wa += corpus.weight[a.counts[i].first] * a.counts[i].second / na;
      ++i;
    } else if (i == a.counts.size() || b.counts[j].first < a.counts[i].first) {
      wb += corpus.weight[b.counts[j].first] * b.counts[j].second / nb;
      ++j;
    } else {
      const double w = corpus.weight[a.counts[i].first];
      const double fa = a.counts[i].second / na, fb = b.counts[j].second / nb;
      wa += w * fa;
      wb += w * fb;
      shared += w * std::min(fa, fb);
      ++i;
      ++j;
    }
  }
  return wa + wb > 0 ? 2 * shared / (wa + wb) : 0;
}

bool InstrumentsCompatible(const Centroid& a, const Centroid& b) {
  if (!a.names_instruments || !b.names_instruments) return true;
  std::vector<std::uint16_t> common;
  std::set_intersection(a.instruments.begin(), a.instruments.end(), b.instruments.begin(),
                        b.instruments.end(), std::back_inserter(common));
  return !common.empty();
}

}  // namespace rapporteur::report
