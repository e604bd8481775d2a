// A self-contained HTML page: no external files, scripts or fonts, so it can
// be mailed, archived and opened offline. Two views of the same redline,
// switched by CSS alone: inline (one column, deletions struck through) and
// side by side (old and new in two columns). Moved clauses link both ways.
#include <fmt/format.h>

#include "rapporteur/findings.h"
#include "src/render/renderers.h"
#include "src/text/markup.h"

namespace rapporteur::render {
namespace {

std::string Escape(std::string_view s) { return text::EscapeHtml(s); }

constexpr const char* kStyle = R"css(
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#12324a;color:#fff;padding:1rem 2rem}header h1{margin:0 0 .3rem;font-size:1.3rem}
header .versions{font-size:.9rem;opacity:.9}main{padding:1rem 2rem;max-width:80rem}
.summary{margin:.5rem 0 1rem;font-weight:600}.views{margin:.5rem 0}
.views label{margin-right:1rem;cursor:pointer}
del{background:#fdd;color:#8a1010;text-decoration:line-through}ins{background:#dfd;color:#0b5a0b;text-decoration:none;border-bottom:1px solid #6a6}
.clause{background:#fff;border:1px solid #ddd;border-left:4px solid #bbb;border-radius:4px;margin:.6rem 0;padding:.5rem .8rem}
.clause h3{font-size:.85rem;margin:0 0 .3rem;color:#444;font-weight:600}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:3px;margin-left:.4rem;background:#eee;color:#333}
.s-modified{border-left-color:#c98a00}.s-inserted{border-left-color:#2a8a2a}.s-deleted{border-left-color:#b22}
.s-moved{border-left-color:#5b4bb7}.s-split,.s-merged{border-left-color:#1a7a9a}.s-unchanged{opacity:.75}
.label{font-weight:600;margin-right:.3rem}.side{display:none;width:100%;border-collapse:collapse}
.side td{vertical-align:top;width:50%;padding:.2rem .5rem;border-right:1px solid #eee}
#v-side:checked~main .inline{display:none}#v-side:checked~main .side{display:table}
#v-changed:checked~main .s-unchanged{display:none}
.step{margin-top:2rem}.note{color:#7a4b00}
.findings{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem;margin-bottom:1rem}
.findings th,.findings td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
.findings q{color:#333}.sev-high td:first-child{background:#b22;color:#fff;font-weight:600}
.sev-medium td:first-child{background:#e8a400;color:#000}.sev-low td:first-child{background:#dde}
.brief{background:#fff;border:1px solid #ddd;padding:.5rem 1rem;margin-bottom:1rem}
@media print{.views,input{display:none}.clause{break-inside:avoid}}
)css";

std::string InlineRedline(const std::vector<Edit>& edits) { return DelInsRedline(edits, Escape); }

// One side of the side-by-side view: the text of that version, with its own
// changes marked.
std::string SideText(const std::vector<Edit>& edits, DiffOp own) {
  std::string out;
  for (const Edit& e : edits) {
    if (e.op == DiffOp::kEqual) out += Escape(e.text);
    if (e.op == own && IsSpacing(e)) {
      out += e.text;
    } else if (e.op == own) {
      const char* tag = own == DiffOp::kDelete ? "del" : "ins";
      out += fmt::format("<{}>{}</{}>", tag, Escape(e.text), tag);
    }
  }
  return out;
}

std::string Label(const std::optional<ClauseRef>& ref) {
  if (!ref || ref->label.empty()) return "";
  return "<span class=\"label\">" + Escape(ref->label) + "</span>";
}

std::string MoveLinks(const ClauseChange& c, const std::string& prefix) {
  if (c.moved_away) {
    return fmt::format(" <a href=\"#{}n{}\">moved to {} &rarr;</a>", prefix, c.after->index,
                       Escape(RefHeading(*c.after)));
  }
  if (c.status == ClauseStatus::kMoved) {
    return fmt::format(" <a href=\"#{}o{}\">&larr; moved from {}</a>", prefix, c.before->index,
                       Escape(RefHeading(*c.before)));
  }
  return "";
}

std::string Anchor(const ClauseChange& c, const std::string& prefix) {
  if (c.moved_away || !c.after) return fmt::format("{}o{}", prefix, c.before->index);
  return fmt::format("{}n{}", prefix, c.after->index);
}

std::string ClauseHtml(const ClauseChange& c, const std::string& prefix) {
  std::string badge(ClauseStatusName(c.status));
  if (c.moved_away) badge = "moved away";
  if (c.relabelled) badge += ", renumbered";
  if (c.change != ChangeKind::kText && c.change != ChangeKind::kNone) {
    badge += fmt::format(", {} only", ChangeKindName(c.change));
  }
  std::string head = fmt::format("<h3>{}<span class=\"badge\">{}</span>{}</h3>",
                                 Escape(ClauseHeading(c)), badge, MoveLinks(c, prefix));
  std::string body;
  if (!c.moved_away) {
    const std::string old_label = Label(c.before), new_label = Label(c.after);
    body = fmt::format("<div class=\"inline\">{}{}</div>",
                       new_label.empty() ? old_label : new_label, InlineRedline(c.edits));
    body += fmt::format("<table class=\"side\"><tr><td>{}{}</td><td>{}{}</td></tr></table>",
                        old_label, c.before ? SideText(c.edits, DiffOp::kDelete) : "", new_label,
                        c.after ? SideText(c.edits, DiffOp::kInsert) : "");
  }
  return fmt::format("<section class=\"clause s-{}\" id=\"{}\">{}{}</section>\n",
                     c.moved_away ? "moved" : std::string(ClauseStatusName(c.status)),
                     Anchor(c, prefix), head, body);
}

std::string EvidenceHtml(const std::optional<Evidence>& e, const std::string& anchor) {
  if (!e) return "&mdash;";
  return fmt::format("<a href=\"#{}{}\">{}</a><br><q>{}</q>", anchor, e->index,
                     Escape(EvidenceHeading(*e)), Escape(e->quote));
}

std::string FindingsHtml(const Comparison& cmp, const std::string& prefix) {
  if (cmp.findings.empty()) return "";
  std::string out =
      "<table class=\"findings\"><tr><th>severity</th><th>finding</th><th>before</th>"
      "<th>after</th><th>explanation</th></tr>\n";
  for (const Finding& f : cmp.findings) {
    const std::string what = f.instrument.empty() ? f.kind : f.kind + " (" + f.instrument + ")";
    out += fmt::format(
        "<tr class=\"sev-{0}\"><td>{0}</td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td></tr>\n",
        SeverityName(f.severity), Escape(what), EvidenceHtml(f.before, prefix + "o"),
        EvidenceHtml(f.after, prefix + "n"), Escape(f.explanation));
  }
  return out + "</table>\n";
}

std::string ComparisonHtml(const Comparison& cmp, const std::string& prefix) {
  std::string out;
  if (!cmp.findings.empty()) out += "<h2>Findings</h2>\n" + FindingsHtml(cmp, prefix);
  out += fmt::format("<p class=\"summary\">{}</p>\n", Escape(SummaryLine(cmp.counts)));
  if (cmp.approximate) {
    out +=
        "<p class=\"note\">Some clauses were too large and too different for an exact diff "
        "within the cost budget: their redline is approximate.</p>\n";
  }
  if (cmp.title_changed) {
    out += fmt::format("<section class=\"clause s-modified\"><h3>Title</h3>{}</section>\n",
                       InlineRedline(cmp.title_edits));
  }
  for (const ClauseChange& c : cmp.clauses) out += ClauseHtml(c, prefix);
  return out;
}

// The brief's opening: the high-severity shifts in plain words.
std::string BriefHtml(const std::vector<Document>& versions, const Comparison& cmp) {
  std::string out = fmt::format(
      "<section class=\"brief\"><h2>The main shifts</h2><p>Compared "
      "<code>{}</code> (earlier) with <code>{}</code> (later).</p><ul>",
      Escape(versions.front().source), Escape(versions.back().source));
  std::size_t high = 0;
  for (const Finding& f : cmp.findings) {
    if (f.severity == Severity::kHigh) out += "<li>" + Escape(f.explanation) + "</li>", ++high;
  }
  if (high == 0) out += "<li>No high-severity shift was found.</li>";
  return out + "</ul></section>\n";
}

std::string VersionList(const std::vector<Document>& versions) {
  std::string out = "<ol class=\"versions\">";
  for (const Document& d : versions) {
    out += fmt::format("<li>{} <small>({}, {} clauses)</small></li>", Escape(d.source),
                       FormatName(d.format), d.blocks.size());
  }
  return out + "</ol>";
}

}  // namespace

std::string RenderBriefHtml(const std::vector<Document>& versions, const SeriesComparison& series,
                            const RenderOptions& options) {
  return RenderHtml(versions, series, options);  // RenderHtml opens with the brief when asked
}

std::string RenderHtml(const std::vector<Document>& versions, const SeriesComparison& series,
                       const RenderOptions& options) {
  const std::string title = versions.back().title.empty() ? "Comparison" : versions.back().title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<meta name=\"generator\" content=\"rapporteur {}\"><title>{} — rapporteur</title>"
      "<style>{}</style></head><body>\n",
      RAPPORTEUR_VERSION, Escape(title), kStyle);
  out +=
      "<input type=\"radio\" name=\"view\" id=\"v-inline\" checked hidden>"
      "<input type=\"radio\" name=\"view\" id=\"v-side\" hidden>"
      "<input type=\"checkbox\" id=\"v-changed\" hidden>\n";
  out += fmt::format("<header><h1>{}</h1><div class=\"versions\">{}</div></header>\n<main>\n",
                     Escape(title), VersionList(versions));
  out +=
      "<div class=\"views\"><label for=\"v-inline\">Inline</label>"
      "<label for=\"v-side\">Side by side</label>"
      "<label for=\"v-changed\">Hide unchanged</label></div>\n";
  if (options.brief) out += BriefHtml(versions, series.cumulative());
  if (versions.size() > 2) {
    out += fmt::format("<h2>From {} to {}</h2>\n", Escape(versions.front().source),
                       Escape(versions.back().source));
  }
  out += ComparisonHtml(series.cumulative(), "c-");
  if (versions.size() > 2) {
    for (std::size_t i = 0; i < series.steps.size(); ++i) {
      out += fmt::format("<div class=\"step\"><h2>Step {}: {} &rarr; {}</h2>\n", i + 1,
                         Escape(versions[i].source), Escape(versions[i + 1].source));
      out += ComparisonHtml(series.steps[i], fmt::format("s{}-", i + 1)) + "</div>\n";
    }
  }
  return out + "</main></body></html>\n";
}

}  // namespace rapporteur::render
