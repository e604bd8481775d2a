// PDF support as a module loaded on first use.
//
// poppler and the two dozen libraries it brings (NSS, lcms2, freetype,
// fontconfig, openjpeg, tiff, ...) cost about 10 ms of dynamic linking at
// every start of the command line: a third of its start-up, paid by every
// comparison of two text, Markdown, HTML or Word files. So the PDF reader
// (pdf_reader.cc) is built as its own shared module, librapporteur_pdf.so,
// which ReadPdf (readers.h) loads the first time a PDF is read.
//
// The module takes the rest of the library (JoinLine, StartsWithLabel,
// CleanText, Status, ...) from the program that loads it, so nothing is
// built twice. A program that reads PDFs must therefore be linked with its
// symbols exported (CMake's ENABLE_EXPORTS, on for every program of this
// project) and contain those functions; if it does not, loading fails with
// dlopen's "undefined symbol" message, which ReadPdf reports.
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

#include "src/ingest/raw_document.h"

namespace rapporteur::ingest {

// What the module's entry point returns: its reader.
using PdfReader = Result<RawDocument> (*)(std::string_view bytes, const std::string& name,
                                          const ReadOptions& options);

// The module's file name and its one exported symbol: an extern "C"
// function taking kPdfModuleAbi as the program sees it and returning the
// reader, or null when the module was built with other types.
inline constexpr char kPdfModuleFile[] = "librapporteur_pdf.so";
inline constexpr char kPdfModuleEntry[] = "rapporteur_pdf_reader";
using PdfModuleEntry = PdfReader (*)(std::uint64_t abi);

// The layout of what crosses the boundary, and a number bumped when its
// meaning changes.
inline constexpr std::uint64_t kPdfModuleAbi =
    (std::uint64_t{1} << 56) ^ (sizeof(RawDocument) << 40) ^ (sizeof(ReadOptions) << 24) ^
    (sizeof(Result<RawDocument>) << 8) ^ sizeof(RawBlock);

// The paths ReadPdf tries, in order.
std::vector<std::string> PdfModuleCandidates();

// A loaded module: its reader.
struct PdfModule {
  PdfReader read = nullptr;
};

// Tries `candidates` in order and returns the first that loads; the error
// names every path tried and why each failed.
Result<PdfModule> LoadPdfModule(const std::vector<std::string>& candidates);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_
