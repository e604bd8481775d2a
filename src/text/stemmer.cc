#include "src/text/stemmer.h"

#include <utility>

namespace rapporteur::text {
namespace {

Result<const StemmerModule*> TheStemmerModule() {
  static const Result<const StemmerModule*> table =
      LoadModuleTable<StemmerModule>(kStemmerModuleSpec, ModuleCandidates(kStemmerModuleSpec));
  if (!table) return Internal("stemming is not available: " + table.error().message());
  return *table;
}

}  // namespace

Result<Stemmer> Stemmer::English() {
  Result<const StemmerModule*> module = TheStemmerModule();
  if (!module) return module.error();
  sb_stemmer* stemmer = (*module)->create("english", "UTF_8");
  if (stemmer == nullptr) return Internal("cannot create the Snowball stemmer for English");
  return Stemmer(*module, stemmer);
}

Stemmer::Stemmer(Stemmer&& other) noexcept
    : module_(other.module_), stemmer_(std::exchange(other.stemmer_, nullptr)) {}

Stemmer& Stemmer::operator=(Stemmer&& other) noexcept {
  if (this != &other) {
    if (stemmer_ != nullptr) module_->destroy(stemmer_);
    module_ = other.module_;
    stemmer_ = std::exchange(other.stemmer_, nullptr);
  }
  return *this;
}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) module_->destroy(stemmer_);
}

std::string_view Stemmer::Stem(std::string_view word) {
  const unsigned char* stem = module_->stem(
      stemmer_, reinterpret_cast<const unsigned char*>(word.data()), static_cast<int>(word.size()));
  if (stem == nullptr) return word;
  return {reinterpret_cast<const char*>(stem), static_cast<std::size_t>(module_->length(stemmer_))};
}

}  // namespace rapporteur::text
