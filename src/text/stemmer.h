// Snowball's English stemmer (libstemmer), for search keys and the
// recurrence engine.
//
// libstemmer carries the tables of all its thirty languages, 325 KB of
// pointers that a position-independent program relocates at every start
// (80 page faults, about 3 ms: a sixth of a small comparison, which never
// stems). So it is linked only into the module librapporteur_stem.so
// (libstemmer_module.cc), loaded by the first Stemmer::English()
// (src/base/module_loader.h; $RAPPORTEUR_STEM_MODULE names a path to try
// first).
//
//   Result<Stemmer> stemmer = Stemmer::English();
//   stemmer->Stem("ratifications")  // "ratif"
//
// Thread safety: a Stemmer belongs to one thread (Snowball's state is not
// reentrant); English() may be called concurrently.
#ifndef RAPPORTEUR_SRC_TEXT_STEMMER_H_
#define RAPPORTEUR_SRC_TEXT_STEMMER_H_

#include <cstdint>
#include <string_view>

#include "rapporteur/status.h"
#include "src/base/module_loader.h"

struct sb_stemmer;

namespace rapporteur::text {

// The module's table: libstemmer's own four functions (sb_symbol is
// unsigned char).
struct StemmerModule {
  sb_stemmer* (*create)(const char* algorithm, const char* encoding) = nullptr;
  void (*destroy)(sb_stemmer* stemmer) = nullptr;
  const unsigned char* (*stem)(sb_stemmer* stemmer, const unsigned char* word, int size) = nullptr;
  int (*length)(sb_stemmer* stemmer) = nullptr;
};

inline constexpr ModuleSpec kStemmerModuleSpec = {"librapporteur_stem.so", "rapporteur_stem_module",
                                                  "RAPPORTEUR_STEM_MODULE",
                                                  (std::uint64_t{1} << 56) ^ sizeof(StemmerModule)};

class Stemmer {
 public:
  // Fails when the module cannot be loaded (the message names every path
  // tried) or Snowball cannot allocate.
  static Result<Stemmer> English();

  Stemmer(Stemmer&& other) noexcept;
  Stemmer& operator=(Stemmer&& other) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  ~Stemmer();

  // The stem of a lower-case UTF-8 word; valid until the next call. The
  // word itself if Snowball runs out of memory. Not on a moved-from Stemmer.
  std::string_view Stem(std::string_view word);

 private:
  Stemmer(const StemmerModule* module, sb_stemmer* stemmer) : module_(module), stemmer_(stemmer) {}

  const StemmerModule* module_;
  sb_stemmer* stemmer_;
};

}  // namespace rapporteur::text

#endif  // RAPPORTEUR_SRC_TEXT_STEMMER_H_
