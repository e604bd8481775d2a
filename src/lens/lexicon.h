// Lexicons (data/lexicons/*.tsv): the phrases that signal the force of a
// commitment, hedges, restrictions, monitoring, references to standards,
// the strength of an objective, and generic references ("the Covenant").
// Format: docs/data-formats.md. Users add files with --lexicon FILE.
//
// Thread safety: immutable once loaded.
#ifndef RAPPORTEUR_SRC_LENS_LEXICON_H_
#define RAPPORTEUR_SRC_LENS_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur::lens {

enum class LexiconKind {
  kModality,
  kHedges,
  kRestrictions,
  kMonitoring,
  kStandards,
  kObjectives,
  kReferences
};

struct LexiconEntry {
  LexiconKind kind;
  std::string lang;
  std::string phrase;
  std::string type;  // restrictions, monitoring, standards: the type; references: the family
  int level = 0;     // modality: force 0-5; objectives: strength 1-3
};

class Lexicons {
 public:
  // Parses one TSV file. The lexicon it extends comes from a first line
  // "# kind: hedges", else from the file name ("hedges.tsv").
  Status AddTsv(std::string_view text, const std::string& name);
  Status AddFile(const std::string& path);

  const std::vector<LexiconEntry>& entries() const { return entries_; }

 private:
  std::vector<LexiconEntry> entries_;
};

}  // namespace rapporteur::lens

#endif  // RAPPORTEUR_SRC_LENS_LEXICON_H_
