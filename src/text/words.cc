#include "src/text/words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace rapporteur::text {
namespace {

// Creating a word break iterator loads rules and dictionaries: do it once
// per thread, not once per clause.
icu::BreakIterator* ThreadWordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    return U_SUCCESS(err) ? std::move(it) : nullptr;
  }();
  return breaker.get();
}

bool IsSpaceAt(std::string_view s, std::uint32_t i, std::uint32_t* next) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  auto j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, length, c);
  *next = static_cast<std::uint32_t>(j);
  return c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0);
}

// Splits a segment that ICU calls "none" (spaces, punctuation) into
// punctuation tokens, one per character, attaching whitespace to the
// previous token.
void AddNoneSegment(std::string_view s, std::uint32_t begin, std::uint32_t end, std::uint32_t base,
                    std::vector<Token>* tokens) {
  std::uint32_t i = begin;
  while (i < end) {
    std::uint32_t next = 0;
    if (IsSpaceAt(s, i, &next)) {
      if (!tokens->empty()) tokens->back().space_end = base + next;
    } else {
      tokens->push_back({base + i, base + next, base + next, TokenKind::kPunctuation});
    }
    i = next;
  }
}

TokenKind KindFromRuleStatus(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  return TokenKind::kWord;
}

}  // namespace

void TokenizeWithIcu(std::string_view utf8, std::uint32_t base, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  icu::BreakIterator* breaker = ThreadWordBreaker();
  if (breaker == nullptr || utf8.empty()) return;
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &err);
  if (U_FAILURE(err)) return;
  breaker->setText(ut, err);
  // ICU reports boundaries in native (UTF-8 byte) offsets of the UText.
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    const int32_t status = breaker->getRuleStatus();
    const auto b = static_cast<std::uint32_t>(start);
    const auto e = static_cast<std::uint32_t>(end);
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
      AddNoneSegment(utf8, b, e, base, &tokens);
    } else {
      tokens.push_back({base + b, base + e, base + e, KindFromRuleStatus(status)});
    }
  }
  utext_close(ut);
}

namespace {

// The ASCII fast path. UAX #29 always breaks on both sides of a space, so
// text can be cut at spaces and each ASCII-only chunk segmented by the few
// rules that concern ASCII; chunks with other characters go to ICU. Tests
// check this against ICU on random ASCII (words_test.cc).
enum class AsciiClass : std::uint8_t {
  kOther,
  kLetter,
  kDigit,
  kExtendNumLet,
  kMidNum,
  kMidNumLet
};

AsciiClass ClassOf(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return AsciiClass::kLetter;
  if (c == '_') return AsciiClass::kExtendNumLet;  // WB13a/b: joins, but is no letter
  if (c >= '0' && c <= '9') return AsciiClass::kDigit;
  // ':' is MidLetter in UAX #29, but CLDR's root tailoring (which ICU
  // uses) removes it: "a:b" is three tokens.
  if (c == ',' || c == ';') return AsciiClass::kMidNum;      // WB11/12: 1,000
  if (c == '.' || c == '\'') return AsciiClass::kMidNumLet;  // both
  return AsciiClass::kOther;
}

// Whether the character at i, between two word characters, joins them.
bool JoinsAt(std::string_view s, std::size_t i) {
  if (i == 0 || i + 1 >= s.size()) return false;
  const AsciiClass mid = ClassOf(s[i]), before = ClassOf(s[i - 1]), after = ClassOf(s[i + 1]);
  const bool letters = before == AsciiClass::kLetter && after == AsciiClass::kLetter;
  const bool digits = before == AsciiClass::kDigit && after == AsciiClass::kDigit;
  if (mid == AsciiClass::kMidNum) return digits;
  if (mid == AsciiClass::kMidNumLet) return letters || digits;
  return false;
}

bool IsWordChar(AsciiClass c) {
  return c == AsciiClass::kLetter || c == AsciiClass::kDigit || c == AsciiClass::kExtendNumLet;
}

void TokenizeAsciiChunk(std::string_view s, std::uint32_t base, std::vector<Token>* out) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsWordChar(ClassOf(s[i]))) {
      out->push_back({base + static_cast<std::uint32_t>(i),
                      base + static_cast<std::uint32_t>(i + 1),
                      base + static_cast<std::uint32_t>(i + 1), TokenKind::kPunctuation});
      ++i;
      continue;
    }
    const std::size_t start = i;
    bool letters = false, digits = false;
    while (i < s.size() && (IsWordChar(ClassOf(s[i])) || JoinsAt(s, i))) {
      letters |= ClassOf(s[i]) == AsciiClass::kLetter;
      digits |= ClassOf(s[i]) == AsciiClass::kDigit;
      ++i;
    }
    const auto b = base + static_cast<std::uint32_t>(start),
               e = base + static_cast<std::uint32_t>(i);
    // ICU's rule status for bare underscores: none for one, "number" for
    // a run of them. Matched so that both paths classify alike.
    const bool lone_underscore = !letters && !digits && i - start == 1;
    const TokenKind kind = letters           ? TokenKind::kWord
                           : lone_underscore ? TokenKind::kPunctuation
                                             : TokenKind::kNumber;
    out->push_back({b, e, e, kind});
  }
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8) {
  std::vector<Token> tokens;
  tokens.reserve(utf8.size() / 5 + 1);
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t space = pos;
    while (space < utf8.size() && utf8[space] != ' ' && utf8[space] != '\t' &&
           utf8[space] != '\n' && utf8[space] != '\r') {
      ++space;
    }
    const std::string_view chunk = utf8.substr(pos, space - pos);
    const auto base = static_cast<std::uint32_t>(pos);
    if (IsAscii(chunk)) {
      TokenizeAsciiChunk(chunk, base, &tokens);
    } else {
      TokenizeWithIcu(chunk, base, &tokens);
    }
    std::size_t next = space;
    while (next < utf8.size() &&
           (utf8[next] == ' ' || utf8[next] == '\t' || utf8[next] == '\n' || utf8[next] == '\r')) {
      ++next;
    }
    if (next > space && !tokens.empty()) tokens.back().space_end = static_cast<std::uint32_t>(next);
    pos = next;
  }
  return tokens;
}

std::string FoldCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) continue;
    const UChar32 folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, folded, error);
    if (!error) out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace rapporteur::text
