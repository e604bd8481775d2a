// The full-text search tokenizer: "rapporteur", an SQLite FTS5 tokenizer
// (CREATE VIRTUAL TABLE t USING fts5(text, tokenize='rapporteur')).
//
// It cuts text into words at ICU word boundaries (src/text/words.h: with
// dictionary segmentation, so Chinese and Japanese are searchable by word),
// drops punctuation and spaces, folds case and Latin diacritics
// (src/store/search_fold.h), drops French and Italian elisions ("l'État"
// -> "etat") and English possessives ("women's" -> "women"), and stems
// English with Snowball, after mapping irregular forms to their lemma
// (data/search/irregular_en.tsv: "women" -> "woman").
//
// A document word is indexed twice when its stem differs from its folded
// surface form: the surface form, then the stem as a colocated token at the
// same position. A query word is looked up by its stem; a prefix query
// ("polic*") by its folded surface form, unstemmed, so that the prefix of
// any word written in full finds that word ("poverty*" finds "poverty",
// whose stem is "poverti"). Offsets are byte offsets into the UTF-8 text,
// spanning the whole word as written. Invalid UTF-8 is never an error:
// invalid bytes are dropped.
//
// Thread safety: RegisterFtsTokenizer may be called from any thread for
// distinct connections. A SearchTokenizer (one per FTS5 table and
// connection) must not be used by two threads at once.
#ifndef RAPPORTEUR_SRC_STORE_FTS_TOKENIZER_H_
#define RAPPORTEUR_SRC_STORE_FTS_TOKENIZER_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapporteur/status.h"
#include "src/store/irregular_forms.h"
#include "src/store/search_fold.h"
#include "src/text/stemmer.h"
#include "src/text/words.h"

namespace rapporteur::store {

// Registers the tokenizer "rapporteur" with the FTS5 of `db`. Fails if the
// irregular forms cannot be read, the stemmer module cannot be loaded
// (src/text/stemmer.h) or SQLite lacks FTS5.
Status RegisterFtsTokenizer(sqlite3* db);

// Receives each token, as FTS5's xToken does (tflags is 0 or
// FTS5_TOKEN_COLOCATED); a result other than SQLITE_OK stops tokenizing.
using TokenSink = int (*)(void* ctx, int tflags, const char* token, int size, int begin, int end);

class SearchTokenizer {
 public:
  // `irregular` must outlive the tokenizer.
  static Result<std::unique_ptr<SearchTokenizer>> Create(const IrregularForms* irregular);
  ~SearchTokenizer();
  SearchTokenizer(const SearchTokenizer&) = delete;
  SearchTokenizer& operator=(const SearchTokenizer&) = delete;

  // `flags` are FTS5's: FTS5_TOKENIZE_DOCUMENT, _AUX, _QUERY, or _QUERY |
  // _PREFIX. Returns SQLITE_OK or the first failure of `sink`.
  int Tokenize(std::string_view text, int flags, void* ctx, TokenSink sink);

 private:
  static constexpr std::size_t kCachedWordMax = 23;

  struct Word {
    std::string surface;  // folded, without elision or possessive
    bool ascii = true;
    bool number = false;
    int begin = 0, end = 0;
  };

  // Stemming is most of the cost of tokenizing; word frequencies are
  // Zipfian, so a small direct-mapped cache of the last key computed for
  // each short word saves most of it.
  struct CachedKey {
    std::uint8_t word_size = 0;  // 0: empty slot
    std::uint8_t key_size = 0;
    char word[kCachedWordMax] = {};
    char key[kCachedWordMax] = {};
  };
  static constexpr std::size_t kCacheSlots = 4096;

  SearchTokenizer(const IrregularForms* irregular, text::Stemmer stemmer)
      : irregular_(irregular), stemmer_(std::move(stemmer)), cache_(kCacheSlots) {}
  bool Normalize(std::string_view text, const text::Token& token, Word* word);
  std::string_view Key(const Word& word);
  std::string_view Stem(std::string_view word);
  int TokenizePrefix(std::string_view text, void* ctx, TokenSink sink);

  const IrregularForms* irregular_;
  text::Stemmer stemmer_;
  FoldScratch scratch_;
  Word word_, pending_;
  std::vector<CachedKey> cache_;
};

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_FTS_TOKENIZER_H_
