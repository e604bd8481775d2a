#include "src/record/xlsx_reader.h"

#include <gtest/gtest.h>

#include "src/render/zip_writer.h"

namespace rapporteur::record {
namespace {

constexpr std::string_view kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Notes" sheetId="1" r:id="rId1"/>)"
    R"(<sheet name="Recs" sheetId="2" r:id="rId2"/></sheets></workbook>)";
constexpr std::string_view kRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
constexpr std::string_view kShared =
    R"(<sst><si><t>Country</t></si><si><t>Text</t></si><si><r><t>Chi</t></r><r><t>le</t></r>)"
    R"(<rPh><t>x</t></rPh></si><si><t xml:space="preserve"> spaced </t></si></sst>)";
constexpr std::string_view kStyles =
    R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>)"
    R"(<numFmt numFmtId="165" formatCode="0.00"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>)"
    R"(</cellXfs></styleSheet>)";
constexpr std::string_view kSheet1 =
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>)";
constexpr std::string_view kSheet2 =
    R"(<worksheet><sheetData>)"
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>)"
    R"(<row r="2"></row>)"
    R"(<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="1"><v>41939</v></c>)"
    R"(<c r="C3" s="2"><v>40477</v></c><c r="D3" s="3"><v>2.5</v></c><c r="E3" t="b"><v>1</v></c>)"
    R"(<c r="F3"><v>18</v></c><c r="G3" t="str"><f>A3</f><v>Chile</v></c></row>)"
    R"(</sheetData></worksheet>)";

std::string Workbook(std::string_view sheet2 = kSheet2, bool date1904 = false) {
  std::string workbook(kWorkbook);
  if (date1904) workbook.insert(workbook.find("<sheets>"), R"(<workbookPr date1904="1"/>)");
  Result<std::string> zip = render::WriteZip({{"xl/workbook.xml", workbook},
                                              {"xl/_rels/workbook.xml.rels", std::string(kRels)},
                                              {"xl/sharedStrings.xml", std::string(kShared)},
                                              {"xl/styles.xml", std::string(kStyles)},
                                              {"xl/worksheets/sheet1.xml", std::string(kSheet1)},
                                              {"xl/worksheets/sheet2.xml", std::string(sheet2)}});
  EXPECT_TRUE(zip.has_value());
  return zip.value_or("");
}

TEST(XlsxReader, NamedSheetWithEveryKindOfCell) {
  XlsxOptions options;
  options.sheet = "Recs";
  const std::string bytes = Workbook();
  ASSERT_TRUE(LooksLikeZip(bytes));
  Result<std::vector<XlsxRow>> rows = ReadXlsxRows(bytes, options);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  ASSERT_EQ(rows->size(), 2u);  // the empty row 2 is left out
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"Country", "Text", "", " spaced "}));
  EXPECT_EQ((*rows)[1].number, 3);
  EXPECT_EQ((*rows)[1].cells, (std::vector<std::string>{"Chile", "2014-10-27", "2010-10-26", "2.5",
                                                        "TRUE", "18", "Chile"}));
}

TEST(XlsxReader, FirstSheetByDefaultAnd1904Dates) {
  Result<std::vector<XlsxRow>> rows = ReadXlsxRows(Workbook(), {});
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(rows->at(0).cells, std::vector<std::string>{"notes"});
  XlsxOptions options;
  options.sheet = "Recs";
  Result<std::vector<XlsxRow>> mac = ReadXlsxRows(Workbook(kSheet2, true), options);
  ASSERT_TRUE(mac.has_value());
  EXPECT_EQ(mac->at(1).cells[2], "2014-10-27");
}

TEST(XlsxReader, Problems) {
  XlsxOptions missing;
  missing.sheet = "Nope";
  EXPECT_EQ(ReadXlsxRows(Workbook(), missing).error().message(),
            "no sheet named 'Nope' (the workbook's sheets: 'Notes', 'Recs')");
  EXPECT_EQ(ReadXlsxRows("PK\x03\x04garbage", {}).error().code(), ErrorCode::kInvalidInput);
  Result<std::string> docx = render::WriteZip({{"word/document.xml", "<w/>"}});
  EXPECT_EQ(ReadXlsxRows(*docx, {}).error().message(), "not an XLSX workbook: no xl/workbook.xml");
  XlsxOptions recs;
  recs.sheet = "Recs";
  EXPECT_EQ(
      ReadXlsxRows(Workbook("<worksheet><sheetData><row>"), recs).error().message().substr(0, 45),
      "corrupt XLSX: xl/worksheets/sheet2.xml: Start");
  EXPECT_EQ(
      ReadXlsxRows(
          Workbook(
              R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>)"),
          recs)
          .error()
          .message(),
      "corrupt XLSX: cell A1 names shared string 99, which does not exist");
  EXPECT_EQ(
      ReadXlsxRows(
          Workbook(
              R"(<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>)"),
          recs)
          .error()
          .message(),
      "corrupt XLSX: cell reference 'ZZZZ1' in row 1");
}

TEST(XlsxReader, ZipBombIsRefused) {
  // 4 MiB of one letter deflates to a few KiB; the cap is 1 MiB.
  const std::string huge = R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>)" +
                           std::string(4u << 20, 'a') +
                           "</t></is></c></row></sheetData></worksheet>";
  const std::string bytes = Workbook(huge);
  EXPECT_LT(bytes.size(), 64u << 10);
  XlsxOptions options;
  options.sheet = "Recs";
  options.max_expanded_bytes = 1u << 20;
  Result<std::vector<XlsxRow>> rows = ReadXlsxRows(bytes, options);
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().code(), ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace rapporteur::record
