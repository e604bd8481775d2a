#include "src/lens/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>

#include "src/text/utf8.h"
#include "src/text/words.h"

namespace rapporteur::lens {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

char FoldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsWordCodePoint(UChar32 c) { return c >= 0 && (u_isalnum(c) || c == '_'); }

// The code point that ends just before byte `at`, or -1 at the start.
UChar32 CodePointBefore(std::string_view s, std::uint32_t at) {
  if (at == 0) return -1;
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

UChar32 CodePointAt(std::string_view s, std::uint32_t at) {
  if (at >= s.size()) return -1;
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

}  // namespace

std::uint32_t PhraseMatcher::Add(std::string_view phrase) {
  std::string bytes(phrase);
  if (case_insensitive_) {
    for (char& c : bytes) c = FoldAscii(c);
  }
  // CJK phrases cannot rely on spaces around words.
  phrases_.push_back({std::move(bytes), !text::HasCjk(phrase)});
  built_ = false;
  return static_cast<std::uint32_t>(phrases_.size() - 1);
}

void PhraseMatcher::BuildByteClasses() {
  bool used[256] = {};
  for (const Phrase& p : phrases_) {
    for (unsigned char c : p.bytes) used[c] = true;
  }
  classes_ = 1;  // class 0: bytes in no phrase
  std::fill(std::begin(byte_class_), std::end(byte_class_), 0);
  for (int c = 0; c < 256; ++c) {
    if (used[c]) byte_class_[c] = static_cast<std::uint8_t>(classes_++);
  }
  if (case_insensitive_) {
    for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  }
}

// The trie: edges[state] lists (class, child).
void PhraseMatcher::BuildTrie(std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>>* edges) {
  edges->assign(1, {});
  first_output_.assign(1, kNone);
  outputs_.clear();
  for (std::uint32_t p = 0; p < phrases_.size(); ++p) {
    if (phrases_[p].bytes.empty()) continue;
    std::uint32_t state = 0;
    for (unsigned char c : phrases_[p].bytes) {
      const std::uint16_t cls = byte_class_[c];
      auto& out = (*edges)[state];
      auto it = std::find_if(out.begin(), out.end(), [cls](const auto& e) { return e.first == cls; });
      if (it != out.end()) {
        state = it->second;
        continue;
      }
      const auto child = static_cast<std::uint32_t>(edges->size());
      out.emplace_back(cls, child);
      edges->emplace_back();
      first_output_.push_back(kNone);
      state = child;
    }
    outputs_.emplace_back(p, first_output_[state]);
    first_output_[state] = static_cast<std::uint32_t>(outputs_.size() - 1);
  }
}

void PhraseMatcher::Build() {
  BuildByteClasses();
  std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>> edges;
  BuildTrie(&edges);
  const std::size_t states = edges.size();
  delta_.assign(states * classes_, 0);
  std::vector<std::uint32_t> fail(states, 0);
  std::deque<std::uint32_t> queue;
  for (const auto& [cls, child] : edges[0]) {
    delta_[cls] = child;
    queue.push_back(child);
  }
  // Breadth-first: a state's failure target is shallower, so its row of the
  // table is complete when the state is reached.
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    const std::uint32_t f = fail[s];
    std::copy_n(&delta_[f * classes_], classes_, &delta_[s * classes_]);
    for (const auto& [cls, child] : edges[s]) {
      fail[child] = delta_[f * classes_ + cls];
      delta_[s * classes_ + cls] = child;
      queue.push_back(child);
    }
    // Outputs of the failure chain are outputs here too: link the lists.
    if (first_output_[s] == kNone) {
      first_output_[s] = first_output_[f];
    } else {
      std::uint32_t tail = first_output_[s];
      while (outputs_[tail].second != kNone) tail = outputs_[tail].second;
      outputs_[tail].second = first_output_[f];
    }
  }
  // Encode each transition as (target row offset << 1) | has-output, so
  // the scan does one load per byte and no multiplication. 32 bits hold
  // 2^31 table cells: a billion, far beyond any catalogue.
  // In place: the table is the largest thing the lens holds.
  for (std::uint32_t& cell : delta_) {
    const std::uint32_t target = cell;
    cell = (target * classes_ << 1) | (first_output_[target] != kNone ? 1u : 0u);
  }
  built_ = true;
}

bool PhraseMatcher::AtBoundaries(std::string_view text, std::uint32_t begin,
                                 std::uint32_t end) const {
  return !IsWordCodePoint(CodePointBefore(text, begin)) && !IsWordCodePoint(CodePointAt(text, end));
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<PhraseMatch> out;
  if (!built_) return out;
  std::uint32_t row = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    const std::uint32_t cell = delta_[row + byte_class_[bytes[i]]];
    row = cell >> 1;
    if ((cell & 1) == 0) continue;
    for (std::uint32_t o = first_output_[row / classes_]; o != kNone; o = outputs_[o].second) {
      const Phrase& p = phrases_[outputs_[o].first];
      const std::uint32_t begin = i + 1 - static_cast<std::uint32_t>(p.bytes.size());
      if (p.needs_boundaries && !AtBoundaries(text, begin, i + 1)) continue;
      out.push_back({outputs_[o].first, begin, i + 1});
    }
  }
  return out;
}

std::vector<PhraseMatch> PhraseMatcher::Find(std::string_view text) const {
  std::vector<PhraseMatch> all = FindAll(text);
  std::sort(all.begin(), all.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<PhraseMatch> chosen;
  std::uint32_t covered = 0;
  for (const PhraseMatch& m : all) {
    if (!chosen.empty() && m.begin < covered) continue;
    chosen.push_back(m);
    covered = m.end;
  }
  return chosen;
}

std::size_t PhraseMatcher::CountRaw(std::string_view text) const {
  // The hot loop of the scanner: one table load per byte; outputs are
  // looked at only when the transition says there are some.
  if (!built_) return 0;
  std::size_t count = 0;
  std::uint32_t row = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint32_t* packed = delta_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t v = packed[row + byte_class_[bytes[i]]];
    row = v >> 1;
    if (v & 1) {
      const std::uint32_t state = static_cast<std::uint32_t>(row / classes_);
      for (std::uint32_t o = first_output_[state]; o != kNone; o = outputs_[o].second) ++count;
    }
  }
  return count;
}

std::string FoldForMatching(std::string_view text, std::vector<std::uint32_t>* offsets) {
  offsets->clear();
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(text);
    for (char& c : out) c = FoldAscii(c);
    return out;
  }
  // Typographic apostrophes (’ ‘) read as straight ones: French and
  // English texts use both, lexicons are written with '.
  const bool curly = text.find("\xE2\x80\x99") != std::string_view::npos ||
                     text.find("\xE2\x80\x98") != std::string_view::npos;
  std::string out = text::FoldCase(text);
  if (out.size() == text.size() && !curly) return out;
  // Rare: folding changed lengths. Map every folded byte to its source byte.
  out.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    std::string folded = (c == 0x2019 || c == 0x2018) ? std::string("'")
                                                      : text::FoldCase(text.substr(start, i - start));
    out += folded;
    offsets->insert(offsets->end(), folded.size(), static_cast<std::uint32_t>(start));
  }
  offsets->push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

}  // namespace rapporteur::lens
