// Where format readers put what they read: records, rejected rows, warnings.
//
// A reader (upr_info.h, ratification_table.h, ...) walks its source row by
// row and hands every record to a RecordSink with the row it came from; a
// row it cannot turn into records it hands to Reject() with the field at
// fault and the reason. The sink decides what happens: the import driver
// writes records to a store batch and collects rejections (--skip-bad), the
// collecting sink below keeps records in memory and stops at the first
// rejection. A reader stops as soon as a sink method returns a failed
// Status, and returns that Status.
//
// Thread safety: a sink belongs to one reader on one thread.
#ifndef RAPPORTEUR_SRC_RECORD_RECORD_SINK_H_
#define RAPPORTEUR_SRC_RECORD_RECORD_SINK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/status.h"

namespace rapporteur::record {

// The source row a record came from, for messages and the rejects file.
struct SourceRow {
  std::int64_t line = 0;  // physical line the row starts on, 1-based
  std::string_view raw;   // the row as read, UTF-8
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual Status Add(Record record, const SourceRow& row) = 0;
  // `field` names the source column ("From"), or is empty for the whole row.
  virtual Status Reject(const SourceRow& row, std::string_view field, std::string reason) = 0;
  virtual void Warn(std::string message) = 0;
  // After every source row; `total` is the number of rows expected, 0 if
  // unknown.
  virtual void RowDone(std::int64_t total) { (void)total; }
};

// "line 12, field 'From': unknown state 'Frnace'" ("line 12: ..." without a
// field).
std::string DescribeRowProblem(std::int64_t line, std::string_view field, std::string_view reason);

// Keeps every record; the first rejection stops the reader with
// kInvalidInput and DescribeRowProblem's message.
class CollectingSink : public RecordSink {
 public:
  Status Add(Record record, const SourceRow& row) override;
  Status Reject(const SourceRow& row, std::string_view field, std::string reason) override;
  void Warn(std::string message) override { warnings.push_back(std::move(message)); }

  std::vector<Record> records;
  std::vector<std::string> warnings;
};

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_RECORD_SINK_H_
