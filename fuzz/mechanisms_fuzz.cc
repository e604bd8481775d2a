// Fuzz target for the mechanisms.jsonl parser: any bytes give mechanisms or
// a Status, never a crash; every mechanism it accepts is found by its id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/record/mechanisms.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rapporteur::Result<std::vector<rapporteur::Mechanism>> list =
      rapporteur::ParseMechanisms(text, "fuzz-input");
  if (!list) return 0;
  for (const rapporteur::Mechanism& m : *list) {
    if (!rapporteur::IsMechanismType(m.type)) std::abort();
    if (rapporteur::FindMechanism(*list, m.id) != &m) std::abort();
  }
  return 0;
}
