#include "src/record/upr_info.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace rapporteur::record {
namespace {

// A resolver over a fixed table, so these tests need no catalogue.
StateResolver FakeStates() {
  static const std::map<std::string, std::string, std::less<>> kCodes = {
      {"Afghanistan", "AF"}, {"Austria", "AT"},       {"France", "FR"},
      {"Albania", "AL"},     {"Cote d'Ivoire", "CI"}, {"Indonesia", "ID"}};
  return StateResolver([](std::string_view name) -> Result<std::string> {
    auto it = kCodes.find(name);
    if (it == kCodes.end()) {
      return NotFound("unknown state '" + std::string(name) + "' (did you mean 'France'?)");
    }
    return it->second;
  });
}

constexpr std::string_view kHeader =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r";

Result<std::vector<Record>> Read(std::string_view body) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status = ReadUprInfo(std::string(kHeader) + std::string(body), states, sink);
  if (!status.ok()) return status;
  return std::move(sink.records);
}

TEST(UprInfo, OneRecordPerRowWithTheFieldsOfTheSpec) {
  Result<std::vector<Record>> records = Read(
      "Afghanistan,Asia,OIC,\"Enact legislation, and protect. \",Austria,WEOG,EU,Accepted,5,"
      "\"Rights of the Child,Women's rights\",5\r"
      "Afghanistan,Asia,OIC,Ratify OPCAT,France,WEOG,EU,Noted,4,Torture and other CID treatment,"
      "13\r");
  ASSERT_TRUE(records.has_value()) << records.error().message();
  ASSERT_EQ(records->size(), 2u);
  const Record& r = (*records)[0];
  EXPECT_EQ(r.kind, "recommendation");
  EXPECT_EQ(r.fields["state"], "AF");
  EXPECT_EQ(r.fields["mechanism"], "UPR");
  EXPECT_EQ(r.fields["text"], "Enact legislation, and protect.");
  EXPECT_EQ(r.fields["recommending_states"], nlohmann::json::array({"AT"}));
  EXPECT_EQ(r.fields["response"], "supported");
  EXPECT_EQ(r.fields["action_category"], 5);
  EXPECT_EQ(r.fields["themes"], nlohmann::json::array({"Rights of the Child", "Women's rights"}));
  EXPECT_EQ(r.fields["session"], 5);
  EXPECT_EQ(r.fields["cycle"], 1);
  EXPECT_EQ(r.fields["source"], "upr-info");
  EXPECT_EQ((*records)[1].fields["response"], "noted");
  EXPECT_EQ((*records)[1].fields["cycle"], 2);
}

TEST(UprInfo, CyclesOfSessions) {
  EXPECT_EQ(UprCycleOfSession(1), 1);
  EXPECT_EQ(UprCycleOfSession(12), 1);
  EXPECT_EQ(UprCycleOfSession(13), 2);
  EXPECT_EQ(UprCycleOfSession(26), 2);
  EXPECT_EQ(UprCycleOfSession(27), 3);
  EXPECT_EQ(UprCycleOfSession(40), 3);
  EXPECT_EQ(UprCycleOfSession(41), 4);
}

TEST(UprInfo, KeysAreStableAndCountIdenticalRows) {
  const std::string row = "Albania,EEG,x,Same text,France,WEOG,EU,Accepted,3,General,6\r";
  Result<std::vector<Record>> first = Read(row + row + "Albania,EEG,x,Other,France,,,Noted,3,,6\r");
  Result<std::vector<Record>> again = Read(row + row + "Albania,EEG,x,Other,France,,,Noted,3,,6\r");
  ASSERT_TRUE(first.has_value() && again.has_value());
  ASSERT_EQ(first->size(), 3u);
  EXPECT_NE((*first)[0].key, (*first)[1].key);
  EXPECT_EQ((*first)[0].key.substr(0, 9), "upr-info:");
  EXPECT_EQ((*first)[0].key.substr(0, (*first)[0].key.size() - 1),
            (*first)[1].key.substr(0, (*first)[1].key.size() - 1));
  for (std::size_t i = 0; i < first->size(); ++i) EXPECT_EQ((*first)[i].key, (*again)[i].key);
}

TEST(UprInfo, UnknownRecommendingStateIsNoState) {
  Result<std::vector<Record>> records =
      Read("Indonesia,Asia,OIC,Text,&#40;Unknown&#41;,&#40;Unknown&#41;,,Accepted,1,General,1\r");
  ASSERT_TRUE(records.has_value()) << records.error().message();
  EXPECT_EQ((*records)[0].fields["recommending_states"], nlohmann::json::array());
}

TEST(UprInfo, VoluntaryPledgesAreSkippedWithAWarning) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  ASSERT_TRUE(
      ReadUprInfo(std::string(kHeader) +
                      "Albania,EEG,x,We pledge,Albania,EEG,x,Voluntary Pledge,5,Minorities,19\r",
                  states, sink)
          .ok());
  EXPECT_TRUE(sink.records.empty());
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].substr(0, 28), "1 voluntary pledges skipped:");
}

TEST(UprInfo, BadRowsNameLineAndField) {
  struct Case {
    std::string body, message;
  };
  const Case cases[] = {
      {"Afghanistan,Asia,OIC,T,Frnace,WEOG,EU,Accepted,5,General,5\r",
       "line 2, field 'From': unknown state 'Frnace' (did you mean 'France'?)"},
      {"Afghanistan,Asia,OIC,T,France,WEOG,EU,Maybe,5,General,5\r",
       "line 2, field 'Response': unknown response 'Maybe' (expected Accepted, Noted, Rejected, "
       "Pending or Partially accepted)"},
      {"Afghanistan,Asia,OIC,T,France,WEOG,EU,Accepted,5,General,five\r",
       "line 2, field 'Session': invalid session 'five'"},
      {"Afghanistan,Asia,OIC,T,France,WEOG,EU,Accepted,5,General\r",
       "line 2: 10 fields, expected 11"},
      {"ok,row\rAfghanistan,Asia,OIC,\"T,France,WEOG,EU,Accepted,5,General,5\r",
       "line 2: 2 fields, expected 11"},
      {"Afghanistan,Asia,OIC,\"T\r\rx,France,WEOG,EU,Accepted,5,General,5\r",
       "line 2: unterminated quote: the field opened on line 2 runs to the end of the input"},
  };
  for (const Case& c : cases) {
    Result<std::vector<Record>> records = Read(c.body);
    ASSERT_FALSE(records.has_value()) << c.body;
    EXPECT_EQ(records.error().message(), c.message);
  }
}

TEST(UprInfo, MissingColumnAndEmptyInput) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status missing = ReadUprInfo("To,To-Rgrp,Text\rA,b,c\r", states, sink);
  EXPECT_EQ(missing.message(), "line 1: no column 'From' in the UPR Info header");
  Status empty = ReadUprInfo("", states, sink);
  EXPECT_EQ(empty.message(), "empty file");
}

TEST(UprInfo, DecodesMacRomanAndLeavesUtf8Alone) {
  // 0x8E is e acute in Mac Roman, 0xD5 a right single quote.
  Result<std::string> mac = DecodeUprInfo("Cte d\xD5Ivoire \x8E");
  ASSERT_TRUE(mac.has_value());
  EXPECT_EQ(*mac, "Cte d\u2019Ivoire \u00e9");
  Result<std::string> utf8 = DecodeUprInfo("Côte d’Ivoire");
  ASSERT_TRUE(utf8.has_value());
  EXPECT_EQ(*utf8, "Côte d’Ivoire");
}

TEST(UprInfo, DetectsTheHeader) {
  EXPECT_TRUE(LooksLikeUprInfo(kHeader));
  EXPECT_TRUE(LooksLikeUprInfo("\xEF\xBB\xBFTo,To-Rgrp,To-Org"));
  EXPECT_FALSE(LooksLikeUprInfo("iso2,member,state party"));
}

}  // namespace
}  // namespace rapporteur::record

namespace rapporteur::record {
namespace {

std::filesystem::path SharedData() {
  const char* dir = std::getenv("RAPPORTEUR_SHARED_DATA");
  return dir ? std::filesystem::path(dir) : std::filesystem::path();
}

// Counts what the real export holds, the parsing alone (any state name is
// accepted): 41,066 recommendations in the five session files, and the
// voluntary file's 947 pledges skipped.
TEST(UprInfoRealData, EveryRowOfTheSessionFiles) {
  const std::filesystem::path dir = SharedData() / "upr-info";
  if (SharedData().empty() || !std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  StateResolver any([](std::string_view name) -> Result<std::string> { return std::string(name); });
  std::int64_t recommendations = 0, pledges_files = 0;
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("upr-info_sessions_", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<std::string> text = DecodeUprInfo(bytes);
    ASSERT_TRUE(text.has_value()) << name;
    ASSERT_TRUE(LooksLikeUprInfo(*text)) << name;
    CollectingSink sink;
    Status status = ReadUprInfo(*text, any, sink);
    ASSERT_TRUE(status.ok()) << name << ": " << status.message();
    recommendations += static_cast<std::int64_t>(sink.records.size());
    for (const Record& r : sink.records) keys.insert(r.key);
    if (name.find("voluntary") != std::string::npos) {
      EXPECT_TRUE(sink.records.empty());
      ASSERT_EQ(sink.warnings.size(), 1u);
      EXPECT_EQ(sink.warnings[0].substr(0, 29), "947 voluntary pledges skipped");
      ++pledges_files;
    }
  }
  EXPECT_EQ(recommendations, 41066);
  EXPECT_EQ(keys.size(), 41066u);  // every row its own key
  EXPECT_EQ(pledges_files, 1);
}

}  // namespace
}  // namespace rapporteur::record

namespace rapporteur::record {
namespace {

// Every state name of the export resolves in the real catalogue.
TEST(UprInfoRealData, EveryNameResolvesWithTheCatalogue) {
  const std::filesystem::path dir = SharedData() / "upr-info";
  if (SharedData().empty() || !std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  Result<StateCatalogue> states = StateCatalogue::LoadDefault();
  ASSERT_TRUE(states.has_value()) << states.error().message();
  Result<std::vector<Record>> records =
      ReadUprInfoRecords((dir / "upr-info_sessions_1-5.csv").string(), *states);
  ASSERT_TRUE(records.has_value()) << records.error().message();
  ASSERT_EQ(records->size(), 6094u);
  EXPECT_EQ(records->front().fields["state"], "AF");
  EXPECT_EQ(records->front().fields["recommending_states"], nlohmann::json::array({"AT"}));
  for (const char* name : {"upr-info_sessions_6-9.csv", "upr-info_sessions_10-13.csv",
                           "upr-info_sessions_14-17.csv", "upr-info_sessions_17-20.csv"}) {
    Result<std::vector<Record>> more = ReadUprInfoRecords((dir / name).string(), *states);
    ASSERT_TRUE(more.has_value()) << more.error().message();
  }
}

}  // namespace
}  // namespace rapporteur::record
