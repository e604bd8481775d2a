// Markdown output: a heading per changed clause and the redline with <del>
// and <ins>, which GitHub, GitLab and most Markdown renderers display.
#include <fmt/format.h>

#include "rapporteur/findings.h"
#include "src/render/renderers.h"

namespace rapporteur::render {
namespace {

// Markdown-escapes text that is not inside an HTML tag we emit.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Redline(const std::vector<Edit>& edits) { return DelInsRedline(edits, Escape); }

void ClauseMarkdown(const ClauseChange& c, std::string* out) {
  std::string status(ClauseStatusName(c.status));
  if (c.moved_away) {
    *out += fmt::format("### {} — moved to {}\n\n", Escape(ClauseHeading(c)),
                        Escape(RefHeading(*c.after)));
    return;
  }
  if (c.status == ClauseStatus::kMoved) status += " from " + RefHeading(*c.before);
  if (c.relabelled) status += ", renumbered from " + c.before->label;
  *out += fmt::format("### {} — {}\n\n", Escape(ClauseHeading(c)), Escape(status));
  const std::string& label = c.after ? c.after->label : c.before->label;
  *out += (label.empty() ? "" : "**" + Escape(label) + "** ") + Redline(c.edits) + "\n\n";
}

std::string EvidenceCell(const std::optional<Evidence>& e) {
  if (!e) return "—";
  return fmt::format("{}: “{}”", Escape(EvidenceHeading(*e)), Escape(e->quote));
}

void FindingsMarkdown(const Comparison& cmp, std::string* out) {
  if (cmp.findings.empty()) return;
  *out += "| severity | finding | before | after | explanation |\n|---|---|---|---|---|\n";
  for (const Finding& f : cmp.findings) {
    const std::string what = f.instrument.empty() ? f.kind : f.kind + " (" + f.instrument + ")";
    *out += fmt::format("| {} | {} | {} | {} | {} |\n", SeverityName(f.severity), Escape(what),
                        EvidenceCell(f.before), EvidenceCell(f.after), Escape(f.explanation));
  }
  *out += "\n";
}

void ComparisonMarkdown(const Comparison& cmp, const RenderOptions& options, std::string* out) {
  if (!cmp.findings.empty()) {
    *out += "**Findings**\n\n";
    FindingsMarkdown(cmp, out);
  }
  *out += fmt::format("**Summary:** {}\n\n", SummaryLine(cmp.counts));
  if (cmp.approximate) *out += "> Some redlines are approximate (diff cost budget reached).\n\n";
  if (cmp.title_changed) *out += "### Title\n\n" + Redline(cmp.title_edits) + "\n\n";
  for (const ClauseChange& c : cmp.clauses) {
    if (c.status == ClauseStatus::kUnchanged && !c.relabelled && !options.show_unchanged) continue;
    ClauseMarkdown(c, out);
  }
}

}  // namespace

std::string RenderBriefMarkdown(const std::vector<Document>& versions,
                                const SeriesComparison& series, const RenderOptions& options) {
  const Comparison& cmp = series.cumulative();
  const Document& last = versions.back();
  std::string out =
      fmt::format("# Brief: {}\n\n", Escape(last.title.empty() ? last.source : last.title));
  out += fmt::format("Compared `{}` (earlier) with `{}` (later). {}.\n\n", versions.front().source,
                     last.source, SummaryLine(cmp.counts));
  out += "## The main shifts\n\n";
  std::size_t high = 0;
  for (const Finding& f : cmp.findings) {
    if (f.severity != Severity::kHigh) continue;
    out += "- " + Escape(f.explanation) + "\n";
    ++high;
  }
  out += high == 0 ? "No high-severity shift was found.\n\n" : "\n";
  out += fmt::format("## All findings ({})\n\n", cmp.findings.size());
  if (cmp.findings.empty()) out += "None.\n\n";
  FindingsMarkdown(cmp, &out);
  out += "## Redline\n\n";
  RenderOptions plain = options;
  plain.brief = false;
  SeriesComparison without = series;
  without.cumulative().findings.clear();
  for (Comparison& step : without.steps) step.findings.clear();
  return out + RenderMarkdown(versions, without, plain);
}

std::string RenderMarkdown(const std::vector<Document>& versions, const SeriesComparison& series,
                           const RenderOptions& options) {
  std::string out = fmt::format(
      "# Comparison: {}\n\n",
      Escape(versions.back().title.empty() ? versions.back().source : versions.back().title));
  out += "| # | version | format | clauses |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < versions.size(); ++i) {
    out += fmt::format("| {} | `{}` | {} | {} |\n", i + 1, versions[i].source,
                       FormatName(versions[i].format), versions[i].blocks.size());
  }
  out += "\n";
  if (versions.size() > 2) out += "## Cumulative: first to last\n\n";
  ComparisonMarkdown(series.cumulative(), options, &out);
  if (versions.size() > 2) {
    for (std::size_t i = 0; i < series.steps.size(); ++i) {
      out += fmt::format("## Step {}: version {} to {}\n\n", i + 1, i + 1, i + 2);
      ComparisonMarkdown(series.steps[i], options, &out);
    }
  }
  return out;
}

}  // namespace rapporteur::render
