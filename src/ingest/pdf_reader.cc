// PDF reader over poppler-cpp.
//
// Pipeline, one function each:
//  1. ExtractLines: poppler's word boxes (page::text_list) in poppler's own
//     reading order, which already detects columns, are grouped into lines:
//     a word starts a new line when its vertical centre leaves the current
//     line's box or it moves back to the left. Words written in another
//     direction than most of the page (the sideways "cve: BOCG-..." stamps of
//     the Spanish Cortes) are dropped: body text is never sideways. On
//     single-column pages, lines are then sorted top to bottom and pieces of
//     one row merged (MergeRows).
//  2. RemoveRunningLines: lines in a margin band (top or bottom 12% of the
//     page, or the outer 8% left/right) are dropped when they are page
//     numbers or when, digits masked, they recur in a margin on at least half
//     of the pages (running headers, footers, stamps).
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

// Appends `box` to `line`, with a space unless the words touch.
void AddWord(Line* line, const poppler::text_box& box, bool space_before) {
  const poppler::rectf r = box.bbox();
  if (line->text.empty()) {
    line->x0 = r.left(), line->x1 = r.right(), line->top = r.top(), line->bottom = r.bottom();
  } else {
    if (space_before || r.left() - line->x1 > 0.2 * line->height()) line->text += ' ';
    line->x0 = std::min(line->x0, r.left()), line->x1 = std::max(line->x1, r.right());
    line->top = std::min(line->top, r.top()), line->bottom = std::max(line->bottom, r.bottom());
  }
  line->words.push_back(ToUtf8(box.text()));
  line->text += line->words.back();
}

// Two columns: at least a quarter of the lines (and 3) on each side of the
// middle. Headers split into left and right pieces are a few lines a page.
bool IsTwoColumn(const Page& page) {
  const double middle = page.width / 2;
  std::size_t left = 0, right = 0;
  for (const Line& line : page.lines) {
    left += line.x1 < middle;
    right += line.x0 > middle;
  }
  const std::size_t needed = std::max<std::size_t>(3, page.lines.size() / 4);
  return left >= needed && right >= needed;
}

bool SameRow(const Line& a, const Line& b) {
  const double centre_b = (b.top + b.bottom) / 2, centre_a = (a.top + a.bottom) / 2;
  return (centre_b > a.top && centre_b < a.bottom) || (centre_a > b.top && centre_a < b.bottom);
}

// poppler splits a line at wide gaps ("Artículo 10.   Obligaciones ...") into
// blocks it may order badly ("Artículo 10.", "1.", "Obligaciones ..."). On a
// single-column page, lines are put in top-to-bottom order and the pieces
// of one row merged left to right; two-column pages keep poppler's order,
// which reads the columns one after the other.
void MergeRows(Page* page) {
  if (IsTwoColumn(*page)) return;
  std::stable_sort(page->lines.begin(), page->lines.end(),
                   [](const Line& a, const Line& b) { return a.top + a.bottom < b.top + b.bottom; });
  std::vector<Line> rows;
  for (Line& line : page->lines) {
    if (rows.empty() || !SameRow(rows.back(), line)) {
      rows.push_back(std::move(line));
      continue;
    }
    Line& row = rows.back();
    const bool before = line.x0 < row.x0;
    Line& first = before ? line : row;
    Line& second = before ? row : line;
    Line merged = first;
    merged.text += " " + second.text;
    merged.words.insert(merged.words.end(), second.words.begin(), second.words.end());
    merged.x0 = std::min(row.x0, line.x0), merged.x1 = std::max(row.x1, line.x1);
    merged.top = std::min(row.top, line.top), merged.bottom = std::max(row.bottom, line.bottom);
    row = std::move(merged);
  }
  page->lines = std::move(rows);
}

Page ExtractLines(const poppler::page& page, int index) {
  Page out;
  const poppler::rectf rect = page.page_rect();
  out.width = rect.width(), out.height = rect.height();
  const std::vector<poppler::text_box> boxes = page.text_list();
  const int rotation = MajorityRotation(boxes);
  Line line;
  bool space_before = false;
  for (const poppler::text_box& box : boxes) {
    if (box.rotation() != rotation || box.text().empty()) continue;
    out.has_words = true;
    const poppler::rectf r = box.bbox();
    const double centre = (r.top() + r.bottom()) / 2;
    const bool same_line = !line.text.empty() && centre > line.top && centre < line.bottom &&
                           r.left() > line.x1 - 0.5 * line.height();
    if (!line.text.empty() && !same_line) {
      out.lines.push_back(std::move(line));
      line = Line();
    }
    line.page = index;
    AddWord(&line, box, space_before);
    space_before = box.has_space_after();
  }
  if (!line.text.empty()) out.lines.push_back(std::move(line));
  MergeRows(&out);
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
  double middle = 0;          // x between the columns; 0 on one-column pages
  double left[2] = {0, 0};    // leftmost x of each column
  double right[2] = {0, 0};   // rightmost x of each column
};

struct Layout {
  double spacing = 0;  // median distance between consecutive baselines
  std::vector<Columns> columns;  // per page
};

int ColumnOf(const Line& line, const Columns& columns) {
  return columns.middle > 0 && line.x0 > columns.middle ? 1 : 0;
}

Columns MeasureColumns(const Page& page) {
  Columns columns;
  if (IsTwoColumn(page)) columns.middle = page.width / 2;
  columns.left[0] = columns.left[1] = page.width;
  for (const Line& line : page.lines) {
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

}  // namespace

Result<RawDocument> ReadPdf(std::string_view bytes, const std::string& /*name*/,
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

}  // namespace rapporteur::ingest
