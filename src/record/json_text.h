// Parsing JSON from files without exceptions, with messages that say where:
//   line 3, column 14: invalid JSON: syntax error while parsing object - ...
//   truncated JSON: the input ends inside a value (line 40)
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_RECORD_JSON_TEXT_H_
#define RAPPORTEUR_SRC_RECORD_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "rapporteur/status.h"

namespace rapporteur::record {

// One JSON value (an object, array, ...) filling all of `text`.
Result<nlohmann::json> ParseJson(std::string_view text);

// The same for one line of JSON Lines, whose messages give only the column
// ("column 7: invalid JSON: ...", "truncated JSON: the line ends inside a
// value"): the caller knows the line.
Result<nlohmann::json> ParseJsonLine(std::string_view line);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_JSON_TEXT_H_
