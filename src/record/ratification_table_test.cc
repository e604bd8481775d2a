#include "src/record/ratification_table.h"

#include <gtest/gtest.h>

#include <map>

namespace rapporteur::record {
namespace {

StateResolver FakeStates() {
  static const std::map<std::string, std::string, std::less<>> kCodes = {
      {"AF", "AF"}, {"JM", "JM"}, {"KZ", "KZ"}, {"CV", "CV"}, {"East Timor", "TL"}};
  return StateResolver([](std::string_view name) -> Result<std::string> {
    auto it = kCodes.find(name);
    if (it == kCodes.end()) return NotFound("unknown state '" + std::string(name) + "'");
    return it->second;
  });
}

constexpr std::string_view kHeader =
    "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n";

Result<CollectingSink> Read(std::string_view body, const std::string& instrument = "ICCPR-OP1") {
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status =
      ReadRatificationTable(std::string(kHeader) + std::string(body), instrument, states, sink);
  if (!status.ok()) return status;
  return sink;
}

TEST(RatificationTable, PartiesSignatoriesAndNoAction) {
  Result<CollectingSink> sink = Read(
      "AF,Afghanistan,1,1983,0,0,state party,\n"
      "CV,Cape Verde,0,,1,0,signatory state,Found as Cabo Verde in the UN Treaty Collection\n"
      "KZ,Kazakhstan,0,,0,1,no action,Fix name to Kazakhstan\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 2u);
  const Record& party = sink->records[0];
  EXPECT_EQ(party.kind, "ratification");
  EXPECT_EQ(party.key, "ratification-status:ICCPR-OP1:AF:became_party");
  EXPECT_EQ(party.fields["state"], "AF");
  EXPECT_EQ(party.fields["instrument"], "ICCPR-OP1");
  EXPECT_EQ(party.fields["action"], "became_party");
  EXPECT_EQ(party.fields["date"], "1983");
  EXPECT_FALSE(party.fields.contains("note"));
  const Record& signature = sink->records[1];
  EXPECT_EQ(signature.fields["action"], "signature");
  EXPECT_FALSE(signature.fields.contains("date"));
  EXPECT_EQ(signature.fields["note"], "Found as Cabo Verde in the UN Treaty Collection");
  EXPECT_TRUE(sink->warnings.empty());
}

TEST(RatificationTable, DenunciationIsAWithdrawal) {
  Result<CollectingSink> sink = Read("JM,Jamaica,1,1975,0,1,state party,Denounced the OP 1997\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 2u);
  EXPECT_EQ(sink->records[1].fields["action"], "withdrawal");
  EXPECT_EQ(sink->records[1].fields["date"], "1997");
  EXPECT_EQ(sink->records[1].key, "ratification-status:ICCPR-OP1:JM:withdrawal");
}

TEST(RatificationTable, StatusColumnDecidesAndWarns) {
  Result<CollectingSink> sink = Read("KZ,Kazakhstan,0,2009,0,0,state party,\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 1u);
  EXPECT_EQ(sink->records[0].fields["action"], "became_party");
  ASSERT_EQ(sink->warnings.size(), 1u);
  EXPECT_EQ(sink->warnings[0],
            "line 2: the 0/1 columns contradict status 'state party'; the status column decides");
}

TEST(RatificationTable, CodeOrElseName) {
  Result<CollectingSink> sink = Read("TP,East Timor,1,2003,0,0,state party,\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  EXPECT_EQ(sink->records[0].fields["state"], "TL");
}

TEST(RatificationTable, BadRows) {
  struct Case {
    std::string body, message;
  };
  const Case cases[] = {
      {"XX,Atlantis,1,1983,0,0,state party,\n", "line 2, field 'iso2': unknown state 'XX'"},
      {"AF,Afghanistan,1,83x,0,0,state party,\n",
       "line 2, field 'year ratification or accession': invalid year '83x'"},
      {"AF,Afghanistan,1,1983,0,0,ratified,\n",
       "line 2, field 'status': unknown status 'ratified' (expected state party, signatory state "
       "or no action)"},
      {"AF,Afghanistan,1,1983\n", "line 2: 4 fields, expected 8"},
      {"AF,Afgh\xE9nistan,1,1983,0,0,state party,\n",
       "line 2, field 'member': invalid UTF-8 (byte 0xE9 at byte 5 of the field)"},
  };
  for (const Case& c : cases) {
    Result<CollectingSink> sink = Read(c.body);
    ASSERT_FALSE(sink.has_value()) << c.body;
    EXPECT_EQ(sink.error().message(), c.message);
  }
}

TEST(RatificationTable, HeaderWithoutNoteAndDetection) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  ASSERT_TRUE(ReadRatificationTable(
                  "iso2,member,state party,year ratification or accession,signatory,no action,"
                  "status\r\nAF,Afghanistan,1,2014,0,0,state party\r\n",
                  "OP-CRC-IC", states, sink)
                  .ok());
  EXPECT_EQ(sink.records.size(), 1u);
  EXPECT_TRUE(LooksLikeRatificationTable(kHeader));
  EXPECT_FALSE(LooksLikeRatificationTable("To,To-Rgrp"));
}

TEST(RatificationTable, InstrumentFromFileName) {
  EXPECT_EQ(*InstrumentFromTableName("/data/hr_status_iccpr_op1.csv"), "ICCPR-OP1");
  EXPECT_EQ(*InstrumentFromTableName("hr_status_op_crc_ac.csv"), "OP-CRC-AC");
  EXPECT_EQ(*InstrumentFromTableName("hr_status_opcat.csv"), "OPCAT");
  EXPECT_FALSE(InstrumentFromTableName("status.csv").has_value());
  EXPECT_FALSE(InstrumentFromTableName("hr_status_.csv").has_value());
}

}  // namespace
}  // namespace rapporteur::record

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace rapporteur::record {
namespace {

// Each of the 18 tables names the 193 UN member states, every one resolved.
TEST(RatificationTableRealData, EveryTableHas193States) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  const std::filesystem::path dir =
      std::filesystem::path(shared ? shared : "") / "ratification-status";
  if (!shared || !std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  Result<StateCatalogue> catalogue = StateCatalogue::LoadDefault();
  ASSERT_TRUE(catalogue.has_value()) << catalogue.error().message();
  int tables = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    Result<std::string> instrument = InstrumentFromTableName(entry.path().string());
    ASSERT_TRUE(instrument.has_value()) << instrument.error().message();
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(LooksLikeRatificationTable(text)) << entry.path();
    std::set<std::string> states;
    StateResolver resolver([&](std::string_view name) -> Result<std::string> {
      Result<const StateInfo*> info = catalogue->Resolve(name);
      if (!info) return info.error();
      states.insert((*info)->code);
      return (*info)->code;
    });
    CollectingSink sink;
    Status status = ReadRatificationTable(text, *instrument, resolver, sink);
    ASSERT_TRUE(status.ok()) << entry.path() << ": " << status.message();
    EXPECT_EQ(states.size(), 193u) << entry.path();
    ++tables;
  }
  EXPECT_EQ(tables, 18);
}

}  // namespace
}  // namespace rapporteur::record
