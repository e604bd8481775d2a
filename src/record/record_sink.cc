#include "src/record/record_sink.h"

namespace rapporteur::record {

std::string DescribeRowProblem(std::int64_t line, std::string_view field, std::string_view reason) {
  std::string out = "line " + std::to_string(line);
  if (!field.empty()) out += ", field '" + std::string(field) + "'";
  out += ": ";
  out += reason;
  return out;
}

Status CollectingSink::Add(Record record, const SourceRow& /*row*/) {
  records.push_back(std::move(record));
  return Status::Ok();
}

Status CollectingSink::Reject(const SourceRow& row, std::string_view field, std::string reason) {
  return InvalidInput(DescribeRowProblem(row.line, field, reason));
}

}  // namespace rapporteur::record
