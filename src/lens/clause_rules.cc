// Findings read inside one aligned pair of clauses: the force of a
// commitment (obligation_*), the aim of the text (objective_changed), and
// the items of an enumeration (scope_*).
#include <algorithm>

#include "src/ingest/labels.h"
#include "src/lens/phrase_matcher.h"
#include "src/lens/rules.h"

namespace rapporteur::lens {
namespace {

// A modal chain: modal and operative verbs close together ("will endeavour
// to facilitate", "shall ensure") form one commitment, as binding as its
// weakest link: "will endeavour" binds less than "will".
struct Chain {
  int force;
  std::uint32_t begin, end;
};

// Bytes between two modal phrases of one chain: "shall" + " " + "ensure"
// is one chain; "shall ... and may request" are two.
constexpr std::uint32_t kChainGap = 4;

std::vector<Chain> Chains(const std::vector<Hit>& hits) {
  std::vector<Chain> chains;
  for (const Hit& h : hits) {
    if (h.kind != HitKind::kModality || h.level == 0) continue;  // 0: a blocker row
    if (!chains.empty() && h.begin <= chains.back().end + kChainGap) {
      chains.back().force = std::min(chains.back().force, h.level);
      chains.back().end = std::max(chains.back().end, h.end);
    } else {
      chains.push_back({h.level, h.begin, h.end});
    }
  }
  return chains;
}

bool OneToOne(const ClauseChange& c) {
  return !c.moved_away && c.before && c.after && c.modified && c.merged_from.empty() &&
         c.status != ClauseStatus::kSplit;
}

void ObligationShift(const AnalysisContext& ctx, const ClauseChange& c, std::vector<Finding>* out) {
  const std::size_t o = c.before->index, n = c.after->index;
  std::vector<Chain> old_touched, new_touched;
  for (const Chain& ch : Chains(ctx.old_hits[o])) {
    if (ctx.OldChanged(o, ch.begin, ch.end)) old_touched.push_back(ch);
  }
  for (const Chain& ch : Chains(ctx.new_hits[n])) {
    if (ctx.NewChanged(n, ch.begin, ch.end)) new_touched.push_back(ch);
  }
  const std::size_t pairs = std::min(old_touched.size(), new_touched.size());
  for (std::size_t i = 0; i < pairs; ++i) {
    const Chain& a = old_touched[i];
    const Chain& b = new_touched[i];
    if (a.force == b.force) continue;
    Finding f;
    const bool weaker = b.force < a.force;
    f.kind = weaker ? "obligation_weakened" : "obligation_strengthened";
    // "shall" (5) or "ensure" (4) becoming "may" or "endeavour" (<= 2) turns a
    // duty into an option: the shift monitors most need to see.
    f.severity = !weaker ? Severity::kLow : (a.force >= 4 && b.force <= 2 ? Severity::kHigh : Severity::kMedium);
    f.before = ctx.OldEvidence(o, a.begin, a.end);
    f.after = ctx.NewEvidence(n, b.begin, b.end);
    out->push_back(std::move(f));
  }
}

// Objective markers are the lexicon's strength-0 rows ("objective",
// "purpose", "目的"): a clause is about the text's aim if it or the heading
// of its article says so.
bool MentionsObjective(const std::vector<Hit>& hits) {
  return std::any_of(hits.begin(), hits.end(),
                     [](const Hit& h) { return h.kind == HitKind::kObjective && h.level == 0; });
}

bool IsObjectiveClause(const Document& doc, const ScannedDocument& hits, std::size_t i) {
  if (MentionsObjective(hits[i])) return true;
  for (std::size_t j = i; j-- > 0;) {  // the unit's heading: the nearest shallower block
    if (doc.blocks[j].depth < doc.blocks[i].depth) return MentionsObjective(hits[j]);
  }
  return false;
}

const Hit* Strongest(const std::vector<Hit>& hits) {
  const Hit* best = nullptr;
  for (const Hit& h : hits) {
    if (h.kind == HitKind::kObjective && h.level > 0 && (best == nullptr || h.level > best->level)) best = &h;
  }
  return best;
}

void ObjectiveChange(const AnalysisContext& ctx, const ClauseChange& c, std::vector<Finding>* out) {
  const std::size_t o = c.before->index, n = c.after->index;
  if (!IsObjectiveClause(ctx.before, ctx.old_hits, o)) return;
  const Hit* a = Strongest(ctx.old_hits[o]);
  const Hit* b = Strongest(ctx.new_hits[n]);
  const int sa = a ? a->level : 0, sb = b ? b->level : 0;
  if (sa == sb) return;
  Finding f;
  f.kind = "objective_changed";
  f.direction = sb < sa ? "narrowed" : "broadened";
  f.severity = sb < sa ? Severity::kHigh : Severity::kLow;
  f.before = a ? ctx.OldEvidence(o, a->begin, a->end) : *ctx.OldClause(static_cast<int>(o));
  f.after = b ? ctx.NewEvidence(n, b->begin, b->end) : *ctx.NewClause(static_cast<int>(n));
  out->push_back(std::move(f));
}

bool IsItem(const Block& b) {
  static const char* const kItemStyles[] = {"letter_paren", "letter_close", "roman_paren", "num_paren",
                                            "upper_paren",  "cn_paren",     "cn_enum"};
  // Bulleted items are items; numbered paragraphs ("1.", "2.") are the
  // paragraphs of an article even when the format made them a list.
  if (b.kind == BlockKind::kListItem && b.label.empty()) return true;
  const std::string style = ingest::StyleOfLabel(b.label);
  return std::find(std::begin(kItemStyles), std::end(kItemStyles), style) != std::end(kItemStyles);
}

std::string ParentPath(const Block& b) {
  if (b.label.empty()) return b.path;
  const std::size_t slash = b.path.find_last_of('/');
  return slash == std::string::npos ? "" : b.path.substr(0, slash);
}

// An item dropped from (or added to) an enumeration whose other items
// survive: the list was narrowed (or broadened), not rewritten.
bool HasSurvivingSibling(const Document& doc, const std::vector<int>& counterpart, std::size_t i) {
  const std::string parent = ParentPath(doc.blocks[i]);
  for (std::size_t j = 0; j < doc.blocks.size(); ++j) {
    if (j != i && counterpart[j] >= 0 && IsItem(doc.blocks[j]) && ParentPath(doc.blocks[j]) == parent) {
      return true;
    }
  }
  return false;
}

void ScopeChange(const AnalysisContext& ctx, const ClauseChange& c, std::vector<Finding>* out) {
  const bool deleted = c.status == ClauseStatus::kDeleted;
  const Document& doc = deleted ? ctx.before : ctx.after;
  const std::size_t i = deleted ? c.before->index : c.after->index;
  if (!IsItem(doc.blocks[i]) || doc.blocks[i].text.empty()) return;
  if (!HasSurvivingSibling(doc, deleted ? ctx.new_of_old : ctx.old_of_new, i)) return;
  Finding f;
  f.kind = deleted ? "scope_narrowed" : "scope_broadened";
  f.severity = deleted ? Severity::kMedium : Severity::kLow;
  const auto length = static_cast<std::uint32_t>(doc.blocks[i].text.size());
  if (deleted) {
    f.before = ctx.OldEvidence(i, 0, length);
  } else {
    f.after = ctx.NewEvidence(i, 0, length);
  }
  out->push_back(std::move(f));
}

}  // namespace

void FindObligationShifts(const AnalysisContext& ctx, std::vector<Finding>* out) {
  for (const ClauseChange& c : ctx.comparison.clauses) {
    if (OneToOne(c)) ObligationShift(ctx, c, out);
  }
}

void FindObjectiveChanges(const AnalysisContext& ctx, std::vector<Finding>* out) {
  for (const ClauseChange& c : ctx.comparison.clauses) {
    if (OneToOne(c)) ObjectiveChange(ctx, c, out);
  }
}

void FindScopeChanges(const AnalysisContext& ctx, std::vector<Finding>* out) {
  for (const ClauseChange& c : ctx.comparison.clauses) {
    if (c.status == ClauseStatus::kDeleted || c.status == ClauseStatus::kInserted) {
      ScopeChange(ctx, c, out);
    }
  }
}

}  // namespace rapporteur::lens
