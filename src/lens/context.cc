#include <algorithm>

#include "src/lens/rules.h"

namespace rapporteur::lens {
namespace {

Evidence MakeEvidence(const Document& doc, std::size_t index, std::uint32_t begin,
                      std::uint32_t end) {
  const Block& b = doc.blocks[index];
  end = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(b.text.size()));
  begin = std::min(begin, end);
  return Evidence{index, b.label, b.path, b.text.substr(begin, end - begin), begin, end};
}

// Does [begin, end) overlap a run of `op` in the edits, counting offsets on
// the side that run belongs to?
bool Touched(const ClauseChange* ch, DiffOp own, std::uint32_t begin, std::uint32_t end) {
  const bool one_to_one = ch != nullptr && ch->before && ch->after && ch->merged_from.empty() &&
                          ch->status != ClauseStatus::kSplit;
  if (!one_to_one) return true;
  std::uint32_t at = 0;
  for (const Edit& e : ch->edits) {
    if (e.op != DiffOp::kEqual && e.op != own) continue;
    const auto next = at + static_cast<std::uint32_t>(e.text.size());
    if (e.op == own && at < end && begin < next) return true;
    at = next;
  }
  return false;
}

}  // namespace

bool AnalysisContext::OldChanged(std::size_t index, std::uint32_t begin, std::uint32_t end) const {
  return Touched(change_of_old[index], DiffOp::kDelete, begin, end);
}

bool AnalysisContext::NewChanged(std::size_t index, std::uint32_t begin, std::uint32_t end) const {
  return Touched(change_of_new[index], DiffOp::kInsert, begin, end);
}

AnalysisContext::AnalysisContext(const Document& b, const Document& a, const Comparison& c,
                                 const Catalogue& cat, ScannedDocument old_scan,
                                 ScannedDocument new_scan)
    : before(b),
      after(a),
      comparison(c),
      catalogue(cat),
      old_hits(std::move(old_scan)),
      new_hits(std::move(new_scan)) {
  new_of_old.assign(before.blocks.size(), -1);
  old_of_new.assign(after.blocks.size(), -1);
  change_of_old.assign(before.blocks.size(), nullptr);
  change_of_new.assign(after.blocks.size(), nullptr);
  for (const ClauseChange& ch : comparison.clauses) {
    if (ch.moved_away) continue;
    if (ch.after) change_of_new[ch.after->index] = &ch;
    std::vector<std::size_t> olds;
    for (const ClauseRef& r : ch.merged_from) olds.push_back(r.index);
    if (olds.empty() && ch.before) olds.push_back(ch.before->index);
    for (std::size_t o : olds) {
      change_of_old[o] = &ch;
      if (ch.after && new_of_old[o] < 0) new_of_old[o] = static_cast<int>(ch.after->index);
    }
    if (ch.after && !olds.empty()) old_of_new[ch.after->index] = static_cast<int>(olds.front());
  }
}

Evidence AnalysisContext::OldEvidence(std::size_t index, std::uint32_t begin,
                                      std::uint32_t end) const {
  return MakeEvidence(before, index, begin, end);
}

Evidence AnalysisContext::NewEvidence(std::size_t index, std::uint32_t begin,
                                      std::uint32_t end) const {
  return MakeEvidence(after, index, begin, end);
}

std::optional<Evidence> AnalysisContext::OldClause(int index) const {
  if (index < 0) return std::nullopt;
  const auto i = static_cast<std::size_t>(index);
  return MakeEvidence(before, i, 0, static_cast<std::uint32_t>(before.blocks[i].text.size()));
}

std::optional<Evidence> AnalysisContext::NewClause(int index) const {
  if (index < 0) return std::nullopt;
  const auto i = static_cast<std::size_t>(index);
  return MakeEvidence(after, i, 0, static_cast<std::uint32_t>(after.blocks[i].text.size()));
}

}  // namespace rapporteur::lens
