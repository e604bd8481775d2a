// rapporteur: the structured document model every reader produces.
//
// A Document is a title and an ordered list of Blocks. A Block is one unit a
// reader would point at: a heading, a numbered article or paragraph, a list
// item, a table row, a footnote, or an unnumbered paragraph. Its label (the
// number as printed: "Article 5", "5.2", "(a)", "第五条") is kept apart from
// its text, and its path places it in the hierarchy ("Article 5/5.2").
//
// Blocks are flat, in reading order; the hierarchy is in `depth` and `path`.
// All text is UTF-8, valid and NFC-normalised, with runs of whitespace
// collapsed to one space and no leading or trailing space.
//
// Thread safety: plain values.
#ifndef RAPPORTEUR_DOCUMENT_H_
#define RAPPORTEUR_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

enum class Format { kText, kMarkdown, kHtml, kDocx, kPdf, kXml };

// "text", "markdown", "html", "docx", "pdf", "xml".
std::string_view FormatName(Format format);

enum class BlockKind {
  kHeading,    // a heading: chapter, title, part, or a styled heading
  kParagraph,  // body text, numbered or not
  kListItem,   // an item of a list (bulleted or numbered by the format)
  kTableRow,   // one row of a table, cells separated by " | "
  kFootnote,   // a footnote or endnote, labelled with its mark
};

std::string_view BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string label;      // the unit's own number as printed, or ""
  std::string path;       // labels of the enclosing units and this one, '/'-joined
  std::string text;       // the text without its label
  int depth = 0;          // 0 for top-level units
  bool preamble = false;  // before the first numbered unit of the body
};

struct Document {
  std::string source;  // the path it was read from, as given
  Format format = Format::kText;
  std::string title;
  std::vector<Block> blocks;
  std::vector<std::string> warnings;  // e.g. "tracked changes were accepted"
};

// The label and text of a block as a reader sees it: "Article 5 Text".
std::string DisplayText(const Block& block);

}  // namespace rapporteur

#endif  // RAPPORTEUR_DOCUMENT_H_
