// Blocks prepared for comparison: tokens, diff keys and alignment bags,
// computed once per block and shared by the alignment and the word diffs.
#ifndef RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
#define RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <memory>
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

 private:
  struct Slot {
    std::string_view key;
    std::uint64_t hash = 0;
    std::uint32_t id = UINT32_MAX;  // UINT32_MAX: empty
  };
  void Grow();
  std::string_view Store(std::string_view token);

  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::size_t size_ = 0;
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
  // folded id of each exact id (kUnknown until first needed): each distinct
  // token is folded once, not once per occurrence.
  std::vector<std::uint32_t> folded_of_exact;
};

// Tokenizes `text` and fills keys and weights.
TokenizedText TokenizeForDiff(std::string_view text, Keying* keying);

// Alignment bags for every block: its case-folded words (a block that is
// only a label gets the label's words and is marked label_only).
std::vector<BlockBag> MakeBags(const std::vector<Block>& blocks,
                               const std::vector<TokenizedText>& texts, Keying* keying);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
