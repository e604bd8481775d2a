#include "src/ingest/labels.h"

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <vector>

namespace rapporteur::ingest {
namespace {

// Chinese numerals as alternatives (kept from a byte-oriented regex
// engine; RE2 reads UTF-8 and would take a bracket expression too).
#define CN_NUM "(?:[0-9]|一|二|三|四|五|六|七|八|九|十|百|千|零|〇|两)+"
#define ROMAN "[IVXLCDM]+"
#define SUFFIX "(?:[ \\-](?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\\b)?"
// A clause that begins by citing an article ("Article 19 of the Covenant
// guarantees ...") is not numbered by it.
#define NOT_CITATION ""  // checked in code: RE2 has no lookahead (see IsCitation)
#define SEP "(?:[.:\\-]|–|—)?"

struct Rule {
  const char* style;
  const char* first;    // the bytes a match can begin with (a cheap filter)
  const char* pattern;  // group 1 is the label; the match includes separators
};

#define DIGITS "0123456789"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
// Lead bytes of 第 and of the Chinese numerals (一 二 三 ... 〇 两 in UTF-8).
#define CN_LEAD "\xE3\xE4\xE5\xE7\xE9"

// Order matters: the first rule that matches wins, so longer forms come
// before their prefixes ("5.2.1" before "5.2" before "5.").
const Rule kRules[] = {
    {"part", "PTLB",
     "^((?:PART|Part|TITLE|Title|T(?:I|Í)TULO|T(?:i|í)tulo|LIBRO|Libro|BOOK|Book|TITRE|Titre|"
     "PARTIE|Partie)\\s+(?:" ROMAN "|[0-9]+|PRELIMINAR|[Pp]reliminar|[A-Z])\\b)[.:]?\\s*"},
    {"part", CN_LEAD, "^(第" CN_NUM "(?:编|部分))\\s*"},
    {"annex", "A",
     "^((?:ANNEX|Annex|ANEXO|Anexo|ANNEXE|Annexe)(?:\\s+(?:" ROMAN "|[0-9]+|[A-Z]))?)\\b" SEP
     "\\s*"},
    {"chapter", "C",
     "^((?:CHAPTER|Chapter|CAP(?:I|Í)TULO|Cap(?:i|í)tulo|CHAPITRE|Chapitre)\\s+"
     "(?:" ROMAN "|[0-9]+)\\b" SUFFIX ")" SEP "\\s*"},
    {"chapter", CN_LEAD, "^(第" CN_NUM "章)\\s*"},
    {"section", "S",
     "^((?:SECTION|Section|SECCI(?:O|Ó)N|Secci(?:o|ó)n)\\s+(?:" ROMAN "|[0-9]+)\\b)[.:]?\\s*"},
    {"section", CN_LEAD, "^(第" CN_NUM "节)\\s*"},
    {"article", "A",
     "^((?:ARTICLE|Article|Art\\.|ART\\.|ART(?:I|Í)CULO|Art(?:i|í)culo|ARTICULO)\\s*"
     "(?:[0-9]+[A-Z]?\\b|" ROMAN "\\b|premier|primero|(?:u|ú)nico|UNICO)" SUFFIX
     ")" NOT_CITATION SEP "\\s*"},
    {"article", "R",
     "^((?:RULE|Rule|REGLA|Regla|R(?:è|e)gle)\\s+[0-9]+)\\b" NOT_CITATION SEP "\\s*"},
    {"article", "S", "^((?:SEC|Sec)\\.\\s*[0-9]+[A-Z]?\\.)\\s*"},
    {"article", "\xC2", "^(§+\\s*[0-9]+[a-z]?)\\.?\\s*"},
    {"article", "D",
     "^(Disposici(?:o|ó)n\\s+(?:adicional|transitoria|derogatoria|final)\\s+(?:[a-z]|é)+)[.:]?"
     "\\s*"},
    {"article", CN_LEAD, "^(第" CN_NUM "条(?:之" CN_NUM ")?)\\s*"},
    {"dotted3", DIGITS, "^([0-9]+\\.[0-9]+\\.[0-9]+\\.?)\\s+"},
    {"dotted2", DIGITS, "^([0-9]+\\.[0-9]+\\.?)\\s+"},  // not "1.5 million": see IsCitation
    {"decimal", DIGITS, "^([0-9]+" SUFFIX "[.)])(?:\\s+|$)"},
    {"decimal", DIGITS, "^([0-9]+ (?:bis|ter|quater))\\b[.:]?\\s*"},
    {"num_paren", "(", "^(\\([0-9]+\\))\\s*"},
    {"cn_paren", "\xEF", "^(（" CN_NUM "）)\\s*"},
    {"cn_enum", DIGITS CN_LEAD, "^(" CN_NUM "、)\\s*"},
    {"roman_paren", "(",
     "^(\\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)\\))\\s*"},
    {"letter_paren", "(", "^(\\([a-z]{1,2}\\))\\s*"},
    {"letter_close", LOWER, "^([a-z]\\))\\s+"},
    {"upper_paren", "(", "^(\\([A-Z]{1,2}\\))\\s*"},
    {"upper_roman", "IVXLCDM", "^(" ROMAN "\\.)\\s+"},
    {"upper_letter", UPPER, "^([A-Z]\\.)\\s+"},
};

// A rule whose expression is compiled the first time a paragraph starts with
// one of its first bytes: compiling all 26 costs 4 ms, an eighth of a short
// comparison's start-up, and most documents use a handful.
class CompiledRule {
 public:
  explicit CompiledRule(const Rule& rule) : rule_(rule), first_(rule.first) {}

  const char* style() const { return rule_.style; }
  std::string_view first() const { return first_; }

  const RE2& re() const {
    std::call_once(compiled_, [this] {
      RE2::Options options;
      options.set_log_errors(true);
      re_ = std::make_unique<RE2>(rule_.pattern, options);
    });
    return *re_;
  }

 private:
  const Rule& rule_;
  std::string_view first_;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> re_;
};

// RE2: linear time, no backtracking, and fast to fail, which matters on
// the hundreds of thousands of paragraphs of a long text.
const std::vector<std::unique_ptr<CompiledRule>>& CompiledRules() {
  static const auto* rules = [] {
    auto* out = new std::vector<std::unique_ptr<CompiledRule>>();
    for (const Rule& r : kRules) out->push_back(std::make_unique<CompiledRule>(r));
    return out;
  }();
  return *rules;
}

// What follows a match that makes it no label: "Article 19 of the
// Covenant guarantees" cites an article; "1.5 million" is a number.
bool IsCitation(std::string_view style, std::string_view label, std::string_view rest,
                std::string_view after_match) {
  if (style == "dotted2")
    return !after_match.empty() && after_match[0] >= 'a' && after_match[0] <= 'z';
  if (style != "article" || label.empty() || label[0] == 'S' || label.substr(0, 2) == "\xC2\xA7") {
    return false;
  }
  static const RE2 citation("^\\s*(?:of|de|del|du|des|and|or|y|et|to|in|shall|is|was|provides)\\b");
  return RE2::PartialMatch(rest, citation);
}

// Labels are short: matching a bounded prefix keeps the work per paragraph
// constant, however long the paragraph.
constexpr std::size_t kPrefixBytes = 96;

std::string_view Prefix(std::string_view text) {
  if (text.size() <= kPrefixBytes) return text;
  std::size_t n = kPrefixBytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

// "A." and "IV." need a period right after the letters: most sentences
// start with a capital, and should not pay for a search.
bool PlausibleDotted(std::string_view style, std::string_view text) {
  if (style != "upper_letter" && style != "upper_roman") return true;
  const std::size_t end = text.find_first_not_of(style == "upper_letter" ? UPPER : "IVXLCDM");
  return end != std::string_view::npos && end > 0 && text[end] == '.';
}

// "(i)" right after "(h)" continues a list of letters.
bool ContinuesLetters(std::string_view roman, std::string_view previous_letter) {
  if (roman.size() != 3 || previous_letter.size() != 3) return false;
  return previous_letter[0] == '(' && roman[1] == previous_letter[1] + 1;
}

}  // namespace

std::optional<LabelMatch> MatchLabel(std::string_view text, std::string_view previous_letter) {
  const std::string_view prefix = Prefix(text);
  if (prefix.empty()) return std::nullopt;
  re2::StringPiece groups[2];
  for (const auto& rule_ptr : CompiledRules()) {
    const CompiledRule& rule = *rule_ptr;
    // Most paragraphs start with a byte no label can start with: they never
    // reach the regular expressions.
    if (rule.first().find(prefix[0]) == std::string_view::npos) continue;
    if (!PlausibleDotted(rule.style(), prefix)) continue;
    if (!rule.re().Match(re2::StringPiece(prefix.data(), prefix.size()), 0, prefix.size(),
                         RE2::ANCHOR_START, groups, 2)) {
      continue;
    }
    const std::string_view label(groups[1].data(), groups[1].size());
    const std::size_t length = groups[0].size();
    if (IsCitation(rule.style(), label, text.substr(label.size()), text.substr(length))) continue;
    LabelMatch match{rule.style(), std::string(label), length};
    if (match.style == "roman_paren" && ContinuesLetters(match.label, previous_letter)) {
      match.style = "letter_paren";
    }
    // A label alone with nothing after it is still a label ("Article 5").
    return match;
  }
  return std::nullopt;
}

std::string StyleOfLabel(std::string_view label) {
  const std::string padded = std::string(label) + " x";
  std::optional<LabelMatch> m = MatchLabel(padded, "");
  if (m && m->label.size() + 2 >= label.size()) return m->style;
  return "";
}

Status CheckLabelRules() {
  for (const auto& rule : CompiledRules()) {
    if (!rule->re().ok()) {
      return Internal(std::string("label rule '") + rule->style() + "': " + rule->re().error());
    }
  }
  return Status();
}

}  // namespace rapporteur::ingest
