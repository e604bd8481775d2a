// rapporteur: compare versions of agreements, resolutions and laws, and keep
// the record of what was asked of states, promised and done.
#include <malloc.h>

#include <iostream>
#include <map>
#include <new>

#include "src/cli/commands.h"

#if defined(RAPPORTEUR_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

namespace {

// A comparison of two large drafts allocates and frees hundreds of MB of
// short-lived strings and vectors. On this kind of machine (a VM where a
// page fault costs microseconds) the page faults of first touching that
// memory were the largest single cost: 58,000 of them for a 1M-word pair,
// 0.6 to 1.5 s of its 1.6 to 2.6 s. With 2 MiB pages there are 1,000.
// glibc's malloc asks for transparent huge pages only when an environment
// variable read at start-up says so (GLIBC_TUNABLES=glibc.malloc.hugetlb=1);
// mimalloc takes the option from the program, and is quicker with many small
// blocks: the same pair runs in 0.9 s (bench/README.md). Without mimalloc
// (sanitizer builds), glibc at least keeps freed memory until exit instead
// of handing it back and faulting it in again.
#if defined(RAPPORTEUR_WITH_MIMALLOC)
// mimalloc reads its options when it starts, in its library constructor,
// and lays out its first segments then: set later, the option misses them
// (10,700 page faults instead of 1,000). Functions in .preinit_array run
// after relocation and before any library's constructor; mi_option_set_default
// only stores the value, which MIMALLOC_LARGE_OS_PAGES=0 still overrides.
// A thread's first segment is by default committed page by page (small
// pages, one fault each): the lens, built on its own thread, faulted 1,750
// times where the main thread faults a handful; eager commit gives every
// thread's segments huge pages too.
void UseHugePages(int /*argc*/, char** /*argv*/, char** /*envp*/) {
  mi_option_set_default(mi_option_large_os_pages, 1);
  mi_option_set_default(mi_option_eager_commit_delay, 0);
}
[[gnu::section(".preinit_array"),
  gnu::used]] constexpr void (*kUseHugePages)(int, char**, char**) = &UseHugePages;

void TuneAllocatorForAShortProcess() {}
#else
void TuneAllocatorForAShortProcess() {
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: big buffers reuse the heap
}
#endif

int Main(int argc, char** argv) {
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

}  // namespace

// The library reports failures as Status values; what still escapes as an
// exception (memory exhausted, a bug) ends the run as trouble, with a
// message, not as an abort.
int main(int argc, char** argv) {
  TuneAllocatorForAShortProcess();
  try {
    return Main(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << "\n";
  }
  return 2;
}
