#include "src/ingest/zip_module.h"

namespace rapporteur::ingest {

std::vector<std::string> ZipModuleCandidates() { return ModuleCandidates(kZipModuleSpec); }

Result<ZipModule> LoadZipModule(const std::vector<std::string>& candidates) {
  Result<const ZipModule*> table = LoadModuleTable<ZipModule>(kZipModuleSpec, candidates);
  if (!table) return table.error();
  return **table;
}

Result<const ZipModule*> TheZipModule() {
  static const Result<ZipModule> module = LoadZipModule(ZipModuleCandidates());
  if (!module) {
    return Internal("zip support (DOCX, XLSX) is not available: " + module.error().message());
  }
  return &*module;
}

}  // namespace rapporteur::ingest
