// ReadPdf for the library: loads librapporteur_pdf.so (pdf_module.h) and
// hands the bytes to its reader.
#include "src/ingest/pdf_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <vector>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

struct LoadedModule {
  PdfReader reader = nullptr;
  std::string error;  // why it could not be loaded
};

// The directory of the running program, or "" when /proc is not there.
std::string ProgramDirectory() {
  char path[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (length <= 0) return "";
  const std::string program(path, static_cast<std::size_t>(length));
  return program.substr(0, program.rfind('/') + 1);
}

std::vector<std::string> Candidates() {
  std::vector<std::string> paths;
  if (std::string dir = ProgramDirectory(); !dir.empty()) paths.push_back(dir + kPdfModuleFile);
#ifdef RAPPORTEUR_MODULE_DIR
  paths.push_back(std::string(RAPPORTEUR_MODULE_DIR) + "/" + kPdfModuleFile);
#endif
  return paths;
}

// The module stays loaded until the process ends: the reader's code and
// poppler's are needed for every later PDF.
LoadedModule Load() {
  LoadedModule loaded;
  for (const std::string& path : Candidates()) {
    if (access(path.c_str(), R_OK) != 0) continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      loaded.error = dlerror();
      return loaded;
    }
    auto entry = reinterpret_cast<PdfReader (*)()>(dlsym(handle, kPdfModuleEntry));
    if (entry == nullptr) {
      loaded.error = "'" + path + "' has no " + kPdfModuleEntry;
      return loaded;
    }
    loaded.reader = entry();
    return loaded;
  }
  loaded.error = std::string("cannot find ") + kPdfModuleFile;
  return loaded;
}

}  // namespace

Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& name,
                            const ReadOptions& options) {
  static const LoadedModule module = Load();
  if (module.reader == nullptr) {
    return Status(ErrorCode::kUnsupported, "PDF support is not available: " + module.error);
  }
  return module.reader(bytes, name, options);
}

}  // namespace rapporteur::ingest
