// The import driver against a real (SQLite) store: every format end to end,
// idempotence, --dry-run, --skip-bad with the rejects file, progress, and
// each kind of bad input the issue lists.
#include "rapporteur/import.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "src/render/zip_writer.h"

namespace rapporteur {
namespace {

namespace fs = std::filesystem;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "rapporteur-import-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = OpenStore((dir_ / "test.db").string());
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static std::unique_ptr<Store> OpenStore(const std::string& path) {
    Result<std::unique_ptr<Store>> store = Store::Open({path, "import-test"});
    EXPECT_TRUE(store.has_value()) << store.error().message();
    if (!store) return nullptr;
    Status init = (*store)->Init();
    EXPECT_TRUE(init.ok()) << init.message();
    return std::move(store).value();
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  std::int64_t Count(Store& store, const std::string& kind) {
    Result<StoreStats> stats = store.Stats();
    EXPECT_TRUE(stats.has_value());
    auto it = stats->records_by_kind.find(kind);
    return it == stats->records_by_kind.end() ? 0 : it->second;
  }
  std::int64_t Count(const std::string& kind) { return Count(*store_, kind); }

  Result<ImportSummary> Run(const std::string& path, ImportOptions options = {}) {
    return Import(*store_, path, options);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
};

constexpr std::string_view kUprHeader =
    "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r";
constexpr std::string_view kUprRows =
    "Chile,GRULAC,OAS,Ratify the Optional Protocol,France,WEOG,EU,Accepted,5,International "
    "instruments,18\r"
    "Chile,GRULAC,OAS,Abolish the death penalty,Spain,WEOG,EU,Noted,4,Death penalty,18\r"
    "Chile,GRULAC,OAS,\"Protect, promote and fulfil\",Peru,GRULAC,OAS,Accepted,3,General,5\r";

TEST_F(ImportTest, UprInfoIsIdempotent) {
  const std::string path = Write("upr.csv", std::string(kUprHeader) + std::string(kUprRows));
  Result<ImportFormat> format = DetectImportFormat(path);
  ASSERT_TRUE(format.has_value());
  EXPECT_EQ(*format, ImportFormat::kUprInfo);
  Result<ImportSummary> first = Run(path);
  ASSERT_TRUE(first.has_value()) << first.error().message();
  EXPECT_EQ(first->format, ImportFormat::kUprInfo);
  EXPECT_EQ(first->rows, 3);
  EXPECT_EQ(first->counts.added, 3);
  EXPECT_EQ(Count("recommendation"), 3);
  Result<ImportSummary> again = Run(path);
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(again->counts.added, 0);
  EXPECT_EQ(again->counts.updated, 0);
  EXPECT_EQ(again->counts.unchanged, 3);
  SearchQuery query;
  query.filters["recommending_state"] = {"France"};
  Result<SearchResult> found = store_->Search(query);
  ASSERT_TRUE(found.has_value()) << found.error().message();
  EXPECT_EQ(found->total, 1);
}

TEST_F(ImportTest, DryRunCountsAndWritesNothing) {
  const std::string path = Write("upr.csv", std::string(kUprHeader) + std::string(kUprRows));
  ImportOptions options;
  options.dry_run = true;
  Result<ImportSummary> summary = Run(path, options);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  EXPECT_EQ(summary->counts.added, 3);
  EXPECT_EQ(Count("recommendation"), 0);
}

TEST_F(ImportTest, ProgressIsReported) {
  std::string rows(kUprHeader);
  for (int i = 0; i < 2500; ++i)
    rows += "Chile,G,O,Text " + std::to_string(i) + ",France,W,E,Accepted,1,General,18\r";
  std::vector<ImportProgress> calls;
  ImportOptions options;
  options.progress = [&](const ImportProgress& p) { calls.push_back(p); };
  Result<ImportSummary> summary = Run(Write("upr.csv", rows), options);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  ASSERT_EQ(calls.size(), 3u);  // at 1000, 2000, and the end
  EXPECT_EQ(calls[0].rows_done, 1000);
  EXPECT_EQ(calls[0].rows_total, 2500);
  EXPECT_EQ(calls[2].rows_done, 2500);
}

// Each bad row stops the import, which then writes nothing; with skip_bad
// the other rows go in and the bad one is listed with line, field, reason.
struct BadInput {
  std::string name;  // file name
  std::string contents;
  std::string mapping;  // "" = none
  std::string message;  // the whole error without skip_bad
  std::int64_t good;    // records imported with skip_bad
};

const std::string kMapping =
    R"({"kind": "recommendation", "columns": {"Country": "state", "Text": "text", "Date": "date"},
        "constants": {"mechanism": "UPR"}})";

class BadInputTest : public ImportTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, StopsOrIsSkipped) {
  const BadInput& c = GetParam();
  const std::string path = Write(c.name, c.contents);
  ImportOptions options;
  if (!c.mapping.empty()) options.mapping_path = Write("mapping.json", c.mapping);
  Result<ImportSummary> strict = Run(path, options);
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().message(), "'" + path + "' " + c.message);
  EXPECT_EQ(Count("recommendation"), 0);

  options.skip_bad = true;
  options.rejects_path = (dir_ / "rejects.csv").string();
  Result<ImportSummary> lenient = Run(path, options);
  ASSERT_TRUE(lenient.has_value()) << lenient.error().message();
  EXPECT_EQ(Count("recommendation"), c.good);
  ASSERT_EQ(lenient->rejected.size(), 1u);
  const Rejection& r = lenient->rejected[0];
  EXPECT_EQ("'" + path + "' line " + std::to_string(r.line) +
                (r.field.empty() ? "" : ", field '" + r.field + "'") + ": " + r.reason,
            "'" + path + "' " + c.message);
  std::ifstream in(options.rejects_path);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "line,field,reason,row");
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first.substr(0, std::to_string(r.line).size() + 1), std::to_string(r.line) + ",");
}

INSTANTIATE_TEST_SUITE_P(
    Import, BadInputTest,
    ::testing::Values(
        BadInput{"unknown_state.csv",
                 std::string(kUprHeader) + std::string(kUprRows) +
                     "Chile,G,O,Text,Frnace,W,E,Accepted,5,General,18\r",
                 "", "line 5, field 'From': unknown state 'Frnace' (did you mean 'France'?)", 3},
        BadInput{"columns.csv",
                 std::string(kUprHeader) + "Chile,G,O,Text,France,W,E,Accepted,5,General\r" +
                     std::string(kUprRows),
                 "", "line 2: 10 fields, expected 11", 3},
        BadInput{
            "quote.csv",
            std::string(kUprHeader) + std::string(kUprRows) + "Chile,G,O,\"Text,France,W,E\r", "",
            "line 5: unterminated quote: the field opened on line 5 runs to the end of the input",
            3},
        BadInput{"date.csv",
                 "Country,Text,Date\nChile,Ratify,2014-10-27\nChile,Abolish,2014-13-01\n", kMapping,
                 "line 3, field 'Date': invalid date '2014-13-01' (expected YYYY, YYYY-MM or "
                 "YYYY-MM-DD)",
                 1},
        BadInput{"encoding.csv", "Country,Text,Date\nChile,Ratify,2014\nChile,Prot\xE9ger,2015\n",
                 kMapping, "line 3, field 'Text': invalid UTF-8 (byte 0xE9 at byte 5 of the field)",
                 1},
        BadInput{"export.jsonl",
                 R"({"kind":"recommendation","key":"k1","state":"CL","mechanism":"UPR","text":"A"})"
                 "\n"
                 R"({"kind":"recommendation","key":"k2","state":"CL","mech)",
                 "", "line 2: truncated JSON: the line ends inside a value", 1}),
    [](const ::testing::TestParamInfo<BadInput>& param) {
      return param.param.name.substr(0, param.param.name.find('.'));
    });

TEST_F(ImportTest, EmptyFileAndUnknownFormat) {
  const std::string empty = Write("empty.csv", " \n");
  EXPECT_EQ(Run(empty).error().message(), "'" + empty + "': empty file");
  EXPECT_EQ(DetectImportFormat(empty).error().message(),
            "cannot detect the format of '" + empty + "': empty file");
  const std::string text = Write("notes.txt", "Some notes\n");
  EXPECT_EQ(Run(text).error().code(), ErrorCode::kUnsupported);
  Result<std::string> docx = render::WriteZip({{"word/document.xml", "<w:document/>"}});
  const std::string word = Write("draft.docx", *docx);
  EXPECT_EQ(DetectImportFormat(word).error().message(),
            "cannot import '" + word + "': a Word document");
  const std::string csv = Write("sheet.csv", "a,b\n1,2\n");
  EXPECT_EQ(Run(csv).error().message(),
            "'" + csv +
                "': a generic CSV needs a column mapping (--mapping FILE; docs/import-formats.md)");
}

TEST_F(ImportTest, TruncatedFollowUpJsonWritesNothing) {
  const std::string path =
      Write("ALB.json", R"({"a3": "ALB", "hrc": {"meta": {}, "paragraphs": [{"para": "9")");
  Result<ImportSummary> summary = Run(path);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().message(),
            "'" + path + "': truncated JSON: the input ends inside a value (line 1)");
}

// A zip whose central directory claims an entry expands to 3 GiB: refused
// from the headers, before anything is inflated.
TEST_F(ImportTest, HostileXlsxIsRefused) {
  Result<std::string> zip = render::WriteZip({{"xl/workbook.xml", "<workbook/>", true},
                                              {"xl/worksheets/sheet1.xml", "<worksheet/>", true}});
  ASSERT_TRUE(zip.has_value());
  std::string bytes = *zip;
  // Patch every "uncompressed size" field: local headers (offset 22) and
  // central directory entries (offset 24).
  auto patch = [&](std::string_view signature, std::size_t offset) {
    for (std::size_t at = bytes.find(signature); at != std::string::npos;
         at = bytes.find(signature, at + 4)) {
      bytes.replace(at + offset, 4, std::string("\x00\x00\x00\xC0", 4));
    }
  };
  patch("PK\x03\x04", 22);
  patch("PK\x01\x02", 24);
  const std::string path = Write("bomb.xlsx", bytes);
  ImportOptions options;
  options.mapping_path = Write("mapping.json", kMapping);
  Result<ImportSummary> summary = Run(path, options);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), ErrorCode::kTooLarge) << summary.error().message();
  EXPECT_EQ(Count("recommendation"), 0);
}

TEST_F(ImportTest, XlsxWithMapping) {
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Country</t></is></c>)"
      R"(<c r="B1" t="inlineStr"><is><t>Text</t></is></c><c r="C1" t="inlineStr"><is><t>Date</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>Chile</t></is></c><c r="B2" t="inlineStr"><is><t>Ratify</t></is></c>)"
      R"(<c r="C2" s="1"><v>41939</v></c></row></sheetData></worksheet>)";
  Result<std::string> zip = render::WriteZip(
      {{"xl/workbook.xml",
        R"(<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>)"},
       {"xl/_rels/workbook.xml.rels",
        R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)"},
       {"xl/styles.xml",
        R"(<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)"},
       {"xl/worksheets/sheet1.xml", sheet}});
  ASSERT_TRUE(zip.has_value());
  const std::string path = Write("sheet.xlsx", *zip);
  EXPECT_EQ(*DetectImportFormat(path), ImportFormat::kXlsx);
  ImportOptions options;
  options.mapping_path = Write("mapping.json", kMapping);
  Result<ImportSummary> summary = Run(path, options);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  EXPECT_EQ(summary->counts.added, 1);
  SearchQuery query;
  query.text = "ratify";
  Result<SearchResult> found = store_->Search(query);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->results[0].fields["date"], "2014-10-27");
  EXPECT_EQ(found->results[0].fields["state"], "CL");
}

std::string WithoutIds(const std::string& jsonl) {
  std::istringstream in(jsonl);
  std::string line, out;
  while (std::getline(in, line)) {
    nlohmann::json record = nlohmann::json::parse(line);
    EXPECT_TRUE(record.contains("id"));
    record.erase("id");
    out += record.dump() + "\n";
  }
  return out;
}

// Export, import into a fresh store, export again: the same lines, every
// key kept; importing the export into the first store changes nothing.
TEST_F(ImportTest, JsonLinesRoundTrip) {
  ASSERT_TRUE(Run(Write("upr.csv", std::string(kUprHeader) + std::string(kUprRows))).has_value());
  ASSERT_TRUE(
      Run(Write("hr_status_iccpr_op1.csv",
                "iso2,member,state party,year ratification or accession,signatory,no "
                "action,status,note\nJM,Jamaica,1,1975,0,1,state party,Denounced the OP 1997\n"
                "CL,Chile,0,,1,0,signatory state,\n"))
          .has_value());
  Result<ImportSummary> followup = Run(Write(
      "ALB.json",
      R"({"a3": "ALB", "hrc": {"meta": {"mechanism": "hrc", "co_symbol": "CCPR/C/ALB/CO/2", "co_date": "24 July 2013",
          "assessment_symbol": "CCPR/C/115/2", "assessment_date": "6 November 2015"},
          "paragraphs": [{"para": "9", "recommendation": "Investigate", "limbs": [{"limb": "", "grade": "C", "eval": "Regrets"}]}]}})"));
  ASSERT_TRUE(followup.has_value()) << followup.error().message();
  std::ostringstream first;
  ASSERT_TRUE(ExportJsonLines(*store_, "", first).ok());
  const std::string exported = Write("export.jsonl", first.str());
  EXPECT_EQ(*DetectImportFormat(exported), ImportFormat::kJsonLines);

  std::unique_ptr<Store> other = OpenStore((dir_ / "other.db").string());
  Result<ImportSummary> copy = Import(*other, exported, {});
  ASSERT_TRUE(copy.has_value()) << copy.error().message();
  EXPECT_EQ(copy->counts.added, 3 + 3 + 2);
  std::ostringstream second;
  ASSERT_TRUE(ExportJsonLines(*other, "", second).ok());
  // Ids are each store's own; everything else is the same, line by line.
  EXPECT_EQ(WithoutIds(second.str()), WithoutIds(first.str()));

  Result<ImportSummary> again = Run(exported);
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(again->counts.unchanged, 8);
  EXPECT_EQ(again->counts.added + again->counts.updated, 0);
  EXPECT_FALSE(ExportJsonLines(*store_, "pledge", first).ok());
}

// A process killed in the middle of an import leaves the store as it was.
TEST_F(ImportTest, KilledImportLeavesTheStoreAsItWas) {
  std::string rows(kUprHeader);
  for (int i = 0; i < 3000; ++i)
    rows += "Chile,G,O,Text " + std::to_string(i) + ",France,W,E,Accepted,1,General,18\r";
  const std::string path = Write("upr.csv", rows);
  ASSERT_TRUE(Run(Write("first.csv", std::string(kUprHeader) + std::string(kUprRows))).has_value());
  const std::string db = (dir_ / "test.db").string();
  store_.reset();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<std::unique_ptr<Store>> store = Store::Open({db, "child"});
    if (!store) _exit(3);
    ImportOptions options;
    options.progress = [](const ImportProgress& p) {
      if (p.rows_done >= 2000) raise(SIGKILL);  // killed mid-way, batch open
    };
    (void)Import(**store, path, options);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was not killed";
  store_ = OpenStore(db);
  EXPECT_EQ(Count("recommendation"), 3);
}

}  // namespace
}  // namespace rapporteur

namespace rapporteur {
namespace {

// Every importable file of ../shared/data, twice: counts that agree with the
// sources (41,066 UPR Info rows; 193 states in each ratification table),
// then every record unchanged.
TEST_F(ImportTest, RealDataTwice) {
  const char* shared = std::getenv("RAPPORTEUR_SHARED_DATA");
  if (!shared || !fs::exists(fs::path(shared) / "upr-info")) GTEST_SKIP() << "no shared data";
  std::vector<fs::path> files;
  for (const char* dir :
       {"upr-info", "ratification-status", "ohchr-thematic-lists-slovenia", "ccpr-followup"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(shared) / dir))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<ImportFormat, std::int64_t> added, rows;
  double upr_seconds[2] = {0, 0};
  std::int64_t unsupported = 0;
  for (int round = 0; round < 2; ++round) {
    for (const fs::path& file : files) {
      Result<ImportFormat> format = DetectImportFormat(file.string());
      if (!format) {
        // README, SOURCE.txt, the terman_* side tables, the working group
        // reports and the cycle-1 addendum are not importable sources.
        EXPECT_EQ(format.error().code(), ErrorCode::kUnsupported) << format.error().message();
        unsupported += round == 0;
        continue;
      }
      if (*format == ImportFormat::kCsv) {
        // UPR Info's side tables (terman_*.csv): CSV that needs a mapping.
        EXPECT_EQ(file.filename().string().substr(0, 7), "terman_");
        continue;
      }
      const auto start = std::chrono::steady_clock::now();
      Result<ImportSummary> summary = Run(file.string());
      ASSERT_TRUE(summary.has_value()) << summary.error().message();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (*format == ImportFormat::kUprInfo) upr_seconds[round] += seconds;
      if (round == 0) {
        added[*format] += summary->counts.added;
        rows[*format] += summary->rows;
      } else {
        EXPECT_EQ(summary->counts.added + summary->counts.updated, 0) << file;
      }
      EXPECT_TRUE(summary->rejected.empty()) << file;
    }
  }
  std::cout << "  UPR Info, 6 files: " << upr_seconds[0] << " s to add, " << upr_seconds[1]
            << " s to find unchanged\n";
  EXPECT_EQ(added[ImportFormat::kUprInfo], 41066);
  EXPECT_EQ(rows[ImportFormat::kUprInfo], 41066 + 947);  // the pledges are read, not imported
  EXPECT_EQ(rows[ImportFormat::kRatification], 18 * 193);
  EXPECT_EQ(added[ImportFormat::kOhchrThematic], 163 + 215 + 254);
  EXPECT_EQ(added[ImportFormat::kFollowUp], 2 + 5);
  EXPECT_EQ(Count("recommendation"), 41066 + 163 + 215 + 254 + 2);
  EXPECT_EQ(Count("followup"), 5);
  // The drafts (inputs of `rapporteur compare`) are not importable.
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(shared) / "drafts")) {
    if (!entry.is_regular_file()) continue;
    Result<ImportFormat> format = DetectImportFormat(entry.path().string());
    ASSERT_FALSE(format.has_value()) << entry.path();
    EXPECT_EQ(format.error().code(), ErrorCode::kUnsupported) << format.error().message();
  }
  // States per instrument: every table names the 193 UN members.
  SearchQuery query;
  query.kind = "ratification";
  query.limit = 0;
  query.facets = {"instrument"};
  Result<SearchResult> ratifications = store_->Search(query);
  ASSERT_TRUE(ratifications.has_value()) << ratifications.error().message();
  EXPECT_EQ(ratifications->facets["instrument"].size(), 18u);
}

}  // namespace
}  // namespace rapporteur
