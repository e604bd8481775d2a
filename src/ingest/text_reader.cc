// Plain text reader.
//
// Blocks: paragraphs are separated by blank lines; a line that starts with a
// label (line_breaks.h) also starts a new block. Lines of one block are
// joined by JoinLine (hyphenation rejoined, CJK without spaces). Every block
// is a kParagraph; bullets and labels stay in the text.
//
// Title rule, kept simple so it is predictable: the first paragraph is the
// title (and not a block) when it is a single line of at most 120 bytes,
// does not start with a label, does not end in '.', ':' or ';', is followed
// by a blank line, and more text follows.
#include "src/ingest/line_breaks.h"
#include "src/ingest/readers.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

// Longer first lines are sentences, not titles.
constexpr std::size_t kMaxTitleBytes = 120;

struct Paragraph {
  std::string text;
  int lines = 0;
  bool starts_with_label = false;
  bool ended_by_blank = false;
};

std::vector<Paragraph> SplitParagraphs(std::string_view utf8) {
  std::vector<Paragraph> paragraphs;
  Paragraph current;
  auto flush = [&](bool by_blank) {
    if (current.lines > 0) {
      current.ended_by_blank = by_blank;
      paragraphs.push_back(std::move(current));
    }
    current = Paragraph();
  };
  for (std::string_view line : SplitLines(utf8)) {
    if (IsBlankLine(line)) {
      flush(true);
      continue;
    }
    if (StartsWithLabel(line)) {
      flush(false);
      current.starts_with_label = true;
    }
    JoinLine(&current.text, line);
    ++current.lines;
  }
  flush(false);
  return paragraphs;
}

bool IsTitle(const Paragraph& first, std::size_t paragraph_count) {
  if (paragraph_count < 2 || first.lines != 1 || first.starts_with_label) return false;
  if (!first.ended_by_blank) return false;
  const std::string title = CleanText(first.text);
  if (title.empty() || title.size() > kMaxTitleBytes) return false;
  const char last = title.back();
  return last != '.' && last != ':' && last != ';';
}

}  // namespace

Result<RawDocument> ReadPlainText(std::string_view bytes, const std::string& /*name*/,
                                  const ReadOptions& options) {
  Result<std::string> utf8 = text::DecodeToUtf8(bytes, options.encoding);
  if (!utf8) return utf8.error();
  std::vector<Paragraph> paragraphs = SplitParagraphs(*utf8);
  RawDocument doc;
  std::size_t first_block = 0;
  if (!paragraphs.empty() && IsTitle(paragraphs.front(), paragraphs.size())) {
    doc.title = CleanText(paragraphs.front().text);
    first_block = 1;
  }
  for (std::size_t i = first_block; i < paragraphs.size(); ++i) {
    RawBlock block;
    block.text = CleanText(paragraphs[i].text);
    if (!block.text.empty()) doc.blocks.push_back(std::move(block));
  }
  if (doc.blocks.empty() && doc.title.empty()) return InvalidInput("empty document");
  return doc;
}

}  // namespace rapporteur::ingest
