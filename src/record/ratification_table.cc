#include "src/record/ratification_table.h"

#include <re2/re2.h>

#include <cctype>
#include <optional>

#include "src/record/csv_table.h"
#include "src/record/source_text.h"

namespace rapporteur::record {
namespace {

constexpr std::string_view kHeaderStart = "iso2,member,state party,";
constexpr std::string_view kSource = "ratification-status";

struct Columns {
  std::size_t iso2 = 0, member = 0, party = 0, year = 0, signatory = 0, status = 0;
  std::optional<std::size_t> note;
};

Result<Columns> FindColumns(const CsvHeader& header) {
  Columns c;
  const std::pair<const char*, std::size_t*> wanted[] = {
      {"iso2", &c.iso2},           {"member", &c.member},
      {"state party", &c.party},   {"year ratification or accession", &c.year},
      {"signatory", &c.signatory}, {"status", &c.status}};
  for (const auto& [name, slot] : wanted) {
    std::optional<std::size_t> at = header.Find(name);
    if (!at) return InvalidInput(std::string("line 1: no column '") + name + "' in the header");
    *slot = *at;
  }
  c.note = header.Find("note");
  return c;
}

class TableReader {
 public:
  TableReader(const Columns& columns, const std::string& instrument, StateResolver& states,
              RecordSink& sink)
      : c_(columns), instrument_(instrument), states_(states), sink_(sink) {}

  Status Row(const CsvRecord& csv);

 private:
  Record Event(const std::string& state, std::string_view action, const std::string& note) const;
  Result<std::string> State(const CsvRecord& csv);
  // "state party", "signatory state" or "no action", from the status column
  // or, when it is empty, from the 0/1 columns.
  std::string StatusOf(const CsvRecord& csv);

  Columns c_;
  const std::string& instrument_;
  StateResolver& states_;
  RecordSink& sink_;
};

Record TableReader::Event(const std::string& state, std::string_view action,
                          const std::string& note) const {
  Record r;
  r.kind = "ratification";
  r.key = std::string(kSource) + ":" + instrument_ + ":" + state + ":" + std::string(action);
  r.fields["state"] = state;
  r.fields["instrument"] = instrument_;
  r.fields["action"] = action;
  if (!note.empty()) r.fields["note"] = note;
  r.fields["source"] = kSource;
  return r;
}

Result<std::string> TableReader::State(const CsvRecord& csv) {
  Result<std::string> by_code = states_.Resolve(csv.fields[c_.iso2]);
  if (by_code) return by_code;
  Result<std::string> by_name = states_.Resolve(csv.fields[c_.member]);
  if (by_name) return by_name;
  return by_code.error();
}

std::string TableReader::StatusOf(const CsvRecord& csv) {
  std::string status(TrimSpaces(csv.fields[c_.status]));
  const bool party_flag = TrimSpaces(csv.fields[c_.party]) == "1";
  const bool signatory_flag = TrimSpaces(csv.fields[c_.signatory]) == "1";
  if (status.empty())
    return party_flag ? "state party" : signatory_flag ? "signatory state" : "no action";
  if ((status == "state party") != party_flag || (status == "signatory state") != signatory_flag) {
    sink_.Warn("line " + std::to_string(csv.line) + ": the 0/1 columns contradict status '" +
               status + "'; the status column decides");
  }
  return status;
}

Status TableReader::Row(const CsvRecord& csv) {
  const SourceRow row{csv.line, csv.raw};
  Result<std::string> state = State(csv);
  if (!state) return sink_.Reject(row, "iso2", state.error().message());
  const std::string status = StatusOf(csv);
  const std::string note = c_.note ? DecodeHtmlEntities(TrimSpaces(csv.fields[*c_.note])) : "";
  if (status == "state party") {
    Record r = Event(*state, "became_party", note);
    const std::string year(TrimSpaces(csv.fields[c_.year]));
    if (!year.empty()) {
      const std::optional<std::int64_t> y = ParseInteger(year);
      if (!y || *y < 1900 || *y > 2999) {
        return sink_.Reject(row, "year ratification or accession", "invalid year '" + year + "'");
      }
      r.fields["date"] = year;
    }
    RAPPORTEUR_RETURN_IF_ERROR(sink_.Add(std::move(r), row));
  } else if (status == "signatory state") {
    RAPPORTEUR_RETURN_IF_ERROR(sink_.Add(Event(*state, "signature", note), row));
  } else if (status != "no action") {
    return sink_.Reject(
        row, "status",
        "unknown status '" + status + "' (expected state party, signatory state or no action)");
  }
  static const RE2 kDenounced("(?i)denounced\\b.*\\b((?:19|20)\\d\\d)\\b");
  std::string year;
  if (RE2::PartialMatch(note, kDenounced, &year)) {
    Record r = Event(*state, "withdrawal", note);
    r.fields["date"] = year;
    RAPPORTEUR_RETURN_IF_ERROR(sink_.Add(std::move(r), row));
  }
  return Status::Ok();
}

}  // namespace

bool LooksLikeRatificationTable(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text.substr(0, kHeaderStart.size()) == kHeaderStart;
}

Result<std::string> InstrumentFromTableName(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  constexpr std::string_view kPrefix = "hr_status_", kSuffix = ".csv";
  if (name.size() <= kPrefix.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
      name.substr(name.size() - kSuffix.size()) != kSuffix) {
    return InvalidArgument("cannot tell the instrument of '" + std::string(path) +
                           "': a ratification table is named hr_status_<instrument>.csv");
  }
  name = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  std::string id;
  for (char ch : name) {
    id.push_back(ch == '_' ? '-' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  return id;
}

Status ReadRatificationTable(std::string_view text, const std::string& instrument,
                             StateResolver& states, RecordSink& sink) {
  std::optional<TableReader> rows;
  return ReadCsvTable(
      text, ',', sink,
      [&](const CsvHeader& header) -> Status {
        Result<Columns> columns = FindColumns(header);
        if (!columns) return columns.error();
        rows.emplace(*columns, instrument, states, sink);
        return Status::Ok();
      },
      [&](const CsvRecord& csv) { return rows->Row(csv); });
}

}  // namespace rapporteur::record
