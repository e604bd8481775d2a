// rapporteur: compare versions of agreements, resolutions and laws, and keep
// the record of what was asked of states, promised and done.
#include <malloc.h>

#include <iostream>
#include <map>

#include "src/cli/commands.h"

namespace {

// glibc's malloc returns freed memory at the top of the heap to the system
// as soon as 128 KiB are free and asks for it again a page at a time; a
// comparison of two large drafts allocates and frees hundreds of MB of
// short-lived strings and vectors, and spent a fifth of its time in page
// faults and trimming. Keeping the memory until exit (the process is short)
// cut a 1M-word comparison from 1.78 to 1.53 s for 5% more peak memory
// (bench/README.md).
void TuneAllocatorForAShortProcess() {
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: big buffers reuse the heap
}

}  // namespace

int main(int argc, char** argv) {
  TuneAllocatorForAShortProcess();
  CLI::App app{"rapporteur: what changed between versions of a text, and what it means",
               "rapporteur"};
  app.set_version_flag("--version", std::string("rapporteur ") + RAPPORTEUR_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, rapporteur::cli::Command> commands;
  CLI::App* compare = app.add_subcommand("compare", "Compare versions of a document");
  commands[compare] = rapporteur::cli::AddCompareCommand(compare);
  CLI::App* tokens =
      app.add_subcommand("tokens", "Print the word tokens of a document, one a line");
  commands[tokens] = rapporteur::cli::AddTokensCommand(tokens);
  auto global = std::make_shared<rapporteur::cli::GlobalOptions>();
  app.add_option("--db", global->db,
                 "The record store: a SQLite file (default $RAPPORTEUR_DB, else rapporteur.db)");
  rapporteur::cli::AddRecordCommands(&app, global, &commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Usage errors are "trouble" (2), like diff(1).
    std::cerr << "error: " << e.what() << "\n"
              << "Run 'rapporteur --help' for usage.\n";
    return 2;
  }
  for (auto& [sub, run] : commands) {
    if (sub->parsed()) return run();
  }
  return 2;
}
