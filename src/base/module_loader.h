// Loading the project's own shared modules (librapporteur_pdf.so,
// librapporteur_zip.so, librapporteur_stem.so) on first use.
//
// Why modules: a library linked into the program costs its mapping, its
// relocations and its symbol lookups at every start, used or not, and on
// this project's typical run (compare two text or Markdown files) start-up
// is most of the time. poppler with its two dozen libraries (PDF) and
// libzip with libcrypto (DOCX, XLSX) are loaded only when a file needs them.
//
// A module takes the rest of the library (Status, text helpers, ...) from
// the program that loads it, so nothing is built twice: the program must
// export the library's symbols (CMake's ENABLE_EXPORTS, or the CLI's
// --export-dynamic-symbol list) and contain the functions the module uses.
// If it does not, loading fails with dlopen's "undefined symbol" message,
// which the caller reports. Mind that a program linked with the static
// library only contains the object files it references itself: a function
// only a module calls belongs in a file the library also uses.
// tests/cli/modules.sh loads every module from the command line.
//
// A module exports one extern "C" function, its entry point, taking the
// program's ABI token (a number derived from the sizes of the types that
// cross the boundary, bumped by hand when their meaning changes) and
// returning a pointer to its table of functions, or null when it was built
// with other types. The module stays loaded until the process ends.
//
// Thread safety: LoadModule may be called concurrently (dlopen is); callers
// keep the result in a function-local static.
#ifndef RAPPORTEUR_SRC_BASE_MODULE_LOADER_H_
#define RAPPORTEUR_SRC_BASE_MODULE_LOADER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "rapporteur/status.h"

namespace rapporteur {

struct ModuleSpec {
  const char* file;     // "librapporteur_pdf.so"
  const char* entry;    // "rapporteur_pdf_module"
  const char* env_var;  // "RAPPORTEUR_PDF_MODULE": a path tried first
  std::uint64_t abi;    // passed to the entry point
};

using ModuleEntry = const void* (*)(std::uint64_t abi);

// Where a module is looked for, in order: the path in $env_var, beside the
// running program, then in the build directory the library was built in.
std::vector<std::string> ModuleCandidates(const ModuleSpec& spec);

// Tries `candidates` in order and returns the entry point's table from the
// first that loads; the error names every path tried and why each failed.
Result<const void*> LoadModule(const ModuleSpec& spec, const std::vector<std::string>& candidates);

// LoadModule for a module whose entry point returns a `const Table*`.
template <typename Table>
Result<const Table*> LoadModuleTable(const ModuleSpec& spec,
                                     const std::vector<std::string>& candidates) {
  Result<const void*> table = LoadModule(spec, candidates);
  if (!table) return table.error();
  return static_cast<const Table*>(*table);
}

}  // namespace rapporteur

#endif  // RAPPORTEUR_SRC_BASE_MODULE_LOADER_H_
