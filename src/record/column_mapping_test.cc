#include "src/record/column_mapping.h"

#include <gtest/gtest.h>

#include <map>

#include "src/record/mapped_sources.h"

namespace rapporteur::record {
namespace {

StateResolver FakeStates() {
  static const std::map<std::string, std::string, std::less<>> kCodes = {
      {"France", "FR"}, {"Chile", "CL"}, {"Spain", "ES"}, {"Peru", "PE"}, {"CL", "CL"}};
  return StateResolver([](std::string_view name) -> Result<std::string> {
    auto it = kCodes.find(name);
    if (it == kCodes.end()) {
      return NotFound("unknown state '" + std::string(name) + "' (did you mean 'France'?)");
    }
    return it->second;
  });
}

constexpr std::string_view kMapping = R"({
  "kind": "recommendation",
  "columns": {"Country": "state", "Recommendation": "text", "From": "recommending_states",
              "Position": "response", "Date": "date", "Topics": "themes", "Session": "session"},
  "constants": {"mechanism": "UPR", "source": "ngo sheet"},
  "values": {"response": {"Acc.": "supported"}},
  "list_separator": ";",
  "key": ["Country", "Recommendation"],
  "key_prefix": "ngo",
  "date_format": "%d/%m/%Y"
})";

Result<CollectingSink> ReadCsv(std::string_view csv, std::string_view mapping_json = kMapping) {
  Result<ColumnMapping> mapping = ParseColumnMapping(mapping_json);
  if (!mapping) return mapping.error();
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status = ReadMappedCsv(csv, *mapping, states, sink);
  if (!status.ok()) return status;
  return sink;
}

constexpr std::string_view kHeader = "Country,Recommendation,From,Position,Date,Topics,Session\n";

TEST(ColumnMapping, MapsEveryTypeOfField) {
  Result<CollectingSink> sink =
      ReadCsv(std::string(kHeader) +
              "Chile,Ratify OPCAT,France; Spain;France,Acc.,27/10/2014,"
              "\"Torture; Detention\",18\n"
              "CL,Abolish the death penalty,Peru,Partially supported,,,\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 2u);
  const Record& r = sink->records[0];
  EXPECT_EQ(r.kind, "recommendation");
  EXPECT_EQ(r.key.substr(0, 4), "ngo:");
  EXPECT_EQ(r.key.substr(r.key.size() - 2), ":1");
  EXPECT_EQ(r.fields["state"], "CL");
  EXPECT_EQ(r.fields["text"], "Ratify OPCAT");
  EXPECT_EQ(r.fields["recommending_states"], nlohmann::json::array({"FR", "ES"}));
  EXPECT_EQ(r.fields["response"], "supported");
  EXPECT_EQ(r.fields["date"], "2014-10-27");
  EXPECT_EQ(r.fields["themes"], nlohmann::json::array({"Torture", "Detention"}));
  EXPECT_EQ(r.fields["session"], 18);
  EXPECT_EQ(r.fields["mechanism"], "UPR");
  EXPECT_EQ(r.fields["source"], "ngo sheet");
  const Record& second = sink->records[1];
  EXPECT_EQ(second.fields["response"], "partially_supported");
  EXPECT_FALSE(second.fields.contains("date"));
  EXPECT_FALSE(second.fields.contains("themes"));
}

TEST(ColumnMapping, KeysDependOnlyOnTheKeyColumns) {
  Result<CollectingSink> a = ReadCsv(std::string(kHeader) + "Chile,Ratify,France,Noted,,,\n");
  Result<CollectingSink> b = ReadCsv(std::string(kHeader) + "Chile,Ratify,Spain,Acc.,,,\n");
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(a->records[0].key, b->records[0].key);
}

TEST(ColumnMapping, BadCellsNameLineAndColumn) {
  struct Case {
    std::string row, message;
  };
  const Case cases[] = {
      {"Chile,Ratify,Frnace,Acc.,,,\n",
       "line 2, field 'From': unknown state 'Frnace' (did you mean 'France'?)"},
      {"Chile,Ratify,France,Acc.,32/10/2014,,\n",
       "line 2, field 'Date': invalid date '32/10/2014' (expected the format %d/%m/%Y)"},
      {"Chile,Ratify,France,Maybe,,,\n",
       "line 2, field 'Position': invalid value 'Maybe' (expected one of: supported, noted, "
       "rejected, partially_supported, pending, unclear)"},
      {"Chile,Ratify,France,Acc.,,,18th\n", "line 2, field 'Session': invalid whole number '18th'"},
      {"Chile,,France,Acc.,,,\n", "line 2: no value for the required field 'text'"},
      {"Chile,Ratify,Fran\xE7"
       "e,Acc.,,,\n",
       "line 2, field 'From': invalid UTF-8 (byte 0xE7 at byte 5 of the field)"},
      {"Chile,\"Ratify,France,Acc.,,,\n",
       "line 2: unterminated quote: the field opened on line 2 runs to the end of the input"},
      {"Chile,Ratify\n", "line 2: 2 fields, expected 7"},
  };
  for (const Case& c : cases) {
    Result<CollectingSink> sink = ReadCsv(std::string(kHeader) + c.row);
    ASSERT_FALSE(sink.has_value()) << c.row;
    EXPECT_EQ(sink.error().message(), c.message);
  }
}

TEST(ColumnMapping, MissingColumnAndEmptyFile) {
  Result<CollectingSink> missing = ReadCsv("Country,Text\nChile,x\n");
  ASSERT_FALSE(missing.has_value());
  // Columns are checked in the mapping's (alphabetical) order.
  EXPECT_EQ(missing.error().message(), "no column 'Date' (the file's columns: 'Country', 'Text')");
  EXPECT_EQ(ReadCsv("").error().message(), "empty file");
}

TEST(ColumnMapping, EncodingAndDelimiter) {
  Result<CollectingSink> sink =
      ReadCsv("Pays;Texte\r\nFrance;Ratifier la convention relative \xE0 l'enfant\r\n",
              R"({"kind": "recommendation", "columns": {"Pays": "state", "Texte": "text"},
          "constants": {"mechanism": "CRC"}, "encoding": "windows-1252", "delimiter": ";"})");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  EXPECT_EQ(sink->records.at(0).fields["text"], "Ratifier la convention relative \u00e0 l'enfant");
  EXPECT_EQ(sink->records.at(0).key.substr(0, 15), "recommendation:");
}

TEST(ColumnMapping, Utf16WithByteOrderMark) {
  using std::string_literals::operator""s;
  // "Country,Text\nChile,Ratify\n" in UTF-16LE, as Excel's "Unicode text" saves it.
  std::string utf16 = "\xFF\xFE"s;
  for (char c : std::string("Country,Text\nChile,Ratify\n")) utf16 += std::string{c, '\0'};
  Result<CollectingSink> sink =
      ReadCsv(utf16, R"({"kind": "recommendation", "columns": {"Country": "state", "Text": "text"},
                 "constants": {"mechanism": "UPR"}})");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  EXPECT_EQ(sink->records.at(0).fields["state"], "CL");
}

TEST(ColumnMapping, InvalidMappings) {
  struct Case {
    std::string json, message;
  };
  const Case cases[] = {
      {R"({"columns": {"A": "state"}})", "mapping member 'kind': missing (kinds: "},
      {R"({"kind": "pledge", "columns": {"A": "state"}})",
       "mapping member 'kind': unknown kind 'pledge'"},
      {R"({"kind": "recommendation"})",
       "mapping member 'columns': expected an object of source column -> field"},
      {R"({"kind": "recommendation", "columns": {"A": "country"}})",
       "mapping member 'columns': no field 'country' in kind recommendation (fields: "},
      {R"({"kind": "recommendation", "columns": {"A": "text", "B": "text"}})",
       "mapping member 'columns': field 'text' is mapped from two columns and is not a list"},
      {R"({"kind": "recommendation", "columns": {"A": "text"}, "colour": 1})",
       "mapping member 'colour': unknown member"},
      {R"({"kind": "recommendation", "columns": {"A": "text"}, "delimiter": ";;"})",
       "mapping member 'delimiter': expected one character"},
      {R"({"kind": "recommendation", "columns": {"A": "text"})", "truncated JSON"},
  };
  for (const Case& c : cases) {
    Result<ColumnMapping> mapping = ParseColumnMapping(c.json);
    ASSERT_FALSE(mapping.has_value()) << c.json;
    EXPECT_EQ(mapping.error().message().substr(0, c.message.size()), c.message) << c.json;
  }
}

TEST(ColumnMapping, BadConstantIsReportedOnce) {
  Result<CollectingSink> sink =
      ReadCsv("A\nx\n", R"({"kind": "recommendation", "columns": {"A": "text"},
                    "constants": {"state": "Atlantis", "mechanism": "UPR"}})");
  ASSERT_FALSE(sink.has_value());
  EXPECT_EQ(sink.error().message(),
            "mapping member 'constants', field 'state': unknown state 'Atlantis' (did you mean "
            "'France'?)");
}

TEST(ColumnMapping, MechanismsByNameOrAlias) {
  Result<CollectingSink> sink = ReadCsv(
      "Country,Text,Body\nChile,a,Human Rights Committee\nChile,b,cat\nChile,c,UPR\n"
      "Chile,d,Committee of Nobody\n",
      R"({"kind": "recommendation",
          "columns": {"Country": "state", "Text": "text", "Body": "mechanism"}})");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 4u);
  EXPECT_EQ(sink->records[0].fields["mechanism"], "CCPR");
  EXPECT_EQ(sink->records[1].fields["mechanism"], "CAT");
  EXPECT_EQ(sink->records[2].fields["mechanism"], "UPR");
  // Unknown: kept as written, for the store to refuse with the closest id.
  EXPECT_EQ(sink->records[3].fields["mechanism"], "Committee of Nobody");
}

TEST(ColumnMapping, MappedJsonLines) {
  Result<ColumnMapping> mapping = ParseColumnMapping(
      R"({"kind": "recommendation", "columns": {"country": "state", "text": "text",
          "themes": "themes", "session": "session"}, "constants": {"mechanism": "UPR"}})");
  ASSERT_TRUE(mapping.has_value()) << mapping.error().message();
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status = ReadMappedJsonLinesFile(
      "{\"country\": \"Chile\", \"text\": \"Ratify\", \"themes\": [\"a\", \"b\"], \"session\": "
      "18}\n"
      "\n{\"country\": \"Peru\", \"text\": \"Abolish\"}\n",
      *mapping, states, sink);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(sink.records.size(), 2u);
  EXPECT_EQ(sink.records[0].fields["themes"], nlohmann::json::array({"a", "b"}));
  EXPECT_EQ(sink.records[0].fields["session"], 18);
  EXPECT_EQ(sink.records[1].fields["state"], "PE");
  Status bad = ReadMappedJsonLinesFile("{\"country\": \"Chile\"}\n{\"country\": \"Ch", *mapping,
                                       states, sink);
  EXPECT_EQ(bad.message(), "line 1: no value for the required field 'text'");
}

}  // namespace
}  // namespace rapporteur::record
