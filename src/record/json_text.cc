#include "src/record/json_text.h"

#include <algorithm>

namespace rapporteur::record {
namespace {

std::int64_t LineAt(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n');
}

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 1, column 5: " prefix.
std::string_view Reason(std::string_view what) {
  const std::size_t colon = what.find(": ");
  return colon == std::string_view::npos ? what : what.substr(colon + 2);
}

Result<nlohmann::json> Parse(std::string_view text, bool one_line) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points past the input when it ended too soon.
    if (e.byte > text.size() && text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      if (one_line) return InvalidInput("truncated JSON: the line ends inside a value");
      return InvalidInput("truncated JSON: the input ends inside a value (line " +
                          std::to_string(LineAt(text, text.size())) + ")");
    }
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t column = line_start == std::string_view::npos ? at + 1 : at - line_start;
    const std::string where = one_line ? "" : "line " + std::to_string(LineAt(text, at)) + ", ";
    return InvalidInput(where + "column " + std::to_string(column) +
                        ": invalid JSON: " + std::string(Reason(e.what())));
  } catch (const nlohmann::json::exception& e) {
    return InvalidInput(std::string("invalid JSON: ") + e.what());
  }
}

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text) { return Parse(text, false); }

Result<nlohmann::json> ParseJsonLine(std::string_view line) { return Parse(line, true); }

}  // namespace rapporteur::record
