#include "src/cli/record_common.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace rapporteur::cli {

std::string StoreLocation(const GlobalOptions& global) {
  if (!global.db.empty()) return global.db;
  const char* env = std::getenv("RAPPORTEUR_DB");
  if (env != nullptr && *env != '\0') return env;
  return "rapporteur.db";
}

std::string Actor() {
  const char* user = std::getenv("USER");
  if (user != nullptr && *user != '\0') return std::string("cli:") + user;
  const passwd* entry = ::getpwuid(::getuid());
  return std::string("cli:") + (entry != nullptr ? entry->pw_name : "unknown");
}

Result<std::unique_ptr<Store>> OpenStore(const GlobalOptions& global, bool must_exist) {
  StoreOptions options;
  options.location = StoreLocation(global);
  options.actor = Actor();
  const bool is_url = options.location.find("://") != std::string::npos;
  if (must_exist && !is_url && !std::filesystem::exists(options.location)) {
    return NotFound("no record store at '" + options.location +
                    "' (create it with 'rapporteur init', or name one with --db)");
  }
  return Store::Open(options);
}

}  // namespace rapporteur::cli
