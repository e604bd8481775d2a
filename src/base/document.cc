#include "rapporteur/document.h"

namespace rapporteur {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
    case Format::kDocx: return "docx";
    case Format::kPdf: return "pdf";
    case Format::kXml: return "xml";
  }
  return "text";
}

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTableRow: return "table_row";
    case BlockKind::kFootnote: return "footnote";
  }
  return "paragraph";
}

std::string DisplayText(const Block& block) {
  if (block.label.empty()) return block.text;
  if (block.text.empty()) return block.label;
  return block.label + " " + block.text;
}

}  // namespace rapporteur
