// How a list field (themes, recommending_states, ...) is kept in its kind's
// table: a JSON array of strings, '["Torture","Women"]', NULL when empty.
// Reading the lists from the row itself lets a record, or the facets of
// many, be read with one lookup per record.
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_STORE_LIST_COLUMN_H_
#define RAPPORTEUR_SRC_STORE_LIST_COLUMN_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace rapporteur::store {

std::string EncodeList(const nlohmann::json& list);
nlohmann::json DecodeList(std::string_view encoded);

// Calls visit(value) for each string of an encoded list, without building
// JSON when no value holds an escape (the common case).
template <typename Visit>
void ForEachListValue(std::string_view encoded, Visit&& visit) {
  if (encoded.find('\\') != std::string_view::npos) {
    for (const nlohmann::json& value : DecodeList(encoded)) {
      if (value.is_string()) visit(std::string_view(value.get_ref<const std::string&>()));
    }
    return;
  }
  // '["a","b"]': the values lie between pairs of quotes.
  for (std::size_t open = encoded.find('"'); open != std::string_view::npos;) {
    std::size_t close = encoded.find('"', open + 1);
    if (close == std::string_view::npos) return;
    visit(encoded.substr(open + 1, close - open - 1));
    open = encoded.find('"', close + 1);
  }
}

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_LIST_COLUMN_H_
