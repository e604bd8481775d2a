// UTF-8 and encoding helpers over ICU.
#ifndef RAPPORTEUR_SRC_TEXT_UTF8_H_
#define RAPPORTEUR_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "rapporteur/status.h"

namespace rapporteur::text {

// Byte offset of the first invalid UTF-8 sequence, or nullopt if valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes);

// Converts `bytes` to UTF-8. `encoding` names the source encoding (any name
// ICU knows: "windows-1252", "macintosh", "GB18030", ...); when empty, the
// encoding is a BOM's, else UTF-8 if valid, else ICU's detector's guess.
// Fails on invalid UTF-8 only if the caller named "UTF-8" explicitly.
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view encoding);

// NFC normalisation; invalid input is returned unchanged.
std::string NormalizeNfc(std::string_view utf8);

// Collapses runs of Unicode whitespace (including NBSP and ideographic
// space) to one ASCII space and trims both ends.
std::string CollapseWhitespace(std::string_view utf8);

// True if the text contains Han, Hiragana, Katakana or Hangul: such text
// joins lines without a space.
bool HasCjk(std::string_view utf8);

}  // namespace rapporteur::text

#endif  // RAPPORTEUR_SRC_TEXT_UTF8_H_
