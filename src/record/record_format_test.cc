// Printing search results and records, and "field=value" assignments.
#include "rapporteur/record_format.h"

#include <gtest/gtest.h>

namespace rapporteur {
namespace {

Record Recommendation(std::int64_t id, const std::string& text) {
  Record r;
  r.kind = "recommendation";
  r.id = id;
  r.key = "test:" + std::to_string(id);
  r.fields = {{"state", "CN"},
              {"mechanism", "UPR"},
              {"text", text},
              {"cycle", 2},
              {"recommending_states", {"FR", "DE"}}};
  return r;
}

SearchResult TwoResults() {
  SearchResult result;
  result.total = 7;
  result.results = {Recommendation(1, "Ratify the ICCPR"),
                    Recommendation(2, "Abolish, \"now\", the death penalty")};
  result.facets["cycle"] = {{"2", 5}, {"1", 2}};
  return result;
}

TEST(RecordFormatTest, JsonHasExactTotalResultsAndFacets) {
  const nlohmann::json j =
      nlohmann::json::parse(FormatSearchResult(TwoResults(), "recommendation", ListFormat::kJson));
  EXPECT_EQ(j["total"], 7);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["text"], "Ratify the ICCPR");
  EXPECT_EQ(j["facets"]["cycle"][0]["value"], "2");
  EXPECT_EQ(j["facets"]["cycle"][0]["count"], 5);
}

TEST(RecordFormatTest, CsvQuotesAndJoinsLists) {
  const std::string csv = FormatSearchResult(TwoResults(), "recommendation", ListFormat::kCsv);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")).substr(0, 11), "id,key,stat");
  EXPECT_NE(csv.find("\"Abolish, \"\"now\"\", the death penalty\""), std::string::npos);
  EXPECT_NE(csv.find("FR; DE"), std::string::npos);
}

TEST(RecordFormatTest, TableSaysHowManyOfTheTotalAreShown) {
  const std::string table =
      FormatSearchResult(TwoResults(), "recommendation", ListFormat::kTable, 60);
  EXPECT_NE(table.find("7 recommendation found, 2 shown"), std::string::npos);
  EXPECT_NE(table.find("cycle:"), std::string::npos);
}

TEST(RecordFormatTest, JsonLinesOneRecordPerLine) {
  const std::string lines =
      FormatSearchResult(TwoResults(), "recommendation", ListFormat::kJsonLines);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 2);
  EXPECT_FALSE(ParseListFormat("xml").has_value());
}

TEST(AssignmentsTest, TypesListsAndRemoval) {
  Record r;
  r.kind = "activity";
  const std::vector<std::string> set = {"state=CN", "type=workshop", "participants=25",
                                        "topic=prison law"};
  ASSERT_TRUE(ApplyAssignments(set, &r).ok());
  EXPECT_EQ(r.fields["participants"], 25);
  EXPECT_EQ(r.fields["topic"], "prison law");
  const std::vector<std::string> remove = {"topic="};
  ASSERT_TRUE(ApplyAssignments(remove, &r).ok());
  EXPECT_FALSE(r.fields.contains("topic"));
  Record rec;
  rec.kind = "recommendation";
  const std::vector<std::string> lists = {"themes=Torture|Detention",
                                          "recommending_states=[\"FR\",\"DE\"]"};
  ASSERT_TRUE(ApplyAssignments(lists, &rec).ok());
  EXPECT_EQ(rec.fields["themes"], nlohmann::json({"Torture", "Detention"}));
  EXPECT_EQ(rec.fields["recommending_states"], nlohmann::json({"FR", "DE"}));
}

TEST(AssignmentsTest, ErrorsNameTheAssignment) {
  Record r;
  r.kind = "activity";
  const std::vector<std::string> bad_number = {"participants=twelve"};
  Status s = ApplyAssignments(bad_number, &r);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(s.message().find("participants=twelve"), std::string::npos);
  const std::vector<std::string> unknown = {"colour=red"};
  EXPECT_NE(ApplyAssignments(unknown, &r).message().find("has no field 'colour'"),
            std::string::npos);
  const std::vector<std::string> no_equals = {"state"};
  EXPECT_FALSE(ApplyAssignments(no_equals, &r).ok());
  r.kind = "treaty";
  EXPECT_FALSE(ApplyAssignments(no_equals, &r).ok());
}

}  // namespace
}  // namespace rapporteur
