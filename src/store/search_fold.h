// The search form of a word: what full-text search compares, so that case,
// accents and typographic apostrophes do not stand between a query and a
// record.
//
// FoldWord writes the word case-folded (ICU full case folding, with NFKC:
// "Straße" -> "strasse", "ＵＮ" -> "un", "ﬁnal" -> "final"), with the
// diacritics of Latin letters removed ("Défense" -> "defense", "Łódź" ->
// "lodz", "Æ" -> "ae"; other scripts keep their marks: Cyrillic "й" stays
// "й"), the apostrophes U+2019 and U+02BC written as "'", and invalid UTF-8
// dropped. ASCII words take a fast path (a byte-wise lower-casing); only
// words with other characters go through ICU.
//
// Thread safety: FoldWord may be called concurrently with distinct
// FoldScratch objects.
#ifndef RAPPORTEUR_SRC_STORE_SEARCH_FOLD_H_
#define RAPPORTEUR_SRC_STORE_SEARCH_FOLD_H_

#include <string>
#include <string_view>

namespace rapporteur::store {

// Buffers FoldWord reuses from one word to the next, so that folding a
// stream of words allocates only while the buffers grow.
struct FoldScratch {
  std::u16string utf16;
  std::u16string folded;
};

// Replaces *out with the search form of `word` (possibly empty, when the
// word held nothing but invalid bytes). Returns true if the result is ASCII.
bool FoldWord(std::string_view word, FoldScratch* scratch, std::string* out);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_SEARCH_FOLD_H_
