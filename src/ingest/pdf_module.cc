// ReadPdf for the library: loads librapporteur_pdf.so (pdf_module.h) and
// hands the bytes to its reader.
#include "src/ingest/pdf_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

// The directory of the running program, or "" when /proc is not there.
std::string ProgramDirectory() {
  char path[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (length <= 0) return "";
  const std::string program(path, static_cast<std::size_t>(length));
  return program.substr(0, program.rfind('/') + 1);
}

std::string LastDlError() {
  const char* error = dlerror();
  return error != nullptr ? error : "unknown error";
}

// One candidate: its reader, or why not. The module stays loaded until the
// process ends: its code and poppler's serve every later PDF.
Result<PdfModule> LoadOne(const std::string& path) {
  if (access(path.c_str(), F_OK) != 0) return NotFound("'" + path + "': " + std::strerror(errno));
  dlerror();  // clear
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return Internal(LastDlError());
  auto entry = reinterpret_cast<PdfModuleEntry>(dlsym(handle, kPdfModuleEntry));
  if (entry == nullptr) {
    Status error = Internal("'" + path + "': no " + kPdfModuleEntry + ": " + LastDlError());
    dlclose(handle);
    return error;
  }
  PdfReader reader = entry(kPdfModuleAbi);
  if (reader == nullptr) {
    dlclose(handle);
    return Internal("'" + path + "' was built with other types than this program");
  }
  return PdfModule{reader};
}

}  // namespace

std::vector<std::string> PdfModuleCandidates() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("RAPPORTEUR_PDF_MODULE"); env != nullptr && *env != '\0') {
    paths.emplace_back(env);
  }
  if (std::string dir = ProgramDirectory(); !dir.empty()) paths.push_back(dir + kPdfModuleFile);
#ifdef RAPPORTEUR_MODULE_DIR
  paths.push_back(std::string(RAPPORTEUR_MODULE_DIR) + "/" + kPdfModuleFile);
#endif
  return paths;
}

Result<PdfModule> LoadPdfModule(const std::vector<std::string>& candidates) {
  std::string why;
  for (const std::string& path : candidates) {
    Result<PdfModule> module = LoadOne(path);
    if (module) return module;
    why += (why.empty() ? "" : "; ") + module.error().message();
  }
  if (candidates.empty()) why = "nowhere to look";
  return Internal("cannot load " + std::string(kPdfModuleFile) + " (" + why + ")");
}

Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& name,
                            const ReadOptions& options) {
  static const Result<PdfModule> module = LoadPdfModule(PdfModuleCandidates());
  if (!module) return Internal("PDF support is not available: " + module.error().message());
  return module->read(bytes, name, options);
}

}  // namespace rapporteur::ingest
