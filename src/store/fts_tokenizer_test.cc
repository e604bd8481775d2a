#include "src/store/fts_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace rapporteur::store {
namespace {

struct Emitted {
  std::string token;
  int tflags = 0;
  int begin = 0, end = 0;
};

int Collect(void* ctx, int tflags, const char* token, int size, int begin, int end) {
  static_cast<std::vector<Emitted>*>(ctx)->push_back(
      {std::string(token, static_cast<std::size_t>(size)), tflags, begin, end});
  return SQLITE_OK;
}

class FtsTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Result<IrregularForms>& irregular = DefaultIrregularForms();
    ASSERT_TRUE(irregular) << irregular.error().message();
    Result<std::unique_ptr<SearchTokenizer>> t = SearchTokenizer::Create(&irregular.value());
    ASSERT_TRUE(t) << t.error().message();
    tokenizer_ = std::move(*t);
  }

  std::vector<Emitted> Run(std::string_view text, int flags) {
    std::vector<Emitted> out;
    EXPECT_EQ(tokenizer_->Tokenize(text, flags, &out, Collect), SQLITE_OK);
    return out;
  }

  // The tokens, space-separated; a colocated token is written "+token".
  std::string Tokens(std::string_view text, int flags = FTS5_TOKENIZE_DOCUMENT) {
    std::string s;
    for (const Emitted& e : Run(text, flags)) {
      if (!s.empty()) s += ' ';
      if (e.tflags & FTS5_TOKEN_COLOCATED) s += '+';
      s += e.token;
    }
    return s;
  }

  std::unique_ptr<SearchTokenizer> tokenizer_;
};

struct Golden {
  const char* input;
  const char* document;  // as indexed
  const char* query;     // as searched
};

TEST_F(FtsTokenizerTest, Golden) {
  const Golden table[] = {
      {"", "", ""},
      {" ,.;- ", "", ""},
      {"Prisons", "prisons +prison", "prison"},
      {"the police", "the police +polic", "the polic"},
      {"policing", "policing +polic", "polic"},
      {"Women's rights", "women +woman rights +right", "woman right"},
      {"women woman WOMEN", "women +woman woman women +woman", "woman woman woman"},
      {"men and children", "men +man and children +child", "man and child"},
      {"people persons person", "people +person persons +person person", "person person person"},
      {"took taken", "took +take taken +take", "take take"},
      {"States'", "states +state", "state"},
      {"poverty", "poverty +poverti", "poverti"},
      {"Article 5.2 of 1,000", "article +articl 5.2 of 1,000", "articl 5.2 of 1,000"},
      {"U.N. reports", "un reports +report", "un report"},
      {"self-determination", "self determination +determin", "self determin"},
      {"snake_case ___ _", "snake_case +snake_cas", "snake_cas"},
  };
  for (const Golden& g : table) {
    EXPECT_EQ(Tokens(g.input), g.document) << g.input;
    EXPECT_EQ(Tokens(g.input, FTS5_TOKENIZE_QUERY), g.query) << g.input;
  }
}

TEST_F(FtsTokenizerTest, Diacritics) {
  const Golden table[] = {
      {"défense", "defense +defens", "defens"},
      {"DÉFENSE", "defense +defens", "defens"},
      {"de\xCC\x81"
       "fense",
       "defense +defens", "defens"},  // decomposed é
      {"Łódź Straße Ærø", "lodz strasse +strass aero", "lodz strass aero"},
      {"Côte d'Ivoire", "cote ivoire +ivoir", "cote ivoir"},
      {"l’État", "etat", "etat"},  // typographic apostrophe, French elision
      {"ＵＮ", "un", "un"},        // full-width letters
      {"й", "й", "й"},             // Cyrillic keeps its marks
  };
  for (const Golden& g : table) {
    EXPECT_EQ(Tokens(g.input), g.document) << g.input;
    EXPECT_EQ(Tokens(g.input, FTS5_TOKENIZE_QUERY), g.query) << g.input;
  }
}

TEST_F(FtsTokenizerTest, ChineseIsSegmentedIntoWords) {
  EXPECT_EQ(Tokens("加强人权保护"), "加强 人权 保护");
  EXPECT_EQ(Tokens("加强人权保护。", FTS5_TOKENIZE_QUERY), "加强 人权 保护");
  EXPECT_EQ(Tokens("人权"), "人权");
  EXPECT_EQ(Tokens("《公约》第五条"), "公约 第 五条");  // ICU's dictionary decides
}

TEST_F(FtsTokenizerTest, JapaneseIsSegmentedIntoWords) {
  EXPECT_EQ(Tokens("人権を保護する"), "人権 を 保護 する");
}

TEST_F(FtsTokenizerTest, PrefixQueryIsFoldedNotStemmed) {
  const int prefix = FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX;
  EXPECT_EQ(Tokens("polic", prefix), "polic");
  EXPECT_EQ(Tokens("Policing", prefix), "policing");
  EXPECT_EQ(Tokens("Défens", prefix), "defens");
  // Only the last token is a prefix; the whole words before it are stemmed.
  EXPECT_EQ(Tokens("women's righ", prefix), "woman righ");
  EXPECT_EQ(Tokens("human rights", prefix), "human rights");
  EXPECT_EQ(Tokens("", prefix), "");
}

TEST_F(FtsTokenizerTest, OffsetsSpanTheWordAsWritten) {
  const std::string text = "  Les défenseurs, l’État; 加强人权 Women's";
  const std::vector<std::string> words = {"Les", "défenseurs", "l’État", "加强", "人权", "Women's"};
  std::vector<std::string> spans;
  for (const Emitted& e : Run(text, FTS5_TOKENIZE_DOCUMENT)) {
    ASSERT_LE(0, e.begin);
    ASSERT_LT(e.begin, e.end);
    ASSERT_LE(e.end, static_cast<int>(text.size()));
    const std::string span = text.substr(e.begin, e.end - e.begin);
    if (e.tflags & FTS5_TOKEN_COLOCATED) {
      EXPECT_EQ(span, spans.back());  // a stem spans its word
    } else {
      spans.push_back(span);
    }
  }
  EXPECT_EQ(spans, words);
}

TEST_F(FtsTokenizerTest, InvalidUtf8IsDropped) {
  EXPECT_EQ(Tokens("caf\xC3 bar\xFF\xFE baz"), "caf bar baz");
  EXPECT_EQ(Tokens("\xE4\xBA"), "");  // a truncated sequence
  EXPECT_EQ(Tokens("abc\xF0\x9F"), "abc");
  EXPECT_EQ(Tokens("d\xC3\xA9\xFF"
                   "fense"),
            "de fense +fens");  // a word break
}

TEST_F(FtsTokenizerTest, RandomBytesNeverCrashAndOffsetsStayInRange) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {
      "a",    "Z",    " ",    "'", ".", "\xC3\xA9",     "\xE4\xBA\xBA", "\xE6\x9D\x83",
      "\xFF", "\x80", "\xC3", "s", "_", "\xE2\x80\x99", "\xCC\x81",     "1"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int pieces = static_cast<int>(rng() % 24);
    for (int i = 0; i < pieces; ++i) text += alphabet[rng() % std::size(alphabet)];
    for (int flags : {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                      FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX}) {
      for (const Emitted& e : Run(text, flags)) {
        ASSERT_FALSE(e.token.empty()) << text;
        ASSERT_LE(0, e.begin) << text;
        ASSERT_LT(e.begin, e.end) << text;
        ASSERT_LE(e.end, static_cast<int>(text.size())) << text;
      }
    }
  }
}

// The stem cache (direct-mapped, so words evict each other) must not
// change a single token: a warm tokenizer agrees with a cold one.
TEST_F(FtsTokenizerTest, StemCacheChangesNothing) {
  std::mt19937 rng(3);
  const char* endings[] = {"", "s", "ing", "ed", "ies", "ation", "ly", "ness"};
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    std::string word;
    for (int j = 0, n = 2 + static_cast<int>(rng() % 6); j < n; ++j)
      word += static_cast<char>('a' + rng() % 26);
    text += word + endings[rng() % std::size(endings)] + (i % 7 == 0 ? " women " : " ");
  }
  const std::string warm = Tokens(text) + Tokens(text, FTS5_TOKENIZE_QUERY);
  SetUp();  // a new tokenizer, its cache empty
  std::vector<Emitted> first = Run(text, FTS5_TOKENIZE_DOCUMENT);
  EXPECT_EQ(Tokens(text) + Tokens(text, FTS5_TOKENIZE_QUERY), warm);
  EXPECT_GT(first.size(), 20000u);
}

TEST_F(FtsTokenizerTest, SinkFailureStopsTokenizing) {
  int calls = 0;
  auto fail = [](void* ctx, int, const char*, int, int, int) {
    ++*static_cast<int*>(ctx);
    return SQLITE_NOMEM;
  };
  EXPECT_EQ(tokenizer_->Tokenize("one two three", FTS5_TOKENIZE_DOCUMENT, &calls, fail),
            SQLITE_NOMEM);
  EXPECT_EQ(calls, 1);
}

// End to end: an FTS5 table in an in-memory database.
class FtsTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    Status s = RegisterFtsTokenizer(db_);
    ASSERT_TRUE(s.ok()) << s.message();
    Exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='rapporteur')");
    const char* rows[] = {
        "Protect the rights of women and girls.",                    // 1
        "Improve conditions in prisons and end torture.",            // 2
        "Train the police on the prohibition of torture.",           // 3
        "保障人民通过多种途径参与立法活动，加强人权保护。",          // 4
        "Ratifier la Convention relative à la défense des droits.",  // 5
        "Policing of demonstrations; protect children's rights.",    // 6
        "Reduce poverty among indigenous peoples.",                  // 7
    };
    for (const char* row : rows) Insert(row);
  }
  void TearDown() override { sqlite3_close(db_); }

  void Exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << error << ": " << sql;
  }

  void Insert(const char* text) {
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO t(text) VALUES(?1)", -1, &stmt, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
    EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
  }

  // The rowids matching an FTS5 expression, in order.
  std::vector<int> Match(const std::string& expression) {
    std::vector<int> ids;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1,
                                 &stmt, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(stmt, 1, expression.data(), static_cast<int>(expression.size()),
                      SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) ids.push_back(sqlite3_column_int(stmt, 0));
    EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db_) << ": " << expression;
    sqlite3_finalize(stmt);
    return ids;
  }

  sqlite3* db_ = nullptr;
};

TEST_F(FtsTableTest, StemmingAndIrregularForms) {
  EXPECT_EQ(Match("\"woman\""), std::vector<int>{1});
  EXPECT_EQ(Match("\"women\""), std::vector<int>{1});
  EXPECT_EQ(Match("\"prisons\""), std::vector<int>{2});
  EXPECT_EQ(Match("\"prison\""), std::vector<int>{2});
  EXPECT_EQ(Match("\"child\""), std::vector<int>{6});
  EXPECT_EQ(Match("\"people\""), std::vector<int>{7});
  EXPECT_EQ(Match("\"right\""), (std::vector<int>{1, 6}));
}

TEST_F(FtsTableTest, Prefixes) {
  EXPECT_EQ(Match("\"polic\"*"), (std::vector<int>{3, 6}));
  EXPECT_EQ(Match("\"poverty\"*"), std::vector<int>{7});
  EXPECT_EQ(Match("\"tortur\"*"), (std::vector<int>{2, 3}));
}

TEST_F(FtsTableTest, ChineseWordFindsChineseSentence) {
  EXPECT_EQ(Match("\"人权\""), std::vector<int>{4});
  EXPECT_EQ(Match("\"人权保护\""), std::vector<int>{4});
  EXPECT_EQ(Match("\"立法\""), std::vector<int>{4});
}

TEST_F(FtsTableTest, DiacriticsAndPhrases) {
  EXPECT_EQ(Match("\"defense\""), std::vector<int>{5});
  EXPECT_EQ(Match("\"Défense\""), std::vector<int>{5});
  EXPECT_EQ(Match("\"rights of women\""), std::vector<int>{1});
  EXPECT_EQ(Match("\"right of woman\""), std::vector<int>{1});
  EXPECT_EQ(Match("\"torture\" AND (\"police\" OR \"prison\")"), (std::vector<int>{2, 3}));
}

TEST_F(FtsTableTest, HighlightUsesOffsets) {
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db_, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '\"woman\"'",
                         -1, &stmt, nullptr),
      SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
               "Protect the rights of [women] and girls.");
  sqlite3_finalize(stmt);
}

TEST_F(FtsTableTest, DeletingARowRemovesItsTokens) {
  Exec("DELETE FROM t WHERE rowid = 1");
  EXPECT_TRUE(Match("\"woman\"").empty());
  Exec("INSERT INTO t(t) VALUES('integrity-check')");
}

TEST(IrregularFormsTest, ParsesTheDataFile) {
  const Result<IrregularForms>& forms = DefaultIrregularForms();
  ASSERT_TRUE(forms) << forms.error().message();
  EXPECT_GE(forms->size(), 50u);
  ASSERT_NE(forms->Find("women"), nullptr);
  EXPECT_EQ(*forms->Find("women"), "woman");
  EXPECT_EQ(*forms->Find("persons"), "person");
  EXPECT_EQ(forms->Find("woman"), nullptr);
}

TEST(IrregularFormsTest, Errors) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"women\twoman\n", "cannot read 'x.tsv': line 1: header: expected columns form, lemma"},
      {"# only a comment\n", "cannot read 'x.tsv': no header line 'form<TAB>lemma'"},
      {"form\tlemma\nwomen\n",
       "cannot read 'x.tsv': line 2: expected 2 tab-separated fields (form, lemma)"},
      {"form\tlemma\nwomen\twoman\tx\n",
       "cannot read 'x.tsv': line 2: expected 2 tab-separated fields (form, lemma)"},
      {"form\tlemma\n\twoman\n", "cannot read 'x.tsv': line 2: field 'form': empty"},
      {"form\tlemma\nwomen folk\twoman\n",
       "cannot read 'x.tsv': line 2: field 'form': expected one word, got 'women folk'"},
      {"form\tlemma\nwomen\twoman\n# c\nWomen\twoman\n",
       "cannot read 'x.tsv': line 4: 'Women' already on line 2"},
      {"form\tlemma\nwom\xFF\twoman\n", "cannot read 'x.tsv': line 2: not valid UTF-8"},
  };
  for (const Case& c : cases) {
    Result<IrregularForms> forms = IrregularForms::Parse(c.text, "x.tsv");
    ASSERT_FALSE(forms) << c.text;
    EXPECT_EQ(forms.error().message(), c.message);
    EXPECT_EQ(forms.error().code(), ErrorCode::kInvalidInput);
  }
}

TEST(IrregularFormsTest, FoldsFormsAndAcceptsCrLf) {
  Result<IrregularForms> forms = IrregularForms::Parse("form\tlemma\r\nOxen\tOx\r\n", "x.tsv");
  ASSERT_TRUE(forms) << forms.error().message();
  ASSERT_NE(forms->Find("oxen"), nullptr);
  EXPECT_EQ(*forms->Find("oxen"), "ox");
}

}  // namespace
}  // namespace rapporteur::store
