// The terminal redline, in the spirit of `git diff --word-diff`: changed
// clauses only (unless asked for all), a heading per clause with its status,
// deletions and insertions in red and green, or as [-...-] and {+...+}
// without colour.
#include <fmt/format.h>

#include "rapporteur/findings.h"
#include "src/render/renderers.h"

namespace rapporteur::render {
namespace {

struct Palette {
  const char* del_on = "[-";
  const char* del_off = "-]";
  const char* ins_on = "{+";
  const char* ins_off = "+}";
  const char* head_on = "";
  const char* head_off = "";
  const char* dim_on = "";
  const char* dim_off = "";
};

Palette MakePalette(bool color) {
  if (!color) return {};
  return {"\x1b[31;9m", "\x1b[0m", "\x1b[32;4m", "\x1b[0m",
          "\x1b[1;36m", "\x1b[0m", "\x1b[2m",    "\x1b[0m"};
}

std::string Redline(const std::vector<Edit>& edits, const Palette& p) {
  std::string out;
  for (const Edit& e : edits) {
    if (IsSpacing(e)) {
      if (e.op == DiffOp::kInsert) out += e.text;
      continue;
    }
    if (e.op == DiffOp::kEqual) out += e.text;
    if (e.op == DiffOp::kDelete) out += fmt::format("{}{}{}", p.del_on, e.text, p.del_off);
    if (e.op == DiffOp::kInsert) out += fmt::format("{}{}{}", p.ins_on, e.text, p.ins_off);
  }
  return out;
}

std::string StatusNote(const ClauseChange& c) {
  std::string note(ClauseStatusName(c.status));
  if (c.moved_away) return fmt::format("moved to {}", c.after ? RefHeading(*c.after) : "");
  if (c.status == ClauseStatus::kMoved) {
    note += fmt::format(" from {}", RefHeading(*c.before));
    if (c.modified) note += ", modified";
  }
  if (c.relabelled) note += fmt::format(", renumbered from {}", c.before->label);
  if (c.status == ClauseStatus::kMerged)
    note += fmt::format(" from {} clauses", c.merged_from.size());
  if (c.change != ChangeKind::kText && c.change != ChangeKind::kNone) {
    note += fmt::format(", {} only", ChangeKindName(c.change));
  }
  if (c.status != ClauseStatus::kInserted && c.status != ClauseStatus::kDeleted) {
    note += fmt::format(", similarity {:.2f}", c.similarity);
  }
  if (c.approximate) note += ", approximate diff";
  return note;
}

void RenderClause(const ClauseChange& c, const Palette& p, std::string* out) {
  const std::string label = c.after && !c.moved_away ? c.after->label : c.before->label;
  *out += fmt::format("{}@@ {} @@{} {}{}{}\n", p.head_on, ClauseHeading(c), p.head_off, p.dim_on,
                      StatusNote(c), p.dim_off);
  if (c.moved_away) {
    *out += "\n";
    return;
  }
  std::string body = Redline(c.edits, p);
  if (!label.empty()) body = label + (body.empty() ? "" : " " + body);
  *out += body + "\n\n";
}

void RenderFindings(const Comparison& cmp, const Palette& p, std::string* out) {
  if (cmp.findings.empty()) return;
  *out += fmt::format("{}findings:{}\n", p.head_on, p.head_off);
  for (const Finding& f : cmp.findings) {
    const std::string what =
        f.instrument.empty() ? f.kind : fmt::format("{} {}", f.kind, f.instrument);
    *out += fmt::format("  [{}] {}: {}\n", SeverityName(f.severity), what, f.explanation);
  }
  *out += "\n";
}

void RenderComparison(const Comparison& cmp, const Palette& p, const RenderOptions& options,
                      std::string* out) {
  RenderFindings(cmp, p, out);
  if (cmp.title_changed) *out += fmt::format("title: {}\n\n", Redline(cmp.title_edits, p));
  for (const ClauseChange& c : cmp.clauses) {
    const bool boring = c.status == ClauseStatus::kUnchanged && !c.relabelled;
    if (boring && !options.show_unchanged) continue;
    RenderClause(c, p, out);
  }
  *out += fmt::format("{}summary:{} {}\n", p.head_on, p.head_off, SummaryLine(cmp.counts));
  if (cmp.approximate) {
    *out +=
        "note: some clauses were too large and too different for an exact diff within the "
        "cost budget; their redline is approximate (raise --max-diff-cost)\n";
  }
}

std::string VersionLine(const Document& d) {
  return fmt::format("'{}' ({}, {} clauses)", d.source, FormatName(d.format), d.blocks.size());
}

}  // namespace

std::string RenderTerminal(const std::vector<Document>& versions, const SeriesComparison& series,
                           const RenderOptions& options) {
  const Palette p = MakePalette(options.color);
  std::string out;
  for (const Document& d : versions) {
    for (const std::string& w : d.warnings) out += fmt::format("warning: '{}': {}\n", d.source, w);
  }
  for (std::size_t i = 0; i < series.steps.size(); ++i) {
    out += fmt::format("{}--- {}\n+++ {}{}\n", p.head_on, VersionLine(versions[i]),
                       VersionLine(versions[i + 1]), p.head_off);
    RenderComparison(series.steps[i], p, options, &out);
    out += "\n";
  }
  if (versions.size() > 2) {
    out += fmt::format("{}=== cumulative: {} -> {}{}\n", p.head_on, versions.front().source,
                       versions.back().source, p.head_off);
    RenderComparison(series.cumulative(), p, options, &out);
  }
  return out;
}

}  // namespace rapporteur::render
