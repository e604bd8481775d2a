#include "rapporteur/states.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace rapporteur {
namespace {

constexpr const char* kIso = "/usr/share/iso-codes/json/iso_3166-1.json";
const std::string kDataDir = std::string(RAPPORTEUR_SOURCE_DIR) + "/data";

class StatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<StateCatalogue> loaded = StateCatalogue::Load(kIso, kDataDir);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message();
    catalogue_ = std::make_unique<StateCatalogue>(std::move(*loaded));
  }
  static void TearDownTestSuite() { catalogue_.reset(); }

  static std::string CodeOf(std::string_view name) {
    Result<const StateInfo*> s = catalogue_->Resolve(name);
    return s ? (*s)->code : "error: " + s.error().message();
  }

  static std::unique_ptr<StateCatalogue> catalogue_;
};
std::unique_ptr<StateCatalogue> StatesTest::catalogue_;

// A directory of its own for each test that writes files.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rapporteur-states-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

constexpr const char* kHeader = "code\tun_member\tregional_group\tun_name\taliases\n";

TEST_F(StatesTest, GoldenNamesResolveToCodes) {
  const std::map<std::string, std::string> golden = {
      {"France", "FR"},
      {"Frankreich", "error: unknown state 'Frankreich'"},
      {"Bolivia (Plurinational State of)", "BO"},
      {"Bolivia", "BO"},
      {"Iran (Islamic Republic of)", "IR"},
      {"Islamic Republic of Iran", "IR"},
      {"Iran", "IR"},
      {"Republic of Korea", "KR"},
      {"South Korea", "KR"},
      {"Democratic People's Republic of Korea", "KP"},
      {"DPR Korea", "KP"},
      {"North Korea", "KP"},
      {"United Kingdom of Great Britain and Northern Ireland", "GB"},
      {"United Kingdom", "GB"},
      {"Türkiye", "TR"},
      {"Turkiye", "TR"},
      {"Turkey", "TR"},
      {"Viet Nam", "VN"},
      {"Vietnam", "VN"},
      {"Czechia", "CZ"},
      {"Czech Republic", "CZ"},
      {"North Macedonia", "MK"},
      {"The former Yugoslav Republic of Macedonia", "MK"},
      {"Macedonia FYR", "MK"},
      {"Eswatini", "SZ"},
      {"Swaziland", "SZ"},
      {"Côte d'Ivoire", "CI"},
      {"Côte d’Ivoire", "CI"},
      {"Cote d'Ivoire", "CI"},
      {"Ivory Coast", "CI"},
      {"Cabo Verde", "CV"},
      {"Cape Verde", "CV"},
      {"Timor-Leste", "TL"},
      {"East Timor", "TL"},
      {"TP", "TL"},
      {"Myanmar", "MM"},
      {"Burma", "MM"},
      {"Russian Federation", "RU"},
      {"Russia", "RU"},
      {"Syrian Arab Republic", "SY"},
      {"Syria", "SY"},
      {"Lao People's Democratic Republic", "LA"},
      {"Laos", "LA"},
      {"Micronesia (Federated States of)", "FM"},
      {"Micronesia, Federated States Of", "FM"},
      {"Micronesia", "FM"},
      {"United Republic of Tanzania", "TZ"},
      {"Tanzania", "TZ"},
      {"Republic of Moldova", "MD"},
      {"Moldova", "MD"},
      {"Venezuela (Bolivarian Republic of)", "VE"},
      {"Bolivarian Republic of Venezuela", "VE"},
      {"Congo", "CG"},
      {"Republic of the Congo", "CG"},
      {"Republic of Congo", "CG"},
      {"Democratic Republic of the Congo", "CD"},
      {"Democratic Republic of Congo", "CD"},
      {"Congo, The Democratic Republic Of The", "CD"},
      {"Holy See", "VA"},
      {"State of Palestine", "PS"},
      {"Palestine", "PS"},
      {"Kingdom of the Netherlands", "NL"},
      {"Netherlands", "NL"},
      {"Bosnia & Herzegovina", "BA"},
      {"St Vincent & the Grenadines", "VC"},
      {"St. Kitts And Nevis", "KN"},
      {"Sao Tome & Principe", "ST"},
      {"São Tomé and Príncipe", "ST"},
      {"Guinea Bissau", "GW"},
      {"Guinea-bissau", "GW"},
      {"the Gambia", "GM"},
      {"United States", "US"},
      {"United States of America", "US"},
      {"Montserrat", "MS"},
      {"Taiwan", "TW"},
  };
  for (const auto& [name, code] : golden) EXPECT_EQ(CodeOf(name), code) << name;
}

TEST_F(StatesTest, CodesResolveInAnyCase) {
  EXPECT_EQ(CodeOf("fr"), "FR");
  EXPECT_EQ(CodeOf("FRA"), "FR");
  EXPECT_EQ(CodeOf("alb"), "AL");
  ASSERT_NE(catalogue_->Find("gb"), nullptr);
  EXPECT_EQ(catalogue_->Find("GB")->alpha3, "GBR");
  EXPECT_EQ(catalogue_->Find("GBR"), nullptr);  // Find takes alpha-2 only
  EXPECT_EQ(catalogue_->Find("XX"), nullptr);
  EXPECT_EQ(catalogue_->Find("TP"), nullptr);  // a legacy code is an alias, not a code
}

TEST_F(StatesTest, MembershipAndRegionalGroups) {
  std::map<std::string, int> groups;
  int members = 0;
  for (const StateInfo& s : catalogue_->states()) {
    if (!s.un_member) continue;
    ++members;
    ++groups[s.regional_group];
  }
  EXPECT_EQ(members, 193);
  EXPECT_EQ(groups["African"], 54);
  EXPECT_EQ(groups["Asia-Pacific"], 53);
  EXPECT_EQ(groups["EEG"], 23);
  EXPECT_EQ(groups["GRULAC"], 33);
  EXPECT_EQ(groups["WEOG"], 29);  // 28 members and the United States
  EXPECT_EQ(groups[""], 1);       // Kiribati
  EXPECT_EQ(catalogue_->Find("KI")->regional_group, "");
  EXPECT_EQ(catalogue_->Find("TR")->regional_group, "WEOG");
  EXPECT_EQ(catalogue_->Find("IL")->regional_group, "WEOG");
  EXPECT_FALSE(catalogue_->Find("VA")->un_member);
  EXPECT_FALSE(catalogue_->Find("PS")->un_member);
  EXPECT_FALSE(catalogue_->Find("TW")->un_member);
}

TEST_F(StatesTest, NamesAreTheUnsAndOfficialNamesIsos) {
  const StateInfo* bo = catalogue_->Find("BO");
  EXPECT_EQ(bo->name, "Bolivia (Plurinational State of)");
  EXPECT_EQ(bo->official_name, "Plurinational State of Bolivia");
  EXPECT_EQ(catalogue_->Find("CN")->official_name, "People's Republic of China");
  EXPECT_EQ(catalogue_->Find("GB")->name, "United Kingdom of Great Britain and Northern Ireland");
  EXPECT_EQ(catalogue_->Find("TW")->name, "Taiwan");  // not in states.tsv: ISO's common name
  // Aliases hold each folded form once, and never the name itself.
  const std::vector<std::string>& aliases = catalogue_->Find("CI")->aliases;
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Ivory Coast"), aliases.end());
  EXPECT_EQ(std::count_if(aliases.begin(), aliases.end(),
                          [](const std::string& a) {
                            return StateCatalogue::FoldName(a) == "cote d ivoire";
                          }),
            0);
}

TEST_F(StatesTest, UnknownNameSuggestsTheClosest) {
  Result<const StateInfo*> r = catalogue_->Resolve("Frnace");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(r.error().message(), "unknown state 'Frnace' (did you mean 'France'?)");
  EXPECT_EQ(catalogue_->Suggest("Phillipines"), std::vector<std::string>{"Philippines"});
  EXPECT_EQ(catalogue_->Suggest("Swazilnd").at(0), "Swaziland");  // the alias as written
  EXPECT_EQ(catalogue_->Suggest("Nigerr").at(0), "Niger");
  EXPECT_EQ(catalogue_->Suggest("Nigerr").at(1), "Nigeria");
}

TEST_F(StatesTest, SuggestsStatesWhoseNameContainsTheWords) {
  std::vector<std::string> codes;
  for (const std::string& name : catalogue_->Suggest("Korea")) codes.push_back(CodeOf(name));
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"KP", "KR"}));
  // Close spellings rank before names that merely contain the words.
  const std::vector<std::string> guinea = catalogue_->Suggest("Guinea", 4);
  ASSERT_EQ(guinea.size(), 4u);
  EXPECT_EQ(guinea[0], "Guinea");
  EXPECT_EQ(guinea[1], "Equatorial Guinea");  // the rest alphabetically
  EXPECT_EQ(guinea[2], "Guinea-Bissau");
  EXPECT_EQ(guinea[3], "Papua New Guinea");
}

TEST_F(StatesTest, NoSuggestionForNothingClose) {
  EXPECT_TRUE(catalogue_->Suggest("Xyzzyq").empty());
  EXPECT_TRUE(catalogue_->Suggest("").empty());
  EXPECT_TRUE(catalogue_->Suggest("France", 0).empty());
  EXPECT_EQ(catalogue_->Resolve("Xyzzyq").error().message(), "unknown state 'Xyzzyq'");
  EXPECT_EQ(catalogue_->Resolve("").error().message(), "unknown state ''");
  EXPECT_EQ(catalogue_->Resolve("Frnace, Gremany").error().message(),
            "unknown state 'Frnace, Gremany'");
}

TEST_F(StatesTest, SuggestionsListUpToN) {
  EXPECT_EQ(catalogue_->Suggest("Guinea", 3).size(), 3u);
  EXPECT_EQ(catalogue_->Suggest("Guinea", 1), std::vector<std::string>{"Guinea"});
  EXPECT_EQ(catalogue_->Resolve("Nigerr").error().message(),
            "unknown state 'Nigerr' (did you mean 'Niger' or 'Nigeria'?)");
  // Every "Saint ..." contains the word: three of them, in a list.
  const std::string message = catalogue_->Resolve("Saint").error().message();
  EXPECT_EQ(message.rfind("unknown state 'Saint' (did you mean 'Saint ", 0), 0u) << message;
  EXPECT_NE(message.find("', 'Saint "), std::string::npos) << message;
  EXPECT_NE(message.find("' or 'Saint "), std::string::npos) << message;
}

TEST(StatesFileTest, UserFileAddsAliasesAndKeepsTheRest) {
  TempDir dir;
  Result<StateCatalogue> c = StateCatalogue::Load(kIso, kDataDir);
  ASSERT_TRUE(c.has_value()) << c.error().message();
  ASSERT_TRUE(c->AddFile(dir.Write("mine.tsv", std::string("# ours\n") + kHeader +
                                                   "FR\t\t\t\tFrankreich|République française\n"
                                                   "GR\t\t\t\tMacedonia\n"))
                  .ok());
  EXPECT_EQ((*c->Resolve("frankreich"))->code, "FR");
  EXPECT_EQ((*c->Resolve("Republique francaise"))->code, "FR");
  EXPECT_EQ(c->Find("FR")->name, "France");
  EXPECT_TRUE(c->Find("FR")->un_member);
  EXPECT_EQ(c->Find("FR")->regional_group, "WEOG");
  // A later file takes a name from the state that had it.
  EXPECT_EQ((*c->Resolve("Macedonia"))->code, "GR");
  const std::vector<std::string>& mk = c->Find("MK")->aliases;
  EXPECT_EQ(std::find(mk.begin(), mk.end(), "Macedonia"), mk.end());
  EXPECT_EQ((*c->Resolve("North Macedonia"))->code, "MK");
}

TEST(StatesFileTest, UserFileChangesNameMembershipAndGroup) {
  TempDir dir;
  Result<StateCatalogue> c = StateCatalogue::Load(kIso, kDataDir);
  ASSERT_TRUE(c.has_value());
  ASSERT_TRUE(
      c
          ->AddFile(dir.Write(
              "mine.tsv",
              std::string(kHeader) +
                  "TW\t0\t-\tTaiwan Province of China\tChinese Taipei\nKI\t1\tAsia-Pacific\t\t\n"))
          .ok());
  EXPECT_EQ(c->Find("TW")->name, "Taiwan Province of China");
  EXPECT_EQ((*c->Resolve("Taiwan"))->code, "TW");  // the previous name stays an alias
  EXPECT_EQ((*c->Resolve("Chinese Taipei"))->code, "TW");
  EXPECT_EQ(c->Find("KI")->regional_group, "Asia-Pacific");
  EXPECT_EQ(c->Find("KI")->name, "Kiribati");
}

struct BadFile {
  std::string text;
  std::string error;  // after "cannot read '<file>': "
};

TEST(StatesFileTest, MalformedLinesNameFileLineAndField) {
  const std::vector<BadFile> cases = {
      {std::string("# c\n") + kHeader + "FR\t1\tWEOG\n",
       "line 3: expected 5 tab-separated fields (code, un_member, regional_group, un_name, "
       "aliases), got 3"},
      {std::string(kHeader) + "FR\tyes\tWEOG\tFrance\t\n",
       "line 2: field 'un_member': expected 0 or 1, got 'yes'"},
      {std::string(kHeader) + "FR\t1\tWestern\tFrance\t\n",
       "line 2: field 'regional_group': expected one of African, Asia-Pacific, EEG, GRULAC, WEOG "
       "or '-', got 'Western'"},
      {std::string(kHeader) + "Fra\t1\tWEOG\tFrance\t\n",
       "line 2: field 'code': expected an ISO 3166-1 alpha-2 code in upper case, got 'Fra'"},
      {std::string(kHeader) + "XX\t1\tWEOG\tXland\t\n",
       "line 2: field 'code': 'XX' is not an ISO 3166-1 alpha-2 code"},
      {std::string(kHeader) + "FR\t1\tWEOG\tFrance\t\n\nFR\t1\tWEOG\tFrance\t\n",
       "line 4: field 'code': 'FR' already on line 2"},
      {std::string(kHeader) + "CG\t1\tAfrican\tCongo\t\nCD\t1\tAfrican\t\tThe Congo\n",
       "line 3: field 'aliases': 'The Congo' already names CG on line 2"},
      {std::string(kHeader) + "FR\t1\tWEOG\tFrance\tGaul||Francia\n",
       "line 2: field 'aliases': empty alias (two '|' in a row, or one at an end)"},
      {std::string(kHeader) + "FR\t1\tWEOG\tFrance\t--\n",
       "line 2: field 'aliases': '--' has no letter or digit"},
      {std::string(kHeader) + "FR\t1\tWEOG\tFr\xC3"
                              "ance\t\n",
       "line 2: not valid UTF-8"},
      {"code,un_member,regional_group,un_name,aliases\n",
       "line 1: header: expected columns code, un_member, regional_group, un_name, aliases "
       "separated by tabs, got 'code,un_member,regional_group,un_name,aliases'"},
      {"# only a comment\n", "no header line (code, un_member, regional_group, un_name, aliases)"},
  };
  for (const BadFile& bad : cases) {
    TempDir dir;
    const std::string file = dir.Write("states.tsv", bad.text);
    Result<StateCatalogue> c = StateCatalogue::Load(kIso, dir.path());
    ASSERT_FALSE(c.has_value()) << bad.text;
    EXPECT_EQ(c.error().code(), ErrorCode::kInvalidInput);
    EXPECT_EQ(c.error().message(), "cannot read '" + file + "': " + bad.error);
  }
}

TEST(StatesFileTest, ABadFileChangesNothing) {
  TempDir dir;
  Result<StateCatalogue> c = StateCatalogue::Load(kIso, kDataDir);
  ASSERT_TRUE(c.has_value());
  Status s =
      c->AddFile(dir.Write("bad.tsv", std::string(kHeader) + "FR\t\t\t\tGaul\nDE\t2\t\t\t\n"));
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(c->Resolve("Gaul").has_value());
}

TEST(StatesFileTest, AcceptsCrLfAndByteOrderMarkAndNoTrailingTab) {
  TempDir dir;
  Result<StateCatalogue> c = StateCatalogue::Load(kIso, kDataDir);
  ASSERT_TRUE(c.has_value());
  Status s = c->AddFile(dir.Write("crlf.tsv",
                                  "\xEF\xBB\xBF"
                                  "code\tun_member\tregional_group\tun_name\taliases\r\n"
                                  "FR\t\t\t\tGaul\r\nDE\t1\tWEOG\tGermany\r\n"));
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ((*c->Resolve("Gaul"))->code, "FR");
}

TEST(StatesFileTest, MissingFilesAreNotFound) {
  TempDir dir;
  Result<StateCatalogue> c = StateCatalogue::Load(kIso, dir.path());
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(c.error().message().find("cannot read '" + dir.path() + "/states.tsv'"),
            std::string::npos);
  c = StateCatalogue::Load(dir.path() + "/none.json", kDataDir);
  EXPECT_EQ(c.error().code(), ErrorCode::kNotFound);
}

TEST(StatesFileTest, MalformedIsoCodesIsAnError) {
  TempDir dir;
  Result<StateCatalogue> c =
      StateCatalogue::Load(dir.Write("iso.json", "{\"3166-1\": [{\"alpha_2\": 1}]}"), kDataDir);
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(
      c.error().message().rfind("cannot read '" + dir.path() + "/iso.json': an entry lacks", 0), 0u)
      << c.error().message();
  c = StateCatalogue::Load(dir.Write("iso2.json", "[1, 2"), kDataDir);
  EXPECT_EQ(c.error().message(), "cannot read '" + dir.path() + "/iso2.json': not valid JSON");
}

TEST(StatesFileTest, LoadDefaultReadsRapporteurData) {
  TempDir dir;
  dir.Write("states.tsv", std::string(kHeader) + "FR\t1\tWEOG\tFrench Republic\t\n");
  const char* before = std::getenv("RAPPORTEUR_DATA");
  const std::string saved = before ? before : "";
  setenv("RAPPORTEUR_DATA", dir.path().c_str(), 1);
  Result<StateCatalogue> c = StateCatalogue::LoadDefault();
  if (before)
    setenv("RAPPORTEUR_DATA", saved.c_str(), 1);
  else
    unsetenv("RAPPORTEUR_DATA");
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->Find("FR")->name, "French Republic");
  EXPECT_FALSE(c->Find("DE")->un_member);  // only our file was read
}

TEST(StatesFileTest, LoadDefaultFallsBackToTheBuiltInData) {
  const char* before = std::getenv("RAPPORTEUR_DATA");
  const std::string saved = before ? before : "";
  unsetenv("RAPPORTEUR_DATA");
  Result<StateCatalogue> c = StateCatalogue::LoadDefault();
  if (before) setenv("RAPPORTEUR_DATA", saved.c_str(), 1);
  ASSERT_TRUE(c.has_value()) << c.error().message();
  EXPECT_EQ(c->Find("DE")->regional_group, "WEOG");
}

}  // namespace
}  // namespace rapporteur
