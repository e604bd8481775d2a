// Reading entries of a zip archive held in memory (libzip, in the zip
// module: zip_module.h), with a cap on the bytes it may expand to.
//
// The cap is enforced twice: first on the sizes the central directory
// declares for the entries asked for, then on the bytes actually
// decompressed, because a hostile archive can lie in its headers. Errors:
//   not a zip archive                              (kInvalidInput)
//   corrupt zip archive (...)                       (kInvalidInput)
//   expands to more than 512 MiB (a zip bomb?); ... (kTooLarge)
//   encrypted zip entry word/document.xml          (kEncrypted)
//   zip support (DOCX, XLSX) is not available: ... (kInternal: no module)
//
// Thread safety: a ZipArchive belongs to one thread.
#ifndef RAPPORTEUR_SRC_INGEST_ZIP_ARCHIVE_H_
#define RAPPORTEUR_SRC_INGEST_ZIP_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapporteur/status.h"
#include "src/ingest/zip_module.h"

namespace rapporteur::ingest {

// "512 MiB", "1 KiB", "1000 bytes".
std::string FormatByteCount(std::uint64_t bytes);

class ZipArchive {
 public:
  // `bytes` must outlive the archive; `max_expanded_bytes` caps the total
  // of every entry read through this object.
  static Result<ZipArchive> Open(std::string_view bytes, std::uint64_t max_expanded_bytes);

  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // Whether an entry of this name exists (case-insensitive, as in OPC).
  bool Contains(const std::string& name) const;

  // Reads the named entries that exist; missing ones come back as nullopt.
  // Fails if their declared or actual sizes together exceed the cap.
  Result<std::vector<std::optional<std::string>>> ReadAll(const std::vector<std::string>& names);

 private:
  explicit ZipArchive(std::unique_ptr<ZipReader> reader) : reader_(std::move(reader)) {}

  std::unique_ptr<ZipReader> reader_;
};

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_ZIP_ARCHIVE_H_
