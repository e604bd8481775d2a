#include "src/store/search_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

namespace rapporteur::store {
namespace {

// Lower-cases an ASCII word into *out; false (and *out unspecified) at the
// first byte that is not ASCII.
bool LowerAscii(std::string_view word, std::string* out) {
  out->resize(word.size());
  char* dst = out->data();
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    dst[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + ('a' - 'A') : c);
  }
  return true;
}

void AppendUtf8(UChar32 c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Latin letters (already folded) that carry a diacritic but have no
// canonical decomposition, written as their base letters.
const char* LatinWithoutDecomposition(UChar32 c) {
  switch (c) {
    case 0x00E6: return "ae";  // æ
    case 0x00F0: return "d";   // ð
    case 0x00F8: return "o";   // ø
    case 0x00FE: return "th";  // þ
    case 0x0111: return "d";   // đ
    case 0x0127: return "h";   // ħ
    case 0x0131: return "i";   // ı
    case 0x0142: return "l";   // ł
    case 0x0153: return "oe";  // œ
    case 0x0167: return "t";   // ŧ
    case 0x0180: return "b";   // ƀ
    case 0x01B6: return "z";   // ƶ
    default: return nullptr;
  }
}

// Appends a Latin letter without its diacritics: the first code point of
// its canonical decomposition ("é" = "e" + U+0301), or the table above.
void AppendLatinBase(UChar32 c, std::string* out) {
  static const UNormalizer2* nfd = [] {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFDInstance(&err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  UChar decomposition[8];
  UErrorCode err = U_ZERO_ERROR;
  const int32_t n = nfd == nullptr ? 0 : unorm2_getDecomposition(nfd, c, decomposition, 8, &err);
  if (U_SUCCESS(err) && n > 0) {
    int32_t i = 0;
    U16_NEXT(decomposition, i, n, c);
  }
  const char* base = LatinWithoutDecomposition(c);
  if (base != nullptr) {
    out->append(base);
  } else {
    AppendUtf8(c, out);
  }
}

// Case folding with NFKC (ICU's NFKC_Casefold, which also drops default
// ignorables such as the soft hyphen) into scratch->folded.
bool NfkcCasefold(FoldScratch* scratch) {
  static const UNormalizer2* nfkc_cf = [] {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFKCCasefoldInstance(&err);
    return U_SUCCESS(err) ? n : nullptr;
  }();
  if (nfkc_cf == nullptr) return false;
  const std::u16string& in = scratch->utf16;
  std::u16string& out = scratch->folded;
  if (out.size() < 2 * in.size() + 16) out.resize(2 * in.size() + 16);
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = unorm2_normalize(nfkc_cf, in.data(), static_cast<int32_t>(in.size()), out.data(),
                               static_cast<int32_t>(out.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {  // rare: a few characters expand 18-fold
    out.resize(static_cast<std::size_t>(n));
    err = U_ZERO_ERROR;
    n = unorm2_normalize(nfkc_cf, in.data(), static_cast<int32_t>(in.size()), out.data(), n, &err);
  }
  if (U_FAILURE(err)) return false;
  out.resize(static_cast<std::size_t>(n));
  return true;
}

bool ToUtf16(std::string_view word, FoldScratch* scratch) {
  scratch->utf16.resize(word.size());
  int32_t length = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8WithSub(scratch->utf16.data(), static_cast<int32_t>(scratch->utf16.size()), &length,
                       word.data(), static_cast<int32_t>(word.size()), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) return false;
  scratch->utf16.resize(static_cast<std::size_t>(length));
  return true;
}

// Writes the folded UTF-16 word as UTF-8, removing what search ignores.
bool StripToUtf8(const std::u16string& folded, std::string* out) {
  out->clear();
  bool ascii = true, after_latin = false;
  const auto length = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(folded.data(), i, length, c);
    if (c == 0xFFFD) continue;  // what was left of invalid UTF-8
    if (c == 0x2019 || c == 0x02BC) c = '\'';
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      after_latin = true;
      continue;
    }
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (after_latin) continue;  // a mark on a Latin letter that did not compose
    } else {
      UErrorCode err = U_ZERO_ERROR;
      after_latin = uscript_getScript(c, &err) == USCRIPT_LATIN;
    }
    if (after_latin) {
      AppendLatinBase(c, out);
    } else {
      AppendUtf8(c, out);
    }
  }
  for (char c : *out) ascii &= static_cast<unsigned char>(c) < 0x80;
  return ascii;
}

}  // namespace

bool FoldWord(std::string_view word, FoldScratch* scratch, std::string* out) {
  if (LowerAscii(word, out)) return true;
  if (!ToUtf16(word, scratch) || !NfkcCasefold(scratch)) {
    out->clear();
    return true;
  }
  return StripToUtf8(scratch->folded, out);
}

}  // namespace rapporteur::store
