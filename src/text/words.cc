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
void AddNoneSegment(std::string_view s, std::uint32_t begin, std::uint32_t end,
                    std::vector<Token>* tokens) {
  std::uint32_t i = begin;
  while (i < end) {
    std::uint32_t next = 0;
    if (IsSpaceAt(s, i, &next)) {
      if (!tokens->empty()) tokens->back().space_end = next;
    } else {
      tokens->push_back({i, next, next, TokenKind::kPunctuation});
    }
    i = next;
  }
}

TokenKind KindFromRuleStatus(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  return TokenKind::kWord;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8) {
  std::vector<Token> tokens;
  icu::BreakIterator* breaker = ThreadWordBreaker();
  if (breaker == nullptr || utf8.empty()) return tokens;
  tokens.reserve(utf8.size() / 5);
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &err);
  if (U_FAILURE(err)) return tokens;
  breaker->setText(ut, err);
  // ICU reports boundaries in native (UTF-8 byte) offsets of the UText.
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    const int32_t status = breaker->getRuleStatus();
    const auto b = static_cast<std::uint32_t>(start);
    const auto e = static_cast<std::uint32_t>(end);
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
      AddNoneSegment(utf8, b, e, &tokens);
    } else {
      tokens.push_back({b, e, e, KindFromRuleStatus(status)});
    }
  }
  utext_close(ut);
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
