#include "src/report/recurrence_normalize.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace rapporteur::report {
namespace {

const Normalizer& TheNormalizer() {
  static const Normalizer* normalizer = [] {
    static lens::Catalogue catalogue, extra;
    EXPECT_TRUE(catalogue.AddFile(std::string(RAPPORTEUR_DATA_DIR) + "/instruments.jsonl").ok());
    EXPECT_TRUE(extra.AddFile(std::string(RAPPORTEUR_DATA_DIR) + "/recurrence_names.jsonl").ok());
    return new Normalizer(catalogue, extra);
  }();
  return *normalizer;
}

std::vector<std::string> Ids(const std::vector<std::uint16_t>& ids) {
  std::vector<std::string> out;
  for (std::uint16_t id : ids) out.push_back(TheNormalizer().InstrumentId(id));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Joined(const NormalText& t) {
  std::string out;
  for (const std::string& w : t.words) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST(RecurrenceNormalize, TitleAndAbbreviationAreOneWord) {
  const NormalText a = TheNormalizer().Normalize("Ratify the ICCPR");
  const NormalText b = TheNormalizer().Normalize(
      "Expedite the ratification of the International Covenant on Civil and Political Rights");
  EXPECT_EQ(Joined(a), "ratify inst:ICCPR");
  EXPECT_EQ(Joined(b), "ratify inst:ICCPR");
  EXPECT_EQ(Ids(b.ratify), std::vector<std::string>{"ICCPR"});
}

TEST(RecurrenceNormalize, NamesMatchDespiteVariants) {
  // No "International", a singular, an Oxford comma, a typo in a stop word.
  EXPECT_EQ(Ids(TheNormalizer()
                    .Normalize("the Convention for the Protection of All Persons against "
                               "Enforced Disappearance")
                    .instruments),
            std::vector<std::string>{"CPED"});
  EXPECT_EQ(Ids(TheNormalizer().Normalize("the Covenant on Civil and Political Right").instruments),
            std::vector<std::string>{"ICCPR"});
  EXPECT_EQ(Ids(TheNormalizer()
                    .Normalize("Optional Protocol to the International Covenant on "
                               "Economic, Social, and Cultural Rights")
                    .instruments),
            std::vector<std::string>{"ICESCR-OP"});
}

TEST(RecurrenceNormalize, OptionalProtocolsResolveToTheirParent) {
  EXPECT_EQ(Ids(TheNormalizer().Normalize("Ratify the Optional Protocol to CAT").ratify),
            std::vector<std::string>{"OPCAT"});
  EXPECT_EQ(Ids(TheNormalizer().Normalize("Ratify CAT-OP").ratify),
            std::vector<std::string>{"OPCAT"});
  EXPECT_EQ(Ids(TheNormalizer().Normalize("Ratify the CRPD and its Optional Protocol").ratify),
            (std::vector<std::string>{"CRPD", "OP-CRPD"}));
  EXPECT_EQ(
      Ids(TheNormalizer().Normalize("Accede to the second optional protocol to the ICCPR").ratify),
      std::vector<std::string>{"ICCPR-OP2"});
  EXPECT_EQ(Ids(TheNormalizer().Normalize("Ratify the optional protocols to the CRC").ratify),
            (std::vector<std::string>{"OP-CRC-AC", "OP-CRC-IC", "OP-CRC-SC"}));
  // A name in parentheses restates the one before it.
  EXPECT_EQ(Ids(TheNormalizer()
                    .Normalize("Ratify the Second Optional Protocol to the International "
                               "Covenant on Civil and Political Rights (ICCPR)")
                    .ratify),
            std::vector<std::string>{"ICCPR-OP2"});
}

TEST(RecurrenceNormalize, RatificationTargetsFollowTheVerbs) {
  const NormalText t = TheNormalizer().Normalize(
      "Withdraw its reservations to CEDAW and become a party to OP-CEDAW and the CRPD");
  EXPECT_EQ(Ids(t.ratify), (std::vector<std::string>{"CRPD", "OP-CEDAW"}));
  EXPECT_EQ(Ids(t.instruments), (std::vector<std::string>{"CEDAW", "CRPD", "OP-CEDAW"}));
  EXPECT_EQ(Ids(TheNormalizer().Normalize("Sign and implement the CRPD").ratify),
            std::vector<std::string>{"CRPD"});
  EXPECT_TRUE(TheNormalizer().Normalize("Implement the CRPD").ratify.empty());
}

TEST(RecurrenceNormalize, BoilerplateStopWordsAndTermsGo) {
  EXPECT_EQ(Joined(TheNormalizer().Normalize("Consider taking further measures to combat FGM")),
            "combat term:fgm");
  EXPECT_EQ(
      Joined(TheNormalizer().Normalize("Continue its efforts to combat female genital mutilation")),
      "combat term:fgm");
  EXPECT_EQ(Joined(TheNormalizer().Normalize("criminalise marital rape")),
            Joined(TheNormalizer().Normalize("Criminalize marital rape")));
}

TEST(RecurrenceNormalize, AnyBytesAreSafe) {
  for (std::string_view text :
       {std::string_view(""), std::string_view("\xFF\xFE\x80"),
        std::string_view("(((( optional protocol to"), std::string_view("CAT-")}) {
    const NormalText t = TheNormalizer().Normalize(text);
    EXPECT_LE(t.ratify.size(), t.instruments.size());
  }
}

}  // namespace
}  // namespace rapporteur::report
