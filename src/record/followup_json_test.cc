#include "src/record/followup_json.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "src/record/json_text.h"

namespace rapporteur::record {
namespace {

StateResolver FakeStates() {
  return StateResolver([](std::string_view name) -> Result<std::string> {
    if (name == "ALB" || name == "Albania") return std::string("AL");
    return NotFound("unknown state '" + std::string(name) + "'");
  });
}

constexpr std::string_view kDoc = R"({
 "a3": "ALB", "name": "Albania", "upr": null,
 "hrc": {
  "meta": {"mechanism": "hrc", "co_symbol": "CCPR/C/ALB/CO/2", "co_date": "24 July 2013",
           "assessment_symbol": "CCPR/C/115/2", "assessment_date": "19 October-6 November 2015",
           "year": 2015},
  "paragraphs": [
   {"para": "9", "recommendation": "Intensify the investigation",
    "header_grades": ["C", "D"],
    "limbs": [{"limb": "", "grade": "C", "eval": "Regrets"},
              {"limb": "b", "grade": "D", "eval": "No information"}]},
   {"para": "13", "recommendation": "Screen at the border", "header_grades": ["B", "B"], "limbs": []}
  ],
  "history": []
 }
})";

Result<CollectingSink> Read(std::string_view text) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status = ReadFollowUpJson(text, states, sink);
  if (!status.ok()) return status;
  return sink;
}

TEST(FollowUpJson, RecommendationsAndOneFollowupPerLimb) {
  Result<CollectingSink> sink = Read(kDoc);
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 6u);
  const Record& rec = sink->records[0];
  EXPECT_EQ(rec.kind, "recommendation");
  EXPECT_EQ(rec.key, "followup:CCPR/C/ALB/CO/2:9");
  EXPECT_EQ(rec.fields["state"], "AL");
  EXPECT_EQ(rec.fields["mechanism"], "CCPR");
  EXPECT_EQ(rec.fields["document"], "CCPR/C/ALB/CO/2");
  EXPECT_EQ(rec.fields["paragraph"], "9");
  EXPECT_EQ(rec.fields["text"], "Intensify the investigation");
  EXPECT_EQ(rec.fields["date"], "2013-07-24");
  const Record& limb = sink->records[1];
  EXPECT_EQ(limb.kind, "followup");
  EXPECT_EQ(limb.key, "followup:CCPR/C/115/2:9:1");
  EXPECT_EQ(limb.fields["recommendation"], rec.key);
  EXPECT_EQ(limb.fields["date"], "2015-11-06");
  EXPECT_EQ(limb.fields["assessor"], "CCPR");
  EXPECT_EQ(limb.fields["limb"], "1");
  EXPECT_EQ(limb.fields["grade"], "C");
  EXPECT_EQ(limb.fields["text"], "Regrets");
  EXPECT_EQ(limb.fields["document"], "CCPR/C/115/2");
  EXPECT_EQ(sink->records[2].fields["limb"], "b");
  // Paragraph 13 has header grades only: one followup each, without text.
  EXPECT_EQ(sink->records[3].key, "followup:CCPR/C/ALB/CO/2:13");
  EXPECT_EQ(sink->records[4].fields["grade"], "B");
  EXPECT_FALSE(sink->records[5].fields.contains("text"));
  EXPECT_EQ(sink->records[5].key, "followup:CCPR/C/115/2:13:2");
}

TEST(FollowUpJson, Problems) {
  std::string bad_grade(kDoc);
  bad_grade.replace(bad_grade.find("\"grade\": \"D\""), 12, "\"grade\": \"F\"");
  Result<CollectingSink> grade = Read(bad_grade);
  ASSERT_FALSE(grade.has_value());
  EXPECT_EQ(grade.error().message(),
            "field 'hrc.paragraphs[0].limbs[1]': invalid grade \"F\" (expected A, B, C, D or E)");

  Result<CollectingSink> truncated = Read(kDoc.substr(0, 200));
  ASSERT_FALSE(truncated.has_value());
  EXPECT_EQ(truncated.error().message(), "truncated JSON: the input ends inside a value (line 5)");

  Result<CollectingSink> state = Read(R"({"a3": "XXX", "hrc": {"paragraphs": []}})");
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().message(), "field 'a3': unknown state 'XXX'");

  Result<CollectingSink> none = Read(R"({"a3": "ALB", "upr": null})");
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().message(), "no section with graded paragraphs");

  Result<CollectingSink> odd = Read(R"({"a3": "ALB", "hrc": {"paragraphs": [3, {"para": 4}]}})");
  ASSERT_FALSE(odd.has_value());
  EXPECT_EQ(odd.error().message(), "field 'hrc.paragraphs[0]': expected an object");

  EXPECT_EQ(Read("  ").error().message(), "empty file");
}

TEST(FollowUpJson, InvalidJsonSaysWhere) {
  Result<nlohmann::json> bad = ParseJson("{\n \"a\": 1,\n \"b\": ]\n}");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message().substr(0, 35), "line 3, column 7: invalid JSON: syn");
}

TEST(FollowUpJson, Detection) {
  EXPECT_TRUE(LooksLikeFollowUpJson(kDoc));
  EXPECT_FALSE(LooksLikeFollowUpJson(R"({"kind": "recommendation"})"));
  EXPECT_FALSE(LooksLikeFollowUpJson("a3,paragraphs"));
}

TEST(FollowUpJsonRealData, Albania) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  const std::filesystem::path path =
      std::filesystem::path(shared ? shared : "") / "ccpr-followup" / "ALB.json";
  if (!shared || !std::filesystem::exists(path)) GTEST_SKIP() << "no shared data";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(LooksLikeFollowUpJson(text));
  Result<CollectingSink> sink = Read(text);
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  // 2 graded paragraphs; 5 grades (meta.n), B 3, C 1, D 1 (meta.grade_dist).
  int recommendations = 0;
  std::map<std::string, int> grades;
  for (const Record& r : sink->records) {
    if (r.kind == "recommendation") ++recommendations;
    if (r.kind == "followup") ++grades[r.fields["grade"].get<std::string>()];
  }
  EXPECT_EQ(recommendations, 2);
  EXPECT_EQ(grades, (std::map<std::string, int>{{"B", 3}, {"C", 1}, {"D", 1}}));
}

}  // namespace
}  // namespace rapporteur::record
