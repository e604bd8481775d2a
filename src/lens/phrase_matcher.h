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
  explicit PhraseMatcher(bool case_insensitive) : case_insensitive_(case_insensitive) {}

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
  bool AtBoundaries(std::string_view text, std::uint32_t begin, std::uint32_t end) const;
  void BuildByteClasses();
  void BuildTrie(std::vector<std::vector<std::pair<std::uint16_t, std::uint32_t>>>* edges);

  bool case_insensitive_;
  bool built_ = false;
  std::vector<Phrase> phrases_;
  std::uint8_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;
  // states × classes; once built, each cell is (target row offset << 1) |
  // (target has outputs).
  std::vector<std::uint32_t> delta_;
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
