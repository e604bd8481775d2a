// The scorecard's sections over hand-made records: the rules of
// docs/reports.md (party acts, signatures left unratified, procedures,
// visit requests and their status, reply delays, activity patterns).
#include "src/report/sections.h"

#include <gtest/gtest.h>

#include "src/base/data_dir.h"
#include "src/report/report_util.h"

namespace rapporteur::report {
namespace {

Record Make(std::int64_t id, const std::string& kind, nlohmann::json fields) {
  Record r;
  r.kind = kind;
  r.id = id;
  r.key = kind + ":" + std::to_string(id);
  r.fields = std::move(fields);
  return r;
}

class SectionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(catalogue_.AddFile(DefaultDataDir() + "/instruments.jsonl").ok());
    auto procedures = LoadProcedures(DefaultDataDir() + "/procedures.tsv");
    ASSERT_TRUE(procedures.has_value());
    ref_.instruments = &catalogue_;
    ref_.procedures = *procedures;
    ref_.as_of = "2026-01-01";
  }
  lens::Catalogue catalogue_;
  Reference ref_;
};

std::vector<std::string> Ids(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e["instrument"].get<std::string>());
  return out;
}

TEST_F(SectionsTest, SignedButNotRatifiedCountsYearsSinceSignature) {
  std::vector<Record> events = {
      Make(1, "ratification",
           {{"state", "CN"},
            {"instrument", "ICCPR"},
            {"action", "signature"},
            {"date", "1998-10-05"}}),
      Make(2, "ratification",
           {{"state", "CN"},
            {"instrument", "ICESCR"},
            {"action", "ratification"},
            {"date", "2001-03-27"}}),
      Make(3, "ratification",
           {{"state", "CN"}, {"instrument", "CAT"}, {"action", "became_party"}, {"date", "1988"}})};
  nlohmann::json data = RatificationData(events, ref_);
  EXPECT_EQ(data["core_instruments"], 18);
  EXPECT_EQ(Ids(data["party"]), (std::vector<std::string>{"CAT", "ICESCR"}));
  ASSERT_EQ(data["signed_not_ratified"].size(), 1u);
  EXPECT_EQ(data["signed_not_ratified"][0]["instrument"], "ICCPR");
  EXPECT_EQ(data["signed_not_ratified"][0]["signed"], "1998-10-05");
  EXPECT_EQ(data["signed_not_ratified"][0]["years_since_signature"], 27);
  EXPECT_EQ(data["not_ratified"].size(), 16u);
  // Party to CAT and ICESCR without their protocols or declarations: the
  // protocol-based procedure is not accepted, the article-based ones unknown.
  EXPECT_EQ(Ids(data["procedures_not_accepted"]), (std::vector<std::string>{"ICESCR", "ICESCR"}));
  EXPECT_EQ(Ids(data["procedures_unknown"]), (std::vector<std::string>{"CAT", "CAT"}));
}

TEST_F(SectionsTest, WithdrawalEndsPartyAndDeclarationAcceptsProcedure) {
  std::vector<Record> events = {
      Make(1, "ratification",
           {{"state", "XX"},
            {"instrument", "ICCPR-OP1"},
            {"action", "ratification"},
            {"date", "1990"}}),
      Make(2, "ratification",
           {{"state", "XX"},
            {"instrument", "ICCPR-OP1"},
            {"action", "withdrawal"},
            {"date", "1998"}}),
      Make(3, "ratification",
           {{"state", "XX"}, {"instrument", "ICCPR"}, {"action", "accession"}, {"date", "1990"}}),
      Make(4, "ratification",
           {{"state", "XX"}, {"instrument", "CAT"}, {"action", "ratification"}, {"date", "1990"}}),
      Make(5, "ratification",
           {{"state", "XX"},
            {"instrument", "CAT"},
            {"action", "accepted_procedure"},
            {"procedure", "individual_complaints"}})};
  nlohmann::json data = RatificationData(events, ref_);
  const auto not_ratified = Ids(data["not_ratified"]);
  EXPECT_NE(std::find(not_ratified.begin(), not_ratified.end(), "ICCPR-OP1"), not_ratified.end());
  nlohmann::json not_accepted = data["procedures_not_accepted"];
  ASSERT_EQ(not_accepted.size(), 2u);  // ICCPR complaints (protocol withdrawn), CAT inquiry
  EXPECT_EQ(not_accepted[0]["instrument"], "ICCPR");
  EXPECT_EQ(not_accepted[1]["procedure"], "inquiry");
  EXPECT_TRUE(data["procedures_unknown"].empty());
}

TEST_F(SectionsTest, NoEventsSaysWhatIsMissingInsteadOfZeros) {
  nlohmann::json data = RatificationData({}, ref_);
  EXPECT_TRUE(data["not_ratified"].empty());
  ASSERT_EQ(data["missing"].size(), 1u);
  nlohmann::json view = RatificationSection(data);
  EXPECT_TRUE(view["figures"].empty());
  EXPECT_EQ(view["missing"].size(), 1u);
}

TEST_F(SectionsTest, VisitRequestsFollowTheirLastEvent) {
  auto visit = [](std::int64_t id, const char* mandate, const char* event, const char* date) {
    return Make(id, "visit",
                {{"state", "CN"}, {"mandate", mandate}, {"event", event}, {"date", date}});
  };
  std::vector<Record> visits = {
      visit(1, "SR-TORTURE", "requested", "2005-01-10"),
      visit(2, "SR-TORTURE", "carried_out", "2005-11-20"),
      visit(3, "SR-TORTURE", "requested", "2012-02-01"),
      visit(4, "SR-TORTURE", "reminder", "2014-02-01"),
      visit(5, "SR-FOOD", "requested", "2009-05-01"),
      visit(6, "SR-FOOD", "carried_out", "2010-12-15"),
      visit(7, "WG-ARBITRARY-DETENTION", "requested", "2016-03-01"),
      visit(8, "WG-ARBITRARY-DETENTION", "deadlocked_terms_of_reference", "2017-06-01")};
  nlohmann::json data = VisitsData(visits, {}, ref_);
  ASSERT_EQ(data["requests"].size(), 4u);
  EXPECT_EQ(data["counts"]["carried_out"], 2);
  EXPECT_EQ(data["counts"]["pending"], 1);
  EXPECT_EQ(data["counts"]["deadlocked"], 1);
  for (const auto& r : data["requests"]) {
    if (r["status"] == "pending") {
      EXPECT_EQ(r["first_requested"], "2012-02-01");
      EXPECT_EQ(r["years_pending"], 13);
    }
  }
  EXPECT_TRUE(data["standing_invitation"].is_null());
}

TEST(ExchangesTest, ShareAnsweredAndMedianDelay) {
  std::vector<Record> comms = {
      Make(1, "communication",
           {{"state", "CN"}, {"date_sent", "2020-01-01"}, {"reply_date", "2020-03-01"}}),
      Make(2, "communication",
           {{"state", "CN"}, {"date_sent", "2020-01-01"}, {"reply_date", "2020-01-31"}}),
      Make(3, "communication", {{"state", "CN"}, {"date_sent", "2020-01-01"}})};
  nlohmann::json data = CommunicationsData(comms);
  EXPECT_EQ(data["answered"]["count"], 2);
  EXPECT_NEAR(data["share_answered"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(data["median_reply_days"].get<double>(), 45);  // 60 and 30 days
}

TEST(AgreementsTest, OneOffWorkshopVersusSustainedProgramme) {
  std::vector<Record> agreements = {
      Make(1, "agreement", {{"state", "CN"}, {"counterpart", "OHCHR"}, {"title", "MOU"}}),
      Make(2, "agreement", {{"state", "CN"}, {"counterpart", "UNDP"}, {"title", "Programme"}})};
  std::vector<Record> activities = {
      Make(3, "activity",
           {{"state", "CN"},
            {"agreement", "agreement:1"},
            {"type", "workshop"},
            {"date", "2001-05"},
            {"participants", 12}}),
      Make(4, "activity",
           {{"state", "CN"}, {"agreement", "agreement:2"}, {"type", "training"}, {"date", "2002"}}),
      Make(
          5, "activity",
          {{"state", "CN"}, {"agreement", "agreement:2"}, {"type", "training"}, {"date", "2004"}})};
  nlohmann::json data = AgreementsData(agreements, {}, activities);
  ASSERT_EQ(data["agreements"].size(), 2u);
  EXPECT_EQ(data["agreements"][0]["activities"]["pattern"], "one-off");
  EXPECT_EQ(data["agreements"][0]["activities"]["participants"], 12);
  EXPECT_EQ(data["agreements"][1]["activities"]["pattern"], "sustained");
  EXPECT_FALSE(data["agreements"][0]["safeguards"]["checked"].get<bool>());
}

TEST(ReportUtilTest, YearsAndDays) {
  EXPECT_EQ(YearsBetween("1998-10-05", "2026-01-01"), 27);
  EXPECT_EQ(YearsBetween("1998", "2026-01-01"), 28);
  EXPECT_EQ(YearsBetween("", "2026-01-01"), -1);
  EXPECT_EQ(DaysBetween("2020-01-01", "2020-03-01"), 60);
  EXPECT_EQ(DaysBetween("2020-01", "2020-03-01"), -1);
}

}  // namespace
}  // namespace rapporteur::report
