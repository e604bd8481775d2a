// Recognising the printed label at the start of a clause: "Article 5",
// "5.2", "(a)", "Artículo 5 bis", "第五条", "I.", "1 bis", "SEC. 2.".
//
// Each label has a style (article, chapter, decimal, letter in parentheses,
// ...). Styles are what the structure pass nests by: a label of a style
// already open closes everything opened after it (a sibling); a new style
// opens a child. That rule, used by legal-citation parsers, needs no
// per-document configuration and copes with documents that skip levels.
//
// Thread safety: all functions may be called concurrently. Each rule's
// regular expression is compiled once, on first use (std::call_once).
#ifndef RAPPORTEUR_SRC_INGEST_LABELS_H_
#define RAPPORTEUR_SRC_INGEST_LABELS_H_

#include <optional>
#include <string>
#include <string_view>

#include "rapporteur/status.h"

namespace rapporteur::ingest {

struct LabelMatch {
  std::string style;       // "part", "chapter", "section", "article", "decimal", ...
  std::string label;       // as printed, minus a separating period after a word label
  std::size_t length = 0;  // bytes of the text consumed, separators included
};

// The label at the start of `text`, if any. `previous_letter` is the label
// of the last "(x)"-style sibling, so that "(i)" after "(h)" is read as a
// letter, not a Roman numeral.
std::optional<LabelMatch> MatchLabel(std::string_view text, std::string_view previous_letter);

// The style of a label given by the format itself (DOCX numbering, XML
// <enum>): one of MatchLabel's styles, or "" if unrecognised.
std::string StyleOfLabel(std::string_view label);

// Compiles every rule now; the error names the first whose expression RE2
// rejects (a bug in the rules table). For tests.
Status CheckLabelRules();

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_LABELS_H_
