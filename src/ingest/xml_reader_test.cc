#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

std::string SharedData() {
  const char* env = std::getenv("RAPPORTEUR_SHARED_DATA");
  return env != nullptr ? env : RAPPORTEUR_SOURCE_DIR "/../shared/data";
}

RawDocument ReadOk(std::string_view bytes) {
  Result<RawDocument> doc = ReadXml(bytes, "t.xml", ReadOptions());
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message());
  return doc ? *doc : RawDocument();
}

TEST(XmlReader, GpoBill) {
  RawDocument doc = ReadOk(R"(<?xml version="1.0"?>
<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN" "bill.dtd">
<bill><metadata><dublinCore><dc:title>119 S5: Act</dc:title></dublinCore></metadata>
<form><official-title>To do things.</official-title><legis-num>S. 5</legis-num></form>
<legis-body><section><enum>1.</enum><header>Short title</header>
<text>This Act may be cited as the <quote><short-title>Test Act</short-title></quote>.</text></section>
<section><enum>2.</enum><header>Amendments</header><text>Section 5 is amended—</text>
<paragraph><enum>(1)</enum><text>by inserting:</text>
<quoted-block><subsection><enum>(f)</enum><header>New</header><text>Quoted law.</text></subsection>
<after-quoted-block>; and</after-quoted-block></quoted-block></paragraph>
<continuation-text>Continued.</continuation-text></section></legis-body>
<attestation><role>Speaker</role></attestation></bill>)");
  EXPECT_EQ(doc.title, "To do things.");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_EQ(doc.blocks[0].label, "SEC. 1.");
  EXPECT_EQ(doc.blocks[0].text, "Short title This Act may be cited as the Test Act.");
  EXPECT_EQ(doc.blocks[0].list_level, 0);
  EXPECT_EQ(doc.blocks[1].label, "SEC. 2.");
  EXPECT_EQ(doc.blocks[2].label, "(1)");
  EXPECT_EQ(doc.blocks[2].list_level, 1);
  EXPECT_EQ(doc.blocks[3].label, "(f)");
  EXPECT_EQ(doc.blocks[3].text, "New Quoted law.; and");
  EXPECT_EQ(doc.blocks[3].list_level, 3);
  EXPECT_EQ(doc.blocks[4].text, "Continued.");
  EXPECT_EQ(doc.blocks[4].list_level, 1);
}

TEST(XmlReader, RealGpoFiles) {
  for (const char* file : {"01-pcs.xml", "02-es.xml", "03-enr.xml"}) {
    std::ifstream in(SharedData() + "/drafts/us-s5-119/" + file, std::ios::binary);
    if (!in) GTEST_SKIP() << "shared data not found";
    std::stringstream bytes;
    bytes << in.rdbuf();
    RawDocument doc = ReadOk(bytes.str());
    EXPECT_EQ(doc.title.rfind("To require the Secretary of Homeland Security", 0), 0u) << file;
    ASSERT_GT(doc.blocks.size(), 30u) << file;
    EXPECT_EQ(doc.blocks[0].label, "SEC. 1.") << file;
    EXPECT_EQ(doc.blocks[0].text, "Short title This Act may be cited as the Laken Riley Act.");
    for (const RawBlock& block : doc.blocks) {
      EXPECT_EQ(block.text.find("Mr. Risch"), std::string::npos) << file;
      EXPECT_GE(block.list_level, 0);
    }
  }
}

TEST(XmlReader, GenericXml) {
  RawDocument doc = ReadOk("<doc><p>One <b>two</b> three</p><q><![CDATA[four]]></q></doc>");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].text, "One two three");
  EXPECT_EQ(doc.blocks[1].text, "four");
}

TEST(XmlReader, Errors) {
  Result<RawDocument> bad = ReadXml("<a>\n<b>\n</a>", "t.xml", ReadOptions());
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().message().rfind("not well-formed XML: ", 0), 0u) << bad.error().message();
  EXPECT_NE(bad.error().message().find(" at line 3"), std::string::npos) << bad.error().message();
  EXPECT_FALSE(ReadXml("<a/>", "t.xml", ReadOptions()).has_value());
  // No external entity is loaded.
  Result<RawDocument> xxe = ReadXml(
      "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;z</a>",
      "t.xml", ReadOptions());
  if (xxe.has_value()) {
    for (const RawBlock& b : xxe->blocks) EXPECT_EQ(b.text.find("root:"), std::string::npos);
  }
  // Deep nesting.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<section><enum>1</enum>";
  for (int i = 0; i < 100000; ++i) deep += "</section>";
  EXPECT_TRUE(ReadXml("<bill>" + deep + "</bill>", "t.xml", ReadOptions()).has_value());
}

}  // namespace
}  // namespace rapporteur::ingest
