#include "src/base/module_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace rapporteur {
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

// One candidate: its table, or why not.
Result<const void*> LoadOne(const ModuleSpec& spec, const std::string& path) {
  if (access(path.c_str(), F_OK) != 0) return NotFound("'" + path + "': " + std::strerror(errno));
  dlerror();  // clear
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) return Internal(LastDlError());
  auto entry = reinterpret_cast<ModuleEntry>(dlsym(handle, spec.entry));
  if (entry == nullptr) {
    Status error = Internal("'" + path + "': no " + spec.entry + ": " + LastDlError());
    dlclose(handle);
    return error;
  }
  const void* table = entry(spec.abi);
  if (table == nullptr) {
    dlclose(handle);
    return Internal("'" + path + "' was built with other types than this program");
  }
  return table;
}

}  // namespace

std::vector<std::string> ModuleCandidates(const ModuleSpec& spec) {
  std::vector<std::string> paths;
  if (const char* env = std::getenv(spec.env_var); env != nullptr && *env != '\0') {
    paths.emplace_back(env);
  }
  if (std::string dir = ProgramDirectory(); !dir.empty()) paths.push_back(dir + spec.file);
#ifdef RAPPORTEUR_MODULE_DIR
  paths.push_back(std::string(RAPPORTEUR_MODULE_DIR) + "/" + spec.file);
#endif
  return paths;
}

Result<const void*> LoadModule(const ModuleSpec& spec, const std::vector<std::string>& candidates) {
  std::string why;
  for (const std::string& path : candidates) {
    Result<const void*> table = LoadOne(spec, path);
    if (table) return table;
    why += (why.empty() ? "" : "; ") + table.error().message();
  }
  if (candidates.empty()) why = "nowhere to look";
  return Internal("cannot load " + std::string(spec.file) + " (" + why + ")");
}

}  // namespace rapporteur
