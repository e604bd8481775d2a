// Dates as sources write them, turned into the partial ISO dates records
// hold ("2014", "2014-10", "2014-10-27").
//
//  - English prose dates: "24 July 2013", "July 24, 2013", "November 2019",
//    "2015"; for a range ("19 October-6 November 2015") its last day.
//  - A user's format (a mapping's date_format), strptime-like: %Y (four
//    digits), %y (two: 70-99 -> 19xx, else 20xx), %m, %d (one or two digits),
//    %B / %b (English month names, any case), %% ; other characters match
//    themselves. Fields the format lacks are left out: "%m/%Y" gives
//    "2014-10".
//  - Spreadsheet serial day numbers (XLSX), in the 1900 or 1904 system.
//
// Every result is checked (month 1-12, the day within its month).
//
// Thread safety: pure functions.
#ifndef RAPPORTEUR_SRC_RECORD_SOURCE_DATES_H_
#define RAPPORTEUR_SRC_RECORD_SOURCE_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace rapporteur::record {

// The month number of an English month name or its three-letter
// abbreviation, any case ("Sept" too); 0 if none.
int EnglishMonth(std::string_view name);

std::optional<std::string> ParseEnglishDate(std::string_view text);

std::optional<std::string> ParseDateWithFormat(std::string_view text, std::string_view format);

// "2014-10-27" for the serial day number of a spreadsheet cell (fraction of
// a day ignored); nullopt outside years 1900-9999.
std::optional<std::string> SpreadsheetSerialToDate(double serial, bool date1904);

// True when `date` is YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
bool IsPartialIsoDate(std::string_view date);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_SOURCE_DATES_H_
