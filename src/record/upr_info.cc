#include "src/record/upr_info.h"

#include <optional>
#include <unordered_map>

#include "src/lens/catalogue.h"
#include "src/record/csv_table.h"
#include "src/record/source_text.h"
#include "src/text/utf8.h"

namespace rapporteur::record {
namespace {

constexpr std::string_view kHeaderStart = "To,To-Rgrp,";

// Column positions of the fields read, by header name.
struct UprColumns {
  std::size_t to = 0, text = 0, from = 0, response = 0, action = 0, issue = 0, session = 0;
};

Result<UprColumns> FindColumns(const CsvHeader& header) {
  UprColumns columns;
  const std::pair<const char*, std::size_t*> wanted[] = {
      {"To", &columns.to},          {"Text", &columns.text},
      {"From", &columns.from},      {"Response", &columns.response},
      {"Action", &columns.action},  {"Issue", &columns.issue},
      {"Session", &columns.session}};
  for (const auto& [name, slot] : wanted) {
    std::optional<std::size_t> at = header.Find(name);
    if (!at) {
      return InvalidInput(std::string("line 1: no column '") + name + "' in the UPR Info header");
    }
    *slot = *at;
  }
  return columns;
}

// The response enum of a UPR Info Response cell; "" for a pledge.
Result<std::string> MapResponse(std::string_view cell) {
  static const std::pair<std::string_view, std::string_view> kResponses[] = {
      {"Accepted", "supported"}, {"Supported", "supported"},
      {"Noted", "noted"},        {"Rejected", "rejected"},
      {"Pending", "pending"},    {"Partially accepted", "partially_supported"},
      {"Voluntary Pledge", ""}};
  for (const auto& [name, value] : kResponses) {
    if (cell == name) return std::string(value);
  }
  return InvalidInput("unknown response '" + std::string(cell) +
                      "' (expected Accepted, Noted, Rejected, Pending or Partially accepted)");
}

class UprInfoReader {
 public:
  UprInfoReader(const UprColumns& columns, StateResolver& states, RecordSink& sink)
      : columns_(columns), states_(states), sink_(sink) {}

  Status Row(const CsvRecord& csv);
  std::int64_t pledges() const { return pledges_; }

 private:
  std::string Cell(const CsvRecord& csv, std::size_t column) const {
    return DecodeHtmlEntities(TrimSpaces(csv.fields[column]));
  }
  std::string Key(const CsvRecord& csv);

  UprColumns columns_;
  StateResolver& states_;
  RecordSink& sink_;
  std::unordered_map<std::string, int> seen_;  // row hash -> occurrences
  std::int64_t pledges_ = 0;
};

std::string UprInfoReader::Key(const CsvRecord& csv) {
  const auto& f = csv.fields;
  const std::string hash = StableHash(f[columns_.to] + '|' + f[columns_.text] + '|' +
                                      f[columns_.from] + '|' + f[columns_.session]);
  return "upr-info:" + hash + ":" + std::to_string(++seen_[hash]);
}

Status UprInfoReader::Row(const CsvRecord& csv) {
  const SourceRow row{csv.line, csv.raw};
  Result<std::string> response = MapResponse(Cell(csv, columns_.response));
  if (!response) return sink_.Reject(row, "Response", response.error().message());
  if (response->empty()) {
    ++pledges_;
    return Status::Ok();
  }
  Record r;
  r.kind = "recommendation";
  r.key = Key(csv);
  Result<std::string> state = states_.Resolve(Cell(csv, columns_.to));
  if (!state) return sink_.Reject(row, "To", state.error().message());
  const std::string text = Cell(csv, columns_.text);
  if (text.empty()) return sink_.Reject(row, "Text", "no recommendation text");
  const std::string from = Cell(csv, columns_.from);
  nlohmann::json recommending = nlohmann::json::array();
  if (!from.empty() && from != "(Unknown)") {
    Result<std::string> code = states_.Resolve(from);
    if (!code) return sink_.Reject(row, "From", code.error().message());
    recommending.push_back(*code);
  }
  const std::optional<std::int64_t> session = ParseInteger(csv.fields[columns_.session]);
  if (!session || *session < 1) {
    return sink_.Reject(row, "Session", "invalid session '" + Cell(csv, columns_.session) + "'");
  }
  const std::string action = Cell(csv, columns_.action);
  const std::optional<std::int64_t> category = ParseInteger(action);
  if (!action.empty() && !category) {
    return sink_.Reject(row, "Action", "invalid action category '" + action + "'");
  }
  r.fields["state"] = *state;
  r.fields["mechanism"] = "UPR";
  r.fields["text"] = text;
  r.fields["session"] = *session;
  r.fields["cycle"] = UprCycleOfSession(*session);
  r.fields["recommending_states"] = std::move(recommending);
  r.fields["response"] = *response;
  if (category) r.fields["action_category"] = *category;
  const std::vector<std::string> themes = SplitList(Cell(csv, columns_.issue), ",");
  if (!themes.empty()) r.fields["themes"] = themes;
  r.fields["source"] = "upr-info";
  return sink_.Add(std::move(r), row);
}

}  // namespace

bool LooksLikeUprInfo(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text.substr(0, kHeaderStart.size()) == kHeaderStart;
}

Result<std::string> DecodeUprInfo(std::string_view bytes) {
  if (!text::FindInvalidUtf8(bytes)) return std::string(bytes);
  return text::DecodeToUtf8(bytes, "macintosh");
}

int UprCycleOfSession(std::int64_t session) {
  if (session <= 12) return 1;
  if (session <= 26) return 2;
  if (session <= 40) return 3;
  return 4;
}

Status ReadUprInfo(std::string_view text, StateResolver& states, RecordSink& sink) {
  std::optional<UprInfoReader> rows;
  Status status = ReadCsvTable(
      text, ',', sink,
      [&](const CsvHeader& header) -> Status {
        Result<UprColumns> columns = FindColumns(header);
        if (!columns) return columns.error();
        rows.emplace(*columns, states, sink);
        return Status::Ok();
      },
      [&](const CsvRecord& csv) { return rows->Row(csv); });
  RAPPORTEUR_RETURN_IF_ERROR(status);
  if (rows->pledges() > 0) {
    sink.Warn(std::to_string(rows->pledges()) +
              " voluntary pledges skipped: they are commitments of the state under review, "
              "not recommendations");
  }
  return Status::Ok();
}

Result<std::vector<Record>> ReadUprInfoRecords(const std::string& path,
                                               const StateCatalogue& states) {
  Result<std::string> bytes = lens::ReadTextFile(path);
  if (!bytes) return bytes.error();
  Result<std::string> text = DecodeUprInfo(*bytes);
  if (!text) return text.error().WithContext("cannot read '" + path + "'");
  StateResolver resolver = StateResolver::FromCatalogue(states);
  CollectingSink sink;
  Status status = ReadUprInfo(*text, resolver, sink);
  if (!status.ok()) return Status(status.code(), "'" + path + "' " + status.message());
  return std::move(sink.records);
}

}  // namespace rapporteur::record
