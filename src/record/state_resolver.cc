#include "src/record/state_resolver.h"

#include "src/record/source_text.h"

namespace rapporteur::record {

StateResolver StateResolver::FromCatalogue(const StateCatalogue& states) {
  return StateResolver([&states](std::string_view name) -> Result<std::string> {
    Result<const StateInfo*> info = states.Resolve(name);
    if (!info) return info.error();
    return (*info)->code;
  });
}

Result<std::string> StateResolver::Resolve(std::string_view name) {
  const std::string key(TrimSpaces(name));
  if (auto it = codes_.find(key); it != codes_.end()) return it->second;
  if (auto it = failures_.find(key); it != failures_.end()) return it->second;
  if (key.empty()) return InvalidInput("no state given");
  Result<std::string> code = lookup_(key);
  if (!code) {
    failures_.emplace(key, code.error());
    return code.error();
  }
  codes_.emplace(key, *code);
  return *code;
}

}  // namespace rapporteur::record
