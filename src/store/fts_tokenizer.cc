#include "src/store/fts_tokenizer.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace rapporteur::store {
namespace {

bool StartsWithElision(std::string_view w, std::size_t* length) {
  // French and Italian elided articles, pronouns and conjunctions:
  // l'État, d'Ivoire, qu'il, s'engage, c'est, j'ai, n'est, m'a, t'a.
  if (w.size() > 2 && w[1] == '\'' &&
      std::string_view("cdjlmnst").find(w[0]) != std::string_view::npos) {
    *length = 2;
    return true;
  }
  if (w.size() > 3 && w.substr(0, 3) == "qu'") {
    *length = 3;
    return true;
  }
  return false;
}

// "l'etat" -> "etat", "women's" -> "women", "states'" -> "states", and
// "u.n" -> "un" (acronyms written with dots).
void StripWordPunctuation(std::string* w) {
  if (w->find('\'') != std::string::npos) {
    std::size_t elision = 0;
    if (StartsWithElision(*w, &elision)) w->erase(0, elision);
    if (w->size() > 2 && w->ends_with("'s")) {
      w->resize(w->size() - 2);
    } else if (w->size() > 1 && w->back() == '\'') {
      w->pop_back();
    }
  }
  if (w->find('.') != std::string::npos) w->erase(std::remove(w->begin(), w->end(), '.'), w->end());
}

bool HasWordCharacter(std::string_view w) {
  for (char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) return true;
  }
  return false;
}

std::uint32_t Fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

int Emit(TokenSink sink, void* ctx, int tflags, std::string_view token, int begin, int end) {
  return sink(ctx, tflags, token.data(), static_cast<int>(token.size()), begin, end);
}

}  // namespace

Result<std::unique_ptr<SearchTokenizer>> SearchTokenizer::Create(const IrregularForms* irregular) {
  Result<text::Stemmer> stemmer = text::Stemmer::English();
  if (!stemmer) return stemmer.error();
  return std::unique_ptr<SearchTokenizer>(new SearchTokenizer(irregular, std::move(*stemmer)));
}

SearchTokenizer::~SearchTokenizer() = default;

bool SearchTokenizer::Normalize(std::string_view text, const text::Token& token, Word* word) {
  if (token.kind == text::TokenKind::kPunctuation) return false;
  word->ascii = FoldWord(text::TokenText(text, token), &scratch_, &word->surface);
  word->number = token.kind == text::TokenKind::kNumber;
  if (!word->number) StripWordPunctuation(&word->surface);
  if (!HasWordCharacter(word->surface)) return false;
  word->begin = static_cast<int>(token.begin);
  word->end = static_cast<int>(token.end);
  return true;
}

// The indexed form of a word: its stem, or its lemma's stem. Valid until
// the next call.
std::string_view SearchTokenizer::Key(const Word& word) {
  if (word.number || !word.ascii) return word.surface;
  const std::string_view surface = word.surface;
  if (surface.size() > kCachedWordMax) return Stem(surface);
  CachedKey& slot = cache_[Fnv1a(surface) % kCacheSlots];
  if (slot.word_size == surface.size() &&
      std::memcmp(slot.word, surface.data(), surface.size()) == 0) {
    return {slot.key, slot.key_size};
  }
  const std::string_view key = Stem(surface);
  if (key.size() > kCachedWordMax) return key;
  slot.word_size = static_cast<std::uint8_t>(surface.size());
  std::memcpy(slot.word, surface.data(), surface.size());
  slot.key_size = static_cast<std::uint8_t>(key.size());
  std::memcpy(slot.key, key.data(), key.size());
  return {slot.key, slot.key_size};
}

// The Snowball stem of a word, or of its lemma if it is irregular.
std::string_view SearchTokenizer::Stem(std::string_view word) {
  if (const std::string* lemma = irregular_->Find(word)) word = *lemma;
  return stemmer_.Stem(word);  // out of memory: the word unstemmed
}

int SearchTokenizer::Tokenize(std::string_view text, int flags, void* ctx, TokenSink sink) {
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  if (query && (flags & FTS5_TOKENIZE_PREFIX) != 0) return TokenizePrefix(text, ctx, sink);
  for (const text::Token& token : text::Tokenize(text)) {
    if (!Normalize(text, token, &word_)) continue;
    const std::string_view key = Key(word_);
    int rc = SQLITE_OK;
    if (query) {
      rc = Emit(sink, ctx, 0, key, word_.begin, word_.end);
    } else {
      rc = Emit(sink, ctx, 0, word_.surface, word_.begin, word_.end);
      if (rc == SQLITE_OK && key != word_.surface) {
        rc = Emit(sink, ctx, FTS5_TOKEN_COLOCATED, key, word_.begin, word_.end);
      }
    }
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

// FTS5 treats only the last token of a prefix query as a prefix: that one
// is looked up by its surface form, the others, whole words, by their stem.
int SearchTokenizer::TokenizePrefix(std::string_view text, void* ctx, TokenSink sink) {
  bool pending = false;
  for (const text::Token& token : text::Tokenize(text)) {
    if (!Normalize(text, token, &word_)) continue;
    if (pending) {
      const int rc = Emit(sink, ctx, 0, Key(pending_), pending_.begin, pending_.end);
      if (rc != SQLITE_OK) return rc;
    }
    std::swap(word_, pending_);
    pending = true;
  }
  return pending ? Emit(sink, ctx, 0, pending_.surface, pending_.begin, pending_.end) : SQLITE_OK;
}

namespace {

// The C entry points FTS5 calls. No exception may cross into SQLite.
int CreateTokenizer(void* user_data, const char** /*args*/, int arg_count, Fts5Tokenizer** out) {
  if (arg_count != 0) return SQLITE_ERROR;  // tokenize='rapporteur' takes no arguments
  try {
    Result<std::unique_ptr<SearchTokenizer>> t =
        SearchTokenizer::Create(static_cast<const IrregularForms*>(user_data));
    if (!t) return SQLITE_NOMEM;
    *out = reinterpret_cast<Fts5Tokenizer*>(t->release());
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) {
  delete reinterpret_cast<SearchTokenizer*>(tokenizer);
}

int RunTokenizer(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
                 TokenSink sink) {
  if (text == nullptr || size <= 0) return SQLITE_OK;
  try {
    return reinterpret_cast<SearchTokenizer*>(tokenizer)->Tokenize(
        std::string_view(text, static_cast<std::size_t>(size)), flags, ctx, sink);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
}

// The documented way to reach FTS5's C API from a connection.
fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api != nullptr && api->iVersion >= 2 ? api : nullptr;
}

}  // namespace

Status RegisterFtsTokenizer(sqlite3* db) {
  const Result<IrregularForms>& irregular = DefaultIrregularForms();
  if (!irregular) return irregular.error().WithContext("cannot set up full-text search");
  // Said here with its reason: inside FTS5 a tokenizer that cannot be made
  // is only an error code.
  if (Result<text::Stemmer> stemmer = text::Stemmer::English(); !stemmer) {
    return stemmer.error().WithContext("cannot set up full-text search");
  }
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return Unsupported("cannot set up full-text search: this SQLite has no FTS5");
  fts5_tokenizer methods{CreateTokenizer, DeleteTokenizer, RunTokenizer};
  const int rc = api->xCreateTokenizer(
      api, "rapporteur", const_cast<IrregularForms*>(&irregular.value()), &methods, nullptr);
  if (rc != SQLITE_OK) {
    return Internal(std::string("cannot set up full-text search: cannot register the tokenizer: ") +
                    sqlite3_errstr(rc));
  }
  return Status::Ok();
}

}  // namespace rapporteur::store
