// standard_*, hedge_*, restriction_*, monitoring_*: phrases of a lexicon
// category found more (or fewer) times in one version than in the other.
//
// Counting by category over the whole document, rather than comparing
// clause by clause, is what keeps renumbering, reordering and synonyms
// quiet: a hedge moved to another article, or "as appropriate" reworded as
// "where appropriate", leaves every count where it was. Only a surplus is
// reported, located at the occurrences whose clause lost (or gained) them,
// preferring occurrences the redline touched.
#include <algorithm>
#include <map>
#include <set>

#include "src/lens/phrase_matcher.h"
#include "src/lens/rules.h"

namespace rapporteur::lens {
namespace {

struct Category {
  HitKind kind;
  std::string type;
  bool operator<(const Category& o) const { return kind != o.kind ? kind < o.kind : type < o.type; }
};

// Which hits count, and under what category. Consultation ("in
// consultation with") is the weak form a consent clause replaces, and
// prohibitions ("shall not") are everywhere in law: neither is a
// restriction on its own.
// Rows of type "none" only stop a shorter phrase from matching ("not
// limited to" hides "limited to"). Sovereignty wording ("non-interference in
// internal affairs") qualifies a commitment the way a hedge does.
std::optional<Category> CategoryOf(const Hit& h) {
  if (h.type == "none") return std::nullopt;
  switch (h.kind) {
    case HitKind::kHedge: return Category{h.kind, ""};
    case HitKind::kStandard:
      if (h.type == "sovereignty") return Category{HitKind::kHedge, ""};
      return Category{h.kind, h.type};
    case HitKind::kMonitoring: return Category{h.kind, h.type};
    case HitKind::kRestriction:
      if (h.type == "consultation" || h.type == "prohibition") return std::nullopt;
      return Category{h.kind, h.type};
    default: return std::nullopt;
  }
}

using Counts = std::map<Category, std::vector<std::size_t>>;  // hits per block

// Hedges, restrictions and monitoring bind only in operative provisions:
// "Recalling the reports of the Special Rapporteur" in a preamble, "as
// published in the Official Journal" in a subtitle, or a heading, commit
// to nothing.
// References to standards count everywhere.
bool IsOperative(const Hit& h, const Block& block) {
  if (h.kind == HitKind::kStandard) return true;
  // A heading names what follows ("Article 5. Evaluation and reporting");
  // the provisions under it are what commit.
  return !block.preamble && block.kind != BlockKind::kHeading;
}

Counts CountByBlock(const ScannedDocument& scan, const Document& doc) {
  Counts counts;
  for (std::size_t b = 0; b < scan.size(); ++b) {
    for (const Hit& h : scan[b]) {
      std::optional<Category> c = CategoryOf(h);
      if (!c || !IsOperative(h, doc.blocks[b])) continue;
      auto& v = counts[*c];
      v.resize(scan.size(), 0);
      ++v[b];
    }
  }
  return counts;
}

std::size_t Total(const Counts& counts, const Category& c) {
  auto it = counts.find(c);
  if (it == counts.end()) return 0;
  std::size_t n = 0;
  for (std::size_t x : it->second) n += x;
  return n;
}

std::size_t At(const Counts& counts, const Category& c, int block) {
  auto it = counts.find(c);
  if (block < 0 || it == counts.end()) return 0;
  return it->second[static_cast<std::size_t>(block)];
}

const char* KindName(HitKind kind, bool removed) {
  switch (kind) {
    case HitKind::kStandard: return removed ? "standard_removed" : "standard_added";
    case HitKind::kHedge: return removed ? "hedge_removed" : "hedge_added";
    case HitKind::kRestriction: return removed ? "restriction_removed" : "restriction_added";
    default: return removed ? "monitoring_removed" : "monitoring_added";
  }
}

// Losing protection is what a monitor must not miss; gaining it is good
// news worth a line.
Severity SeverityOf(const Category& c, bool removed) {
  switch (c.kind) {
    case HitKind::kStandard:
    case HitKind::kMonitoring: return removed ? Severity::kHigh : Severity::kLow;
    case HitKind::kHedge: return removed ? Severity::kLow : Severity::kMedium;
    default:
      if (removed) return Severity::kLow;
      return c.type == "exclusivity" || c.type == "consent" ? Severity::kHigh : Severity::kMedium;
  }
}

// What one finding covers: a clause; or, for a clause that is gone (no
// counterpart, or one rewritten into something else), the article it stood
// in: "evaluation" twice in the paragraphs of a deleted article on
// evaluation is one lost review provision, not two.
constexpr double kRewritten = 0.3;

std::string UnitOf(const Document& doc, const std::vector<int>& counterpart,
                   const std::vector<const ClauseChange*>& changes, std::size_t b) {
  const bool gone =
      counterpart[b] < 0 || (changes[b] != nullptr && changes[b]->similarity < kRewritten);
  const std::string& path = doc.blocks[b].path;
  if (!gone || path.empty()) return "#" + std::to_string(b);
  return "unit:" + path.substr(0, path.find('/'));
}

// One side of the comparison, seen from the side that has the surplus.
struct Side {
  const ScannedDocument& hits;
  const Counts& mine;
  const Counts& theirs;
  const std::vector<int>& counterpart;
  const std::vector<const ClauseChange*>& changes;
  const Document& doc;
  const Document& other;
  bool old_side;
};

void ReportSurplus(const AnalysisContext& ctx, const Side& s, const Category& c,
                   std::size_t surplus, std::vector<Finding>* out) {
  std::set<std::string> reported;                        // units already reported
  for (int pass = 0; pass < 2 && surplus > 0; ++pass) {  // touched hits first
    for (std::size_t b = 0; b < s.hits.size() && surplus > 0; ++b) {
      const int other = s.counterpart[b];
      if (At(s.mine, c, static_cast<int>(b)) <= At(s.theirs, c, other)) continue;
      for (const Hit& h : s.hits[b]) {
        if (surplus == 0 || reported.count(UnitOf(s.doc, s.counterpart, s.changes, b))) break;
        const std::optional<Category> hc = CategoryOf(h);
        if (!hc || hc->kind != c.kind || hc->type != c.type || !IsOperative(h, s.doc.blocks[b]))
          continue;
        const bool touched =
            s.old_side ? ctx.OldChanged(b, h.begin, h.end) : ctx.NewChanged(b, h.begin, h.end);
        if (touched != (pass == 0)) continue;
        const std::string_view phrase =
            std::string_view(s.doc.blocks[b].text).substr(h.begin, h.end - h.begin);
        if (other >= 0 &&
            ContainsNearly(s.other.blocks[static_cast<std::size_t>(other)].text, phrase)) {
          continue;  // only the spelling changed
        }
        Finding f;
        f.kind = KindName(c.kind, s.old_side);
        f.severity = SeverityOf(c, s.old_side);
        f.type = c.type;
        if (s.old_side) {
          f.before = ctx.OldEvidence(b, h.begin, h.end);
          f.after = ctx.NewClause(other);
        } else {
          f.before = ctx.OldClause(other);
          f.after = ctx.NewEvidence(b, h.begin, h.end);
        }
        out->push_back(std::move(f));
        // One finding per clause and category: three mentions of "review"
        // in one deleted article are one lost review provision.
        reported.insert(UnitOf(s.doc, s.counterpart, s.changes, b));
        surplus -= std::min(surplus, At(s.mine, c, static_cast<int>(b)) - At(s.theirs, c, other));
      }
    }
  }
}

}  // namespace

void FindLexicalShifts(const AnalysisContext& ctx, std::vector<Finding>* out) {
  const Counts old_counts = CountByBlock(ctx.old_hits, ctx.before);
  const Counts new_counts = CountByBlock(ctx.new_hits, ctx.after);
  std::map<Category, bool> categories;
  for (const auto& [c, v] : old_counts) categories[c] = true;
  for (const auto& [c, v] : new_counts) categories[c] = true;
  const Side old_side{ctx.old_hits,      old_counts, new_counts, ctx.new_of_old,
                      ctx.change_of_old, ctx.before, ctx.after,  true};
  const Side new_side{ctx.new_hits,      new_counts, old_counts, ctx.old_of_new,
                      ctx.change_of_new, ctx.after,  ctx.before, false};
  for (const auto& [c, unused] : categories) {
    const std::size_t before = Total(old_counts, c), after = Total(new_counts, c);
    // Special procedures and treaty bodies are named more or less often as a
    // text is redrafted; a safeguard is lost when none is named any more.
    if (c.kind == HitKind::kMonitoring && c.type == "mandate_safeguard" && before > 0 && after > 0)
      continue;
    if (before > after) ReportSurplus(ctx, old_side, c, before - after, out);
    if (after > before) ReportSurplus(ctx, new_side, c, after - before, out);
  }
}

bool ContainsNearly(std::string_view text, std::string_view phrase) {
  std::vector<std::uint32_t> unused;
  const std::string t = FoldForMatching(text, &unused);
  const std::string p = FoldForMatching(phrase, &unused);
  if (t.find(p) != std::string::npos) return true;
  if (p.size() < 6) return false;
  // Sellers' approximate matching: edit distance of the phrase to the best
  // substring of the text, one row at a time. One edit per ten bytes.
  const std::size_t allowed = std::max<std::size_t>(1, p.size() / 10);
  std::vector<std::size_t> row(p.size() + 1), next(p.size() + 1);
  for (std::size_t i = 0; i <= p.size(); ++i) row[i] = i;
  for (char c : t) {
    next[0] = 0;  // a match may start anywhere in the text
    for (std::size_t i = 1; i <= p.size(); ++i) {
      next[i] = std::min({row[i] + 1, next[i - 1] + 1, row[i - 1] + (p[i - 1] == c ? 0 : 1)});
    }
    if (next[p.size()] <= allowed) return true;
    std::swap(row, next);
  }
  return false;
}

}  // namespace rapporteur::lens
