// Fuzz target for the format readers: any bytes, read as the format named
// by RAPPORTEUR_FUZZ_FORMAT, must give a Document or a Status, never a
// crash, a hang or a sanitizer report. A document that reads is then
// compared with itself, which must find no differences.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "rapporteur/compare.h"
#include "rapporteur/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rapporteur::ReadOptions options;
  options.format = rapporteur::ParseFormatName(RAPPORTEUR_FUZZ_FORMAT).value();
  options.max_expanded_bytes = 16u << 20;  // keep zip bombs cheap under the fuzzer
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  rapporteur::Result<rapporteur::Document> doc =
      rapporteur::ReadDocumentFromBytes(bytes, "fuzz-input", options);
  if (!doc) return 0;
  rapporteur::Comparison c = rapporteur::Compare(*doc, *doc, {});
  if (c.HasDifferences()) std::abort();  // a document must equal itself
  return 0;
}
