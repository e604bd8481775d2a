#include "src/record/source_dates.h"

#include <gtest/gtest.h>

namespace rapporteur::record {
namespace {

TEST(SourceDates, EnglishProse) {
  EXPECT_EQ(ParseEnglishDate("24 July 2013"), "2013-07-24");
  EXPECT_EQ(ParseEnglishDate("July 24, 2013"), "2013-07-24");
  EXPECT_EQ(ParseEnglishDate("November 2019"), "2019-11");
  EXPECT_EQ(ParseEnglishDate(" 2015 "), "2015");
  EXPECT_EQ(ParseEnglishDate("19 October-6 November 2015"), "2015-11-06");
  EXPECT_EQ(ParseEnglishDate("1st Sept 2001"), "2001-09-01");
  EXPECT_EQ(ParseEnglishDate("2014-10-27"), "2014-10-27");
  EXPECT_EQ(ParseEnglishDate("31 February 2013"), std::nullopt);
  EXPECT_EQ(ParseEnglishDate("sometime in 2013"), std::nullopt);
  EXPECT_EQ(ParseEnglishDate("July"), std::nullopt);
  EXPECT_EQ(ParseEnglishDate(""), std::nullopt);
}

TEST(SourceDates, UserFormats) {
  EXPECT_EQ(ParseDateWithFormat("27/10/2014", "%d/%m/%Y"), "2014-10-27");
  EXPECT_EQ(ParseDateWithFormat("10/27/14", "%m/%d/%y"), "2014-10-27");
  EXPECT_EQ(ParseDateWithFormat("1.2.1999", "%d.%m.%Y"), "1999-02-01");
  EXPECT_EQ(ParseDateWithFormat("Oct 2014", "%b %Y"), "2014-10");
  EXPECT_EQ(ParseDateWithFormat("10/2014", "%m/%Y"), "2014-10");
  EXPECT_EQ(ParseDateWithFormat("32/10/2014", "%d/%m/%Y"), std::nullopt);
  EXPECT_EQ(ParseDateWithFormat("27/13/2014", "%d/%m/%Y"), std::nullopt);
  EXPECT_EQ(ParseDateWithFormat("2014-10-27", "%d/%m/%Y"), std::nullopt);
  EXPECT_EQ(ParseDateWithFormat("27/10/2014 extra", "%d/%m/%Y"), std::nullopt);
}

TEST(SourceDates, SpreadsheetSerials) {
  EXPECT_EQ(SpreadsheetSerialToDate(1, false), "1900-01-01");
  EXPECT_EQ(SpreadsheetSerialToDate(59, false), "1900-02-28");
  EXPECT_EQ(SpreadsheetSerialToDate(60, false), std::nullopt);  // Excel's 29 Feb 1900
  EXPECT_EQ(SpreadsheetSerialToDate(61, false), "1900-03-01");
  EXPECT_EQ(SpreadsheetSerialToDate(41939.75, false), "2014-10-27");
  EXPECT_EQ(SpreadsheetSerialToDate(40477, true), "2014-10-27");
  EXPECT_EQ(SpreadsheetSerialToDate(-3, false), std::nullopt);
}

TEST(SourceDates, PartialIsoDates) {
  EXPECT_TRUE(IsPartialIsoDate("2014"));
  EXPECT_TRUE(IsPartialIsoDate("2014-10"));
  EXPECT_TRUE(IsPartialIsoDate("2012-02-29"));
  EXPECT_FALSE(IsPartialIsoDate("2013-02-29"));
  EXPECT_FALSE(IsPartialIsoDate("2014-13"));
  EXPECT_FALSE(IsPartialIsoDate("2014-1-2"));
  EXPECT_FALSE(IsPartialIsoDate("14"));
}

}  // namespace
}  // namespace rapporteur::record
