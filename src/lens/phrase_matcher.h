// Finding many phrases in a text at once: the instrument catalogue's names,
// abbreviations and aliases, and the lexicons' hedges, modals, restrictions
// and monitoring terms.
//
// The algorithm is Aho-Corasick (A. Aho and M. Corasick, "Efficient string
// matching", CACM 1975), compiled to a deterministic automaton over byte
// classes: one table lookup per byte of text, whatever the number of
// phrases, which is what makes scanning run at hundreds of MB/s where a loop
// of regular expressions would slow with every phrase added. Bytes that
// occur in no phrase share one class, so the table stays small.
//
// A full table for every state would cost states x classes cells: with the
// shipped catalogue and lexicons (some 2,200 phrases, 40,000 trie states,
// 119 byte classes) that is 19 MB to zero and fill, 60 ms at every start of
// the command line, for a table of which a scan touches a sliver. So only
// the shallowest states, in breadth-first order up to `dense_cells` cells
// (default 512k, 2 MB: 4,400 states), get a full row; they are where a scan
// spends nearly all its time, since text rarely follows a phrase for more
// than a few bytes. Deeper states keep their few trie edges and their
// failure link and fall back along it (the classic Aho-Corasick walk),
// which costs a few steps per byte at most, amortised: each failure step
// goes shallower, and each byte goes at most one deeper. Measured on
// bench/run_lens.sh's text: 211 MB/s against 223 MB/s with every row full.
//
// Matching is on bytes of UTF-8. A case-insensitive matcher folds ASCII
// letters in its byte-class table (no copy of the text); callers fold other
// scripts with FoldForMatching first. Phrases of alphabetic scripts match
// only at word boundaries; phrases that contain Han, kana or Hangul match
// anywhere, since those scripts do not separate words with spaces.
//
// Thread safety: a built matcher is immutable; Find may be called
// concurrently.
#ifndef RAPPORTEUR_SRC_LENS_PHRASE_MATCHER_H_
#define RAPPORTEUR_SRC_LENS_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur::lens {

struct PhraseMatch {
  std::uint32_t phrase;  // index of the phrase, in the order added
  std::uint32_t begin;   // byte offsets in the scanned text
  std::uint32_t end;
};

class PhraseMatcher {
 public:
  static constexpr std::size_t kDefaultDenseCells = std::size_t{1} << 19;

  // `dense_cells` bounds the full-row part of the automaton (see above);
  // tests set it low to exercise the fall-back walk.
  explicit PhraseMatcher(bool case_insensitive, std::size_t dense_cells = kDefaultDenseCells)
      : case_insensitive_(case_insensitive), dense_cell_budget_(dense_cells) {}

  // Adds a phrase; returns its index. Empty phrases are ignored (index
  // still returned). Call Build() after the last Add.
  std::uint32_t Add(std::string_view phrase);
  void Build();

  // Every match, overlapping ones included, in order of end offset.
  std::vector<PhraseMatch> FindAll(std::string_view text) const;

  // Non-overlapping matches, leftmost first and, among those, longest: what
  // a reader would underline.
  std::vector<PhraseMatch> Find(std::string_view text) const;

  // Number of matches (overlapping ones included) without boundary checks:
  // the raw scan, for benchmarks against grep -F.
  std::size_t CountRaw(std::string_view text) const;

  std::size_t size() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::string bytes;
    bool needs_boundaries;
  };
  // The trie while building: first child / next sibling lists.
  struct TrieNode {
    std::uint32_t first_child;
    std::uint32_t next_sibling;
    std::uint16_t byte_class;
  };
  bool AtBoundaries(std::string_view text, std::uint32_t begin, std::uint32_t end) const;
  void BuildByteClasses();
  void BuildTrie(std::vector<TrieNode>* trie);
  std::vector<std::uint32_t> BreadthFirstOrder(const std::vector<TrieNode>& trie) const;
  void BuildAutomaton(const std::vector<TrieNode>& trie, const std::vector<std::uint32_t>& order);
  void LinkOutputs(std::uint32_t state, std::uint32_t fail);
  struct RawAutomaton;  // the tables on state numbers, while building
  void Encode(RawAutomaton raw);
  std::uint32_t Code(std::uint32_t state) const;
  std::uint32_t StateOf(std::uint32_t code) const;
  std::uint32_t Transition(std::uint32_t code, std::uint32_t byte_class) const;

  bool case_insensitive_;
  std::size_t dense_cell_budget_;
  bool built_ = false;
  std::vector<Phrase> phrases_;
  std::uint16_t byte_class_[256] = {};  // up to 257 classes: 256 bytes and none
  std::uint32_t classes_ = 1;
  // States are numbered breadth-first; the first dense_states_ have full
  // rows. A state's code is its row offset in dense_ when it is dense, and
  // dense_.size() + (state - dense_states_) when it is not. A transition is
  // (code << 1) | (target has outputs), so the scan does one load per byte
  // in the dense part and no multiplication.
  std::uint32_t dense_states_ = 0;
  std::uint32_t dense_end_ = 0;  // == dense_.size(): codes below it are rows
  std::vector<std::uint32_t> dense_;
  // Sparse states, indexed by state - dense_states_: their trie edges
  // (CSR: edge_begin_ has one more entry) and their failure target's code.
  std::vector<std::uint32_t> edge_begin_;
  std::vector<std::uint16_t> edge_class_;
  std::vector<std::uint32_t> edge_target_;   // transitions, encoded as in dense_
  std::vector<std::uint32_t> sparse_fail_;   // codes
  std::vector<std::uint32_t> first_output_;  // per state: head of its output list, or kNone
  std::vector<std::pair<std::uint32_t, std::uint32_t>> outputs_;  // (phrase, next)
};

// Lower-cases text for matching (ICU simple case folding), keeping byte
// offsets aligned with the input where the folded form has the same length,
// which holds for all but a handful of characters; `offsets`, when the
// lengths differ, maps folded byte offsets back to the input.
std::string FoldForMatching(std::string_view text, std::vector<std::uint32_t>* offsets);

}  // namespace rapporteur::lens

#endif  // RAPPORTEUR_SRC_LENS_PHRASE_MATCHER_H_
