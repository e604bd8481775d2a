#include "src/text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

namespace rapporteur::text {
namespace {

struct BomRule {
  std::string_view bom;
  const char* encoding;
};

// Used by the BOM table below; clang-tidy does not see literal operators used.
// NOLINTNEXTLINE(misc-unused-using-decls)
using std::string_view_literals::operator""sv;

// Longest first: the UTF-32LE BOM begins with the UTF-16LE one. The ""sv
// literals matter: the UTF-32 BOMs contain NUL bytes, which a plain char
// pointer would cut short (the UTF-32BE one to the empty string, which then
// matched every input).
constexpr BomRule kBoms[] = {
    {"\x00\x00\xFE\xFF"sv, "UTF-32BE"}, {"\xFF\xFE\x00\x00"sv, "UTF-32LE"},
    {"\xEF\xBB\xBF"sv, "UTF-8"},        {"\xFE\xFF"sv, "UTF-16BE"},
    {"\xFF\xFE"sv, "UTF-16LE"},
};

const char* EncodingFromBom(std::string_view bytes, std::size_t* bom_length) {
  for (const BomRule& rule : kBoms) {
    if (bytes.substr(0, rule.bom.size()) == rule.bom) {
      *bom_length = rule.bom.size();
      return rule.encoding;
    }
  }
  return nullptr;
}

// ICU's charset detector; nullptr when it has no confident answer.
std::string DetectEncoding(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&err), ucsdet_close);
  if (U_FAILURE(err)) return "";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &err);
  if (U_FAILURE(err) || name == nullptr) return "";
  // ICU reports windows-1252 text without bytes in 0x80-0x9F as ISO-8859-1,
  // and ISO-8859-1 maps those bytes to invisible C1 controls; windows-1252 is
  // the superset that documents written on Windows actually use.
  const std::string_view detected(name);
  if (detected == "ISO-8859-1") return "windows-1252";
  return std::string(detected);
}

Result<std::string> Convert(std::string_view bytes, const std::string& encoding) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &err),
                                                          ucnv_close);
  if (U_FAILURE(err)) return InvalidArgument("unknown encoding '" + encoding + "'");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), err);
  if (U_FAILURE(err)) {
    return InvalidInput("not valid " + encoding + " text");
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

// Calls `fn` with every valid code point outside ASCII, until it returns
// false. ASCII bytes are skipped without a call into ICU: these loops run
// over whole files.
template <typename Fn>
void ForEachNonAscii(std::string_view bytes, Fn fn) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && !fn(c)) return;
  }
}

// Valid UTF-8 sequences of two bytes or more.
std::size_t CountMultiByteSequences(std::string_view bytes) {
  std::size_t count = 0;
  ForEachNonAscii(bytes, [&count](UChar32) {
    ++count;
    return true;
  });
  return count;
}

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    // Hot loop over whole files: skip ASCII without calling into ICU.
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view encoding) {
  std::size_t bom_length = 0;
  const char* bom_encoding = EncodingFromBom(bytes, &bom_length);
  std::string chosen(encoding);
  if (chosen.empty() && bom_encoding != nullptr) chosen = bom_encoding;
  if (bom_encoding != nullptr && ucnv_compareNames(chosen.c_str(), bom_encoding) == 0) {
    bytes.remove_prefix(bom_length);
  } else {
    bom_length = 0;
  }
  if (chosen.empty()) {
    const std::optional<std::size_t> bad = FindInvalidUtf8(bytes);
    if (!bad) return std::string(bytes);
    // Text that is UTF-8 but for a few bytes is damaged UTF-8, not a legacy
    // encoding: guessing one would garble every accent. Say where.
    if (CountMultiByteSequences(bytes) > 0) {
      return InvalidInput("invalid UTF-8 at byte " + std::to_string(*bad) +
                          " (name the encoding with --encoding if the file is not UTF-8)");
    }
    chosen = DetectEncoding(bytes);
    if (chosen.empty()) chosen = "windows-1252";
  }
  // ucnv_compareNames ignores case and punctuation: "utf8" == "UTF-8".
  const bool is_utf8 = ucnv_compareNames(chosen.c_str(), "UTF-8") == 0;
  if (is_utf8) {
    if (std::optional<std::size_t> bad = FindInvalidUtf8(bytes)) {
      return InvalidInput("invalid UTF-8 at byte " + std::to_string(*bad + bom_length));
    }
    return std::string(bytes);
  }
  return Convert(bytes, chosen);
}

namespace {
bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}
}  // namespace

std::string NormalizeNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);  // ASCII is always NFC
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (nfc->isNormalized(s, err) && U_SUCCESS(err)) return std::string(utf8);
  err = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(s, err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

namespace {

// ASCII bytes other than spaces: copied as they are.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x80; ++c) table[c] = true;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[static_cast<unsigned char>(c)] = false;
  return table;
}();

// The end of the run of ASCII non-space bytes from `i`.
std::size_t EndOfPlainRun(const std::uint8_t* s, std::size_t i, std::size_t length) {
  while (i < length && kPlainByte[s[i]]) ++i;
  return i;
}

}  // namespace

std::string CollapseWhitespace(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const std::size_t length = utf8.size();
  bool pending_space = false;
  std::size_t i = 0;
  while (i < length) {
    // Hot loop over every block: runs of ASCII copied whole, without a
    // call into ICU.
    if (const std::size_t end = EndOfPlainRun(s, i, length); end > i) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(utf8.substr(i, end - i));
      i = end;
      continue;
    }
    if (s[i] < 0x80) {  // an ASCII space
      pending_space = !out.empty();
      ++i;
      continue;
    }
    // Decoded from here with at most 4 bytes in view: ICU's offsets are
    // 32-bit, texts may not be.
    const std::size_t start = i;
    int32_t offset = 0;
    UChar32 c;
    U8_NEXT(s + i, offset, static_cast<int32_t>(std::min<std::size_t>(length - i, 4)), c);
    i += static_cast<std::size_t>(offset);
    // Zero-width characters and soft hyphens carry no text.
    if (c == 0x200B || c == 0xFEFF || c == 0x00AD || c == 0x200C || c == 0x200D) continue;
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(utf8.substr(start, i - start));
  }
  return out;
}

bool HasCjk(std::string_view utf8) {
  bool found = false;
  ForEachNonAscii(utf8, [&found](UChar32 c) {
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &err);
    found = script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
            script == USCRIPT_HANGUL;
    return !found;
  });
  return found;
}

}  // namespace rapporteur::text
