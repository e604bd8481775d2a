// The output formats, one per file pair. Each takes the versions (oldest
// first) and their SeriesComparison; with two versions the series has one
// step, equal to the cumulative comparison.
#ifndef RAPPORTEUR_SRC_RENDER_RENDERERS_H_
#define RAPPORTEUR_SRC_RENDER_RENDERERS_H_

#include <string>
#include <vector>

#include "rapporteur/render.h"

namespace rapporteur::render {

std::string RenderTerminal(const std::vector<Document>& versions, const SeriesComparison& series,
                           const RenderOptions& options);
std::string RenderJson(const std::vector<Document>& versions, const SeriesComparison& series,
                       const RenderOptions& options);
// The same bytes, handed to `sink` in pieces of about a megabyte.
Status RenderJsonTo(const std::vector<Document>& versions, const SeriesComparison& series,
                    const RenderOptions& options, const OutputSink& sink);
std::string RenderHtml(const std::vector<Document>& versions, const SeriesComparison& series,
                       const RenderOptions& options);
std::string RenderMarkdown(const std::vector<Document>& versions, const SeriesComparison& series,
                           const RenderOptions& options);

// "3 modified, 1 moved, 2 inserted, ..., 12 unchanged": non-zero counts only.
std::string SummaryLine(const ClauseCounts& counts);

// "Article 5/5.2", or the block's position when it has no label.
std::string ClauseHeading(const ClauseChange& change);
std::string RefHeading(const ClauseRef& ref);

// An edit that only changes spacing ("judges," vs "judges ,"). Redlines show
// an inserted one as plain space and leave out a deleted one: marking a
// space helps no reader. JSON and DOCX keep them, so both texts stay exact.
bool IsSpacing(const Edit& edit);

// The redline with <del> and <ins> (HTML and Markdown both read them), the
// text escaped by `escape`, spacing-only edits shown plainly.
std::string DelInsRedline(const std::vector<Edit>& edits, std::string (*escape)(std::string_view));

// "Article 3/2.", or "the preamble", for a finding's evidence.
std::string EvidenceHeading(const Evidence& e);

// The analyst's brief: high-severity shifts in plain words, the findings
// ranked with their quotes, then the redline.
std::string RenderBriefMarkdown(const std::vector<Document>& versions,
                                const SeriesComparison& series, const RenderOptions& options);
std::string RenderBriefHtml(const std::vector<Document>& versions, const SeriesComparison& series,
                            const RenderOptions& options);

}  // namespace rapporteur::render

#endif  // RAPPORTEUR_SRC_RENDER_RENDERERS_H_
