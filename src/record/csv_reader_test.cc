#include "src/record/csv_reader.h"

#include <gtest/gtest.h>

namespace rapporteur::record {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> ReadOk(std::string_view text, CsvOptions options = {}) {
  Result<std::vector<CsvRecord>> records = ReadCsv(text, options);
  EXPECT_TRUE(records.has_value()) << records.error().message();
  return records.has_value() ? *records : std::vector<CsvRecord>{};
}

TEST(CsvReader, PlainFieldsAndEveryLineEnd) {
  for (std::string_view end : {"\n", "\r", "\r\n"}) {
    const std::string text = "a,b,c" + std::string(end) + "1,2,3" + std::string(end);
    std::vector<CsvRecord> records = ReadOk(text);
    ASSERT_EQ(records.size(), 2u) << "line end " << static_cast<int>(end[0]);
    EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
    EXPECT_EQ(records[1].line, 2);
    EXPECT_EQ(records[1].raw, "1,2,3");
  }
}

TEST(CsvReader, QuotedFieldsWithCommasQuotesAndLineEnds) {
  std::vector<CsvRecord> records =
      ReadOk("x,\"a, b\",\"say \"\"hi\"\"\"\r\"two\rlines\",\"crlf\r\nhere\",z\rlast,,\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"x", "a, b", "say \"hi\""}));
  EXPECT_EQ(records[1].fields, (Fields{"two\nlines", "crlf\nhere", "z"}));
  EXPECT_EQ(records[1].line, 2);
  // Record 2 spans lines 2-4 (two embedded line ends): the next starts on 5.
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[2].fields, (Fields{"last", "", ""}));
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
  std::vector<CsvRecord> records = ReadOk("a\n\n\r\nb\n\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
  EXPECT_EQ(records[1].line, 4);
}

TEST(CsvReader, BlankLinesKeptWhenAsked) {
  CsvOptions options;
  options.skip_blank_lines = false;
  std::vector<CsvRecord> records = ReadOk("a\n\nb", options);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{""}));
}

TEST(CsvReader, ByteOrderMarkIsSkipped) {
  std::vector<CsvRecord> records = ReadOk("\xEF\xBB\xBFiso2,name\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "iso2");
}

TEST(CsvReader, LenientAboutStrayQuotes) {
  std::vector<CsvRecord> records = ReadOk("5\" screen,\"a\"b\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"5\" screen", "ab"}));
}

TEST(CsvReader, UnterminatedQuoteNamesTheLines) {
  CsvReader reader("h1,h2\nok,row\nbad,\"never\nclosed\nat all\n");
  CsvRecord record;
  ASSERT_TRUE(*reader.Next(&record));
  ASSERT_TRUE(*reader.Next(&record));
  Result<bool> bad = reader.Next(&record);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(record.line, 3);
  EXPECT_EQ(bad.error().message(),
            "unterminated quote: the field opened on line 3 runs to the end of the input");
  EXPECT_EQ(record.fields.size(), 2u);  // the last one is the unterminated field
  Result<bool> after = reader.Next(&record);
  ASSERT_TRUE(after.has_value());
  EXPECT_FALSE(*after);
}

TEST(CsvReader, UnterminatedQuoteOpenedOnALaterLineOfTheRecord) {
  Result<std::vector<CsvRecord>> records = ReadCsv("a,\"multi\nline\",\"open\nx");
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().message(),
            "line 1: unterminated quote: the field opened on line 2 runs to the end of the input");
}

TEST(CsvReader, WrongFieldCountAndTheReaderGoesOn) {
  CsvOptions options;
  options.expected_fields = 3;
  CsvReader reader("a,b,c\n1,2\n4,5,6,7\nx,y,z\n", options);
  CsvRecord record;
  ASSERT_TRUE(*reader.Next(&record));
  Result<bool> short_row = reader.Next(&record);
  ASSERT_FALSE(short_row.has_value());
  EXPECT_EQ(short_row.error().message(), "2 fields, expected 3");
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(record.raw, "1,2");
  Result<bool> long_row = reader.Next(&record);
  ASSERT_FALSE(long_row.has_value());
  EXPECT_EQ(long_row.error().message(), "4 fields, expected 3");
  ASSERT_TRUE(*reader.Next(&record));
  EXPECT_EQ(record.fields, (Fields{"x", "y", "z"}));
  EXPECT_EQ(record.line, 4);
}

TEST(CsvReader, ReadCsvPrefixesTheLine) {
  CsvOptions options;
  options.expected_fields = 2;
  Result<std::vector<CsvRecord>> records = ReadCsv("a,b\r1,2\r3\r", options);
  ASSERT_FALSE(records.has_value());
  EXPECT_EQ(records.error().message(), "line 3: 1 field, expected 2");
}

TEST(CsvReader, EmptyInputHasNoRecords) {
  EXPECT_TRUE(ReadOk("").empty());
  EXPECT_TRUE(ReadOk("\r\n\n").empty());
}

TEST(CountCsvRecords, CountsLineEndsOutsideQuotes) {
  EXPECT_EQ(CountCsvRecords(""), 0);
  EXPECT_EQ(CountCsvRecords("a\rb\r"), 2);
  EXPECT_EQ(CountCsvRecords("a\r\nb"), 2);
  EXPECT_EQ(CountCsvRecords("\"x\ny\",1\n\nz\n"), 2);
}

TEST(FormatCsvRow, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(FormatCsvRow({"a", "b c", "x,y", "say \"hi\"", "two\nlines"}),
            "a,b c,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"");
  EXPECT_EQ(FormatCsvRow({""}), "\"\"");
  // Found by fuzzing: unquoted, a leading BOM would vanish at a file's start.
  EXPECT_EQ(FormatCsvRow({"\xEF\xBB\xBFx"}), "\"\xEF\xBB\xBFx\"");
  EXPECT_EQ(FormatCsvRow({"", ""}), ",");
}

TEST(FormatCsvRow, RoundTripsThroughTheReader) {
  const Fields fields{"", "a,b", "\"", "line\nend", " spaced "};
  std::vector<CsvRecord> records = ReadOk(FormatCsvRow(fields) + "\r\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, fields);
}

}  // namespace
}  // namespace rapporteur::record
