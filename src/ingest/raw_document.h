// The intermediate form every format reader produces: blocks of text in
// reading order with what the format itself says about them (heading level,
// list nesting, a label from automatic numbering). BuildStructure
// (structure.h) then finds printed labels and builds the hierarchy, so that
// every format gets the same structure rules.
#ifndef RAPPORTEUR_SRC_INGEST_RAW_DOCUMENT_H_
#define RAPPORTEUR_SRC_INGEST_RAW_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/document.h"
#include "rapporteur/ingest.h"
#include "rapporteur/status.h"

namespace rapporteur::ingest {

struct RawBlock {
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;  // 1 = top heading, as the format says; 0 = not a heading
  int list_level = -1;    // list nesting given by the format (DOCX ilvl); -1 unknown
  std::string label;      // label given by the format (DOCX numbering, <enum>); "" = detect
  std::string text;       // the text, which may still begin with a printed label
};

struct RawDocument {
  std::string title;  // from metadata (<title>, docProps/core.xml), or ""
  std::vector<RawBlock> blocks;
  std::vector<std::string> warnings;
};

// Signature shared by every reader. `name` is for messages only. Readers
// return errors without the file name ("not a zip archive"); the dispatcher
// adds "cannot read '<name>'".
using ReaderFn = Result<RawDocument> (*)(std::string_view bytes, const std::string& name,
                                         const ReadOptions& options);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_RAW_DOCUMENT_H_
