// Small text helpers the format readers share: trimming, HTML entities
// (UPR Info writes "&#40;Unknown&#41;", the OHCHR lists "&amp;"), lists in
// one cell, whole numbers, and the stable hash that record keys are made of.
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_RECORD_SOURCE_TEXT_H_
#define RAPPORTEUR_SRC_RECORD_SOURCE_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur::record {

// Without ASCII spaces, tabs and line ends at either end.
std::string_view TrimSpaces(std::string_view text);

// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric entities
// (&#40; &#x28;); anything else that looks like an entity stays as written.
std::string DecodeHtmlEntities(std::string_view text);

// Splits at `separator`, trims every item, drops empty ones.
std::vector<std::string> SplitList(std::string_view text, std::string_view separator);

// A whole number written in decimal digits (an optional sign, surrounding
// spaces ignored), or nullopt.
std::optional<std::int64_t> ParseInteger(std::string_view text);

// 64-bit FNV-1a of `text` as 16 lower-case hex digits. Stable across
// platforms and versions: record keys are made of it, and must not change.
std::string StableHash(std::string_view text);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_SOURCE_TEXT_H_
