#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include "src/cli/commands.h"

namespace rapporteur::cli {

int Fail(const Status& status) {
  std::cerr << "error: " << status.message() << "\n";
  return ExitStatusFor(status.code());
}

bool StdoutWantsColor() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

Status WriteOutput(const std::string& path, const std::string& bytes) {
  if (path.empty() || path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return std::cout ? Status::Ok() : IoError("cannot write to standard output");
  }
  // Write to a temporary file and rename, so a failure never leaves a
  // truncated report where the previous one was.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write '" + path + "': " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return IoError("cannot write '" + path + "': " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError("cannot write '" + path + "': " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace rapporteur::cli
