#include "src/text/utf8.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <random>

namespace rapporteur::text {
namespace {

using std::string_literals::operator""s;

TEST(DecodeToUtf8, Utf16LeBom) {
  Result<std::string> out = DecodeToUtf8(
      "\xFF\xFE"
      "A\0\xE9\0"s,
      "");
  ASSERT_TRUE(out.has_value()) << out.error().message();
  EXPECT_EQ(*out, "Aé");
}

TEST(DecodeToUtf8, Utf16BeBom) {
  Result<std::string> out = DecodeToUtf8("\xFE\xFF\0A\x4E\x2D"s, "");
  ASSERT_TRUE(out.has_value()) << out.error().message();
  EXPECT_EQ(*out, "A中");
}

TEST(DecodeToUtf8, Utf8BomIsStripped) {
  Result<std::string> out = DecodeToUtf8("\xEF\xBB\xBFhi", "");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "hi");
}

TEST(DecodeToUtf8, PlainUtf8IsNotMistakenForUtf32) {
  Result<std::string> out = DecodeToUtf8("plain", "");
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, "plain");
}

TEST(DecodeToUtf8, MacRomanNamedExplicitly) {
  // 0x8E is é and 0xD2/0xD3 are curly double quotes in Mac Roman.
  Result<std::string> out = DecodeToUtf8(
      "\xD2"
      "caf\x8E\xD3",
      "macintosh");
  ASSERT_TRUE(out.has_value()) << out.error().message();
  EXPECT_EQ(*out, "“café”");
}

TEST(DecodeToUtf8, Windows1252Detected) {
  Result<std::string> out =
      DecodeToUtf8("The committee\x92s report \x96 adopted in Geneva, caf\xe9 ouvert.", "");
  ASSERT_TRUE(out.has_value()) << out.error().message();
  EXPECT_EQ(*out, "The committee’s report – adopted in Geneva, café ouvert.");
}

TEST(DecodeToUtf8, InvalidUtf8Offset) {
  Result<std::string> out = DecodeToUtf8(
      "\xEF\xBB\xBF"
      "abc\xC3",
      "UTF-8");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().message(), "invalid UTF-8 at byte 6");
  EXPECT_EQ(FindInvalidUtf8("ab\xE4\xB8"), 2u);
  EXPECT_EQ(FindInvalidUtf8("中文"), std::nullopt);
}

TEST(DecodeToUtf8, UnknownEncoding) {
  Result<std::string> out = DecodeToUtf8("x", "no-such-encoding");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code(), ErrorCode::kInvalidArgument);
}

// Reference: one code point at a time.
std::string CollapseWhitespaceReference(std::string_view utf8) {
  std::string out;
  bool pending_space = false;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == 0x200B || c == 0xFEFF || c == 0x00AD || c == 0x200C || c == 0x200D) continue;
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(utf8.substr(start, i - start));
  }
  return out;
}

TEST(Utf8, CollapseWhitespaceAgreesWithAReference) {
  const std::vector<std::string> pieces = {"a",
                                           "bc",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           "\r\n",
                                           "\xC2\xA0",
                                           "\xE3\x80\x80",
                                           "\xE2\x80\x8B",
                                           "\xC2\xAD",
                                           "\xC3\xA9",
                                           "\xE7\xAC\xAC",
                                           "|",
                                           ".",
                                           "\xC3",
                                           "\xFF",
                                           "\xE2\x80",
                                           "\x80"};  // invalid UTF-8 too
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int k = 0; k < static_cast<int>(rng() % 12); ++k) s += pieces[rng() % pieces.size()];
    ASSERT_EQ(CollapseWhitespace(s), CollapseWhitespaceReference(s)) << s;
  }
}

TEST(Utf8, WhitespaceAndCjk) {
  EXPECT_EQ(CollapseWhitespace(" a\xC2\xA0\t b\xE3\x80\x80 "), "a b");
  EXPECT_TRUE(HasCjk("第一条"));
  EXPECT_FALSE(HasCjk("Article"));
  EXPECT_EQ(NormalizeNfc("e\xCC\x81"), "\xC3\xA9");
}

}  // namespace
}  // namespace rapporteur::text
