// Irregular English forms for full-text search (data/search/irregular_en.tsv,
// format in docs/data-formats.md): word forms that the Snowball stemmer
// cannot bring to their lemma, such as "women" -> "woman", "children" ->
// "child", "took" -> "take". The search tokenizer indexes and queries such
// a form as its lemma, so that "woman" finds "women".
//
// Thread safety: immutable once parsed; DefaultIrregularForms loads the
// file once, on first use, and may be called from any thread.
#ifndef RAPPORTEUR_SRC_STORE_IRREGULAR_FORMS_H_
#define RAPPORTEUR_SRC_STORE_IRREGULAR_FORMS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rapporteur/status.h"

namespace rapporteur::store {

class IrregularForms {
 public:
  // Parses the TSV text; `name` is the file name for messages. Forms and
  // lemmas are stored in their search form (src/store/search_fold.h).
  static Result<IrregularForms> Parse(std::string_view text, const std::string& name);
  static Result<IrregularForms> Load(const std::string& path);

  // The lemma of a word in search form, or nullptr if it is not listed.
  const std::string* Find(std::string_view folded) const {
    auto it = lemmas_.find(folded);
    return it == lemmas_.end() ? nullptr : &it->second;
  }
  std::size_t size() const { return lemmas_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> lemmas_;
};

// The data directory: $RAPPORTEUR_DATA if set, else the source tree's data/.
std::string SearchDataDir();

// data/search/irregular_en.tsv of SearchDataDir(), read on the first call.
const Result<IrregularForms>& DefaultIrregularForms();

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_IRREGULAR_FORMS_H_
