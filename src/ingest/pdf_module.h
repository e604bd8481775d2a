// PDF support as a module loaded on first use.
//
// poppler and the two dozen libraries it brings (NSS, lcms2, freetype,
// fontconfig, openjpeg, tiff, ...) cost about 10 ms of dynamic linking at
// every start of the command line: a third of its start-up, paid by every
// comparison of two text, Markdown, HTML or Word files. So the PDF reader
// (pdf_reader.cc) is built as its own shared module, librapporteur_pdf.so,
// which ReadPdf (readers.h) loads the first time a PDF is read. The module
// takes the rest of the library from the program that loads it (programs
// are linked with their symbols exported), so nothing is built twice.
//
// The module is looked for beside the running program, then in the build
// directory it was built in.
//
// Thread safety: the module is loaded once (a function-local static);
// ReadPdf may be called concurrently.
#ifndef RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_
#define RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_

#include <string>
#include <string_view>

#include "src/ingest/raw_document.h"

namespace rapporteur::ingest {

// What the module's entry point returns: its reader.
using PdfReader = Result<RawDocument> (*)(std::string_view bytes, const std::string& name,
                                          const ReadOptions& options);

// The module's file name and its one exported symbol: an extern "C"
// function taking nothing and returning the PdfReader.
inline constexpr char kPdfModuleFile[] = "librapporteur_pdf.so";
inline constexpr char kPdfModuleEntry[] = "rapporteur_pdf_reader";

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_PDF_MODULE_H_
