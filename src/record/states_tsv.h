// The states.tsv format (docs/data-formats.md): one row per state with its
// UN membership, UN regional group, UN short name and other names.
//
//   code<TAB>un_member<TAB>regional_group<TAB>un_name<TAB>aliases
//   BO	1	GRULAC	Bolivia (Plurinational State of)	Bolivia|Plurinational State of
//   Bolivia
//
// An empty field leaves what is already known unchanged, so that a user
// file may add aliases only ("FR\t\t\t\tFrankreich").
//
// Thread safety: a pure function; safe from any thread.
#ifndef RAPPORTEUR_SRC_RECORD_STATES_TSV_H_
#define RAPPORTEUR_SRC_RECORD_STATES_TSV_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur::record {

struct StateRow {
  std::size_t line = 0;                       // 1-based, counting comments
  std::string code;                           // ISO 3166-1 alpha-2, upper case
  std::optional<bool> un_member;              // nullopt: unchanged
  std::optional<std::string> regional_group;  // "" for '-' (none); nullopt: unchanged
  std::string un_name;                        // "": unchanged
  std::vector<std::string> aliases;
};

// The regional groups a row may name: African, Asia-Pacific, EEG, GRULAC,
// WEOG.
bool IsRegionalGroup(std::string_view group);

// Parses the whole file. Fails with kInvalidInput on the first bad line,
// naming the line and the field ("line 12: field 'un_member': expected 0 or
// 1, got 'yes'"); the caller adds the file name. Besides the shape of each
// row it checks that a code appears once and that a name (compared folded)
// does not name two states.
Result<std::vector<StateRow>> ParseStatesTsv(std::string_view text);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_STATES_TSV_H_
