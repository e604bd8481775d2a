#include "src/lens/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

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
    if (used[c]) byte_class_[c] = static_cast<std::uint16_t>(classes_++);
  }
  if (case_insensitive_) {
    for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  }
}

// The trie, numbered in the order phrases add states; first_output_ in that
// numbering too, until BuildAutomaton renumbers both breadth-first.
void PhraseMatcher::BuildTrie(std::vector<TrieNode>* trie) {
  trie->assign(1, {kNone, kNone, 0});
  first_output_.assign(1, kNone);
  outputs_.clear();
  for (std::uint32_t p = 0; p < phrases_.size(); ++p) {
    if (phrases_[p].bytes.empty()) continue;
    std::uint32_t state = 0;
    for (unsigned char c : phrases_[p].bytes) {
      const std::uint16_t cls = byte_class_[c];
      std::uint32_t child = (*trie)[state].first_child;
      while (child != kNone && (*trie)[child].byte_class != cls)
        child = (*trie)[child].next_sibling;
      if (child == kNone) {
        child = static_cast<std::uint32_t>(trie->size());
        trie->push_back({kNone, (*trie)[state].first_child, cls});
        (*trie)[state].first_child = child;
        first_output_.push_back(kNone);
      }
      state = child;
    }
    outputs_.emplace_back(p, first_output_[state]);
    first_output_[state] = static_cast<std::uint32_t>(outputs_.size() - 1);
  }
}

// order[new number] = trie number.
std::vector<std::uint32_t> PhraseMatcher::BreadthFirstOrder(
    const std::vector<TrieNode>& trie) const {
  std::vector<std::uint32_t> order;
  order.reserve(trie.size());
  order.push_back(0);
  for (std::size_t next = 0; next < order.size(); ++next) {
    for (std::uint32_t c = trie[order[next]].first_child; c != kNone; c = trie[c].next_sibling) {
      order.push_back(c);
    }
  }
  return order;
}

std::uint32_t PhraseMatcher::Code(std::uint32_t state) const {
  return state < dense_states_ ? state * classes_ : dense_end_ + (state - dense_states_);
}

std::uint32_t PhraseMatcher::StateOf(std::uint32_t code) const {
  return code < dense_end_ ? code / classes_ : dense_states_ + (code - dense_end_);
}

// The transition from the state with this code on this class, following
// failure links out of sparse states until one has an edge for it or is
// dense (the root always is). Valid once BuildAutomaton has encoded the
// tables.
std::uint32_t PhraseMatcher::Transition(std::uint32_t code, std::uint32_t byte_class) const {
  for (;;) {
    if (code < dense_end_) return dense_[code + byte_class];
    const std::uint32_t j = code - dense_end_;
    for (std::uint32_t e = edge_begin_[j]; e < edge_begin_[j + 1]; ++e) {
      if (edge_class_[e] == byte_class) return edge_target_[e];
    }
    code = sparse_fail_[j];
  }
}

// The automaton under construction, on breadth-first state numbers.
struct PhraseMatcher::RawAutomaton {
  std::uint32_t classes = 0;
  std::uint32_t dense_states = 0;
  std::vector<std::uint32_t> dense;  // dense_states x classes: target state
  std::vector<std::uint32_t> edge_begin, edge_target, fail;
  std::vector<std::uint16_t> edge_class;

  std::uint32_t Next(std::uint32_t state, std::uint16_t cls) const {
    for (;;) {
      if (state < dense_states) return dense[state * classes + cls];
      const std::uint32_t j = state - dense_states;
      for (std::uint32_t e = edge_begin[j]; e < edge_begin[j + 1]; ++e) {
        if (edge_class[e] == cls) return edge_target[e];
      }
      state = fail[state];
    }
  }
};

void PhraseMatcher::BuildAutomaton(const std::vector<TrieNode>& trie,
                                   const std::vector<std::uint32_t>& order) {
  const auto states = static_cast<std::uint32_t>(order.size());
  std::vector<std::uint32_t> rank(states);
  for (std::uint32_t s = 0; s < states; ++s) rank[order[s]] = s;
  std::vector<std::uint32_t> first_output(states);
  for (std::uint32_t s = 0; s < states; ++s) first_output[s] = first_output_[order[s]];
  first_output_ = std::move(first_output);

  RawAutomaton raw;
  raw.classes = classes_;
  // Codes are 31 bits (Encode): rows and sparse states together stay far
  // below that with at most 2^30 dense cells and under a billion states.
  const std::size_t dense_cells = std::min<std::size_t>(dense_cell_budget_, std::size_t{1} << 30);
  raw.dense_states =
      static_cast<std::uint32_t>(std::clamp<std::size_t>(dense_cells / classes_, 1, states));
  raw.dense.assign(std::size_t{raw.dense_states} * classes_, 0);
  raw.fail.assign(states, 0);
  raw.edge_begin.push_back(0);
  for (std::uint32_t s = raw.dense_states; s < states; ++s) {
    for (std::uint32_t c = trie[order[s]].first_child; c != kNone; c = trie[c].next_sibling) {
      raw.edge_class.push_back(trie[c].byte_class);
      raw.edge_target.push_back(rank[c]);
    }
    raw.edge_begin.push_back(static_cast<std::uint32_t>(raw.edge_class.size()));
  }
  // Breadth-first: a state's failure target is shallower, so numbered
  // lower, so complete (its row, or its edges and failure link) when the
  // state is reached.
  for (std::uint32_t s = 0; s < states; ++s) {
    const std::uint32_t f = raw.fail[s];
    if (s < raw.dense_states && s != 0) {
      std::copy_n(&raw.dense[std::size_t{f} * classes_], classes_,
                  &raw.dense[std::size_t{s} * classes_]);
    }
    for (std::uint32_t c = trie[order[s]].first_child; c != kNone; c = trie[c].next_sibling) {
      raw.fail[rank[c]] = s == 0 ? 0 : raw.Next(f, trie[c].byte_class);
      if (s < raw.dense_states) raw.dense[std::size_t{s} * classes_ + trie[c].byte_class] = rank[c];
    }
    if (s != 0) LinkOutputs(s, f);
  }
  Encode(std::move(raw));
}

// Outputs of the failure chain are outputs of the state too: append the
// failure target's (complete) list to the state's own.
void PhraseMatcher::LinkOutputs(std::uint32_t state, std::uint32_t fail) {
  if (first_output_[state] == kNone) {
    first_output_[state] = first_output_[fail];
    return;
  }
  std::uint32_t tail = first_output_[state];
  while (outputs_[tail].second != kNone) tail = outputs_[tail].second;
  outputs_[tail].second = first_output_[fail];
}

// From state numbers to codes, with the has-output bit on transitions.
// 32 bits hold 2^31 codes: a billion cells or states, far beyond any
// catalogue.
void PhraseMatcher::Encode(RawAutomaton raw) {
  dense_states_ = raw.dense_states;
  dense_end_ = dense_states_ * classes_;
  const auto transition = [this](std::uint32_t target) {
    return (Code(target) << 1) | (first_output_[target] != kNone ? 1u : 0u);
  };
  for (std::uint32_t& cell : raw.dense) cell = transition(cell);
  for (std::uint32_t& target : raw.edge_target) target = transition(target);
  sparse_fail_.clear();
  for (std::size_t s = dense_states_; s < raw.fail.size(); ++s)
    sparse_fail_.push_back(Code(raw.fail[s]));
  dense_ = std::move(raw.dense);
  edge_begin_ = std::move(raw.edge_begin);
  edge_class_ = std::move(raw.edge_class);
  edge_target_ = std::move(raw.edge_target);
}

void PhraseMatcher::Build() {
  BuildByteClasses();
  std::vector<TrieNode> trie;
  BuildTrie(&trie);
  BuildAutomaton(trie, BreadthFirstOrder(trie));
  built_ = true;
}

bool PhraseMatcher::AtBoundaries(std::string_view text, std::uint32_t begin,
                                 std::uint32_t end) const {
  return !IsWordCodePoint(CodePointBefore(text, begin)) && !IsWordCodePoint(CodePointAt(text, end));
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<PhraseMatch> out;
  if (!built_) return out;
  std::uint32_t code = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    const std::uint32_t cls = byte_class_[bytes[i]];
    const std::uint32_t cell = code < dense_end_ ? dense_[code + cls] : Transition(code, cls);
    code = cell >> 1;
    if ((cell & 1) == 0) continue;
    for (std::uint32_t o = first_output_[StateOf(code)]; o != kNone; o = outputs_[o].second) {
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
  // The hot loop of the scanner: one table load per byte while in the
  // dense part; outputs are looked at only when the transition says there
  // are some.
  if (!built_) return 0;
  std::size_t count = 0;
  std::uint32_t code = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::uint32_t* dense = dense_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t cls = byte_class_[bytes[i]];
    const std::uint32_t v = code < dense_end_ ? dense[code + cls] : Transition(code, cls);
    code = v >> 1;
    if (v & 1) {
      const std::uint32_t state = StateOf(code);
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
    std::string folded = (c == 0x2019 || c == 0x2018)
                             ? std::string("'")
                             : text::FoldCase(text.substr(start, i - start));
    out += folded;
    offsets->insert(offsets->end(), folded.size(), static_cast<std::uint32_t>(start));
  }
  offsets->push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

}  // namespace rapporteur::lens
