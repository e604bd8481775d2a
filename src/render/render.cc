#include "rapporteur/render.h"

#include <fmt/format.h>

#include "src/render/docx_writer.h"
#include "src/render/renderers.h"

namespace rapporteur {

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text" || name == "terminal") return OutputFormat::kTerminal;
  if (name == "json") return OutputFormat::kJson;
  if (name == "html") return OutputFormat::kHtml;
  if (name == "md" || name == "markdown") return OutputFormat::kMarkdown;
  if (name == "docx") return OutputFormat::kDocx;
  return InvalidArgument("unknown output format '" + std::string(name) +
                         "' (expected text, json, html, md or docx)");
}

Result<std::string> Render(OutputFormat format, const std::vector<Document>& versions,
                           const SeriesComparison& series, const RenderOptions& options) {
  if (versions.size() < 2 || series.steps.size() + 1 != versions.size()) {
    return InvalidArgument("a comparison needs at least two versions");
  }
  switch (format) {
    case OutputFormat::kTerminal: return render::RenderTerminal(versions, series, options);
    case OutputFormat::kJson: return render::RenderJson(versions, series, options);
    case OutputFormat::kHtml:
      return options.brief ? render::RenderBriefHtml(versions, series, options)
                           : render::RenderHtml(versions, series, options);
    case OutputFormat::kMarkdown:
      return options.brief ? render::RenderBriefMarkdown(versions, series, options)
                           : render::RenderMarkdown(versions, series, options);
    case OutputFormat::kDocx: return render::RenderDocx(versions, series, options);
  }
  return Internal("unknown output format");
}

Status RenderTo(OutputFormat format, const std::vector<Document>& versions,
                const SeriesComparison& series, const RenderOptions& options,
                const OutputSink& sink) {
  if (format == OutputFormat::kJson && versions.size() >= 2 &&
      series.steps.size() + 1 == versions.size()) {
    return render::RenderJsonTo(versions, series, options, sink);
  }
  Result<std::string> bytes = Render(format, versions, series, options);
  if (!bytes) return bytes.error();
  return sink(*bytes);
}

namespace render {

std::string SummaryLine(const ClauseCounts& c) {
  std::string out;
  auto add = [&](std::size_t n, const char* what) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, what);
  };
  add(c.modified, "modified");
  add(c.moved, "moved");
  add(c.inserted, "inserted");
  add(c.deleted, "deleted");
  add(c.split, "split");
  add(c.merged, "merged");
  add(c.unchanged, "unchanged");
  return out.empty() ? "no clauses" : out;
}

std::string EvidenceHeading(const Evidence& e) {
  if (e.path.empty()) return "the preamble";
  return e.label.empty() ? fmt::format("{} ¶{}", e.path, e.index + 1) : e.path;
}

std::string DelInsRedline(const std::vector<Edit>& edits, std::string (*escape)(std::string_view)) {
  std::string out;
  for (const Edit& e : edits) {
    if (IsSpacing(e)) {
      if (e.op == DiffOp::kInsert) out += e.text;
      continue;
    }
    if (e.op == DiffOp::kEqual) out += escape(e.text);
    if (e.op == DiffOp::kDelete) out += "<del>" + escape(e.text) + "</del>";
    if (e.op == DiffOp::kInsert) out += "<ins>" + escape(e.text) + "</ins>";
  }
  return out;
}

bool IsSpacing(const Edit& edit) {
  return edit.op != DiffOp::kEqual && edit.text.find_first_not_of(" \t\n") == std::string::npos;
}

std::string RefHeading(const ClauseRef& ref) {
  if (!ref.path.empty()) {
    if (!ref.label.empty() || ref.text.empty()) return ref.path;
    return fmt::format("{} ¶{}", ref.path, ref.index + 1);
  }
  return fmt::format("preamble ¶{}", ref.index + 1);
}

std::string ClauseHeading(const ClauseChange& change) {
  const std::optional<ClauseRef>& ref =
      change.after && !change.moved_away ? change.after : change.before;
  return ref ? RefHeading(*ref) : "";
}

}  // namespace render
}  // namespace rapporteur
