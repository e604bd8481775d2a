// rapporteur: the one error convention of the project.
//
// Every fallible operation returns a Status (no value) or a Result<T> (a
// value or a Status). Both are [[nodiscard]]: an ignored error does not
// compile silently. A Status carries an ErrorCode, which decides the exit
// status of the command-line tool and the HTTP status of the server through
// one table (ExitStatusFor, HttpStatusFor), and a message written the git
// way: the failure first, the subject quoted, e.g.
//   cannot read 'draft.docx': not a zip archive
// The "error: " prefix is added by whoever prints it.
//
// Thread safety: Status and Result are values; distinct objects may be used
// from distinct threads without synchronisation.
#ifndef RAPPORTEUR_STATUS_H_
#define RAPPORTEUR_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace rapporteur {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   // the caller asked for something meaningless (usage)
  kNotFound,          // a named file or record does not exist
  kIoError,           // the operating system refused a read or write
  kInvalidInput,      // the input is malformed: bad zip, invalid UTF-8, ...
  kUnsupported,       // well-formed, but not something we can read
  kTooLarge,          // over a configured cap (zip bomb, huge file)
  kEncrypted,         // the document is encrypted
  kNoText,            // the document has no text layer (scanned PDF)
  kConflict,          // the operation conflicts with the current state
  kUnauthenticated,   // no valid credentials
  kPermissionDenied,  // credentials valid, role insufficient
  kInternal,          // a bug: an invariant did not hold
};

// The canonical lower-case name of a code, e.g. "invalid_input".
std::string_view ErrorCodeName(ErrorCode code);

// Exit status of the command-line tool for a failure with this code. Like
// diff(1), every failure is "trouble" (2); 0 and 1 are reserved for "no
// differences" and "differences".
int ExitStatusFor(ErrorCode code);

// HTTP status the server answers with for a failure with this code.
int HttpStatusFor(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(std::string_view context) const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Shorthands, so call sites read like the message they build.
inline Status InvalidArgument(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {ErrorCode::kIoError, std::move(m)}; }
inline Status InvalidInput(std::string m) { return {ErrorCode::kInvalidInput, std::move(m)}; }
inline Status Unsupported(std::string m) { return {ErrorCode::kUnsupported, std::move(m)}; }
inline Status TooLarge(std::string m) { return {ErrorCode::kTooLarge, std::move(m)}; }
inline Status Internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }

// A value of type T or a failed Status; the method names follow
// std::expected so that the type can be swapped for it with C++23.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::in_place_index<1>, std::move(status)) {  // NOLINT
    assert(!std::get<1>(state_).ok() && "a Result cannot hold an OK status");
  }

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Status& error() const { return std::get<1>(state_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  T value_or(T fallback) const& { return has_value() ? value() : std::move(fallback); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace rapporteur

// Propagates a failed Status out of the enclosing function.
#define RAPPORTEUR_RETURN_IF_ERROR(expr) \
  do {                                   \
    ::rapporteur::Status _st = (expr);   \
    if (!_st.ok()) return _st;           \
  } while (0)

#endif  // RAPPORTEUR_STATUS_H_
