// Zip archives (DOCX and XLSX in, DOCX out) through a module loaded on
// first use (src/base/module_loader.h).
//
// libzip brings libcrypto (for encrypted archives), bzip2 and lzma: 140 of
// the command line's page faults at every start, about 4 ms, a fifth of a
// small comparison that reads no zip at all. So libzip is only linked into
// librapporteur_zip.so (libzip_reader.cc, libzip_writer.cc),
// which ZipArchive::Open and render::WriteZip load on their first call.
//
// Where it is looked for, in order: $RAPPORTEUR_ZIP_MODULE (a path), beside
// the running program, then in the build directory it was built in.
//
// Thread safety: TheZipModule loads the module once (a function-local
// static) and may be called concurrently. LoadZipModule is for tests.
#ifndef RAPPORTEUR_SRC_INGEST_ZIP_MODULE_H_
#define RAPPORTEUR_SRC_INGEST_ZIP_MODULE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"
#include "src/base/module_loader.h"

namespace rapporteur::ingest {

// One entry of an archive to write.
struct ZipEntry {
  std::string name;
  std::string data;
  bool stored = false;  // true: no compression
};

// An open archive, as zip_archive.h describes it. Its virtual functions
// are part of the module's ABI: bump kZipModuleAbi when they change.
class ZipReader {
 public:
  virtual ~ZipReader() = default;
  virtual bool Contains(const std::string& name) const = 0;
  virtual Result<std::vector<std::optional<std::string>>> ReadAll(
      const std::vector<std::string>& names) = 0;
};

// The module's table.
struct ZipModule {
  // ZipArchive::Open's contract; `bytes` must outlive the reader.
  Result<std::unique_ptr<ZipReader>> (*open)(std::string_view bytes, std::uint64_t cap) = nullptr;
  // render::WriteZip's contract.
  Result<std::string> (*write)(const std::vector<ZipEntry>& entries) = nullptr;
};

inline constexpr std::uint64_t kZipModuleAbi =
    (std::uint64_t{1} << 56) ^ (sizeof(ZipEntry) << 40) ^ (sizeof(ZipModule) << 32) ^
    (sizeof(Result<std::unique_ptr<ZipReader>>) << 16) ^ (sizeof(Result<std::string>) << 8) ^
    sizeof(Result<std::vector<std::optional<std::string>>>);

inline constexpr ModuleSpec kZipModuleSpec = {"librapporteur_zip.so", "rapporteur_zip_module",
                                              "RAPPORTEUR_ZIP_MODULE", kZipModuleAbi};

// The paths TheZipModule tries, in order.
std::vector<std::string> ZipModuleCandidates();

// Tries `candidates` in order and returns the first that loads; the error
// names every path tried and why each failed.
Result<ZipModule> LoadZipModule(const std::vector<std::string>& candidates);

// The process's module, loaded on the first call; the error says that zip
// files (DOCX, XLSX) cannot be read or written, and why.
Result<const ZipModule*> TheZipModule();

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_ZIP_MODULE_H_
