#include "rapporteur/status.h"

#include <array>

namespace rapporteur {
namespace {

struct CodeRow {
  ErrorCode code;
  std::string_view name;
  int exit_status;
  int http_status;
};

// The one table from error codes to the outside world. Tested row by row in
// status_test.cc; add a row here when adding a code.
constexpr std::array<CodeRow, 13> kCodeTable = {{
    {ErrorCode::kOk, "ok", 0, 200},
    {ErrorCode::kInvalidArgument, "invalid_argument", 2, 400},
    {ErrorCode::kNotFound, "not_found", 2, 404},
    {ErrorCode::kIoError, "io_error", 2, 500},
    {ErrorCode::kInvalidInput, "invalid_input", 2, 422},
    {ErrorCode::kUnsupported, "unsupported", 2, 415},
    {ErrorCode::kTooLarge, "too_large", 2, 413},
    {ErrorCode::kEncrypted, "encrypted", 2, 422},
    {ErrorCode::kNoText, "no_text", 2, 422},
    {ErrorCode::kConflict, "conflict", 2, 409},
    {ErrorCode::kUnauthenticated, "unauthenticated", 2, 401},
    {ErrorCode::kPermissionDenied, "permission_denied", 2, 403},
    {ErrorCode::kInternal, "internal", 2, 500},
}};

const CodeRow& RowFor(ErrorCode code) {
  for (const CodeRow& row : kCodeTable) {
    if (row.code == code) return row;
  }
  return kCodeTable.back();  // unreachable for valid codes: treat as internal
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) { return RowFor(code).name; }
int ExitStatusFor(ErrorCode code) { return RowFor(code).exit_status; }
int HttpStatusFor(ErrorCode code) { return RowFor(code).http_status; }

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace rapporteur
