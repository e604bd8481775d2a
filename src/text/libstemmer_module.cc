// The stemmer module's entry point (stemmer.h): libstemmer's functions, if
// the program that loads the module was built with the same types.
#include <libstemmer.h>

#include <type_traits>

#include "src/text/stemmer.h"

static_assert(std::is_same_v<sb_symbol, unsigned char>, "StemmerModule assumes sb_symbol");

extern "C" [[gnu::visibility("default")]] const void* rapporteur_stem_module(std::uint64_t abi) {
  static const rapporteur::text::StemmerModule module = {&sb_stemmer_new, &sb_stemmer_delete,
                                                         &sb_stemmer_stem, &sb_stemmer_length};
  return abi == rapporteur::text::kStemmerModuleSpec.abi ? &module : nullptr;
}
