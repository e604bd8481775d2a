// Word segmentation: the tokens the redline is made of.
//
// Tokenize splits UTF-8 text at ICU word boundaries (UAX #29, with ICU's
// dictionary segmentation for Chinese, Japanese, Thai and Khmer, so that
// "立法活动" is two words, not four characters). Whitespace is never a token:
// it is attached to the token before it (Token::space_end), so that
// concatenating [begin, space_end) of all tokens gives the text back, minus
// any leading whitespace.
//
// Thread safety: Tokenize may be called concurrently (one ICU break iterator
// per thread).
#ifndef RAPPORTEUR_SRC_TEXT_WORDS_H_
#define RAPPORTEUR_SRC_TEXT_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur::text {

enum class TokenKind : std::uint8_t {
  kWord,         // letters, ideographs, kana
  kNumber,       // digits, possibly with inner punctuation: "5.2", "1,000"
  kPunctuation,  // anything else that is not whitespace
};

struct Token {
  std::uint32_t begin = 0;      // byte offset of the token
  std::uint32_t end = 0;        // one past its last byte
  std::uint32_t space_end = 0;  // one past the whitespace that follows it
  TokenKind kind = TokenKind::kWord;
};

std::vector<Token> Tokenize(std::string_view utf8);

// The reference segmentation: ICU alone, without the ASCII fast path. Tests
// check Tokenize against it. Offsets are shifted by `base`.
void TokenizeWithIcu(std::string_view utf8, std::uint32_t base, std::vector<Token>* out);

// The token's text without its trailing whitespace.
inline std::string_view TokenText(std::string_view utf8, const Token& t) {
  return utf8.substr(t.begin, t.end - t.begin);
}

// Simple case folding (ICU u_foldCase) of a token, for case-insensitive
// comparison.
std::string FoldCase(std::string_view utf8);

}  // namespace rapporteur::text

#endif  // RAPPORTEUR_SRC_TEXT_WORDS_H_
