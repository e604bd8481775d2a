#include "src/ingest/zip_archive.h"

#include <zip.h>

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
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Internal("cannot create a zip source");
  }
  // Not ZIP_CHECKCONS: real Word files fail it, and reading checks CRCs anyway.
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP) return InvalidInput("not a zip archive");
    return InvalidInput("corrupt zip archive (" + detail + ")");
  }
  zip_error_fini(&error);
  return ZipArchive(archive, max_expanded_bytes);
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : archive_(std::exchange(other.archive_, nullptr)), cap_(other.cap_), read_(other.read_) {}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (archive_ != nullptr) zip_discard(archive_);
    archive_ = std::exchange(other.archive_, nullptr);
    cap_ = other.cap_;
    read_ = other.read_;
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::Contains(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Status ZipArchive::TooLargeError() const {
  return TooLarge("expands to more than " + FormatByteCount(cap_) +
                  " (a zip bomb?); raise the cap with --max-expanded-size");
}

Result<std::vector<std::optional<std::string>>> ZipArchive::ReadAll(
    const std::vector<std::string>& names) {
  std::vector<std::optional<std::uint64_t>> indices;
  std::uint64_t declared = 0;
  for (const std::string& name : names) {
    const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (index < 0 || zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
      indices.emplace_back();
      continue;
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
      return Status(ErrorCode::kEncrypted, "encrypted zip entry " + name);
    }
    // Checked before adding, so that the sum cannot wrap around.
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > cap_ - std::min(declared, cap_)) {
      return TooLargeError();
    }
    if (stat.valid & ZIP_STAT_SIZE) declared += stat.size;
    indices.emplace_back(static_cast<std::uint64_t>(index));
  }
  std::vector<std::optional<std::string>> contents;
  for (const std::optional<std::uint64_t>& index : indices) {
    if (!index) {
      contents.emplace_back();
      continue;
    }
    Result<std::string> entry = ReadEntry(*index);
    if (!entry) return entry.error();
    contents.emplace_back(std::move(*entry));
  }
  return contents;
}

Result<std::string> ZipArchive::ReadEntry(std::uint64_t index) {
  zip_file_t* file = zip_fopen_index(archive_, index, 0);
  if (file == nullptr) {
    return InvalidInput(std::string("corrupt zip archive (") + zip_strerror(archive_) + ")");
  }
  std::string out;
  std::string chunk(std::size_t{64} << 10, '\0');
  for (;;) {
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) {
      std::string detail = zip_file_strerror(file);
      zip_fclose(file);
      return InvalidInput("corrupt zip archive (" + detail + ")");
    }
    if (n == 0) break;
    // The headers may lie: count what is really decompressed.
    if (static_cast<std::uint64_t>(n) > cap_ - read_) {
      zip_fclose(file);
      return TooLargeError();
    }
    read_ += static_cast<std::uint64_t>(n);
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  zip_fclose(file);
  return out;
}

}  // namespace rapporteur::ingest
