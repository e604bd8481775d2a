#include "src/store/search_query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <vector>

namespace rapporteur::store {
namespace {

constexpr int kMaxDepth = 32;

enum class Kind { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose, kEnd };

struct Lexeme {
  Kind kind = Kind::kEnd;
  std::string_view text;   // a word or a phrase's contents; an operator as written
  bool prefix = false;     // followed by '*'
  std::size_t offset = 0;  // in bytes, into the query
};

// The next code point at byte i (negative if invalid) and where it ends.
UChar32 CodePointAt(std::string_view s, std::size_t i, std::size_t* next) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, j, static_cast<int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(j);
  return c;
}

// Unicode white space and control characters (so that no NUL reaches
// SQLite) separate terms.
bool IsSpace(UChar32 c) {
  return c >= 0 && (u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR);
}

bool HasLetterOrDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const UChar32 c = CodePointAt(s, i, &i);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// "invalid query 'Q': <what> at column N<then>".
Status QueryError(std::string_view query, std::size_t offset, const std::string& what,
                  const std::string& then = "") {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < query.size(); ++i) {
    if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) ++column;
  }
  return InvalidArgument("invalid query '" + std::string(query) + "': " + what + " at column " +
                         std::to_string(column) + then);
}

class Lexer {
 public:
  explicit Lexer(std::string_view query) : q_(query) {}

  Result<std::vector<Lexeme>> Run() {
    std::size_t i = 0;
    while (i < q_.size()) {
      std::size_t next = 0;
      if (IsSpace(CodePointAt(q_, i, &next))) {
        i = next;
      } else if (q_[i] == '(' || q_[i] == ')') {
        out_.push_back({q_[i] == '(' ? Kind::kOpen : Kind::kClose, q_.substr(i, 1), false, i});
        ++i;
      } else if (q_[i] == '"') {
        const std::size_t close = q_.find('"', i + 1);
        if (close == std::string_view::npos) return QueryError(q_, q_.size(), "missing '\"'");
        out_.push_back({Kind::kPhrase, q_.substr(i + 1, close - i - 1), false, i});
        i = Stars(close + 1);
      } else if (q_[i] == '-' && StartsOperand(i + 1)) {
        out_.push_back({Kind::kNot, q_.substr(i, 1), false, i});
        ++i;
      } else {
        i = Word(i);
      }
    }
    out_.push_back({Kind::kEnd, "", false, q_.size()});
    return std::move(out_);
  }

 private:
  // Marks the last lexeme a prefix if '*'s follow at i; returns their end.
  std::size_t Stars(std::size_t i) {
    while (i < q_.size() && q_[i] == '*') out_.back().prefix = true, ++i;
    return i;
  }

  // Whether a '-' just before i negates what follows ("-police",
  // "-(a OR b)") rather than being part of a word ("--", "- ").
  bool StartsOperand(std::size_t i) const {
    std::size_t next = 0;
    return i < q_.size() && q_[i] != ')' && q_[i] != '-' && !IsSpace(CodePointAt(q_, i, &next));
  }

  std::size_t Word(std::size_t start) {
    std::size_t end = start;
    while (end < q_.size() && q_[end] != '(' && q_[end] != ')' && q_[end] != '"') {
      std::size_t next = 0;
      if (IsSpace(CodePointAt(q_, end, &next))) break;
      end = next;
    }
    std::string_view text = q_.substr(start, end - start);
    Kind kind = Kind::kWord;
    if (text == "AND") kind = Kind::kAnd;
    if (text == "OR") kind = Kind::kOr;
    if (text == "NOT") kind = Kind::kNot;
    bool prefix = false;
    while (kind == Kind::kWord && !text.empty() && text.back() == '*')
      text.remove_suffix(1), prefix = true;
    out_.push_back({kind, text, prefix, start});
    return end;
  }

  std::string_view q_;
  std::vector<Lexeme> out_;
};

// A translated (sub)expression; empty when it has nothing to search for.
struct Expr {
  std::string fts;
  bool compound = false;  // operands joined by an operator: parenthesise when nested
};

std::string Wrap(const Expr& e) { return e.compound ? "(" + e.fts + ")" : e.fts; }

Expr Join(std::vector<Expr> parts, const char* op) {
  if (parts.size() == 1) return std::move(parts[0]);
  Expr out;
  for (const Expr& p : parts) {
    if (!out.fts.empty()) out.fts += op, out.compound = true;
    out.fts += Wrap(p);
  }
  return out;
}

Expr Term(const Lexeme& l) {
  if (!HasLetterOrDigit(l.text)) return {};
  std::string quoted = "\"";
  for (char c : l.text) {
    const bool control =
        static_cast<unsigned char>(c) < 0x20 || c == 0x7F;  // NUL would cut the string
    quoted += control ? ' ' : c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  if (l.prefix) quoted += '*';
  return {std::move(quoted), false};
}

bool StartsPrimary(const Lexeme& l) {
  return l.kind == Kind::kWord || l.kind == Kind::kPhrase || l.kind == Kind::kOpen;
}
bool StartsItem(const Lexeme& l) { return StartsPrimary(l) || l.kind == Kind::kNot; }

// Recursive descent over: or := and (OR and)* ; and := item ([AND] item)* ;
// item := [NOT | -] primary ; primary := word | phrase | ( or ).
class Parser {
 public:
  Parser(std::string_view query, std::vector<Lexeme> lexemes) : q_(query), l_(std::move(lexemes)) {}

  Result<std::string> Run() {
    if (Peek().kind == Kind::kEnd) return std::string();
    Result<Expr> e = ParseOr();
    if (!e) return e.error();
    if (Peek().kind != Kind::kEnd) return Unexpected(Peek());
    if (e->fts.empty()) {
      return InvalidArgument("invalid query '" + std::string(q_) +
                             "': nothing to search for (no letter or digit)");
    }
    return std::move(e->fts);
  }

 private:
  const Lexeme& Peek() const { return l_[pos_]; }
  const Lexeme& Next() { return l_[pos_ < l_.size() - 1 ? pos_++ : pos_]; }

  Status Error(const Lexeme& at, const std::string& what) const {
    return QueryError(q_, at.offset, what);
  }
  Status ExpectedTermAfter(const Lexeme& op) const {
    return Error(Peek(), "expected a term after '" + std::string(op.text) + "'");
  }
  Status Unexpected(const Lexeme& l) const {
    if (l.kind == Kind::kClose) return Error(l, "unexpected ')'");
    if (l.kind == Kind::kEnd) return Error(l, "expected a term");
    return Error(l, "expected a term before '" + std::string(l.text) + "'");
  }

  Result<Expr> ParseOr() {
    std::vector<Expr> parts;
    while (true) {
      Result<Expr> e = ParseAnd();
      if (!e) return e;
      if (!e->fts.empty()) parts.push_back(std::move(*e));
      if (Peek().kind != Kind::kOr) return Join(std::move(parts), " OR ");
      const Lexeme& op = Next();
      if (!StartsItem(Peek())) return ExpectedTermAfter(op);
    }
  }

  Result<Expr> ParseAnd() {
    if (!StartsItem(Peek())) return Unexpected(Peek());
    std::vector<Expr> positive, negative;
    std::optional<Lexeme> first_not;
    while (true) {
      if (Peek().kind == Kind::kAnd) {
        const Lexeme& op = Next();
        if (!StartsItem(Peek())) return ExpectedTermAfter(op);
      } else if (!StartsItem(Peek())) {
        break;
      }
      std::optional<Lexeme> not_op;
      if (Peek().kind == Kind::kNot) {
        not_op = Next();
        if (!StartsPrimary(Peek())) return ExpectedTermAfter(*not_op);
      }
      Result<Expr> e = ParsePrimary();
      if (!e) return e;
      if (e->fts.empty()) continue;
      if (not_op && !first_not) first_not = not_op;
      (not_op ? negative : positive).push_back(std::move(*e));
    }
    return Negate(Join(std::move(positive), " AND "), negative, first_not);
  }

  // "pos NOT n1 NOT n2"; FTS5 has no unary NOT, so pos must not be empty.
  Result<Expr> Negate(Expr pos, const std::vector<Expr>& negative,
                      const std::optional<Lexeme>& first_not) {
    if (negative.empty()) return pos;
    if (pos.fts.empty()) {
      const std::string op(first_not->text);
      const std::string example = op == "-" ? "torture -police" : "torture NOT police";
      return QueryError(
          q_, first_not->offset, "'" + op + "'",
          " has nothing to exclude from: a search cannot be only negative (write e.g. '" + example +
              "')");
    }
    Expr out{Wrap(pos), true};
    for (const Expr& n : negative) out.fts += " NOT " + Wrap(n);
    return out;
  }

  Result<Expr> ParsePrimary() {
    const Lexeme& l = Next();
    if (l.kind != Kind::kOpen) return Term(l);
    if (++depth_ > kMaxDepth)
      return Error(l, "more than " + std::to_string(kMaxDepth) + " nested parentheses");
    if (!StartsItem(Peek())) return ExpectedTermAfter(l);
    Result<Expr> e = ParseOr();
    if (!e) return e;
    if (Peek().kind != Kind::kClose) return Error(Peek(), "missing ')'");
    Next();
    --depth_;
    return e;
  }

  std::string_view q_;
  std::vector<Lexeme> l_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

Result<std::string> ToFtsMatch(std::string_view user_query) {
  Result<std::vector<Lexeme>> lexemes = Lexer(user_query).Run();
  if (!lexemes) return lexemes.error();
  return Parser(user_query, std::move(*lexemes)).Run();
}

bool IsQuotedFtsMatch(std::string_view fts) {
  if (fts.find('\0') != std::string_view::npos) return false;
  std::size_t i = 0;
  while (i < fts.size()) {
    const char c = fts[i];
    if (c == ' ' || c == '(' || c == ')') {
      ++i;
    } else if (c == '"') {
      for (++i;; i += 2) {  // to the closing quote, over doubled ones
        i = fts.find('"', i);
        if (i == std::string_view::npos) return false;
        if (i + 1 >= fts.size() || fts[i + 1] != '"') break;
      }
      ++i;
      if (i < fts.size() && fts[i] == '*') ++i;
    } else {
      const std::size_t end = fts.find_first_of(" ()\"", i);
      const std::string_view word = fts.substr(i, end == std::string_view::npos ? end : end - i);
      if (word != "AND" && word != "OR" && word != "NOT") return false;
      i += word.size();
    }
  }
  return true;
}

}  // namespace rapporteur::store
