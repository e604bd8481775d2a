// Fuzz target for the states.tsv parser: any bytes give rows or a Status,
// never a crash; every row it accepts has a well-formed code and group.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/record/states_tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rapporteur::Result<std::vector<rapporteur::record::StateRow>> rows =
      rapporteur::record::ParseStatesTsv(text);
  if (!rows) return 0;
  for (const rapporteur::record::StateRow& row : *rows) {
    if (row.code.size() != 2 || row.line == 0) std::abort();
    if (row.regional_group && !row.regional_group->empty() &&
        !rapporteur::record::IsRegionalGroup(*row.regional_group)) {
      std::abort();
    }
  }
  return 0;
}
