#include "src/record/csv_reader.h"

namespace rapporteur::record {
namespace {

bool IsLineEnd(char c) { return c == '\r' || c == '\n'; }

bool NeedsQuotes(std::string_view field, char delimiter) {
  // A leading byte order mark would be taken for the file's own at its start.
  if (field.substr(0, 3) == "\xEF\xBB\xBF") return true;
  for (char c : field) {
    if (c == delimiter || c == '"' || IsLineEnd(c)) return true;
  }
  return false;
}

}  // namespace

CsvReader::CsvReader(std::string_view text, CsvOptions options) : text_(text), options_(options) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

void CsvReader::ConsumeLineEnd() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  } else if (text_[pos_] == '\n') {
    ++pos_;
  } else {
    return;
  }
  ++line_;
}

void CsvReader::SkipBlankLines() {
  while (pos_ < text_.size() && IsLineEnd(text_[pos_])) ConsumeLineEnd();
}

void CsvReader::ReadUnquoted(std::string* field) {
  const std::size_t start = pos_;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == options_.delimiter || IsLineEnd(c)) break;
    ++pos_;
  }
  field->append(text_.substr(start, pos_ - start));
}

// pos_ is on the opening quote. Line ends inside come back as "\n".
bool CsvReader::ReadQuoted(std::string* field) {
  ++pos_;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field->push_back('"');
        pos_ += 2;
        continue;
      }
      ++pos_;
      ReadUnquoted(field);  // lenient: `"a"b` reads as `ab`
      return true;
    }
    if (IsLineEnd(c)) {
      ConsumeLineEnd();
      field->push_back('\n');
      continue;
    }
    // Copy the run up to the next quote or line end at once.
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '"' && !IsLineEnd(text_[pos_])) ++pos_;
    field->append(text_.substr(start, pos_ - start));
  }
  return false;
}

Result<bool> CsvReader::Next(CsvRecord* record) {
  record->fields.clear();
  record->raw = {};
  if (options_.skip_blank_lines) SkipBlankLines();
  if (pos_ >= text_.size()) return false;
  const std::size_t start = pos_;
  record->line = line_;
  while (true) {
    std::string& field = record->fields.emplace_back();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::int64_t quote_line = line_;
      if (!ReadQuoted(&field)) {
        record->raw = text_.substr(start);
        return InvalidInput("unterminated quote: the field opened on line " +
                            std::to_string(quote_line) + " runs to the end of the input");
      }
    } else {
      ReadUnquoted(&field);
    }
    if (pos_ < text_.size() && text_[pos_] == options_.delimiter) {
      ++pos_;
      continue;
    }
    break;
  }
  record->raw = text_.substr(start, pos_ - start);
  ConsumeLineEnd();
  const std::size_t n = record->fields.size();
  if (options_.expected_fields != 0 && n != options_.expected_fields) {
    return InvalidInput(std::to_string(n) + (n == 1 ? " field" : " fields") + ", expected " +
                        std::to_string(options_.expected_fields));
  }
  return true;
}

Result<std::vector<CsvRecord>> ReadCsv(std::string_view text, CsvOptions options) {
  CsvReader reader(text, options);
  std::vector<CsvRecord> records;
  while (true) {
    CsvRecord record;
    Result<bool> more = reader.Next(&record);
    if (!more) {
      return InvalidInput("line " + std::to_string(record.line) + ": " + more.error().message());
    }
    if (!*more) return records;
    records.push_back(std::move(record));
  }
}

std::int64_t CountCsvRecords(std::string_view text) {
  std::int64_t count = 0;
  bool in_quotes = false;
  bool content = false;  // the current line has a character of a record
  for (char c : text) {
    if (c == '"') {
      in_quotes = !in_quotes;
      content = true;
    } else if (IsLineEnd(c) && !in_quotes) {
      if (content) ++count;
      content = false;
    } else {
      content = true;
    }
  }
  return count + (content ? 1 : 0);
}

std::string FormatCsvRow(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(delimiter);
    const std::string& f = fields[i];
    // A lone empty field would read back as a blank line: quote it.
    if (!NeedsQuotes(f, delimiter) && !(fields.size() == 1 && f.empty())) {
      out += f;
      continue;
    }
    out.push_back('"');
    for (char c : f) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

}  // namespace rapporteur::record
