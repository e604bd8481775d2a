// Fuzz target for the import readers (src/record/): the first byte picks a
// reader, the rest is its input. Whatever the input, a reader must return
// (records or a Status), never crash, hang or throw; every record it gives
// must have a kind and a key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "src/record/column_mapping.h"
#include "src/record/followup_json.h"
#include "src/record/json_lines.h"
#include "src/record/mapped_sources.h"
#include "src/record/ohchr_thematic.h"
#include "src/record/ratification_table.h"
#include "src/record/source_dates.h"
#include "src/record/upr_info.h"

namespace {

using namespace rapporteur::record;  // NOLINT: a fuzz driver

// Any name of two to four ASCII letters is a state: enough to reach the
// code behind state resolution.
StateResolver AnyShortName() {
  return StateResolver([](std::string_view name) -> rapporteur::Result<std::string> {
    if (name.size() < 2 || name.size() > 4) return rapporteur::NotFound("unknown state");
    return std::string("FR");
  });
}

class CheckingSink : public RecordSink {
 public:
  rapporteur::Status Add(rapporteur::Record record, const SourceRow&) override {
    if (record.kind.empty() || record.key.empty()) std::abort();
    return rapporteur::Status::Ok();
  }
  rapporteur::Status Reject(const SourceRow&, std::string_view, std::string) override {
    return rapporteur::Status::Ok();  // as with --skip-bad: go on
  }
  void Warn(std::string) override {}
};

constexpr std::string_view kMapping = R"({"kind": "recommendation",
  "columns": {"a": "state", "b": "text", "c": "date", "d": "recommending_states", "e": "response",
              "f": "session"}, "constants": {"mechanism": "UPR"}})";

void RunMapped(int which, std::string_view input) {
  static const rapporteur::Result<ColumnMapping> mapping = ParseColumnMapping(kMapping);
  if (!mapping) std::abort();
  StateResolver states = AnyShortName();
  CheckingSink sink;
  if (which == 0) (void)ReadMappedCsv(input, *mapping, states, sink);
  if (which == 1) (void)ReadMappedXlsx(input, *mapping, states, sink);
  if (which == 2) (void)ReadMappedJsonLinesFile(input, *mapping, states, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  StateResolver states = AnyShortName();
  CheckingSink sink;
  switch (data[0] % 10) {
    case 0: (void)ReadUprInfo(input, states, sink); break;
    case 1: (void)ReadRatificationTable(input, "ICCPR", states, sink); break;
    case 2: (void)ReadOhchrThematicList(input, states, sink); break;
    case 3: (void)ReadFollowUpJson(input, states, sink); break;
    case 4: (void)ReadJsonLinesExport(input, sink); break;
    case 5: (void)ParseColumnMapping(input); break;
    case 6: {
      const std::size_t nul = input.find('\0');
      (void)ParseEnglishDate(input);
      if (nul != std::string_view::npos)
        (void)ParseDateWithFormat(input.substr(nul + 1), input.substr(0, nul));
      break;
    }
    default: RunMapped(data[0] % 10 - 7, input);
  }
  return 0;
}
