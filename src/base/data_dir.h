// Where rapporteur's data files (catalogues, lexicons) are: $RAPPORTEUR_DATA
// when set, else the data/ directory of the build's source tree.
#ifndef RAPPORTEUR_SRC_BASE_DATA_DIR_H_
#define RAPPORTEUR_SRC_BASE_DATA_DIR_H_

#include <string>

namespace rapporteur {

std::string DefaultDataDir();

}  // namespace rapporteur

#endif  // RAPPORTEUR_SRC_BASE_DATA_DIR_H_
