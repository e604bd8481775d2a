// The mechanisms of the UN human-rights system that ask things of states:
// the Universal Periodic Review, the Human Rights Council and the former
// Commission on Human Rights, the treaty bodies and the special-procedure
// mandates. Listed in data/mechanisms.jsonl (format: docs/data-formats.md),
// one JSON object a line:
//   {"id":"SR-TORTURE","type":"special_procedure","name":"Special Rapporteur on torture and ...",
//    "aliases":["Special Rapporteur on torture"]}
//
// Thread safety: the functions are pure; a loaded list is a value.
#ifndef RAPPORTEUR_SRC_RECORD_MECHANISMS_H_
#define RAPPORTEUR_SRC_RECORD_MECHANISMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur {

struct Mechanism {
  std::string id;          // "CCPR", "UPR", "SR-TORTURE": upper-case letters, digits, '-'
  std::string type;        // upr, treaty_body, special_procedure, council, other
  std::string name;        // official name: "Human Rights Committee"
  std::string instrument;  // treaty bodies: the catalogue id of the treaty ("ICCPR"); else ""
  std::vector<std::string> aliases;
};

// True for the types a mechanism may have.
bool IsMechanismType(std::string_view type);

// Parses JSON Lines. Errors name `source` and the line: "cannot read
// 'm.jsonl': line 3: field 'type': expected one of upr, treaty_body,
// special_procedure, council, other, got 'committee'". Ids must be unique,
// and so must every id, name and alias compared without case: a name
// names one mechanism only.
Result<std::vector<Mechanism>> ParseMechanisms(std::string_view text, const std::string& source);

// Reads and parses a file.
Result<std::vector<Mechanism>> LoadMechanisms(const std::string& path);

// The mechanism whose id, name or an alias is `id_or_alias`, compared
// without case ("sr-torture", "Human Rights Committee"); nullptr if none.
const Mechanism* FindMechanism(const std::vector<Mechanism>& mechanisms,
                               std::string_view id_or_alias);

}  // namespace rapporteur

#endif  // RAPPORTEUR_SRC_RECORD_MECHANISMS_H_
