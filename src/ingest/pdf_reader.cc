// PDF reader over poppler-cpp, built as the module librapporteur_pdf.so
// (pdf_module.h).
//
// Pipeline, one function each:
//  1. ExtractLines: poppler's word boxes (page::text_list) are grouped into
//     rows by position, top to bottom, left to right. A page with a vertical
//     gutter (FindGutter) is read column by column between full-width rows.
//     Words written in another direction than most of the page (the sideways
//     "cve: BOCG-..." stamps of the Spanish Cortes) are dropped: body text is
//     never sideways.
//  2. RemoveRunningLines: lines in a margin band (top or bottom 12% of the
//     page, or the outer 8% left/right) are dropped when they are page
//     numbers or when each of their words, digits masked, recurs at the same
//     height in a margin on at least half of the pages (running headers,
//     footers, stamps).
//  3. BuildBlocks: lines are joined into paragraphs (JoinLine rejoins
//     hyphenation); a paragraph breaks on a vertical gap over 1.5x the median
//     line spacing, on a first-line indent, after a short line ending a
//     sentence, and before a line that starts with a label (line_breaks.h).
// The title is the document information Title unless it looks like a file
// name. Errors: locked PDFs are kEncrypted, unloadable ones "not a valid
// PDF", PDFs without a single word kNoText.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "src/ingest/line_breaks.h"
#include "src/ingest/pdf_module.h"
#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

// Margin bands: running headers of official journals reach about 11% of the
// page height (BOCG: 89pt of 842pt); body text rarely repeats verbatim there.
constexpr double kTopBand = 0.12;
constexpr double kBottomBand = 0.88;
constexpr double kSideBand = 0.08;
// A gap between baselines this many times the median spacing ends a
// paragraph: 1.0 is the normal leading, a blank line makes it about 2.
constexpr double kParagraphGap = 1.5;
// A first line indented by this many line heights or more starts a paragraph;
// justified lines start within a point of each other, indents are 1-5 ems.
constexpr double kIndent = 0.8;
// A line ending this far (fraction of the text width) before the right edge,
// with sentence-final punctuation, ends its paragraph; so does any line
// shorter than kVeryShortLine of the width (titles, "Article 5" on its own),
// which in running text only happens at a paragraph's end.
constexpr double kShortLine = 0.15;
constexpr double kVeryShortLine = 0.6;

struct Line {
  std::string text;
  std::vector<std::string> words;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  int page = 0;
  double height() const { return bottom - top; }
};

struct Page {
  double width = 0, height = 0;
  double gutter = 0;  // x between two columns; 0 on one-column pages
  std::vector<Line> lines;
  bool has_words = false;
};

std::string ToUtf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void SilencePopplerOnce() {
  static const bool kSilenced = [] {
    // poppler reports syntax errors of damaged files on stderr; the reader
    // reports its own error instead.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)kSilenced;
}

int MajorityRotation(const std::vector<poppler::text_box>& boxes) {
  std::map<int, std::size_t> counts;
  for (const poppler::text_box& box : boxes) counts[box.rotation()] += box.text().size();
  int best = 0;
  std::size_t best_count = 0;
  for (const auto& [rotation, count] : counts) {
    if (count > best_count) best = rotation, best_count = count;
  }
  return best;
}

struct Word {
  std::string text;
  double x0 = 0, x1 = 0, top = 0, bottom = 0;
  bool space_after = false;
  double centre() const { return (top + bottom) / 2; }
};

// The page's words in the majority writing direction.
std::vector<Word> PageWords(const poppler::page& page) {
  const std::vector<poppler::text_box> boxes = page.text_list();
  const int rotation = MajorityRotation(boxes);
  std::vector<Word> words;
  for (const poppler::text_box& box : boxes) {
    if (box.rotation() != rotation) continue;
    std::string text = ToUtf8(box.text());
    if (text.empty()) continue;
    const poppler::rectf r = box.bbox();
    words.push_back(
        {std::move(text), r.left(), r.right(), r.top(), r.bottom(), box.has_space_after()});
  }
  return words;
}

struct Gutter {
  double x0 = 0, x1 = 0;
  bool found() const { return x1 > x0; }
  bool Overlaps(const Word& w) const { return w.x0 < x1 && w.x1 > x0; }
};

// The widest vertical strip in the middle 30-70% of the page that at most a
// tenth as many words (or three) cross as cross the page's busiest x (spanning
// titles may cross it), at least 8pt wide, with a tenth of the words on each side.
// In justified single-column text every x is covered by most lines, so no
// such strip exists.
Gutter FindGutter(const std::vector<Word>& words, double page_width) {
  constexpr double kStep = 2, kMinWidth = 8;
  if (words.size() < 20 || page_width <= 0 || page_width > 20000) return {};
  const auto bins = static_cast<std::size_t>(page_width / kStep) + 1;
  std::vector<int> coverage(bins, 0);
  auto bin = [&](double x) {
    return std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, x) / kStep));
  };
  for (const Word& w : words) {
    for (std::size_t b = bin(w.x0); b <= bin(w.x1); ++b) ++coverage[b];
  }
  // A three-line title may cross the gutter of a page with few rows.
  const int low = std::max(3, *std::max_element(coverage.begin(), coverage.end()) / 10);
  // The least-crossed x of the middle, then the widest strip that low.
  const std::size_t first = bins * 3 / 10, last = bins * 7 / 10;
  const int least = *std::min_element(coverage.begin() + first, coverage.begin() + last + 1);
  if (least > low) return {};
  std::size_t best_start = 0, best_end = 0, start = first;
  for (std::size_t b = first; b <= last; ++b) {
    if (coverage[b] > least) {
      start = b + 1;
    } else if (b + 1 - start > best_end - best_start) {
      best_start = start, best_end = b + 1;
    }
  }
  const Gutter gutter{best_start * kStep, best_end * kStep};
  if (gutter.x1 - gutter.x0 < kMinWidth) return {};
  std::size_t left = 0, right = 0;
  for (const Word& w : words) {
    left += w.x1 <= gutter.x0;
    right += w.x0 >= gutter.x1;
  }
  return left >= words.size() / 10 && right >= words.size() / 10 ? gutter : Gutter();
}

// Words grouped into rows (a word whose vertical centre falls within the
// row's box joins it), top to bottom, each row left to right. Sorting by
// position rather than keeping poppler's order matters: poppler splits a
// line at wide gaps ("Artículo 10.   Obligaciones ...") into blocks it may
// order badly.
std::vector<std::vector<const Word*>> GroupRows(const std::vector<Word>& words) {
  std::vector<const Word*> sorted;
  sorted.reserve(words.size());
  for (const Word& w : words) sorted.push_back(&w);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Word* a, const Word* b) { return a->centre() < b->centre(); });
  std::vector<std::vector<const Word*>> rows;
  double top = 0, bottom = 0;
  for (const Word* w : sorted) {
    if (rows.empty() || w->centre() > bottom) {
      rows.emplace_back();
      top = w->top, bottom = w->bottom;
    }
    rows.back().push_back(w);
    top = std::min(top, w->top), bottom = std::max(bottom, w->bottom);
  }
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(),
                     [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  }
  return rows;
}

// One line from words of one row, with a space where poppler saw one or
// where the words are apart by more than a fifth of the line height.
Line MakeLine(const std::vector<const Word*>& words, int page) {
  Line line;
  line.page = page;
  const Word* prev = nullptr;
  for (const Word* w : words) {
    if (prev == nullptr) {
      line.x0 = w->x0, line.x1 = w->x1, line.top = w->top, line.bottom = w->bottom;
    } else {
      if (prev->space_after || w->x0 - line.x1 > 0.2 * line.height()) line.text += ' ';
      line.x0 = std::min(line.x0, w->x0), line.x1 = std::max(line.x1, w->x1);
      line.top = std::min(line.top, w->top), line.bottom = std::max(line.bottom, w->bottom);
    }
    line.words.push_back(w->text);
    line.text += w->text;
    prev = w;
  }
  return line;
}

// Lines in reading order: rows top to bottom; on a two-column page the
// rows between two full-width rows are read left column, then right column.
Page ExtractLines(const poppler::page& page, int index) {
  Page out;
  const poppler::rectf rect = page.page_rect();
  out.width = rect.width(), out.height = rect.height();
  const std::vector<Word> words = PageWords(page);
  out.has_words = !words.empty();
  const Gutter gutter = FindGutter(words, out.width);
  if (gutter.found()) out.gutter = (gutter.x0 + gutter.x1) / 2;
  std::vector<Line> left, right;
  auto flush_columns = [&] {
    for (auto* column : {&left, &right}) {
      for (Line& line : *column) out.lines.push_back(std::move(line));
      column->clear();
    }
  };
  for (const std::vector<const Word*>& row : GroupRows(words)) {
    const bool spans =
        std::any_of(row.begin(), row.end(), [&](const Word* w) { return gutter.Overlaps(*w); });
    if (!gutter.found() || spans) {
      flush_columns();
      out.lines.push_back(MakeLine(row, index));
      continue;
    }
    std::vector<const Word*> left_words, right_words;
    for (const Word* w : row) (w->x1 <= gutter.x0 ? left_words : right_words).push_back(w);
    if (!left_words.empty()) left.push_back(MakeLine(left_words, index));
    if (!right_words.empty()) right.push_back(MakeLine(right_words, index));
  }
  flush_columns();
  return out;
}

bool InMargin(const Line& line, const Page& page) {
  return line.bottom < kTopBand * page.height || line.top > kBottomBand * page.height ||
         line.x1 < kSideBand * page.width || line.x0 > (1 - kSideBand) * page.width;
}

// A margin word as it recurs from page to page: its text with digits masked
// and its height on the page in 4pt steps.
// Words, not lines, are compared because poppler groups a header's pieces
// ("Serie A Núm. 4-1", "19 de enero de 2024", "Pág. 2") differently on
// different pages.
// A run of digits masks to one '#': "Pág. 9" and "Pág. 10" match.
std::string WordKey(const std::string& word, double top) {
  std::string key;
  for (char c : word) {
    const bool digit = c >= '0' && c <= '9';
    if (!digit) {
      key += c;
    } else if (key.empty() || key.back() != '#') {
      key += '#';
    }
  }
  return key + "@" + std::to_string(static_cast<long>(std::lround(top / 4)));
}

void RemoveRunningLines(std::vector<Page>* pages) {
  std::map<std::string, int> pages_with_key;
  for (const Page& page : *pages) {
    std::set<std::string> keys;
    for (const Line& line : page.lines) {
      if (!InMargin(line, page)) continue;
      for (const std::string& word : line.words) keys.insert(WordKey(word, line.top));
    }
    for (const std::string& key : keys) ++pages_with_key[key];
  }
  const int threshold = std::max(2, static_cast<int>((pages->size() + 1) / 2));
  auto is_running = [&](const Line& line) {
    return std::all_of(line.words.begin(), line.words.end(), [&](const std::string& word) {
      return pages_with_key[WordKey(word, line.top)] >= threshold;
    });
  };
  for (Page& page : *pages) {
    std::erase_if(page.lines, [&](const Line& line) {
      return InMargin(line, page) && (IsPageNumberLine(line.text) || is_running(line));
    });
  }
}

// Where text lines start and end on a page, per column: the short-line
// rule compares a line with the right edge of its own column.
struct Columns {
  double gutter = 0;         // Page::gutter
  double left[2] = {0, 0};   // leftmost x of each column
  double right[2] = {0, 0};  // rightmost x of each column
};

struct Layout {
  double spacing = 0;            // median distance between consecutive baselines
  std::vector<Columns> columns;  // per page
};

int ColumnOf(const Line& line, const Columns& columns) {
  return columns.gutter > 0 && line.x0 >= columns.gutter ? 1 : 0;
}

Columns MeasureColumns(const Page& page) {
  Columns columns;
  columns.gutter = page.gutter;
  columns.left[0] = columns.left[1] = page.width;
  for (const Line& line : page.lines) {
    // Full-width titles on a two-column page say nothing of the columns.
    if (page.gutter > 0 && line.x0 < page.gutter && line.x1 > page.gutter) continue;
    const int column = ColumnOf(line, columns);
    columns.left[column] = std::min(columns.left[column], line.x0);
    columns.right[column] = std::max(columns.right[column], line.x1);
  }
  return columns;
}

Layout MeasureLayout(const std::vector<Page>& pages) {
  Layout layout;
  std::vector<double> deltas;
  for (const Page& page : pages) {
    for (std::size_t i = 1; i < page.lines.size(); ++i) {
      const double delta = page.lines[i].bottom - page.lines[i - 1].bottom;
      if (delta > 0 && delta < 4 * page.lines[i].height()) deltas.push_back(delta);
    }
    layout.columns.push_back(MeasureColumns(page));
  }
  if (!deltas.empty()) {
    std::nth_element(deltas.begin(), deltas.begin() + deltas.size() / 2, deltas.end());
    layout.spacing = deltas[deltas.size() / 2];
  }
  return layout;
}

bool EndsSentence(std::string_view text) {
  for (std::string_view end : {".", ":", ";", "。", "：", "；"}) {
    if (text.ends_with(end)) return true;
  }
  return false;
}

bool StartsParagraph(const Line& prev, const Line& next, const Layout& layout) {
  if (StartsWithLabel(next.text)) return true;
  const double height = std::max(prev.height(), 1.0);
  const bool same_page = next.page == prev.page;
  if (same_page && next.top > prev.top && layout.spacing > 0 &&
      next.bottom - prev.bottom > kParagraphGap * layout.spacing) {
    return true;
  }
  // Indented relative to the line above, and in the same column.
  if (next.x0 - prev.x0 > kIndent * height && next.x0 < prev.x1) return true;
  const Columns& columns = layout.columns[prev.page];
  const int column = ColumnOf(prev, columns);
  const double right = columns.right[column];
  const double width = right - columns.left[column];
  if (prev.x1 >= right - kShortLine * width) return false;
  // "imple-" continues on the next line; a lone "---" rule does not.
  const std::string& text = prev.text;
  const bool hyphenated = text.size() >= 2 && text.back() == '-' &&
                          (std::isalpha(static_cast<unsigned char>(text[text.size() - 2])) ||
                           static_cast<unsigned char>(text[text.size() - 2]) >= 0x80);
  if (hyphenated || text.ends_with(",")) return false;
  return EndsSentence(prev.text) || prev.x1 - prev.x0 < kVeryShortLine * width;
}

std::vector<RawBlock> BuildBlocks(const std::vector<Page>& pages) {
  const Layout layout = MeasureLayout(pages);
  std::vector<RawBlock> blocks;
  std::string paragraph;
  const Line* prev = nullptr;
  auto flush = [&] {
    std::string text = CleanText(paragraph);
    paragraph.clear();
    if (!text.empty()) blocks.push_back({BlockKind::kParagraph, 0, -1, "", std::move(text)});
  };
  for (const Page& page : pages) {
    for (const Line& line : page.lines) {
      if (prev != nullptr && StartsParagraph(*prev, line, layout)) flush();
      JoinLine(&paragraph, line.text);
      prev = &line;
    }
  }
  flush();
  return blocks;
}

// Document information titles are often the producer's file name.
std::string MetadataTitle(const poppler::document& doc) {
  std::string title = CleanText(ToUtf8(doc.info_key("Title")));
  for (std::string_view junk : {"Microsoft Word", ".doc", ".pdf", ".odt", "Untitled"}) {
    if (title.find(junk) != std::string::npos) return "";
  }
  return title;
}

Result<RawDocument> ReadPdfWithPoppler(std::string_view bytes, const std::string& /*name*/,
                                       const ReadOptions& /*options*/) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return TooLarge("PDF file too large");
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return InvalidInput("not a valid PDF");
  }
  SilencePopplerOnce();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) return InvalidInput("not a valid PDF");
  if (doc->is_locked()) {
    return Status(ErrorCode::kEncrypted, "encrypted PDF; decrypt it first (e.g. qpdf --decrypt)");
  }
  std::vector<Page> pages;
  int pages_without_words = 0;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    pages.push_back(page != nullptr ? ExtractLines(*page, i) : Page());
    if (!pages.back().has_words) ++pages_without_words;
  }
  if (pages_without_words == static_cast<int>(pages.size())) {
    return Status(ErrorCode::kNoText,
                  "no text layer (a scanned document?); run OCR first, e.g. ocrmypdf");
  }
  RemoveRunningLines(&pages);
  RawDocument raw;
  raw.title = MetadataTitle(*doc);
  raw.blocks = BuildBlocks(pages);
  if (pages_without_words > 0) {
    raw.warnings.push_back(std::to_string(pages_without_words) + " of " +
                           std::to_string(pages.size()) +
                           " pages have no text layer; their text is missing");
  }
  if (raw.blocks.empty()) return InvalidInput("empty document");
  return raw;
}

}  // namespace
}  // namespace rapporteur::ingest

// The module's entry point (pdf_module.h): its table, if the program that
// loads the module was built with the same types.
extern "C" [[gnu::visibility("default")]] const void* rapporteur_pdf_module(std::uint64_t abi) {
  static const rapporteur::ingest::PdfModule module = {&rapporteur::ingest::ReadPdfWithPoppler};
  return abi == rapporteur::ingest::kPdfModuleAbi ? &module : nullptr;
}
