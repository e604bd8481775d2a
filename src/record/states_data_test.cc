// Every state name in the real data of ../shared/data resolves: the UPR
// Info export, the ratification tables, the OHCHR thematic lists and the
// treaty-body follow-up grades. Skipped without RAPPORTEUR_SHARED_DATA.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "rapporteur/states.h"
#include "src/lens/catalogue.h"
#include "src/text/utf8.h"

namespace rapporteur {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

// A minimal CSV reader for the test: quoted fields with "" escapes, records
// ended by CR, LF or CRLF. The real importer is elsewhere.
Rows ParseCsv(std::string_view text) {
  Rows rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = rows.back().back();
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.emplace_back(1);
    } else {
      field += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

// The values of the named columns of a CSV file, distinct.
std::set<std::string> Column(const Rows& rows, const std::string& name) {
  std::set<std::string> values;
  if (rows.empty()) return values;
  const auto& header = rows[0];
  const size_t col = std::find(header.begin(), header.end(), name) - header.begin();
  for (size_t r = 1; r < rows.size(); ++r) {
    if (col < rows[r].size()) values.insert(rows[r][col]);
  }
  return values;
}

// The files of `dir` whose names start with `prefix` and end with `suffix`.
std::vector<fs::path> FilesMatching(const fs::path& dir, std::string_view prefix,
                                    std::string_view suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Read(const fs::path& path) {
  Result<std::string> text = lens::ReadTextFile(path.string());
  EXPECT_TRUE(text.has_value()) << path;
  return text.value_or("");
}

class StatesDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* env = std::getenv("RAPPORTEUR_SHARED_DATA");
    if (env == nullptr || !fs::is_directory(env)) GTEST_SKIP() << "RAPPORTEUR_SHARED_DATA not set";
    shared_ = env;
    Result<StateCatalogue> c = StateCatalogue::Load("/usr/share/iso-codes/json/iso_3166-1.json",
                                                    std::string(RAPPORTEUR_SOURCE_DIR) + "/data");
    ASSERT_TRUE(c.has_value()) << c.error().message();
    catalogue_ = std::move(*c);
  }

  // The names of `names` that do not resolve.
  std::set<std::string> Unresolved(const std::set<std::string>& names) const {
    std::set<std::string> bad;
    for (const std::string& n : names) {
      if (!catalogue_.Resolve(n)) bad.insert(n);
    }
    return bad;
  }

  fs::path shared_;
  StateCatalogue catalogue_;
};

TEST_F(StatesDataTest, UprInfoToAndFrom) {
  std::set<std::string> to, from;
  const auto files = FilesMatching(shared_ / "upr-info", "upr-info_sessions_", ".csv");
  ASSERT_EQ(files.size(), 6u);
  for (const fs::path& file : files) {
    Result<std::string> utf8 = text::DecodeToUtf8(Read(file), "macintosh");
    ASSERT_TRUE(utf8.has_value());
    const Rows rows = ParseCsv(*utf8);
    to.merge(Column(rows, "To"));
    from.merge(Column(rows, "From"));
  }
  EXPECT_EQ(to.size(), 193u);
  EXPECT_EQ(Unresolved(to), std::set<std::string>{});
  // "(Unknown)", HTML-escaped, in 9 rows of session 1: not a state. The
  // importer must treat it as an unknown recommending state.
  EXPECT_EQ(Unresolved(from), std::set<std::string>{"&#40;Unknown&#41;"});
  EXPECT_EQ((*catalogue_.Resolve("Holy See"))->code, "VA");
  EXPECT_EQ((*catalogue_.Resolve("Palestine"))->code, "PS");
}

TEST_F(StatesDataTest, RatificationTablesIso2AndMember) {
  std::set<std::string> member_codes, not_members, mismatched;
  for (const fs::path& file :
       FilesMatching(shared_ / "ratification-status", "hr_status_", ".csv")) {
    const Rows rows = ParseCsv(Read(file));
    ASSERT_GE(rows.size(), 194u) << file;
    ASSERT_EQ(rows[0][0], "iso2") << file;
    ASSERT_EQ(rows[0][1], "member") << file;
    for (size_t r = 1; r < rows.size(); ++r) {
      Result<const StateInfo*> by_name = catalogue_.Resolve(rows[r][1]);
      ASSERT_TRUE(by_name.has_value()) << file << ": " << by_name.error().message();
      Result<const StateInfo*> by_code = catalogue_.Resolve(rows[r][0]);
      if (!by_code || *by_code != *by_name) mismatched.insert(rows[r][0] + " " + rows[r][1]);
      ((*by_name)->un_member ? member_codes : not_members).insert((*by_name)->code);
    }
  }
  EXPECT_EQ(member_codes.size(), 193u);
  // Upstream errors in hr_status_op_crc_ic.csv: a row for Montserrat (a
  // territory, where Gabon should be) and iso2 'S' for South Sudan.
  EXPECT_EQ(not_members, std::set<std::string>{"MS"});
  EXPECT_EQ(mismatched, std::set<std::string>{"S South Sudan"});
}

// The parenthesised groups at the end of `part`, last first: "Ratify X
// (France) (Lithuania)" -> "Lithuania", "France". One level of nesting
// inside a group: "(Venezuela (Bolivarian Republic of))".
std::vector<std::string> TrailingGroups(std::string_view part) {
  std::vector<std::string> groups;
  while (true) {
    while (!part.empty() && std::string_view(" .\r").find(part.back()) != std::string_view::npos) {
      part.remove_suffix(1);
    }
    if (part.empty() || part.back() != ')') return groups;
    int depth = 0;
    size_t open = part.size();
    while (open-- > 0) {
      depth += part[open] == ')' ? 1 : part[open] == '(' ? -1 : 0;
      if (depth == 0) break;
    }
    if (depth != 0) return groups;  // unbalanced: not a list of states
    groups.emplace_back(part.substr(open + 1, part.size() - open - 2));
    part = part.substr(0, open);
  }
}

// "Senegal, Venezuela (Bolivarian Republic of),Peru" -> its three names.
std::vector<std::string> SplitTopLevelCommas(std::string_view list) {
  std::vector<std::string> names(1);
  int depth = 0;
  for (char c : list) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (c == ',' && depth == 0)
      names.emplace_back();
    else
      names.back() += c;
  }
  for (std::string& n : names) {
    n.erase(0, n.find_first_not_of(' '));
    n.erase(n.find_last_not_of(' ') + 1);
  }
  return names;
}

// The recommending states in parentheses at the end of each recommendation
// of an OHCHR thematic list ("121.1 Ratify ... (France) (Lithuania);"); a
// line may hold several recommendations separated by ';'.
std::set<std::string> RecommendingStates(const std::string& markdown) {
  std::set<std::string> names;
  std::istringstream lines(markdown);
  for (std::string line; std::getline(lines, line);) {
    const size_t dot = line.find('.');
    const size_t space = line.find(' ');
    const bool numbered = dot > 0 && dot < space && space != std::string::npos &&
                          line.find_first_not_of("0123456789.") == space;
    if (!numbered) continue;
    std::istringstream parts(line);
    for (std::string part; std::getline(parts, part, ';');) {
      for (const std::string& group : TrailingGroups(part)) {
        for (const std::string& name : SplitTopLevelCommas(group)) names.insert(name);
      }
    }
  }
  return names;
}

TEST_F(StatesDataTest, OhchrThematicListsRecommendingStates) {
  std::set<std::string> names;
  const auto files = FilesMatching(shared_ / "ohchr-thematic-lists-slovenia", "cycle",
                                   "__Thematic_List_of_Recommendations.md");
  ASSERT_EQ(files.size(), 3u);
  for (const fs::path& file : files) names.merge(RecommendingStates(Read(file)));
  EXPECT_GT(names.size(), 100u);
  EXPECT_TRUE(names.contains("Iran (Islamic Republic of)"));
  EXPECT_TRUE(names.contains("Côte d’Ivoire"));
  // Parentheses in the text that are not states: a treaty abbreviation and
  // ILO convention numbers ("Convention, 1930 (No. 29) (United Kingdom ...)").
  EXPECT_EQ(Unresolved(names), (std::set<std::string>{"ICRMW", "No. 189", "No. 29"}));
}

TEST_F(StatesDataTest, CcprFollowUp) {
  const nlohmann::json doc =
      nlohmann::json::parse(Read(shared_ / "ccpr-followup" / "ALB.json"), nullptr, false);
  ASSERT_TRUE(doc.is_object());
  Result<const StateInfo*> by_code = catalogue_.Resolve(doc.at("a3").get<std::string>());
  Result<const StateInfo*> by_name = catalogue_.Resolve(doc.at("name").get<std::string>());
  ASSERT_TRUE(by_code.has_value());
  ASSERT_TRUE(by_name.has_value());
  EXPECT_EQ((*by_code)->code, "AL");
  EXPECT_EQ(*by_code, *by_name);
}

}  // namespace
}  // namespace rapporteur
