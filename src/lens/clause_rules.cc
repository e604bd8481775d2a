// Findings read inside one aligned pair of clauses: the force of a
// commitment (obligation_*), the aim of the text (objective_changed), and
// the items of an enumeration (scope_*).
#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <unordered_map>

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

// The end of the word after `end` ("shall" -> "shall implement"), so the
// quote shows what the modal governs; CJK text, without spaces, as is.
std::uint32_t WithNextWord(std::string_view text, std::uint32_t end) {
  std::uint32_t i = end;
  if (i >= text.size() || text[i] != ' ') return end;
  ++i;
  const std::uint32_t start = i;
  while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) ||
                             static_cast<unsigned char>(text[i]) >= 0x80 || text[i] == '-')) {
    if (static_cast<unsigned char>(text[i]) >= 0xE3) return end;  // CJK: leave it
    ++i;
  }
  return i > start ? i : end;
}

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
  // A clause that gains a restriction ("shall be accompanied by officials
  // designated by the Government", "shall not engage in activities other
  // than") uses its modal to impose it: that is the restriction, reported
  // as such, not a change in the force of a commitment.
  std::vector<const Hit*> gained;  // restrictions the redline added
  for (const Hit& h : ctx.new_hits[n]) {
    if (h.kind == HitKind::kRestriction && h.type != "none" && ctx.NewChanged(n, h.begin, h.end)) {
      gained.push_back(&h);
    }
  }
  auto part_of_restriction = [&](const Chain& chain) {
    return std::any_of(gained.begin(), gained.end(),
                       [&](const Hit* h) { return chain.begin < h->end && h->begin < chain.end; });
  };
  const std::size_t pairs = std::min(old_touched.size(), new_touched.size());
  for (std::size_t i = 0; i < pairs; ++i) {
    const Chain& a = old_touched[i];
    const Chain& b = new_touched[i];
    if (a.force == b.force) continue;
    const bool weaker = b.force < a.force;
    // A stronger modal beside a new restriction imposes it; a modal inside
    // one ("shall not engage in") is the restriction itself.
    if ((!weaker && !gained.empty()) || part_of_restriction(b)) continue;
    Finding f;
    f.kind = weaker ? "obligation_weakened" : "obligation_strengthened";
    // "shall" (5) or "ensure" (4) becoming "may" or "endeavour" (<= 2) turns a
    // duty into an option: the shift monitors most need to see.
    f.severity = !weaker ? Severity::kLow
                         : (a.force >= 4 && b.force <= 2 ? Severity::kHigh : Severity::kMedium);
    f.before = ctx.OldEvidence(o, a.begin, WithNextWord(ctx.before.blocks[o].text, a.end));
    f.after = ctx.NewEvidence(n, b.begin, WithNextWord(ctx.after.blocks[n].text, b.end));
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
    if (h.kind == HitKind::kObjective && h.level > 0 && (best == nullptr || h.level > best->level))
      best = &h;
  }
  return best;
}

void ObjectiveChange(const AnalysisContext& ctx, const ClauseChange& c, std::vector<Finding>* out) {
  const std::size_t o = c.before->index, n = c.after->index;
  if (!IsObjectiveClause(ctx.before, ctx.old_hits, o)) return;
  const Hit* a = Strongest(ctx.old_hits[o]);
  const Hit* b = Strongest(ctx.new_hits[n]);
  int sa = a ? a->level : 0, sb = b ? b->level : 0;
  // "protecton" corrected to "protection" strengthens nothing.
  const std::string& old_text = ctx.before.blocks[o].text;
  const std::string& new_text = ctx.after.blocks[n].text;
  if (b && sb > sa &&
      ContainsNearly(old_text, std::string_view(new_text).substr(b->begin, b->end - b->begin)))
    sa = sb;
  if (a && sa > sb &&
      ContainsNearly(new_text, std::string_view(old_text).substr(a->begin, a->end - a->begin)))
    sb = sa;
  if (sa == sb) return;
  Finding f;
  f.kind = "objective_changed";
  f.direction = sb < sa ? "narrowed" : "broadened";
  f.severity = sb < sa ? Severity::kHigh : Severity::kLow;
  f.before = a ? ctx.OldEvidence(o, a->begin, a->end) : *ctx.OldClause(static_cast<int>(o));
  f.after = b ? ctx.NewEvidence(n, b->begin, b->end) : *ctx.NewClause(static_cast<int>(n));
  out->push_back(std::move(f));
}

bool IsItemLabelStyle(const std::string& style) {
  // "一、" numbers paragraphs and sections in Chinese texts; "（一）" items.
  static const char* const kItemStyles[] = {"letter_paren", "letter_close", "roman_paren",
                                            "num_paren",    "upper_paren",  "cn_paren"};
  return std::find(std::begin(kItemStyles), std::end(kItemStyles), style) != std::end(kItemStyles);
}

std::string_view ParentPath(const Block& b) {
  if (b.label.empty()) return b.path;
  const std::size_t slash = b.path.find_last_of('/');
  return slash == std::string::npos ? std::string_view()
                                    : std::string_view(b.path).substr(0, slash);
}

// What scope needs of one version, computed once: which blocks are items,
// and how many items of each list (by parent path) have a counterpart.
// Labels repeat ("(a)", "1."): each distinct one is classified once, as
// classifying runs the label rules; paths are viewed, not copied.
struct ListIndex {
  std::vector<bool> is_item;
  std::vector<std::string_view> parent;  // into the document's paths
  std::unordered_map<std::string_view, std::size_t> surviving;

  ListIndex(const Document& doc, const std::vector<int>& counterpart) {
    std::unordered_map<std::string_view, bool> item_label;
    is_item.reserve(doc.blocks.size());
    parent.reserve(doc.blocks.size());
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      const Block& b = doc.blocks[i];
      // Bulleted items are items; numbered paragraphs ("1.", "2.") are the
      // paragraphs of an article even when the format made them a list.
      bool item = b.kind == BlockKind::kListItem && b.label.empty();
      if (!item && !b.label.empty()) {
        auto [it, added] = item_label.try_emplace(b.label, false);
        if (added) it->second = IsItemLabelStyle(ingest::StyleOfLabel(b.label));
        item = it->second;
      }
      is_item.push_back(item);
      parent.push_back(ParentPath(b));
      if (item && counterpart[i] >= 0) ++surviving[parent.back()];
    }
  }

  // An item dropped from (or added to) an enumeration whose other items
  // survive: the list was narrowed (or broadened), not rewritten.
  bool HasSurvivingSibling(std::size_t i) const {
    auto it = surviving.find(parent[i]);
    return it != surviving.end() && it->second > 0;
  }
};

void ScopeChange(const AnalysisContext& ctx, const ClauseChange& c, const ListIndex& index,
                 std::vector<Finding>* out) {
  const bool deleted = c.status == ClauseStatus::kDeleted;
  const Document& doc = deleted ? ctx.before : ctx.after;
  const std::size_t i = deleted ? c.before->index : c.after->index;
  if (!index.is_item[i] || doc.blocks[i].text.empty() || !index.HasSurvivingSibling(i)) return;
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
  const ListIndex old_lists(ctx.before, ctx.new_of_old), new_lists(ctx.after, ctx.old_of_new);
  for (const ClauseChange& c : ctx.comparison.clauses) {
    if (c.status == ClauseStatus::kDeleted) ScopeChange(ctx, c, old_lists, out);
    if (c.status == ClauseStatus::kInserted) ScopeChange(ctx, c, new_lists, out);
  }
}

}  // namespace rapporteur::lens
