// rapporteur: states and the names UN documents and datasets give them.
//
// The catalogue joins ISO 3166-1 from Debian's iso-codes
// (/usr/share/iso-codes/json/iso_3166-1.json: codes, names, official and
// common names) with data/states.tsv (UN membership, regional group, and the
// aliases found in UN documents and datasets: "Swaziland", "Iran (Islamic
// Republic of)", "Ivory Coast", "TP"). Users add aliases with files of the
// same format (docs/data-formats.md).
//
// Resolution is by code (alpha-2 or alpha-3, any case) or by name, compared
// after case folding, removing diacritics, punctuation and a leading "the".
// An unknown name fails with kNotFound and the closest known names:
//   unknown state 'Frnace' (did you mean 'France'?)
//
// Thread safety: immutable once loaded; share freely between threads.
#ifndef RAPPORTEUR_STATES_H_
#define RAPPORTEUR_STATES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur {

struct StateInfo {
  std::string code;           // ISO 3166-1 alpha-2: "CN"
  std::string alpha3;         // "CHN"
  std::string name;           // short name as the UN uses it: "China"
  std::string official_name;  // "People's Republic of China"
  bool un_member = false;
  std::string regional_group;  // African, Asia-Pacific, EEG, GRULAC, WEOG; "" if none
  std::vector<std::string> aliases;
};

class StateCatalogue {
 public:
  // iso_codes_json: path of iso_3166-1.json; data_dir: holds states.tsv.
  static Result<StateCatalogue> Load(const std::string& iso_codes_json,
                                     const std::string& data_dir);
  // The catalogue of this installation (RAPPORTEUR_DATA_DIR, Debian's path).
  static Result<StateCatalogue> LoadDefault();

  // Adds aliases/overrides from a file in the states.tsv format.
  Status AddFile(const std::string& path);

  const std::vector<StateInfo>& states() const { return states_; }
  const StateInfo* Find(std::string_view code) const;  // alpha-2 only
  Result<const StateInfo*> Resolve(std::string_view name_or_code) const;
  // Up to `n` known names closest to `name` (edit distance on folded names).
  std::vector<std::string> Suggest(std::string_view name, size_t n = 3) const;

  // The folded form names are compared in: "Côte d’Ivoire" -> "cote d ivoire".
  static std::string FoldName(std::string_view name);

 private:
  std::vector<StateInfo> states_;
  std::unordered_map<std::string, size_t> by_folded_name_;  // incl. codes
};

}  // namespace rapporteur

#endif  // RAPPORTEUR_STATES_H_
