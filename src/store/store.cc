// Store::Open: the backend is chosen by the location's form.
#include "rapporteur/store.h"

#include "src/store/sqlite_store.h"

namespace rapporteur {

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  const std::string& location = options.location;
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    // The URL may hold a password: it is not repeated.
    return Unsupported("cannot open the PostgreSQL store: PostgreSQL backend not built");
  }
  return store::SqliteStore::Open(options);
}

}  // namespace rapporteur
