// Line-level rules shared by the readers that see text as lines (plain text
// and PDF; Markdown uses JoinLine for soft breaks):
//
//  - StartsWithLabel: a line that begins with a printed label ("Article 5",
//    "5.2", "(a)", "第五条", a bullet) starts a new block even without a
//    blank line before it. The label stays in the text: the structure pass
//    parses it; this only decides where blocks break.
//  - JoinLine: appends the next line of a paragraph, rejoining a word
//    hyphenated across the line end and joining CJK text without a space.
//  - IsPageNumberLine: a line that is only a page number.
//  - CleanText: the whitespace and normalisation every block text gets.
//
// All functions take and return UTF-8; invalid bytes are passed through.
#ifndef RAPPORTEUR_SRC_INGEST_LINE_BREAKS_H_
#define RAPPORTEUR_SRC_INGEST_LINE_BREAKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur::ingest {

// True if `line` (leading whitespace ignored) begins with a label pattern:
// Article/Art./ARTICLE/Artículo/Article premier/Section/§/CHAPTER/TITLE/...
// followed by a number, Arabic or Roman, with bis/ter; 第…条/章/节/编;
// "5." "5.2" "5.2.1" "1 bis"; "(a)" "a)" "(iv)" "IV."; "- " "* " "• ".
bool StartsWithLabel(std::string_view line);

// Appends `line` to `paragraph`: with nothing when the paragraph ends with
// "letter-" and the line starts with a lower-case letter (the hyphen is
// dropped: "imple-" + "mentation"); with nothing when the paragraph ends
// with "letter-" otherwise ("Elola-" + "Olaso" keeps its hyphen) or when both
// sides are CJK (characters or CJK punctuation); with a space otherwise.
// Sources typed by a person (Markdown) wrap lines themselves rather than
// hyphenate: with kKeep, a final hyphen is kept and joined without a space.
enum class Hyphens { kRejoin, kKeep };
void JoinLine(std::string* paragraph, std::string_view line, Hyphens hyphens = Hyphens::kRejoin);

// True if the trimmed line is only a page number: "3", "- 3 -", "— 3 —",
// "3 / 10", "Página 3", "Page 3 of 10", "Pág. 3", "iv".
bool IsPageNumberLine(std::string_view line);

// Collapses whitespace, trims, and NFC-normalises.
std::string CleanText(std::string_view text);

// Splits text into lines at LF, CRLF or CR (old Mac), without the ends.
std::vector<std::string_view> SplitLines(std::string_view text);

// True if the line is empty or only Unicode whitespace.
bool IsBlankLine(std::string_view line);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_LINE_BREAKS_H_
