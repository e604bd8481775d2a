// Blocks prepared for comparison: tokens, diff keys and alignment bags,
// computed once per block and shared by the alignment and the word diffs.
#ifndef RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
#define RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/document.h"
#include "src/compare/align.h"
#include "src/text/words.h"

namespace rapporteur::compare {

// Maps token strings to dense ids: an open-addressing hash table (linear
// probing, power-of-two capacity, FNV-1a) over string_views. It runs once
// per token of both documents, so it avoids what std::unordered_map costs
// there: a node allocation per entry and a pointer chase per probe. Keys
// are copied into an arena owned by the interner, so callers' strings may
// go away.
class Interner {
 public:
  std::uint32_t Id(std::string_view token);
  // The token of an id this interner gave; ids are dense from 0.
  std::string_view Key(std::uint32_t id) const { return keys_[id]; }
  std::size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    std::string_view key;
    std::uint64_t hash = 0;
    std::uint32_t id = UINT32_MAX;  // UINT32_MAX: empty
  };
  void Grow();
  std::string_view Store(std::string_view token);

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::vector<std::string_view> keys_;  // by id, into the arena
  std::vector<std::unique_ptr<char[]>> arena_;
  std::size_t arena_left_ = 0;
  char* arena_next_ = nullptr;
};

struct TokenizedText {
  std::string_view text;
  std::vector<text::Token> tokens;
  std::vector<std::uint32_t> keys;     // diff keys (case-folded if ignoring case)
  std::vector<std::uint32_t> weights;  // bytes per token, for the cleanup
};

struct Keying {
  Interner exact;
  Interner folded;
  bool ignore_case = false;
  // folded id of each exact id (kUnknown until needed): each distinct
  // token is folded once, not once per occurrence.
  std::vector<std::uint32_t> folded_of_exact;
};

// Tokenizes `text` and fills keys and weights.
TokenizedText TokenizeForDiff(std::string_view text, Keying* keying);

// Every block of both versions tokenized, the two versions at once
// (src/base/parallel.h). The ids are those of a tokenization of `before`
// then `after` in order on one thread, whichever way the work was shared.
struct TokenizedVersions {
  std::vector<TokenizedText> before, after;
};
TokenizedVersions TokenizeVersions(const std::vector<Block>& before,
                                   const std::vector<Block>& after, Keying* keying);

// Alignment bags for every block of both versions: its case-folded words (a
// block that is only a label gets the label's words and is marked
// label_only). The words are looked up first, then the two versions' bags
// filled and sorted at once.
struct VersionBags {
  std::vector<BlockBag> before, after;
};
VersionBags MakeBags(const std::vector<Block>& before,
                     const std::vector<TokenizedText>& before_texts,
                     const std::vector<Block>& after, const std::vector<TokenizedText>& after_texts,
                     Keying* keying);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
