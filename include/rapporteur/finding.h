// rapporteur: a finding, one shift of emphasis between two versions, with
// its evidence. Produced by rapporteur::Lens (findings.h); carried by a
// Comparison so every output format can show it.
//
// Thread safety: plain values.
#ifndef RAPPORTEUR_FINDING_H_
#define RAPPORTEUR_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rapporteur {

enum class Severity { kHigh, kMedium, kLow };
std::string_view SeverityName(Severity severity);  // "high", "medium", "low"

// Where a finding's evidence stands in one version.
struct Evidence {
  std::size_t index = 0;  // block index in that version
  std::string label;
  std::string path;
  std::string quote;      // the words themselves
  std::size_t start = 0;  // byte offsets of the quote in the clause text
  std::size_t end = 0;
};

struct Finding {
  std::string kind;  // instrument_removed, obligation_weakened, ...
  Severity severity = Severity::kMedium;
  std::string instrument;  // catalogue id, e.g. "ICCPR", or ""
  std::string direction;   // objective_changed: "narrowed", "broadened" or ""
  std::string type;        // the lexicon category, e.g. "publication", "consent", or ""
  std::optional<Evidence> before;
  std::optional<Evidence> after;
  std::string explanation;  // one sentence for a report
};

}  // namespace rapporteur

#endif  // RAPPORTEUR_FINDING_H_
