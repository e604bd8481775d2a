#include "src/render/zip_writer.h"

namespace rapporteur::render {

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  Result<const ingest::ZipModule*> module = ingest::TheZipModule();
  if (!module) return module.error();
  return (*module)->write(entries);
}

}  // namespace rapporteur::render
