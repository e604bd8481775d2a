// The format readers, one per file pair (text_reader.cc, markdown_reader.cc,
// ...). Each takes the raw bytes of a file and returns a RawDocument or a
// Status naming the problem (without the file name).
#ifndef RAPPORTEUR_SRC_INGEST_READERS_H_
#define RAPPORTEUR_SRC_INGEST_READERS_H_

#include "src/ingest/raw_document.h"

namespace rapporteur::ingest {

// Plain text: UTF-8, UTF-16/32 with BOM, or a legacy encoding (detected or
// ReadOptions::encoding). Paragraphs are separated by blank lines; a line
// that starts with a label starts a new block.
Result<RawDocument> ReadPlainText(std::string_view bytes, const std::string& name,
                                  const ReadOptions& options);

// Markdown (CommonMark via cmark): headings, paragraphs, list items, tables.
Result<RawDocument> ReadMarkdown(std::string_view bytes, const std::string& name,
                                 const ReadOptions& options);

// HTML (libxml2's HTML parser): headings, paragraphs, list items, table rows;
// scripts, styles and navigation dropped.
Result<RawDocument> ReadHtml(std::string_view bytes, const std::string& name,
                             const ReadOptions& options);

// DOCX (libzip + pugixml): paragraphs, headings, automatic numbering rendered
// as printed, tables, footnotes; tracked changes accepted or rejected.
Result<RawDocument> ReadDocx(std::string_view bytes, const std::string& name,
                             const ReadOptions& options);

// PDF (poppler-cpp): text in reading order, hyphenation across line ends
// rejoined, running headers, footers and page numbers removed. The reader
// lives in a module loaded on the first call (pdf_module.h); a program
// without it gets kInternal "PDF support is not available: ...".
Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& name,
                            const ReadOptions& options);

// XML: legislative XML such as US GPO bill XML (<section>, <enum>,
// <header>, <text>), and generic XML as paragraphs of text.
Result<RawDocument> ReadXml(std::string_view bytes, const std::string& name,
                            const ReadOptions& options);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_READERS_H_
