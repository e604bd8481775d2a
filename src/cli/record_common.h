// What the record commands share: finding and opening the store.
#ifndef RAPPORTEUR_SRC_CLI_RECORD_COMMON_H_
#define RAPPORTEUR_SRC_CLI_RECORD_COMMON_H_

#include <memory>
#include <string>

#include "rapporteur/store.h"
#include "src/cli/commands.h"

namespace rapporteur::cli {

// --db, else $RAPPORTEUR_DB, else "rapporteur.db".
std::string StoreLocation(const GlobalOptions& global);

// "cli:<user>", recorded with every change.
std::string Actor();

// Opens the store; with must_exist, a missing SQLite file is an error that
// says to run `rapporteur init`.
Result<std::unique_ptr<Store>> OpenStore(const GlobalOptions& global, bool must_exist);

// search, show, add, edit, history.
void AddQueryCommands(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                      std::map<CLI::App*, Command>* commands);

// report state|recurrence|timeline.
void AddReportCommand(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                      std::map<CLI::App*, Command>* commands);

}  // namespace rapporteur::cli

#endif  // RAPPORTEUR_SRC_CLI_RECORD_COMMON_H_
