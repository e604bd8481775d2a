#include "src/record/source_dates.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "src/record/source_text.h"

namespace rapporteur::record {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// "2014", "2014-10" or "2014-10-27" (month or day 0: left out); nullopt if
// the date does not exist.
std::optional<std::string> FormatDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0) return std::nullopt;
  if (m == 0 && d != 0) return std::nullopt;
  if (m != 0 && d > DaysInMonth(y, m)) return std::nullopt;
  char buffer[48];  // room for any int, to quiet -Wformat-truncation
  if (m == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d", y);
  } else if (d == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, m);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  }
  return std::string(buffer);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Reads up to `max` (at least `min`) digits at *pos.
std::optional<int> ReadDigits(std::string_view text, std::size_t* pos, std::size_t min,
                              std::size_t max) {
  std::size_t n = 0;
  int value = 0;
  while (*pos + n < text.size() && n < max &&
         std::isdigit(static_cast<unsigned char>(text[*pos + n]))) {
    value = value * 10 + (text[*pos + n] - '0');
    ++n;
  }
  if (n < min) return std::nullopt;
  *pos += n;
  return value;
}

std::vector<std::string_view> DateTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '.')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '.') ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

// "6", "6th", "21st": the day number, or 0.
int DayToken(std::string_view token) {
  std::size_t digits = 0;
  while (digits < token.size() && std::isdigit(static_cast<unsigned char>(token[digits]))) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view suffix = token.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  return std::stoi(std::string(token.substr(0, digits)));
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void CivilFromDays(long long z, int* y, int* m, int* d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2 ? 1 : 0));
}

}  // namespace

int EnglishMonth(std::string_view name) {
  static const char* kMonths[] = {"january",   "february", "march",    "april",
                                  "may",       "june",     "july",     "august",
                                  "september", "october",  "november", "december"};
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    const std::string_view full(kMonths[i]);
    if (lower == full || (lower.size() == 3 && full.substr(0, 3) == lower)) return i + 1;
  }
  return 0;
}

std::optional<std::string> ParseEnglishDate(std::string_view text) {
  text = TrimSpaces(text);
  if (IsPartialIsoDate(text)) return std::string(text);
  // A range ends on its last day: "19 October-6 November 2015".
  for (std::string_view dash : {"-", "\u2013"}) {
    const std::size_t at = text.rfind(dash);
    if (at != std::string_view::npos) text = TrimSpaces(text.substr(at + dash.size()));
  }
  int y = 0, m = 0, d = 0;
  for (std::string_view token : DateTokens(text)) {
    if (token.size() == 4 && AllDigits(token) && y == 0) {
      y = std::stoi(std::string(token));
    } else if (const int month = EnglishMonth(token); month != 0 && m == 0) {
      m = month;
    } else if (const int day = DayToken(token); day != 0 && d == 0) {
      d = day;
    } else {
      return std::nullopt;
    }
  }
  if (y == 0) return std::nullopt;
  return FormatDate(y, m, d);
}

std::optional<std::string> ParseDateWithFormat(std::string_view text, std::string_view format) {
  text = TrimSpaces(text);
  int y = 0, m = 0, d = 0;
  std::size_t pos = 0;
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] != '%' || f + 1 == format.size()) {
      if (pos >= text.size() || text[pos] != format[f]) return std::nullopt;
      ++pos;
      continue;
    }
    const char spec = format[++f];
    std::optional<int> value;
    if (spec == 'Y') {
      value = ReadDigits(text, &pos, 4, 4);
      if (value) y = *value;
    } else if (spec == 'y') {
      value = ReadDigits(text, &pos, 2, 2);
      if (value) y = *value >= 70 ? 1900 + *value : 2000 + *value;
    } else if (spec == 'm' || spec == 'd') {
      value = ReadDigits(text, &pos, 1, 2);
      if (value) (spec == 'm' ? m : d) = *value;
    } else if (spec == 'B' || spec == 'b') {
      const std::size_t start = pos;
      while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
      m = EnglishMonth(text.substr(start, pos - start));
      if (m != 0) value = m;
    } else if (spec == '%') {
      if (pos < text.size() && text[pos] == '%') value = ++pos;
    }
    if (!value) return std::nullopt;
  }
  if (pos != text.size() || y == 0 || (m == 0 && d != 0)) return std::nullopt;
  if (m != 0 && d == 0 && format.find("%d") != std::string_view::npos) return std::nullopt;
  return FormatDate(y, m, d);
}

std::optional<std::string> SpreadsheetSerialToDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 3e6) return std::nullopt;
  long long days = static_cast<long long>(std::floor(serial));
  // 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900 that
  // never was (Lotus's bug, kept by Excel).
  if (!date1904 && days == 60) return std::nullopt;
  long long epoch;  // day 0 of the system, in days from 1970-01-01
  if (date1904) {
    epoch = -24107;  // 1904-01-01 is day 0
  } else {
    epoch = days < 60 ? -25568 : -25569;  // 1899-12-31 / 1899-12-30 are day 0
  }
  int y, m, d;
  CivilFromDays(epoch + days, &y, &m, &d);
  if (y < 1900 || y > 9999) return std::nullopt;
  return FormatDate(y, m, d);
}

bool IsPartialIsoDate(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (!AllDigits(date.substr(0, 4))) return false;
  const int y = std::stoi(std::string(date.substr(0, 4)));
  int m = 0, d = 0;
  if (date.size() >= 7) {
    if (date[4] != '-' || !AllDigits(date.substr(5, 2))) return false;
    m = std::stoi(std::string(date.substr(5, 2)));
    if (m == 0) return false;
  }
  if (date.size() == 10) {
    if (date[7] != '-' || !AllDigits(date.substr(8, 2))) return false;
    d = std::stoi(std::string(date.substr(8, 2)));
    if (d == 0) return false;
  }
  return y >= 1 && FormatDate(y, m, d).has_value();
}

}  // namespace rapporteur::record
