// The zip module's two functions, implemented with libzip; built only into
// librapporteur_zip.so (zip_module.h), never into the library.
//
// Thread safety: both may be called concurrently; a reader belongs to one
// thread.
#ifndef RAPPORTEUR_SRC_INGEST_LIBZIP_H_
#define RAPPORTEUR_SRC_INGEST_LIBZIP_H_

#include "src/ingest/zip_module.h"

namespace rapporteur::ingest {

Result<std::unique_ptr<ZipReader>> OpenWithLibzip(std::string_view bytes, std::uint64_t cap);
Result<std::string> WriteWithLibzip(const std::vector<ZipEntry>& entries);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_LIBZIP_H_
