// PDF support as a module loaded on first use (src/base/module_loader.h).
//
// poppler and the two dozen libraries it brings (NSS, lcms2, freetype,
// fontconfig, openjpeg, tiff, ...) cost about 10 ms of dynamic linking at
// every start of the command line: a third of its start-up, paid by every
// comparison of two text, Markdown, HTML or Word files. So the PDF reader
// (pdf_reader.cc) is built as its own shared module, librapporteur_pdf.so,
// which ReadPdf (readers.h) loads the first time a PDF is read.
//
// Where it is looked for, in order: $RAPPORTEUR_PDF_MODULE (a path), beside
// the running program, then in the build directory it was built in. The
// module and the program must come from the same build: the entry point
// refuses a program whose types differ (kPdfModuleAbi).
//
// Thread safety: ReadPdf loads the module once (a function-local static)
// and may be called concurrently. LoadPdfModule is for tests.
#ifndef RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_
#define RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/module_loader.h"
#include "src/ingest/raw_document.h"

namespace rapporteur::ingest {

// The module's reader.
using PdfReader = Result<RawDocument> (*)(std::string_view bytes, const std::string& name,
                                          const ReadOptions& options);

// The layout of what crosses the boundary, and a number bumped when its
// meaning changes.
inline constexpr std::uint64_t kPdfModuleAbi =
    (std::uint64_t{2} << 56) ^ (sizeof(RawDocument) << 40) ^ (sizeof(ReadOptions) << 24) ^
    (sizeof(Result<RawDocument>) << 8) ^ sizeof(RawBlock);

// The module's file, its entry point (an extern "C" function taking
// kPdfModuleAbi and returning a const PdfModule*), and the variable that
// names a path to try first.
inline constexpr ModuleSpec kPdfModuleSpec = {"librapporteur_pdf.so", "rapporteur_pdf_module",
                                              "RAPPORTEUR_PDF_MODULE", kPdfModuleAbi};

// A loaded module: its reader.
struct PdfModule {
  PdfReader read = nullptr;
};

// The paths ReadPdf tries, in order.
std::vector<std::string> PdfModuleCandidates();

// Tries `candidates` in order and returns the first that loads; the error
// names every path tried and why each failed.
Result<PdfModule> LoadPdfModule(const std::vector<std::string>& candidates);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_
