// ReadPdf for the library: loads librapporteur_pdf.so (pdf_module.h) and
// hands the bytes to its reader.
#include "src/ingest/pdf_module.h"

#include "src/ingest/readers.h"

namespace rapporteur::ingest {

std::vector<std::string> PdfModuleCandidates() { return ModuleCandidates(kPdfModuleSpec); }

Result<PdfModule> LoadPdfModule(const std::vector<std::string>& candidates) {
  Result<const PdfModule*> table = LoadModuleTable<PdfModule>(kPdfModuleSpec, candidates);
  if (!table) return table.error();
  return **table;
}

Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& name,
                            const ReadOptions& options) {
  static const Result<PdfModule> module = LoadPdfModule(PdfModuleCandidates());
  if (!module) return Internal("PDF support is not available: " + module.error().message());
  return module->read(bytes, name, options);
}

}  // namespace rapporteur::ingest
