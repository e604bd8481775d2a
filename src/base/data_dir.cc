#include "src/base/data_dir.h"

#include <cstdlib>

namespace rapporteur {

std::string DefaultDataDir() {
  const char* env = std::getenv("RAPPORTEUR_DATA");
  if (env != nullptr && *env != '\0') return env;
  return RAPPORTEUR_DATA_DIR;
}

}  // namespace rapporteur
