#include "src/ingest/zip_archive.h"

#include <utility>

namespace rapporteur::ingest {

std::string FormatByteCount(std::uint64_t bytes) {
  if (bytes != 0 && bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes != 0 && bytes % (1ull << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (1ull << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, std::uint64_t max_expanded_bytes) {
  // The end-of-central-directory record alone is 22 bytes.
  if (bytes.size() < 22) return InvalidInput("not a zip archive");
  Result<const ZipModule*> module = TheZipModule();
  if (!module) return module.error();
  Result<std::unique_ptr<ZipReader>> reader = (*module)->open(bytes, max_expanded_bytes);
  if (!reader) return reader.error();
  return ZipArchive(std::move(*reader));
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept = default;
ZipArchive::~ZipArchive() = default;

bool ZipArchive::Contains(const std::string& name) const { return reader_->Contains(name); }

Result<std::vector<std::optional<std::string>>> ZipArchive::ReadAll(
    const std::vector<std::string>& names) {
  return reader_->ReadAll(names);
}

}  // namespace rapporteur::ingest
