// The zip module's reader (libzip.h, zip_module.h): the contract and the
// zip-bomb checks are described in zip_archive.h.
#include <zip.h>

#include <algorithm>
#include <utility>

#include "src/ingest/libzip.h"
#include "src/ingest/zip_archive.h"

namespace rapporteur::ingest {
namespace {

class LibzipReader final : public ZipReader {
 public:
  LibzipReader(zip_t* archive, std::uint64_t cap) : archive_(archive), cap_(cap) {}
  LibzipReader(const LibzipReader&) = delete;
  LibzipReader& operator=(const LibzipReader&) = delete;
  ~LibzipReader() override { zip_discard(archive_); }

  bool Contains(const std::string& name) const override {
    return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
  }
  Result<std::vector<std::optional<std::string>>> ReadAll(
      const std::vector<std::string>& names) override;

 private:
  Status TooLargeError() const {
    return TooLarge("expands to more than " + FormatByteCount(cap_) +
                    " (a zip bomb?); raise the cap with --max-expanded-size");
  }
  Result<std::string> ReadEntry(std::uint64_t index);

  zip_t* archive_;
  std::uint64_t cap_;
  std::uint64_t read_ = 0;  // bytes decompressed so far
};

Result<std::vector<std::optional<std::string>>> LibzipReader::ReadAll(
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

Result<std::string> LibzipReader::ReadEntry(std::uint64_t index) {
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

}  // namespace

Result<std::unique_ptr<ZipReader>> OpenWithLibzip(std::string_view bytes, std::uint64_t cap) {
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
  return std::unique_ptr<ZipReader>(new LibzipReader(archive, cap));
}

}  // namespace rapporteur::ingest

// The module's entry point (zip_module.h): its table, if the program that
// loads the module was built with the same types.
extern "C" [[gnu::visibility("default")]] const void* rapporteur_zip_module(std::uint64_t abi) {
  static const rapporteur::ingest::ZipModule module = {&rapporteur::ingest::OpenWithLibzip,
                                                       &rapporteur::ingest::WriteWithLibzip};
  return abi == rapporteur::ingest::kZipModuleAbi ? &module : nullptr;
}
