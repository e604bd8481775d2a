// The DOCX redline: the change from the first version to the last as real
// Word tracked changes (w:ins / w:del with author and date), so that
// "accept all changes" gives the newest version and "reject all" the oldest
// (each paragraph: label, a tab, the text; whitespace-normalised).
//
// One paragraph per entry of series.cumulative().clauses, in order, after a
// Title paragraph. Inserted clauses are inserted with their paragraph mark;
// deleted clauses are deleted with theirs. A moved clause is a tracked move
// (w:moveFrom at the old place, its moved_away marker; w:moveTo at the new
// place, relabelled or edited text included); without a marker it is edited
// in place. The parts of a split are separated by inserted paragraph marks,
// and the old clauses of a merge by deleted ones, so that rejecting
// restores the old paragraphs. Headings get Heading styles; table rows and
// footnotes are plain paragraphs.
//
// The redline is only trusted if it spells both texts: when a change's
// edits do not rebuild its before and after texts, the whole old text is
// shown deleted and the whole new text inserted instead.
//
// Thread safety: a pure function.
#ifndef RAPPORTEUR_SRC_RENDER_DOCX_WRITER_H_
#define RAPPORTEUR_SRC_RENDER_DOCX_WRITER_H_

#include <string>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/document.h"
#include "rapporteur/render.h"
#include "rapporteur/status.h"

namespace rapporteur::render {

// `versions` oldest first (at least two); `series` their comparison. Returns
// the bytes of a .docx file.
Result<std::string> RenderDocx(const std::vector<Document>& versions,
                               const SeriesComparison& series, const RenderOptions& options);

}  // namespace rapporteur::render

#endif  // RAPPORTEUR_SRC_RENDER_DOCX_WRITER_H_
