// The instrument catalogue (data/instruments.jsonl): the international
// instruments a text may refer to, with their names in several languages.
// Format: docs/data-formats.md. Users extend it with files of the same
// format.
//
// Thread safety: immutable once loaded.
#ifndef RAPPORTEUR_SRC_LENS_CATALOGUE_H_
#define RAPPORTEUR_SRC_LENS_CATALOGUE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur::lens {

struct Instrument {
  std::string id;      // "ICCPR"
  std::string kind;    // treaty, optional_protocol, declaration, ...
  std::string family;  // covenant, convention, protocol, declaration, charter, ...
  std::string parent;  // for optional protocols: the treaty's id
  bool core = false;   // one of the core international human rights instruments
  std::map<std::string, std::string> titles;  // language -> official title
  // Every name the text may use: titles, short titles, aliases (matched
  // case-insensitively) ...
  std::vector<std::string> names;
  // ... and abbreviations (matched as written).
  std::vector<std::string> abbreviations;

  // The English title if there is one, else any.
  const std::string& DisplayTitle() const;
};

class Catalogue {
 public:
  // Parses JSON Lines; `name` is for messages ("line 3: field 'titles': ...").
  Status AddJsonLines(std::string_view text, const std::string& name);
  Status AddFile(const std::string& path);

  const std::vector<Instrument>& instruments() const { return instruments_; }
  const Instrument* Find(std::string_view id) const;

 private:
  std::vector<Instrument> instruments_;
};

// Reads a whole file, or a Status naming it.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace rapporteur::lens

#endif  // RAPPORTEUR_SRC_LENS_CATALOGUE_H_
