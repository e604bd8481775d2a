// Building a zip archive in memory (libzip, in the zip module:
// src/ingest/zip_module.h), for DOCX output and for tests.
//
// Entries are written in the order given, deflated unless `stored`, with a
// fixed timestamp so that the same input gives the same bytes.
//
// Thread safety: a pure function.
#ifndef RAPPORTEUR_SRC_RENDER_ZIP_WRITER_H_
#define RAPPORTEUR_SRC_RENDER_ZIP_WRITER_H_

#include <string>
#include <vector>

#include "rapporteur/status.h"
#include "src/ingest/zip_module.h"

namespace rapporteur::render {

using ingest::ZipEntry;  // name, data, stored (no compression)

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

}  // namespace rapporteur::render

#endif  // RAPPORTEUR_SRC_RENDER_ZIP_WRITER_H_
