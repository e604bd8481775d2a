#include "src/record/ohchr_thematic.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace rapporteur::record {
namespace {

StateResolver FakeStates() {
  static const std::map<std::string, std::string, std::less<>> kCodes = {
      {"Slovenia", "SI"},
      {"France", "FR"},
      {"Lithuania", "LT"},
      {"Ukraine", "UA"},
      {"Slovakia", "SK"},
      {"Spain", "ES"},
      {"Tunisia", "TN"},
      {"Peru", "PE"},
      {"United Kingdom of Great Britain and Northern Ireland", "GB"},
      {"Venezuela (Bolivarian Republic of)", "VE"},
      {"Iran (Islamic Republic of)", "IR"}};
  return StateResolver([](std::string_view name) -> Result<std::string> {
    auto it = kCodes.find(name);
    if (it == kCodes.end()) {
      return NotFound("unknown state '" + std::string(name) + "' (did you mean 'France'?)");
    }
    return it->second;
  });
}

constexpr std::string_view kHead =
    "# UPR 34th Session - Slovenia - Thematic List of Recommendations\n\n"
    "**Document:** Thematic List of Recommendations\n**Session:** 34th UPR Working Group\n"
    "**Date:** November 2019\n\n---\n\nRecommendation\nPosition\n"
    "Theme: Acceptance of international norms\n";

Result<CollectingSink> Read(std::string_view body) {
  StateResolver states = FakeStates();
  CollectingSink sink;
  Status status = ReadOhchrThematicList(std::string(kHead) + std::string(body), states, sink);
  if (!status.ok()) return status;
  return sink;
}

TEST(OhchrThematic, OneRecordPerParagraphWithEveryField) {
  Result<CollectingSink> sink = Read(
      "121.1 Ratify the Convention (France) (Lithuania);\n"
      "Source of Position: A/HRC/43/15 - Para 121\nSupported\n"
      "- Acceptance of international norms\n- Right to work &amp; labour rights\n"
      "SDGs: \n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\n"
      "Affected persons: \n- Disappeared persons\n\n"
      "121.2 Complete ratification (Ukraine); Increase efforts (Slovakia);\n"
      "Source of Position: A/HRC/43/15/Add.1 - Para.3\nNoted\n- Enforced disappearances\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 2u);
  const Record& r = sink->records[0];
  EXPECT_EQ(r.key, "ohchr-thematic:SI:34:121.1");
  EXPECT_EQ(r.fields["state"], "SI");
  EXPECT_EQ(r.fields["mechanism"], "UPR");
  EXPECT_EQ(r.fields["paragraph"], "121.1");
  EXPECT_EQ(r.fields["text"], "Ratify the Convention (France) (Lithuania)");
  EXPECT_EQ(r.fields["recommending_states"], nlohmann::json::array({"FR", "LT"}));
  EXPECT_EQ(r.fields["response"], "supported");
  EXPECT_EQ(r.fields["document"], "A/HRC/43/15");
  EXPECT_EQ(r.fields["themes"], nlohmann::json::array({"Acceptance of international norms",
                                                       "Right to work & labour rights"}));
  EXPECT_EQ(r.fields["sdgs"], nlohmann::json::array({"16"}));
  EXPECT_EQ(r.fields["affected_persons"], nlohmann::json::array({"Disappeared persons"}));
  EXPECT_EQ(r.fields["session"], 34);
  EXPECT_EQ(r.fields["cycle"], 3);
  EXPECT_EQ(r.fields["date"], "2019-11");
  EXPECT_EQ(r.fields["source"], "ohchr-thematic-list");
  const Record& joint = sink->records[1];
  EXPECT_EQ(joint.fields["text"], "Complete ratification (Ukraine); Increase efforts (Slovakia)");
  EXPECT_EQ(joint.fields["recommending_states"], nlohmann::json::array({"UA", "SK"}));
  EXPECT_EQ(joint.fields["response"], "noted");
  EXPECT_EQ(joint.fields["document"], "A/HRC/43/15/Add.1");
  EXPECT_TRUE(sink->warnings.empty());
}

TEST(OhchrThematic, RecommendingStatesInEveryLayout) {
  StateResolver states = FakeStates();
  auto codes = [&](std::string_view text) {
    Result<std::vector<std::string>> r = RecommendingStates(text, states);
    return r.has_value() ? *r : std::vector<std::string>{"error: " + r.error().message()};
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(codes("Ratify (Spain, Tunisia,Peru);"), (V{"ES", "TN", "PE"}));
  EXPECT_EQ(codes("Ratify (Spain, Venezuela (Bolivarian Republic of),Peru)"),
            (V{"ES", "VE", "PE"}));
  EXPECT_EQ(codes("Ratify ILO Convention (No. 29) (United Kingdom of Great Britain and Northern "
                  "Ireland);"),
            (V{"GB"}));
  EXPECT_EQ(codes("Ratify the convention (ICRMW) (Iran (Islamic Republic of));"), (V{"IR"}));
  EXPECT_EQ(codes("Do X (France). "), (V{"FR"}));
  EXPECT_EQ(codes("Do X (France); do Y (France) (Spain);"), (V{"FR", "ES"}));
  EXPECT_EQ(codes("Do X; and Y (France)"), (V{"FR"}));
  EXPECT_EQ(codes("No state at all;"), (V{}));
  EXPECT_EQ(codes("Do X (Frnace);"), (V{"error: unknown state 'Frnace' (did you mean 'France'?)"}));
}

TEST(OhchrThematic, CycleTwoLayoutWithThemeCodes) {
  Result<CollectingSink> sink = Read(
      "115.2 Expedite ratification (Spain, Tunisia); \n"
      "Source of position: A/HRC/28/15/Add.1 - Para. 3\nSupported\n"
      "A12 Acceptance of international norms\nB32 Racial discrimination\n"
      "Affected persons:\n- minorities\n\n\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  const Record& r = sink->records.at(0);
  EXPECT_EQ(r.fields["themes"],
            nlohmann::json::array({"Acceptance of international norms", "Racial discrimination"}));
  EXPECT_EQ(r.fields["affected_persons"], nlohmann::json::array({"minorities"}));
}

TEST(OhchrThematic, RepeatedParagraphIsOneRecordAndNoiseIsCounted) {
  Result<CollectingSink> sink = Read(
      "121.1 Ratify (France);\nSource of Position: A/HRC/43/15 - Para 121\nSupported\n- A\n"
      "GE.19-12345 page 3\n"
      "Theme: B\n"
      "121.1 Ratify (France);\nSource of Position: A/HRC/43/15 - Para 121\nSupported\n- B\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  ASSERT_EQ(sink->records.size(), 1u);
  EXPECT_EQ(sink->records[0].fields["themes"], nlohmann::json::array({"A", "B"}));
  ASSERT_EQ(sink->warnings.size(), 1u);
  EXPECT_EQ(sink->warnings[0], "1 lines inside recommendations fit no field and were skipped");
}

TEST(OhchrThematic, WrappedTextBeforeTheSourceLineIsJoined) {
  Result<CollectingSink> sink =
      Read("121.1 Ratify the\nConvention (France);\nSource of Position: A/HRC/43/15\nSupported\n");
  ASSERT_TRUE(sink.has_value()) << sink.error().message();
  EXPECT_EQ(sink->records.at(0).fields["text"], "Ratify the Convention (France)");
}

TEST(OhchrThematic, Problems) {
  Result<CollectingSink> unknown = Read("121.1 Ratify (Frnace);\nSupported\n");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().message(),
            "line 12, field 'recommending states': unknown state 'Frnace' (did you mean "
            "'France'?)");
  StateResolver states = FakeStates();
  CollectingSink sink;
  EXPECT_EQ(ReadOhchrThematicList("", states, sink).message(), "empty file");
  EXPECT_EQ(ReadOhchrThematicList("# Thematic List of Recommendations\n121.1 x\n", states, sink)
                .message()
                .substr(0, 41),
            "line 1: no state under review in the titl");
  EXPECT_EQ(ReadOhchrThematicList(std::string(kHead) + "no entries\n", states, sink).message(),
            "no numbered recommendations (lines like '121.1 ...')");
  Result<CollectingSink> no_position = Read("121.1 Ratify (France);\n");
  ASSERT_TRUE(no_position.has_value());
  EXPECT_EQ(no_position->warnings.at(0),
            "line 12: paragraph 121.1 has no position (Supported or Noted)");
}

// The three lists of the shared data: one record per numbered paragraph,
// every state resolved by the real catalogue, positions as printed.
TEST(OhchrThematicRealData, SloveniaCyclesTwoToFour) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  const std::filesystem::path dir =
      std::filesystem::path(shared ? shared : "") / "ohchr-thematic-lists-slovenia";
  if (!shared || !std::filesystem::exists(dir)) GTEST_SKIP() << "no shared data";
  Result<StateCatalogue> catalogue = StateCatalogue::LoadDefault();
  ASSERT_TRUE(catalogue.has_value()) << catalogue.error().message();
  struct Expected {
    int cycle, session;
    std::size_t records, supported, noted;
  };
  for (const Expected& x : {Expected{2, 20, 163, 142, 21}, Expected{3, 34, 215, 182, 33},
                            Expected{4, 48, 254, 217, 37}}) {
    const std::filesystem::path path =
        dir / ("cycle" + std::to_string(x.cycle) + "__Thematic_List_of_Recommendations.md");
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(LooksLikeOhchrThematicList(text));
    StateResolver states = StateResolver::FromCatalogue(*catalogue);
    CollectingSink sink;
    Status status = ReadOhchrThematicList(text, states, sink);
    ASSERT_TRUE(status.ok()) << path << ": " << status.message();
    ASSERT_EQ(sink.records.size(), x.records) << path;
    std::size_t supported = 0, noted = 0, without_states = 0;
    for (const Record& r : sink.records) {
      EXPECT_EQ(r.fields["session"], x.session);
      EXPECT_EQ(r.fields["cycle"], x.cycle);
      EXPECT_EQ(r.fields["state"], "SI");
      supported += r.fields["response"] == "supported";
      noted += r.fields["response"] == "noted";
      without_states += r.fields["recommending_states"].empty();
    }
    EXPECT_EQ(supported, x.supported) << path;
    EXPECT_EQ(noted, x.noted) << path;
    EXPECT_EQ(without_states, 0u) << path;
    EXPECT_TRUE(sink.warnings.empty()) << path << ": " << sink.warnings.front();
  }
}

TEST(OhchrThematicRealData, TheCycleOneAddendumIsNotAThematicList) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  const std::filesystem::path path = std::filesystem::path(shared ? shared : "") /
                                     "ohchr-thematic-lists-slovenia" /
                                     "cycle1__A_HRC_14_15_Working_Group_Report.md";
  if (!shared || !std::filesystem::exists(path)) GTEST_SKIP() << "no shared data";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(LooksLikeOhchrThematicList(text));
}

}  // namespace
}  // namespace rapporteur::record
