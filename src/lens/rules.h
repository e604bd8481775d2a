// The rules that turn scanned hits and the clause alignment into findings,
// one function per family of kinds. Shared context in AnalysisContext.
// Each rule is documented where it is defined; the severities are tabled
// in docs/findings.md.
#ifndef RAPPORTEUR_SRC_LENS_RULES_H_
#define RAPPORTEUR_SRC_LENS_RULES_H_

#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/findings.h"
#include "src/lens/catalogue.h"
#include "src/lens/scanner.h"

namespace rapporteur::lens {

struct AnalysisContext {
  AnalysisContext(const Document& b, const Document& a, const Comparison& c, const Catalogue& cat,
                  ScannedDocument old_hits, ScannedDocument new_hits);

  const Document& before;
  const Document& after;
  const Comparison& comparison;
  const Catalogue& catalogue;
  ScannedDocument old_hits, new_hits;
  std::vector<int> new_of_old, old_of_new;  // counterpart block, or -1
  std::vector<const ClauseChange*> change_of_new, change_of_old;

  Evidence OldEvidence(std::size_t index, std::uint32_t begin, std::uint32_t end) const;
  Evidence NewEvidence(std::size_t index, std::uint32_t begin, std::uint32_t end) const;
  // Whether bytes [begin, end) of a block were touched by the redline
  // (deleted on the old side, inserted on the new side). Blocks without a
  // 1:1 counterpart count as wholly changed.
  bool OldChanged(std::size_t index, std::uint32_t begin, std::uint32_t end) const;
  bool NewChanged(std::size_t index, std::uint32_t begin, std::uint32_t end) const;

  // The whole clause, for the side where the evidence is an absence.
  std::optional<Evidence> OldClause(int index) const;
  std::optional<Evidence> NewClause(int index) const;
};

void FindInstrumentShifts(const AnalysisContext& ctx, std::vector<Finding>* out);
void FindLexicalShifts(const AnalysisContext& ctx, std::vector<Finding>* out);
void FindObligationShifts(const AnalysisContext& ctx, std::vector<Finding>* out);
void FindObjectiveChanges(const AnalysisContext& ctx, std::vector<Finding>* out);
void FindScopeChanges(const AnalysisContext& ctx, std::vector<Finding>* out);

// Whether `text` contains `phrase` up to a typo or two (bounded edit
// distance, case-insensitive): a phrase "added" by fixing its spelling is no
// finding.
bool ContainsNearly(std::string_view text, std::string_view phrase);

// Fills in `explanation` (one sentence a monitor could paste in a report).
void Explain(const Catalogue& catalogue, Finding* f);

}  // namespace rapporteur::lens

#endif  // RAPPORTEUR_SRC_LENS_RULES_H_
