// Blocks prepared for comparison: tokens, diff keys and alignment bags,
// computed once per block and shared by the alignment and the word diffs.
#ifndef RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
#define RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rapporteur/document.h"
#include "src/compare/align.h"
#include "src/text/words.h"

namespace rapporteur::compare {

// Maps token strings to dense ids. Heterogeneous lookup: no allocation for
// tokens already seen.
class Interner {
 public:
  std::uint32_t Id(std::string_view token);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
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
};

// Tokenizes `text` and fills keys and weights.
TokenizedText TokenizeForDiff(std::string_view text, Keying* keying);

// Alignment bags for every block: its case-folded words (a block that is
// only a label gets the label's words and is marked label_only).
std::vector<BlockBag> MakeBags(const std::vector<Block>& blocks,
                               const std::vector<TokenizedText>& texts, Keying* keying);

}  // namespace rapporteur::compare

#endif  // RAPPORTEUR_SRC_COMPARE_TOKENIZED_H_
