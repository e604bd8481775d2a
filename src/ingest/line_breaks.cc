#include "src/ingest/line_breaks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

// GCC 12 reports a false -Wmaybe-uninitialized inside <regex> (std::function
// in _StateT) when building with sanitizers; the warning is in the library.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>

#include "src/ingest/labels.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

constexpr char kPageNumberPattern[] =
    "(?:(?:-|–|—)\\s*)?(?:(?:Página|Pág\\.|Page|Pag\\.|p\\.|Seite)\\s*)?(?:\\d{1,4}|[ivxlc]{1,6})"
    "(?:\\s*(?:/|of|de|sur)\\s*\\d{1,4})?(?:\\s*(?:-|–|—))?";

const std::regex& PageNumberRegex() {
  static const std::regex* const kRegex =
      new std::regex(kPageNumberPattern, std::regex::ECMAScript | std::regex::optimize);
  return *kRegex;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// The first code point of `s`, or -1.
UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
  return c;
}

// The last code point of `s` and, through `before`, the one before it.
UChar32 LastCodePoint(std::string_view s, UChar32* before = nullptr) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  if (i == 0) return -1;
  UChar32 c;
  U8_PREV(p, 0, i, c);
  if (before != nullptr) {
    *before = -1;
    if (i > 0) U8_PREV(p, 0, i, *before);
  }
  return c;
}

bool IsCjkForJoining(UChar32 c) {
  if (c < 0x2E80) return false;
  // CJK punctuation and full-width forms are script "Common", but lines of
  // Chinese ending in "，" join the next line without a space all the same.
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) return true;
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, U8_MAX_LENGTH, c, error);
  return !error && text::HasCjk(std::string_view(buf, n));
}

}  // namespace

bool StartsWithLabel(std::string_view line) {
  line = TrimLeft(line);
  // One label grammar for the whole project (labels.h), plus bullets, which
  // start a block but are not labels.
  if (MatchLabel(line, "").has_value()) return true;
  for (std::string_view bullet : {"- ", "* ", "+ ", "•", "·", "▪", "◦", "– ", "— "}) {
    if (line.substr(0, bullet.size()) == bullet) return true;
  }
  return false;
}

void JoinLine(std::string* paragraph, std::string_view line, Hyphens hyphens) {
  line = TrimLeft(line);
  while (!paragraph->empty() && (paragraph->back() == ' ' || paragraph->back() == '\t')) {
    paragraph->pop_back();
  }
  if (paragraph->empty() || line.empty()) {
    paragraph->append(line);
    return;
  }
  UChar32 before_last = -1;
  const UChar32 last = LastCodePoint(*paragraph, &before_last);
  const UChar32 first = FirstCodePoint(line);
  if (last == '-' && before_last >= 0 && u_isalpha(before_last)) {
    if (hyphens == Hyphens::kRejoin && first >= 0 && u_islower(first)) paragraph->pop_back();
    paragraph->append(line);
    return;
  }
  if (!(IsCjkForJoining(last) && IsCjkForJoining(first))) paragraph->push_back(' ');
  paragraph->append(line);
}

bool IsPageNumberLine(std::string_view line) {
  const std::string trimmed = text::CollapseWhitespace(line);
  if (trimmed.empty() || trimmed.size() > 40) return false;
  return std::regex_match(trimmed, PageNumberRegex());
}

std::string CleanText(std::string_view text) {
  return text::NormalizeNfc(text::CollapseWhitespace(text));
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

bool IsBlankLine(std::string_view line) { return text::CollapseWhitespace(line).empty(); }

}  // namespace rapporteur::ingest

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
