// rapporteur: reading documents in any supported format.
//
//   rapporteur::ReadOptions options;
//   rapporteur::Result<rapporteur::Document> doc =
//       rapporteur::ReadDocument("draft.docx", options);
//   if (!doc) { std::cerr << "error: " << doc.error().message() << "\n"; }
//
// The format is detected from the content (zip with word/document.xml, %PDF,
// markup, Markdown syntax), falling back to the file extension; it can be
// forced with ReadOptions::format. Plain text in UTF-8, UTF-16 with a BOM, or
// a legacy 8-bit encoding (detected, or named in ReadOptions::encoding) is
// converted to UTF-8 with ICU.
//
// Every failure is a Status whose message names the file and the problem:
//   cannot read 'x.docx': not a zip archive
//   cannot read 'x.txt': invalid UTF-8 at byte 1032
//   cannot read 'scan.pdf': no text layer (a scanned document?); run OCR first
//
// Thread safety: ReadDocument and ReadDocuments may be called concurrently.
#ifndef RAPPORTEUR_INGEST_H_
#define RAPPORTEUR_INGEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/document.h"
#include "rapporteur/status.h"

namespace rapporteur {

// What to do with tracked changes already present in a DOCX.
enum class TrackedChanges { kAccept, kReject };

struct ReadOptions {
  std::optional<Format> format;  // forced format; detected when empty
  std::string encoding;          // forced encoding of plain text, e.g. "windows-1252"
  // Cap on the bytes a compressed container may expand to (zip bombs).
  std::uint64_t max_expanded_bytes = 512ull << 20;
  // Cap on the size of an input file.
  std::uint64_t max_file_bytes = 1ull << 30;
  TrackedChanges tracked_changes = TrackedChanges::kAccept;
};

// Parses a format name ("txt", "text", "md", "markdown", "html", "docx",
// "pdf", "xml").
Result<Format> ParseFormatName(std::string_view name);

// Reads the file at `path`.
Result<Document> ReadDocument(const std::string& path, const ReadOptions& options);

// Reads the files at `paths`, up to `threads` at a time (0: one per CPU
// the process may run on; one at a time if it may run on one CPU or the
// system refuses threads), and returns them in the order given. Every file is read; on failure the
// error is that of the first path that failed in the order given, as a sequential read would report
// it.
Result<std::vector<Document>> ReadDocuments(const std::vector<std::string>& paths,
                                            const ReadOptions& options, unsigned threads = 0);

// Reads a document from memory; `name` is used in messages and as the source.
Result<Document> ReadDocumentFromBytes(std::string_view bytes, const std::string& name,
                                       const ReadOptions& options);

}  // namespace rapporteur

#endif  // RAPPORTEUR_INGEST_H_
