// The subcommands of the `rapporteur` tool. Each registers its options on a
// CLI11 app and returns the exit status when run. The tool is a thin layer:
// every command parses options, calls the library, prints.
#ifndef RAPPORTEUR_SRC_CLI_COMMANDS_H_
#define RAPPORTEUR_SRC_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "rapporteur/status.h"

namespace rapporteur::cli {

// Runs after parsing; returns the exit status.
using Command = std::function<int()>;

// Options of the tool itself, before the subcommand.
struct GlobalOptions {
  std::string db;  // --db; default $RAPPORTEUR_DB, else "rapporteur.db"
};

Command AddCompareCommand(CLI::App* app);
Command AddTokensCommand(CLI::App* app);
// The record: init, import, export, search, show, add, edit, history.
void AddRecordCommands(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                       std::map<CLI::App*, Command>* commands);

// Prints "error: <message>" to stderr and returns the exit status for it.
int Fail(const Status& status);

// True if stdout is a terminal that takes colours (and NO_COLOR is unset).
bool StdoutWantsColor();

// Writes `bytes` to `path`, or to stdout when `path` is empty or "-".
Status WriteOutput(const std::string& path, const std::string& bytes);

// Calls write(sink) with a sink into `path` (stdout when empty or "-"). A
// file is written beside its destination and renamed over it only if
// `write` and the writing succeed, so that a failure never leaves a
// truncated file where the previous one was.
Status WriteOutputWith(
    const std::string& path,
    const std::function<Status(const std::function<Status(std::string_view)>&)>& write);

}  // namespace rapporteur::cli

#endif  // RAPPORTEUR_SRC_CLI_COMMANDS_H_
