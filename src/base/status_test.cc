#include "rapporteur/status.h"

#include <gtest/gtest.h>

namespace rapporteur {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kOk);
}

TEST(StatusTest, WithContextPrefixesMessage) {
  Status s = InvalidInput("not a zip archive").WithContext("cannot read 'a.docx'");
  EXPECT_EQ(s.message(), "cannot read 'a.docx': not a zip archive");
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
}

TEST(StatusTest, CodeTable) {
  struct Row {
    ErrorCode code;
    const char* name;
    int exit_status;
    int http;
  };
  const Row rows[] = {
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
  };
  for (const Row& r : rows) {
    EXPECT_EQ(ErrorCodeName(r.code), r.name);
    EXPECT_EQ(ExitStatusFor(r.code), r.exit_status) << r.name;
    EXPECT_EQ(HttpStatusFor(r.code), r.http) << r.name;
  }
}

TEST(ResultTest, HoldsValueOrError) {
  Result<int> good = 42;
  ASSERT_TRUE(good.has_value());
  EXPECT_EQ(*good, 42);
  Result<int> bad = NotFound("no such file 'x'");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(bad.value_or(7), 7);
}

}  // namespace
}  // namespace rapporteur
