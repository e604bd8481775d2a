#include "rapporteur/record.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "src/record/field_values.h"

namespace rapporteur {
namespace {

using nlohmann::json;

Record Make(std::string kind, json fields, std::string key = "k1") {
  Record r;
  r.kind = std::move(kind);
  r.key = std::move(key);
  r.fields = std::move(fields);
  return r;
}

json Recommendation() {
  return {{"state", "CN"}, {"mechanism", "UPR"}, {"text", "Ratify the ICCPR."}};
}

TEST(KindsTest, TableAsSpecified) {
  std::vector<std::string> names;
  for (const KindSpec& k : AllKinds()) names.emplace_back(k.kind);
  EXPECT_EQ(names, (std::vector<std::string>{"document", "ratification", "recommendation",
                                             "followup", "visit", "standing_invitation",
                                             "agreement", "agreement_version", "activity",
                                             "dialogue", "communication"}));
  const KindSpec* rec = FindKind("recommendation");
  ASSERT_NE(rec, nullptr);
  EXPECT_TRUE(rec->immutable);
  EXPECT_EQ(rec->fields.size(), 15u);
  const FieldSpec* themes = rec->Field("themes");
  ASSERT_NE(themes, nullptr);
  EXPECT_EQ(themes->type, FieldType::kList);
  EXPECT_TRUE(themes->searchable);
  EXPECT_TRUE(themes->facet);
  EXPECT_FALSE(themes->required);
  EXPECT_TRUE(rec->Field("text")->required);
  EXPECT_EQ(rec->Field("response")->values,
            "supported|noted|rejected|partially_supported|pending|unclear");
  EXPECT_EQ(FindKind("followup")->Field("recommendation")->ref_kind, "recommendation");
  EXPECT_EQ(FindKind("visit")->Field("mandate")->type, FieldType::kMechanism);
  EXPECT_EQ(FindKind("ratification")->Field("instrument")->type, FieldType::kInstrument);
  EXPECT_EQ(FindKind("nonsense"), nullptr);
  EXPECT_EQ(rec->Field("nonsense"), nullptr);
}

TEST(KindsTest, EveryKindIsWellFormed) {
  std::set<std::string_view> tables;
  for (const KindSpec& k : AllKinds()) {
    EXPECT_TRUE(tables.insert(k.table).second) << k.kind;
    EXPECT_FALSE(k.summary.empty()) << k.kind;
    std::set<std::string_view> fields;
    for (const FieldSpec& f : k.fields) {
      EXPECT_TRUE(fields.insert(f.name).second) << k.kind << "." << f.name;
      EXPECT_NE(f.name, "kind");  // names taken by the JSON Lines form
      EXPECT_NE(f.name, "key");
      EXPECT_NE(f.name, "id");
      if (f.type == FieldType::kEnum) {
        EXPECT_FALSE(f.values.empty()) << f.name;
      }
      if (f.type == FieldType::kRef) {
        EXPECT_NE(FindKind(f.ref_kind), nullptr) << f.name;
      }
    }
  }
}

// docs/record-model.md lists every field of every kind, under its kind.
TEST(KindsTest, DocumentedInRecordModel) {
  std::ifstream in(std::string(RAPPORTEUR_SOURCE_DIR) + "/docs/record-model.md");
  ASSERT_TRUE(in) << "docs/record-model.md";
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  for (const KindSpec& k : AllKinds()) {
    std::size_t section = doc.find("\n### " + std::string(k.kind));
    ASSERT_NE(section, std::string::npos) << k.kind;
    std::size_t end = doc.find("\n### ", section + 1);
    std::string body = doc.substr(section, end == std::string::npos ? end : end - section);
    for (const FieldSpec& f : k.fields) {
      std::size_t row = body.find("| `" + std::string(f.name) + "` | ");
      ASSERT_NE(row, std::string::npos) << k.kind << "." << f.name;
      std::string line = body.substr(row, body.find('\n', row) - row);
      // "| `name` | type | required | search | facet |"
      auto yes = [](bool b) { return std::string(b ? " yes " : "  "); };
      std::string flags =
          "|" + yes(f.required) + "|" + yes(f.searchable) + "|" + yes(f.facet) + "|";
      EXPECT_EQ(line.substr(line.size() - flags.size()), flags) << line;
    }
  }
}

TEST(PartialDateTest, CalendarChecked) {
  for (const char* ok : {"2014", "2014-10", "2014-10-27", "2016-02-29", "2000-02-29", "0001",
                         "1999-12-31", "2014-04-30"}) {
    EXPECT_TRUE(IsValidPartialDate(ok)) << ok;
  }
  for (const char* bad :
       {"", "14", "20144", "2014-13", "2014-00", "2014-1", "2014-10-32", "2015-02-29", "1900-02-29",
        "2014-04-31", "2014-10-00", "0000", "2014/10/27", "2014-10-27T00:00", "２０１４", "201a",
        "2014-1a", "2014-10-2x", "2014--1-01"}) {
    EXPECT_FALSE(IsValidPartialDate(bad)) << bad;
  }
}

struct Case {
  const char* name;
  Record record;
  const char* message;  // "" = valid
};

std::vector<Case> Golden() {
  json too_big = Recommendation();
  too_big["session"] = 18446744073709551615ull;
  return {
      {"minimal", Make("recommendation", Recommendation()), ""},
      {"full",
       Make("recommendation", {{"state", "CN"},
                               {"mechanism", "UPR"},
                               {"text", "Ratify."},
                               {"date", "2013-10"},
                               {"session", 17},
                               {"cycle", 2},
                               {"recommending_states", {"FR", "DE"}},
                               {"themes", {"Torture", "Detention"}},
                               {"response", "supported"},
                               {"document", "A/HRC/25/5"},
                               {"paragraph", "186.1"},
                               {"sdgs", json::array()},
                               {"source", nullptr}}),
       ""},
      {"absent optional as empty string",
       Make("dialogue", {{"state", "CN"}, {"partner", "EU"}, {"date", ""}}), ""},
      {"unknown kind", Make("treaty", json::object()),
       "unknown kind 'treaty' (expected one of: document, ratification, recommendation, followup, "
       "visit, standing_invitation, agreement, agreement_version, activity, dialogue, "
       "communication)"},
      {"no key", Make("recommendation", Recommendation(), ""), "the record has no key"},
      {"fields not an object", Make("recommendation", json::array()),
       "fields: expected a JSON object"},
      {"unknown field",
       Make("standing_invitation", {{"state", "CN"}, {"date", "2004"}, {"colour", "red"}}),
       "field 'colour': unknown field of kind 'standing_invitation' (expected one of: state, "
       "date, note)"},
      {"missing required", Make("recommendation", {{"state", "CN"}, {"mechanism", "UPR"}}),
       "field 'text': missing (required for kind 'recommendation')"},
      {"required but empty",
       Make("recommendation", {{"state", "CN"}, {"mechanism", "UPR"}, {"text", ""}}),
       "field 'text': missing (required for kind 'recommendation')"},
      {"bad date",
       Make("visit", {{"state", "CN"},
                      {"mandate", "SR-TORTURE"},
                      {"event", "requested"},
                      {"date", "2014-13-01"}}),
       "field 'date': invalid date '2014-13-01' (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"date not a string",
       Make("visit",
            {{"state", "CN"}, {"mandate", "SR-TORTURE"}, {"event", "requested"}, {"date", 2014}}),
       "field 'date': expected a string, got 2014"},
      {"bad enum",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["response"] = "accepted";
         return r;
       }(),
       "field 'response': invalid value 'accepted' (expected one of: supported, noted, rejected, "
       "partially_supported, pending, unclear)"},
      {"enum is case-sensitive",
       Make("followup",
            {{"recommendation", "r1"}, {"date", "2020"}, {"assessor", "CCPR"}, {"grade", "b"}}),
       "field 'grade': invalid value 'b' (expected one of: A, B, C, D, E)"},
      {"state name instead of code",
       Make("standing_invitation", {{"state", "France"}, {"date", "2004"}}),
       "field 'state': invalid state code 'France' (expected an ISO 3166-1 alpha-2 code such as "
       "'FR')"},
      {"lower-case state", Make("standing_invitation", {{"state", "fr"}, {"date", "2004"}}),
       "field 'state': invalid state code 'fr' (expected an ISO 3166-1 alpha-2 code such as "
       "'FR')"},
      {"state list with a name",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["recommending_states"] = {"FR", "Germany"};
         return r;
       }(),
       "field 'recommending_states': invalid state code 'Germany' (expected an ISO 3166-1 "
       "alpha-2 code such as 'FR')"},
      {"state list not a list",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["recommending_states"] = "FR";
         return r;
       }(),
       "field 'recommending_states': expected a list, got 'FR'"},
      {"list with a number",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["themes"] = {"Torture", 3};
         return r;
       }(),
       "field 'themes': expected a list of non-empty strings, got 3"},
      {"list with an empty string",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["themes"] = {""};
         return r;
       }(),
       "field 'themes': expected a list of non-empty strings, got ''"},
      {"integer as string",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["session"] = "17";
         return r;
       }(),
       "field 'session': expected an integer, got '17'"},
      {"integer as float",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["cycle"] = 2.5;
         return r;
       }(),
       "field 'cycle': expected an integer, got 2.5"},
      {"integer too big", Make("recommendation", too_big),
       "field 'session': expected an integer, got 18446744073709551615"},
      {"text not a string",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["text"] = json::object({{"en", "x"}});
         return r;
       }(),
       "field 'text': expected a string, got {\"en\":\"x\"}"},
      {"invalid UTF-8",
       [] {
         Record r = Make("recommendation", Recommendation());
         r.fields["text"] = std::string("caf\xE9");
         return r;
       }(),
       "field 'text': invalid UTF-8"},
  };
}

TEST(ValidateRecordTest, GoldenTable) {
  for (const Case& c : Golden()) {
    Status s = ValidateRecord(c.record);
    EXPECT_EQ(s.message(), c.message) << c.name;
    if (*c.message != '\0') {
      EXPECT_EQ(s.code(), ErrorCode::kInvalidInput) << c.name;
    }
  }
}

TEST(ValidateRecordTest, LongValuesAreCutInMessages) {
  Status s = ValidateRecord(
      Make("standing_invitation", {{"state", std::string(100, 'x')}, {"date", "2004"}}));
  EXPECT_EQ(s.message(), "field 'state': invalid state code '" + std::string(80, 'x') +
                             "...' (expected an ISO 3166-1 alpha-2 code such as 'FR')");
  // A cut never splits a UTF-8 sequence.
  std::string chinese;
  for (int i = 0; i < 40; ++i) chinese += "\xE4\xBA\xBA";  // 人
  EXPECT_EQ(record::Quote(chinese), "'" + chinese.substr(0, 78) + "...'");
}

TEST(ValidateRecordTest, EveryKindAcceptsItsRequiredFields) {
  for (const KindSpec& kind : AllKinds()) {
    Record r = Make(std::string(kind.kind), json::object());
    for (const FieldSpec& f : kind.fields) {
      if (!f.required) continue;
      switch (f.type) {
        case FieldType::kDate: r.fields[f.name] = "2020-01-31"; break;
        case FieldType::kState: r.fields[f.name] = "CN"; break;
        case FieldType::kEnum: r.fields[f.name] = record::EnumValues(f).front(); break;
        default: r.fields[f.name] = "x"; break;
      }
    }
    EXPECT_TRUE(ValidateRecord(r).ok()) << kind.kind << ": " << ValidateRecord(r).message();
  }
}

TEST(RecordTest, TextOfEachShape) {
  Record r = Make("recommendation", Recommendation());
  r.fields["session"] = 17;
  r.fields["themes"] = {"Torture", "Detention"};
  r.fields["source"] = nullptr;
  EXPECT_EQ(r.Text("text"), "Ratify the ICCPR.");
  EXPECT_EQ(r.Text("session"), "17");
  EXPECT_EQ(r.Text("themes"), "Torture; Detention");
  EXPECT_EQ(r.Text("source"), "");
  EXPECT_EQ(r.Text("date"), "");
}

TEST(RecordJsonTest, RoundTrip) {
  Record r = Make("recommendation", Recommendation(), "upr-info:1");
  r.id = 42;
  r.fields["themes"] = {"Torture"};
  r.fields["session"] = 17;
  r.fields["source"] = "";  // absent: not written
  json j = RecordToJson(r);
  EXPECT_EQ(j, json::parse(R"({"kind":"recommendation","key":"upr-info:1","id":42,"state":"CN",
      "mechanism":"UPR","text":"Ratify the ICCPR.","themes":["Torture"],"session":17})"));
  Result<Record> back = RecordFromJson(j);
  ASSERT_TRUE(back.has_value()) << back.error().message();
  EXPECT_EQ(back->kind, "recommendation");
  EXPECT_EQ(back->key, "upr-info:1");
  EXPECT_EQ(back->id, 42);
  EXPECT_EQ(back->fields, record::NormalizedFields(r.fields));
  r.id = 0;
  EXPECT_FALSE(RecordToJson(r).contains("id"));
}

TEST(RecordJsonTest, ShapeErrors) {
  auto message = [](const char* text) {
    Result<Record> r = RecordFromJson(json::parse(text));
    return r ? std::string("ok") : r.error().message();
  };
  EXPECT_EQ(message("[1]"), "expected a JSON object, got [1]");
  EXPECT_EQ(message(R"({"key":"a"})"), "field 'kind': missing");
  EXPECT_EQ(message(R"({"kind":"dialogue"})"), "field 'key': missing");
  EXPECT_EQ(message(R"({"kind":7,"key":"a"})"), "field 'kind': expected a string, got 7");
  EXPECT_EQ(message(R"({"kind":"dialogue","key":"a","id":"3"})"),
            "field 'id': expected a record id, got '3'");
  EXPECT_EQ(message(R"({"kind":"dialogue","key":"a","id":-3})"),
            "field 'id': expected a record id, got -3");
  EXPECT_EQ(message(R"({"kind":"dialogue","key":"a","partner":"EU"})"), "ok");
}

}  // namespace
}  // namespace rapporteur
