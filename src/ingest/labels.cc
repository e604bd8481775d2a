#include "src/ingest/labels.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside <regex> under the
// sanitizers; the warning is in the library, not here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#include <vector>

namespace rapporteur::ingest {
namespace {

// Chinese numerals as UTF-8 alternatives: std::regex works on bytes, so a
// bracket expression cannot hold multi-byte characters.
#define CN_NUM "(?:[0-9]|一|二|三|四|五|六|七|八|九|十|百|千|零|〇|两)+"
#define ROMAN "[IVXLCDM]+"
#define SUFFIX "(?:[ \\-](?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)\\b)?"
// A clause that begins by citing an article ("Article 19 of the Covenant
// guarantees ...") is not numbered by it.
#define NOT_CITATION "(?!\\s+(?:of|de|del|du|des|and|or|y|et|to|in|shall|is|was|provides)\\b)"
#define SEP "(?:[.:\\-]|–|—)?"

struct Rule {
  const char* style;
  const char* pattern;  // group 1 is the label; the match includes separators
};

// Order matters: the first rule that matches wins, so longer forms come
// before their prefixes ("5.2.1" before "5.2" before "5.").
const Rule kRules[] = {
    {"part", "^((?:PART|Part|TITLE|Title|T(?:I|Í)TULO|T(?:i|í)tulo|LIBRO|Libro|BOOK|Book|TITRE|Titre|"
             "PARTIE|Partie)\\s+(?:" ROMAN "|[0-9]+|PRELIMINAR|[Pp]reliminar|[A-Z])\\b)[.:]?\\s*"},
    {"part", "^(第" CN_NUM "(?:编|部分))\\s*"},
    {"annex", "^((?:ANNEX|Annex|ANEXO|Anexo|ANNEXE|Annexe)(?:\\s+(?:" ROMAN "|[0-9]+|[A-Z]))?)\\b" SEP "\\s*"},
    {"chapter", "^((?:CHAPTER|Chapter|CAP(?:I|Í)TULO|Cap(?:i|í)tulo|CHAPITRE|Chapitre)\\s+"
                "(?:" ROMAN "|[0-9]+)\\b" SUFFIX ")" SEP "\\s*"},
    {"chapter", "^(第" CN_NUM "章)\\s*"},
    {"section", "^((?:SECTION|Section|SECCI(?:O|Ó)N|Secci(?:o|ó)n)\\s+(?:" ROMAN "|[0-9]+)\\b)[.:]?\\s*"},
    {"section", "^(第" CN_NUM "节)\\s*"},
    {"article", "^((?:ARTICLE|Article|Art\\.|ART\\.|ART(?:I|Í)CULO|Art(?:i|í)culo|ARTICULO)\\s*"
                "(?:[0-9]+[A-Z]?\\b|" ROMAN "\\b|premier|primero|(?:u|ú)nico|UNICO)" SUFFIX ")" NOT_CITATION SEP "\\s*"},
    {"article", "^((?:RULE|Rule|REGLA|Regla|R(?:è|e)gle)\\s+[0-9]+)\\b" NOT_CITATION SEP "\\s*"},
    {"article", "^((?:SEC|Sec)\\.\\s*[0-9]+[A-Z]?\\.)\\s*"},
    {"article", "^(§+\\s*[0-9]+[a-z]?)\\.?\\s*"},
    {"article", "^(Disposici(?:o|ó)n\\s+(?:adicional|transitoria|derogatoria|final)\\s+(?:[a-z]|é)+)[.:]?\\s*"},
    {"article", "^(第" CN_NUM "条(?:之" CN_NUM ")?)\\s*"},
    {"dotted3", "^([0-9]+\\.[0-9]+\\.[0-9]+\\.?)\\s+"},
    {"dotted2", "^([0-9]+\\.[0-9]+\\.?)\\s+(?![a-z])"},  // not "1.5 million"
    {"decimal", "^([0-9]+" SUFFIX "[.)])(?:\\s+|$)"},
    {"decimal", "^([0-9]+ (?:bis|ter|quater))\\b[.:]?\\s*"},
    {"num_paren", "^(\\([0-9]+\\))\\s*"},
    {"cn_paren", "^(（" CN_NUM "）)\\s*"},
    {"cn_enum", "^(" CN_NUM "、)\\s*"},
    {"roman_paren", "^(\\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)\\))\\s*"},
    {"letter_paren", "^(\\([a-z]{1,2}\\))\\s*"},
    {"letter_close", "^([a-z]\\))\\s+"},
    {"upper_paren", "^(\\([A-Z]{1,2}\\))\\s*"},
    {"upper_roman", "^(" ROMAN "\\.)\\s+"},
    {"upper_letter", "^([A-Z]\\.)\\s+"},
};

struct CompiledRule {
  const char* style;
  std::regex re;
};

const std::vector<CompiledRule>& CompiledRules() {
  static const std::vector<CompiledRule>* rules = [] {
    auto* out = new std::vector<CompiledRule>();
    for (const Rule& r : kRules) out->push_back({r.style, std::regex(r.pattern)});
    return out;
  }();
  return *rules;
}

// Labels are short: matching a bounded prefix keeps std::regex's recursion
// shallow on long paragraphs.
constexpr std::size_t kPrefixBytes = 96;

std::string_view Prefix(std::string_view text) {
  if (text.size() <= kPrefixBytes) return text;
  std::size_t n = kPrefixBytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

// "(i)" right after "(h)" continues a list of letters.
bool ContinuesLetters(std::string_view roman, std::string_view previous_letter) {
  if (roman.size() != 3 || previous_letter.size() != 3) return false;
  return previous_letter[0] == '(' && roman[1] == previous_letter[1] + 1;
}

}  // namespace

std::optional<LabelMatch> MatchLabel(std::string_view text, std::string_view previous_letter) {
  const std::string_view prefix = Prefix(text);
  std::cmatch m;
  for (const CompiledRule& rule : CompiledRules()) {
    if (!std::regex_search(prefix.begin(), prefix.end(), m, rule.re)) continue;
    LabelMatch match{rule.style, m[1].str(), static_cast<std::size_t>(m.length(0))};
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

}  // namespace rapporteur::ingest

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
