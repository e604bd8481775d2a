// The zip module's writer (src/ingest/libzip.h): render::WriteZip's
// contract (src/render/zip_writer.h), implemented with libzip.
#include <zip.h>

#include <cstdio>

#include "src/ingest/libzip.h"

namespace rapporteur::ingest {
namespace {

// 1980-01-02, the first day DOS timestamps express in every time zone.
constexpr time_t kFixedMtime = 315619200;

Status AddEntry(zip_t* archive, const ZipEntry& entry) {
  zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
  if (source == nullptr) return Internal("zip: " + std::string(zip_strerror(archive)));
  const zip_int64_t index =
      zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(source);
    return Internal("zip: " + std::string(zip_strerror(archive)));
  }
  const auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive, i, entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) != 0 ||
      zip_file_set_mtime(archive, i, kFixedMtime, 0) != 0) {
    return Internal("zip: " + std::string(zip_strerror(archive)));
  }
  return Status::Ok();
}

// Copies the whole content of a (closed) source into a string.
Result<std::string> SourceBytes(zip_source_t* source) {
  if (zip_source_open(source) != 0) return Internal("zip: cannot reopen the archive");
  std::string out;
  char chunk[16384];
  zip_int64_t n;
  while ((n = zip_source_read(source, chunk, sizeof chunk)) > 0) {
    out.append(chunk, static_cast<std::size_t>(n));
  }
  zip_source_close(source);
  if (n < 0) return Internal("zip: cannot read the archive back");
  return out;
}

}  // namespace

Result<std::string> WriteWithLibzip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer == nullptr ? nullptr : zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    std::string detail = zip_error_strerror(&error);
    if (buffer != nullptr) zip_source_free(buffer);
    zip_error_fini(&error);
    return Internal("zip: " + detail);
  }
  zip_error_fini(&error);
  zip_source_keep(buffer);  // survive zip_close, to be read back
  for (const ZipEntry& entry : entries) {
    Status status = AddEntry(archive, entry);
    if (!status.ok()) {
      zip_discard(archive);
      zip_source_free(buffer);
      return status;
    }
  }
  if (zip_close(archive) != 0) {
    std::string detail = zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    return Internal("zip: " + detail);
  }
  Result<std::string> bytes = SourceBytes(buffer);
  zip_source_free(buffer);
  return bytes;
}

}  // namespace rapporteur::ingest
