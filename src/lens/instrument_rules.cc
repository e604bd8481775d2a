// instrument_removed / instrument_added: an instrument referred to anywhere
// in one version (by name, abbreviation, alias, or "the Covenant" resolved
// to it) and nowhere in the other. Judged over whole documents, so that a
// reference moved to another clause is no finding.
#include <map>

#include "src/lens/rules.h"

namespace rapporteur::lens {
namespace {

struct Mention {
  std::size_t block;
  std::uint32_t begin, end;
};

// The first mention of each instrument; explicit names beat "the Covenant".
std::map<std::string, Mention> FirstMentions(const ScannedDocument& hits) {
  std::map<std::string, Mention> first, first_anaphoric;
  for (std::size_t b = 0; b < hits.size(); ++b) {
    for (const Hit& h : hits[b]) {
      if (h.kind != HitKind::kInstrument) continue;
      auto& into = h.anaphoric ? first_anaphoric : first;
      into.emplace(h.type, Mention{b, h.begin, h.end});
    }
  }
  for (auto& [id, m] : first_anaphoric) first.emplace(id, m);
  return first;
}

// The name as written in one version, found up to a typo in the other's
// counterpart clause: "Politcal Rights" corrected is no new reference.
bool SpelledNearly(const Document& doc, const Mention& m, const Document& other,
                   const std::vector<int>& counterpart) {
  const int c = counterpart[m.block];
  if (c < 0) return false;
  const std::string_view name =
      std::string_view(doc.blocks[m.block].text).substr(m.begin, m.end - m.begin);
  return ContainsNearly(other.blocks[static_cast<std::size_t>(c)].text, name);
}

Severity RemovalSeverity(const Instrument* inst) {
  if (inst == nullptr) return Severity::kMedium;
  const bool foundational = inst->id == "UDHR" || inst->id == "UN-CHARTER";
  return inst->core || foundational ? Severity::kHigh : Severity::kMedium;
}

}  // namespace

void FindInstrumentShifts(const AnalysisContext& ctx, std::vector<Finding>* out) {
  const std::map<std::string, Mention> old_first = FirstMentions(ctx.old_hits);
  const std::map<std::string, Mention> new_first = FirstMentions(ctx.new_hits);
  for (const auto& [id, m] : old_first) {
    if (new_first.count(id)) continue;
    if (SpelledNearly(ctx.before, m, ctx.after, ctx.new_of_old)) continue;
    Finding f;
    f.kind = "instrument_removed";
    f.severity = RemovalSeverity(ctx.catalogue.Find(id));
    f.instrument = id;
    f.before = ctx.OldEvidence(m.block, m.begin, m.end);
    f.after = ctx.NewClause(ctx.new_of_old[m.block]);
    out->push_back(std::move(f));
  }
  for (const auto& [id, m] : new_first) {
    if (old_first.count(id)) continue;
    if (SpelledNearly(ctx.after, m, ctx.before, ctx.old_of_new)) continue;
    Finding f;
    f.kind = "instrument_added";
    f.severity = Severity::kLow;
    f.instrument = id;
    f.before = ctx.OldClause(ctx.old_of_new[m.block]);
    f.after = ctx.NewEvidence(m.block, m.begin, m.end);
    out->push_back(std::move(f));
  }
}

}  // namespace rapporteur::lens
