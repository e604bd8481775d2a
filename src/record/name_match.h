// Comparing names as people write them: the folded form that state and
// mechanism names are looked up in, and the edit distance that suggests the
// closest known name for an unknown one.
//
// Thread safety: pure functions; safe from any thread.
#ifndef RAPPORTEUR_SRC_RECORD_NAME_MATCH_H_
#define RAPPORTEUR_SRC_RECORD_NAME_MATCH_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace rapporteur::record {

// Case-folds, removes diacritics, reads '&' as "and", turns every other
// character that is not a letter or a digit (punctuation, apostrophes
// straight or curly, white space) into a single space, trims, and drops a
// leading "the": "The Côte d’Ivoire" -> "cote d ivoire",
// "Bosnia & Herzegovina" -> "bosnia and herzegovina". Invalid UTF-8 bytes
// count as punctuation.
std::string FoldName(std::string_view name);

// Damerau-Levenshtein distance (optimal string alignment: insertions,
// deletions, substitutions and transpositions of adjacent characters, each
// costing 1) between two UTF-8 strings, counted in code points.
std::size_t EditDistance(std::string_view a, std::string_view b);

// Full Unicode case folding ("Straße" -> "strasse"); nothing else changes.
std::string CaseFold(std::string_view s);

// Case-insensitive equality: CaseFold(a) == CaseFold(b).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_NAME_MATCH_H_
