// Fuzz target for the CSV reader (src/record/csv_reader.h). Whatever the
// input, the reader must terminate, give every record a line number that
// never goes backwards and a raw view inside the input, and the records it
// reads must read back identically once written out with FormatCsvRow.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/record/csv_reader.h"

namespace {

using rapporteur::record::CsvOptions;
using rapporteur::record::CsvReader;
using rapporteur::record::CsvRecord;

// Reads every record it can; false if the input had an error.
bool ReadAll(std::string_view input, std::vector<std::vector<std::string>>* out) {
  CsvReader reader(input, CsvOptions{});
  CsvRecord record;
  std::int64_t last_line = 0;
  while (true) {
    rapporteur::Result<bool> more = reader.Next(&record);
    if (record.line < last_line) std::abort();
    last_line = record.line;
    if (!record.raw.empty() &&
        (record.raw.data() < input.data() ||
         record.raw.data() + record.raw.size() > input.data() + input.size())) {
      std::abort();
    }
    if (!more) return false;
    if (!*more) return true;
    out->push_back(record.fields);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::vector<std::string>> records;
  const bool complete = ReadAll(input, &records);
  if (rapporteur::record::CountCsvRecords(input) < 0) std::abort();
  if (!complete) return 0;
  std::string written;
  for (const auto& fields : records) written += rapporteur::record::FormatCsvRow(fields) + "\r\n";
  std::vector<std::vector<std::string>> again;
  if (!ReadAll(written, &again) || again != records) std::abort();
  return 0;
}
