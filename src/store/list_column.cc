#include "src/store/list_column.h"

namespace rapporteur::store {

using nlohmann::json;

std::string EncodeList(const json& list) {
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

json DecodeList(std::string_view encoded) {
  json list = json::parse(encoded, nullptr, /*allow_exceptions=*/false);
  return list.is_array() ? list : json::array();
}

}  // namespace rapporteur::store
