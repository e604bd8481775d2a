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

Status WriteOutputWith(
    const std::string& path,
    const std::function<Status(const std::function<Status(std::string_view)>&)>& write) {
  if (path.empty() || path == "-") {
    Status written = write([](std::string_view piece) {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return std::cout ? Status::Ok() : IoError("cannot write to standard output");
    });
    std::cout.flush();
    if (written.ok() && !std::cout) return IoError("cannot write to standard output");
    return written;
  }
  const std::string tmp = path + ".tmp";
  Status written = [&] {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError("cannot write '" + path + "': " + std::strerror(errno));
    Status status = write([&](std::string_view piece) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return out ? Status::Ok() : IoError("cannot write '" + path + "': " + std::strerror(errno));
    });
    if (status.ok() && !out.flush()) {
      return IoError("cannot write '" + path + "': " + std::strerror(errno));
    }
    return status;
  }();
  if (written.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    written = IoError("cannot write '" + path + "': " + std::strerror(errno));
  }
  if (!written.ok()) std::remove(tmp.c_str());
  return written;
}

Status WriteOutput(const std::string& path, const std::string& bytes) {
  return WriteOutputWith(
      path, [&](const std::function<Status(std::string_view)>& sink) { return sink(bytes); });
}

}  // namespace rapporteur::cli
