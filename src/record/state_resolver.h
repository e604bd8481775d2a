// Resolves the state names a source uses to ISO 3166-1 alpha-2 codes, with
// a memory: a file of 40,000 rows names the same two hundred states over
// and over. The lookup is the state catalogue (states.h) or the store's
// ResolveState(); its failure message, e.g.
//   unknown state 'Frnace' (did you mean 'France'?)
// is passed on unchanged and remembered like an answer.
//
// Thread safety: one thread (the memory is not locked).
#ifndef RAPPORTEUR_SRC_RECORD_STATE_RESOLVER_H_
#define RAPPORTEUR_SRC_RECORD_STATE_RESOLVER_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rapporteur/states.h"
#include "rapporteur/status.h"

namespace rapporteur::record {

class StateResolver {
 public:
  using Lookup = std::function<Result<std::string>(std::string_view name)>;

  explicit StateResolver(Lookup lookup) : lookup_(std::move(lookup)) {}
  // `states` must outlive the resolver.
  static StateResolver FromCatalogue(const StateCatalogue& states);

  // The alpha-2 code of `name` (surrounding spaces ignored).
  Result<std::string> Resolve(std::string_view name);

 private:
  Lookup lookup_;
  std::unordered_map<std::string, Status> failures_;
  std::unordered_map<std::string, std::string> codes_;
};

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_STATE_RESOLVER_H_
