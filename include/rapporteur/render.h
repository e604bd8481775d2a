// rapporteur: writing a comparison for people and programs.
//
// Render turns the versions and their comparison into one of the output
// formats: a terminal redline (ANSI colours when asked), JSON (schema in
// docs/json-schema.md), a self-contained HTML page (side-by-side and inline
// views), Markdown, or a DOCX with real tracked changes (w:ins / w:del, with
// author and date) whose "accept all" gives the newest version and "reject
// all" the oldest.
//
// With more than two versions, every format shows each step and the
// cumulative change from the first version to the last.
//
// Thread safety: Render is a pure function of its arguments.
#ifndef RAPPORTEUR_RENDER_H_
#define RAPPORTEUR_RENDER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/document.h"
#include "rapporteur/status.h"

namespace rapporteur {

enum class OutputFormat { kTerminal, kJson, kHtml, kMarkdown, kDocx };

// Parses "text" (or "terminal"), "json", "html", "md" (or "markdown"), "docx".
Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct RenderOptions {
  bool color = false;                 // ANSI colours in terminal output
  bool show_unchanged = false;        // list unchanged clauses too (terminal, Markdown)
  std::string author = "rapporteur";  // author of DOCX tracked changes
  std::string date;                   // ISO 8601 date of DOCX tracked changes; now when empty
  // Markdown and HTML: an analyst's brief (summary of high-severity
  // findings, the findings ranked with their quotes, then the redline)
  // instead of a plain comparison.
  bool brief = false;
};

// `versions` are the documents compared, oldest first (at least two);
// `series` is CompareSeries(versions). Returns the bytes to write.
Result<std::string> Render(OutputFormat format, const std::vector<Document>& versions,
                           const SeriesComparison& series, const RenderOptions& options);

// Receives output in consecutive pieces; a Status that is not ok stops the
// rendering, and RenderTo returns it.
using OutputSink = std::function<Status(std::string_view piece)>;

// As Render, but hands the bytes to `sink` as they are produced, so that a
// long comparison's output need not exist whole in memory: JSON in pieces
// of about a megabyte (most of a million-word comparison's output is its
// clause list), the other formats in one piece. On error the sink may have
// received part of the output.
Status RenderTo(OutputFormat format, const std::vector<Document>& versions,
                const SeriesComparison& series, const RenderOptions& options,
                const OutputSink& sink);

}  // namespace rapporteur

#endif  // RAPPORTEUR_RENDER_H_
