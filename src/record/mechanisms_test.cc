#include "src/record/mechanisms.h"

#include <gtest/gtest.h>

#include <map>

#include "src/lens/catalogue.h"

namespace rapporteur {
namespace {

const std::string kMechanisms = std::string(RAPPORTEUR_SOURCE_DIR) + "/data/mechanisms.jsonl";

std::vector<Mechanism> Builtin() {
  Result<std::vector<Mechanism>> m = LoadMechanisms(kMechanisms);
  EXPECT_TRUE(m.has_value()) << m.error().message();
  return m.value_or({});
}

TEST(MechanismsTest, BuiltInListHasEveryKind) {
  const std::vector<Mechanism> all = Builtin();
  std::map<std::string, int> types;
  for (const Mechanism& m : all) ++types[m.type];
  EXPECT_EQ(types["upr"], 1);
  EXPECT_EQ(types["council"], 2);
  EXPECT_EQ(types["treaty_body"], 10);
  EXPECT_GE(types["special_procedure"], 46 + 14);
  EXPECT_EQ(FindMechanism(all, "UPR")->name, "Universal Periodic Review");
  EXPECT_EQ(FindMechanism(all, "CHR")->name, "Commission on Human Rights");
  EXPECT_EQ(FindMechanism(all, "HRC")->type, "council");
}

TEST(MechanismsTest, TreatyBodiesNameTheirTreatyInTheCatalogue) {
  lens::Catalogue catalogue;
  ASSERT_TRUE(
      catalogue.AddFile(std::string(RAPPORTEUR_SOURCE_DIR) + "/data/instruments.jsonl").ok());
  const std::map<std::string, std::string> expected = {
      {"CCPR", "ICCPR"}, {"CESCR", "ICESCR"}, {"CERD", "ICERD"}, {"CEDAW", "CEDAW"},
      {"CAT", "CAT"},    {"SPT", "OPCAT"},    {"CRC", "CRC"},    {"CMW", "ICMW"},
      {"CED", "CPED"},   {"CRPD", "CRPD"}};
  for (const Mechanism& m : Builtin()) {
    if (m.type != "treaty_body") {
      EXPECT_EQ(m.instrument, "") << m.id;
      continue;
    }
    ASSERT_TRUE(expected.contains(m.id)) << m.id;
    EXPECT_EQ(m.instrument, expected.at(m.id));
    ASSERT_NE(catalogue.Find(m.instrument), nullptr) << m.instrument;
  }
}

TEST(MechanismsTest, FindsByIdNameOrAliasWithoutCase) {
  const std::vector<Mechanism> all = Builtin();
  const std::map<std::string, std::string> golden = {
      {"SR-TORTURE", "SR-TORTURE"},
      {"sr-torture", "SR-TORTURE"},
      {"Special Rapporteur on torture", "SR-TORTURE"},
      {"SPECIAL RAPPORTEUR ON TORTURE", "SR-TORTURE"},
      {"Human Rights Committee", "CCPR"},
      {"human rights council", "HRC"},
      {"ccpr", "CCPR"},
      {"WGAD", "WG-ARBITRARY-DETENTION"},
      {"Working Group on Arbitrary Detention", "WG-ARBITRARY-DETENTION"},
      {"Special Rapporteur on freedom of expression", "SR-FREEDOM-OF-EXPRESSION"},
      {"Independent Expert on sexual orientation and gender identity", "IE-SOGI"},
      {"ie-sogi", "IE-SOGI"},
      {"Special Rapporteur on religious intolerance", "SR-FREEDOM-OF-RELIGION"},
      {"Committee on Migrant Workers", "CMW"},
      {"COMITÉ CONTRE LA TORTURE", "CAT"},
      {"Universal Periodic Review", "UPR"},
      {"UN Commission on Human Rights", "CHR"},
  };
  for (const auto& [query, id] : golden) {
    const Mechanism* m = FindMechanism(all, query);
    ASSERT_NE(m, nullptr) << query;
    EXPECT_EQ(m->id, id) << query;
  }
  EXPECT_EQ(FindMechanism(all, "Special Rapporteur on tortures"), nullptr);
  EXPECT_EQ(FindMechanism(all, ""), nullptr);
  EXPECT_EQ(FindMechanism({}, "UPR"), nullptr);
}

TEST(MechanismsTest, ReadsOptionalFields) {
  Result<std::vector<Mechanism>> m = ParseMechanisms(
      "{\"id\":\"X-1\",\"type\":\"other\",\"name\":\"Ombudsman\"}\n\n"
      "{\"id\":\"CCPR\",\"type\":\"treaty_body\",\"name\":\"Human Rights "
      "Committee\",\"aliases\":[\"HRCttee\"],"
      "\"instrument\":\"ICCPR\"}\r\n"
      "{\"id\":\"UPR\",\"type\":\"upr\",\"name\":\"Universal Periodic "
      "Review\",\"aliases\":[],\"instrument\":null}",
      "m.jsonl");
  ASSERT_TRUE(m.has_value()) << m.error().message();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].aliases.size(), 0u);
  EXPECT_EQ((*m)[0].instrument, "");
  EXPECT_EQ((*m)[1].aliases, std::vector<std::string>{"HRCttee"});
  EXPECT_EQ((*m)[1].instrument, "ICCPR");
  EXPECT_EQ((*m)[2].instrument, "");
}

TEST(MechanismsTest, ErrorsNameFileLineAndField) {
  const std::string good =
      "{\"id\":\"CAT\",\"type\":\"treaty_body\",\"name\":\"Committee against Torture\"}\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {good + "{\"id\":\"X\",\"type\":\"committee\",\"name\":\"X\"}",
       "line 2: field 'type': expected one of upr, treaty_body, special_procedure, council, other, "
       "got 'committee'"},
      {good + "{\"id\":\"X\"", "line 2: not valid JSON (column 10)"},
      {"[1]", "line 1: expected a JSON object"},
      {"{\"type\":\"upr\",\"name\":\"X\"}", "line 1: field 'id': missing"},
      {"{\"id\":\"sr torture\",\"type\":\"upr\",\"name\":\"X\"}",
       "line 1: field 'id': expected upper-case letters, digits and '-', got 'sr torture'"},
      {"{\"id\":\"X\",\"type\":\"upr\",\"name\":\"\"}",
       "line 1: field 'name': expected a non-empty string"},
      {"{\"id\":\"X\",\"type\":\"upr\",\"name\":\"X\",\"alias\":[\"Y\"]}",
       "line 1: unknown field 'alias'"},
      {"{\"id\":\"X\",\"type\":\"upr\",\"name\":\"X\",\"aliases\":\"Y\"}",
       "line 1: field 'aliases': expected a list of strings"},
      {"{\"id\":\"X\",\"type\":\"upr\",\"name\":\"X\",\"aliases\":[\"\"]}",
       "line 1: field 'aliases': expected a list of non-empty strings"},
      {"{\"id\":\"X\",\"type\":\"upr\",\"name\":\"X\",\"instrument\":3}",
       "line 1: field 'instrument': expected an instrument id of the catalogue (\"ICCPR\") or "
       "null"},
      {good + "\n" + good, "line 3: field 'id': 'CAT' already on line 1"},
      {good + "{\"id\":\"SR-TORTURE\",\"type\":\"special_procedure\",\"name\":\"SR\",\"aliases\":["
              "\"committee against torture\"]}",
       "line 2: field 'aliases': 'committee against torture' already names CAT (line 1)"},
  };
  for (const auto& [text, error] : cases) {
    Result<std::vector<Mechanism>> m = ParseMechanisms(text, "m.jsonl");
    ASSERT_FALSE(m.has_value()) << text;
    EXPECT_EQ(m.error().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(m.error().message(), "cannot read 'm.jsonl': " + error);
  }
}

TEST(MechanismsTest, MissingFileIsNotFound) {
  Result<std::vector<Mechanism>> m = LoadMechanisms("/nonexistent/mechanisms.jsonl");
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace rapporteur
