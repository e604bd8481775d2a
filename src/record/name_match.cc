#include "src/record/name_match.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

namespace rapporteur::record {
namespace {

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Modifier letters that are written as apostrophes ("Côte dʼIvoire"):
// ICU counts them as letters, people count them as punctuation.
bool IsApostropheLike(UChar32 c) { return c == 0x02BB || c == 0x02BC || c == 0x02BD; }

bool IsWordChar(UChar32 c) {
  if (IsApostropheLike(c)) return false;
  return u_isalnum(c) || u_charType(c) == U_COMBINING_SPACING_MARK;
}

std::size_t Length(const std::string& s) { return s.size(); }
std::size_t Length(const icu::UnicodeString& s) { return static_cast<std::size_t>(s.length()); }
void Append(std::string& s, UChar32 c) { s.push_back(static_cast<char>(c)); }  // ASCII only
void Append(icu::UnicodeString& s, UChar32 c) { s.append(c); }

// Collects folded words: word characters join the current word, anything
// else ends it, and words are joined by single spaces.
template <typename Text>
class WordJoiner {
 public:
  void Add(UChar32 c) {
    if (gap_ && Length(text_) > 0) Append(text_, ' ');
    gap_ = false;
    Append(text_, c);
  }
  void Break() { gap_ = true; }
  void AddWord(std::string_view word) {
    Break();
    for (char c : word) Add(c);
    Break();
  }
  Text& text() { return text_; }

 private:
  Text text_;
  bool gap_ = false;
};

// The common case, and the hot one during imports: plain ASCII needs no
// normalisation and no case folding beyond A-Z.
std::string FoldAscii(std::string_view name) {
  WordJoiner<std::string> out;
  for (char ch : name) {
    if (ch == '&') {
      out.AddWord("and");
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      out.Add(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      out.Add(ch - 'A' + 'a');
    } else {
      out.Break();
    }
  }
  return std::move(out.text());
}

std::string FoldUnicode(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  text.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err)) text = nfd->normalize(text, err);
  WordJoiner<icu::UnicodeString> out;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the diacritics NFD split off
    if (c == '&' || c == 0xFF06) {
      out.AddWord("and");
    } else if (IsWordChar(c)) {
      out.Add(c);
    } else {
      out.Break();
    }
  }
  icu::UnicodeString folded = out.text();
  if (U_SUCCESS(err)) folded = nfc->normalize(folded, err);
  std::string result;
  folded.toUTF8String(result);
  return result;
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string folded = IsAscii(name) ? FoldAscii(name) : FoldUnicode(name);
  if (folded.starts_with("the ")) folded.erase(0, 4);
  return folded;
}

std::size_t EditDistance(std::string_view a_utf8, std::string_view b_utf8) {
  const std::u32string a = DecodeUtf8(a_utf8), b = DecodeUtf8(b_utf8);
  // Three rows of the dynamic programme: i-2, i-1 and i.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string CaseFold(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  text.foldCase(U_FOLD_CASE_DEFAULT);
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) { return CaseFold(a) == CaseFold(b); }

}  // namespace rapporteur::record
