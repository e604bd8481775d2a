// ReadDocument: file access, format detection, dispatch to the format
// readers, and the shared structure pass.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "rapporteur/ingest.h"
#include "src/base/parallel.h"
#include "src/ingest/readers.h"
#include "src/ingest/structure.h"

namespace rapporteur {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<Format> FormatFromExtension(const std::string& name) {
  const std::size_t dot = name.find_last_of('.');
  const std::size_t slash = name.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
  Result<Format> f = ParseFormatName(Lower(name.substr(dot + 1)));
  if (!f) return std::nullopt;
  return *f;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Content sniffing for files whose extension says nothing.
Format SniffFormat(std::string_view bytes) {
  if (StartsWith(bytes, "PK\x03\x04")) return Format::kDocx;
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::kPdf;
  std::string head = Lower(bytes.substr(0, 4096));
  const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && head[first] == '<') {
    const bool html = head.find("<html") != std::string::npos ||
                      head.find("<!doctype html") != std::string::npos ||
                      head.find("<body") != std::string::npos ||
                      head.find("<p>") != std::string::npos;
    return html ? Format::kHtml : Format::kXml;
  }
  if (head.find("\n# ") != std::string::npos || StartsWith(head, "# ") ||
      head.find("\n## ") != std::string::npos) {
    return Format::kMarkdown;
  }
  return Format::kText;
}

ingest::ReaderFn ReaderFor(Format format) {
  switch (format) {
    case Format::kText: return ingest::ReadPlainText;
    case Format::kMarkdown: return ingest::ReadMarkdown;
    case Format::kHtml: return ingest::ReadHtml;
    case Format::kDocx: return ingest::ReadDocx;
    case Format::kPdf: return ingest::ReadPdf;
    case Format::kXml: return ingest::ReadXml;
  }
  return ingest::ReadPlainText;
}

Result<std::string> ReadFileBytes(const std::string& path, std::uint64_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return NotFound("no such file");
    return IoError(std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return InvalidArgument("is a directory");
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    return TooLarge("file is larger than the " + std::to_string(max_bytes >> 20) + " MiB limit");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) return IoError("read failed");
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

Result<Format> ParseFormatName(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "txt" || n == "text") return Format::kText;
  if (n == "md" || n == "markdown") return Format::kMarkdown;
  if (n == "html" || n == "htm" || n == "xhtml") return Format::kHtml;
  if (n == "docx") return Format::kDocx;
  if (n == "pdf") return Format::kPdf;
  if (n == "xml") return Format::kXml;
  return InvalidArgument("unknown format '" + std::string(name) +
                         "' (expected txt, md, html, docx, pdf or xml)");
}

Result<Document> ReadDocumentFromBytes(std::string_view bytes, const std::string& name,
                                       const ReadOptions& options) {
  const std::string context = "cannot read '" + name + "'";
  if (bytes.empty()) return InvalidInput("empty file").WithContext(context);
  Format format = options.format.value_or(FormatFromExtension(name).value_or(SniffFormat(bytes)));
  Result<ingest::RawDocument> raw = ReaderFor(format)(bytes, name, options);
  if (!raw) return raw.error().WithContext(context);
  Document doc = ingest::BuildStructure(std::move(raw).value(), name, format);
  if (doc.blocks.empty() && doc.title.empty()) {
    return InvalidInput("no text found").WithContext(context);
  }
  return doc;
}

Result<Document> ReadDocument(const std::string& path, const ReadOptions& options) {
  Result<std::string> bytes = ReadFileBytes(path, options.max_file_bytes);
  if (!bytes) return bytes.error().WithContext("cannot read '" + path + "'");
  return ReadDocumentFromBytes(*bytes, path, options);
}

namespace {

// ReadDocument on a worker thread: an exception (out of memory) becomes
// that file's error instead of ending the process.
Result<Document> ReadDocumentCaught(const std::string& path, const ReadOptions& options) {
  try {
    return ReadDocument(path, options);
  } catch (const std::exception& e) {
    return Internal("cannot read '" + path + "': " + e.what());
  }
}

}  // namespace

Result<std::vector<Document>> ReadDocuments(const std::vector<std::string>& paths,
                                            const ReadOptions& options, unsigned threads) {
  std::vector<std::optional<Result<Document>>> read(paths.size());
  // Reading is independent per file (parsing is most of a large
  // comparison's first fifth).
  const auto read_range = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      read[i].emplace(ReadDocumentCaught(paths[i], options));
  };
  ForEachRange(paths.size(), 1, read_range, threads);
  std::vector<Document> docs;
  docs.reserve(paths.size());
  for (std::optional<Result<Document>>& doc : read) {
    if (!*doc) return doc->error();
    docs.push_back(std::move(**doc));
  }
  return docs;
}

}  // namespace rapporteur
