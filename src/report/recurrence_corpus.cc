#include "src/report/recurrence_corpus.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <thread>
#include <unordered_map>

namespace rapporteur::report {
namespace {

// FNV-1a, 64 bits: words are interned by hash, so that threads normalise
// without sharing a dictionary. A collision (two words of one corpus
// among 2^64) would merge two words; at 10^5 distinct words its
// probability is below 10^-9.
std::uint64_t HashWord(std::string_view w) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : w) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct Normalised {
  std::vector<std::uint64_t> words;  // residual, hashed
  std::vector<std::uint16_t> ratify;
  std::vector<std::pair<std::uint64_t, std::uint16_t>> instrument_words;
  std::vector<std::uint64_t> distinct;  // all words, for document frequency
};

Normalised NormaliseOne(const Normalizer& normalizer, std::string_view text) {
  NormalText t = normalizer.Normalize(text);
  Normalised n;
  n.ratify = std::move(t.ratify);
  auto is_target = [&](std::string_view w) {
    return std::any_of(n.ratify.begin(), n.ratify.end(), [&](std::uint16_t id) {
      return w.size() == 5 + normalizer.InstrumentId(id).size() &&
             w.substr(5) == normalizer.InstrumentId(id);
    });
  };
  for (const std::string& w : t.words) {
    const std::uint64_t h = HashWord(w);
    n.distinct.push_back(h);
    if (!n.ratify.empty() &&
        (w == Normalizer::kRatify || (w.starts_with("inst:") && is_target(w)))) {
      continue;  // the ratification ask: handled by the instrument clusters
    }
    n.words.push_back(h);
  }
  for (std::uint16_t id : t.instruments) {
    n.instrument_words.emplace_back(HashWord("inst:" + normalizer.InstrumentId(id)), id);
  }
  std::sort(n.distinct.begin(), n.distinct.end());
  n.distinct.erase(std::unique(n.distinct.begin(), n.distinct.end()), n.distinct.end());
  return n;
}

// MinHash features leave out the words in more than 29% of all items
// ("human", "right" in UPR texts): the verification weighs them near
// nothing (ln(1 + 1/0.29) = 1.5 against 10.6 for a rare word), and left in
// they would make most pairs of items look alike to MinHash. A word needs
// some occurrences before it is called common: in a corpus of three items
// every word is in a third of them.
constexpr double kMaxFeatureShare = 0.29;
constexpr std::uint32_t kMinCommonDf = 50;

}  // namespace

void ParallelFor(std::size_t n, int threads, const std::function<void(std::size_t)>& fn) {
  const std::size_t workers =
      std::min<std::size_t>(n, static_cast<std::size_t>(std::max(threads, 1)));
  if (workers <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

Corpus BuildCorpus(const Normalizer& normalizer, std::span<const RecurrenceItem> items,
                   int threads) {
  // Normalise in chunks, one thread per chunk at a time.
  constexpr std::size_t kChunk = 4096;
  const std::size_t chunks = (items.size() + kChunk - 1) / kChunk;
  std::vector<std::vector<Normalised>> normalised(chunks);
  ParallelFor(chunks, threads, [&](std::size_t c) {
    const std::size_t end = std::min(items.size(), (c + 1) * kChunk);
    for (std::size_t i = c * kChunk; i < end; ++i) {
      normalised[c].push_back(NormaliseOne(normalizer, items[i].text));
    }
  });
  // Intern, count document frequencies, lay the items out flat. One chunk
  // is released as soon as it is laid out, so the hashed form never
  // exists for the whole input at once next to the flat one.
  Corpus corpus;
  std::unordered_map<std::uint64_t, std::uint32_t> ids;
  std::vector<std::uint32_t> df;
  auto intern = [&](std::uint64_t h) {
    auto [it, added] = ids.emplace(h, static_cast<std::uint32_t>(df.size()));
    if (added) {
      df.push_back(0);
      corpus.instrument.push_back(kNotInstrument);
    }
    return it->second;
  };
  corpus.begin.push_back(0);
  corpus.rbegin.push_back(0);
  for (std::vector<Normalised>& chunk : normalised) {
    for (const Normalised& n : chunk) {
      for (std::uint64_t h : n.distinct) ++df[intern(h)];
      for (auto [h, id] : n.instrument_words) corpus.instrument[intern(h)] = id;
      for (std::uint64_t h : n.words) corpus.words.push_back(intern(h));
      corpus.ratify.insert(corpus.ratify.end(), n.ratify.begin(), n.ratify.end());
      corpus.begin.push_back(static_cast<std::uint32_t>(corpus.words.size()));
      corpus.rbegin.push_back(static_cast<std::uint32_t>(corpus.ratify.size()));
    }
    std::vector<Normalised>().swap(chunk);
  }
  // Inverse document frequency, ln(N / df): a word in every item weighs
  // nothing, one in a single item of 41,000 weighs 10.6. Smoothed by one
  // so that no weight is zero or negative.
  const double n = static_cast<double>(std::max<std::size_t>(items.size(), 1));
  corpus.weight.resize(df.size());
  corpus.feature.resize(df.size());
  for (std::size_t w = 0; w < df.size(); ++w) {
    corpus.weight[w] = static_cast<float>(std::log(1.0 + n / df[w]));
    corpus.feature[w] = df[w] < kMinCommonDf || df[w] <= kMaxFeatureShare * n;
  }
  std::map<std::string, std::vector<std::uint32_t>> states;
  for (std::size_t i = 0; i < items.size(); ++i)
    states[items[i].state].push_back(static_cast<std::uint32_t>(i));
  for (auto& [code, members] : states) {
    corpus.state_codes.push_back(code);
    corpus.by_state.push_back(std::move(members));
  }
  return corpus;
}

std::vector<std::uint32_t> WordSet(const Corpus& corpus, std::size_t i) {
  std::span<const std::uint32_t> words = corpus.Words(i);
  std::vector<std::uint32_t> set(words.begin(), words.end());
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

}  // namespace rapporteur::report
