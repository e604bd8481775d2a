// Markdown reader over cmark (CommonMark).
//
// Blocks: headings (kHeading, heading_level); paragraphs, block quotes and
// code blocks (kParagraph); paragraphs inside list items (kListItem,
// list_level = list nesting depth, 0 for a top-level list). The first
// paragraph of an ordered item gets its printed number ("3. " or "3) ") at
// the start of its text, where the structure pass finds it; RawBlock::label
// stays empty. The first level-1 heading becomes the title and not a block.
//
// Tables (GitHub style) are not CommonMark, so cmark sees them as
// paragraphs: a paragraph whose lines all start with '|', or whose second
// line is a "---|---" separator, becomes one kTableRow per row, cells joined
// by " | ", the separator row skipped. Raw HTML (comments such as
// "<!-- INFO END -->") is dropped. Soft and hard line breaks join lines with
// a space, or with nothing between CJK characters.
#include <cmark.h>

#include <memory>

#include "src/ingest/line_breaks.h"
#include "src/ingest/readers.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using IterPtr = std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)>;

// The text of a leaf block's inlines, line breaks kept as '\n'.
std::string InlineText(cmark_node* leaf) {
  std::string out;
  IterPtr iter(cmark_iter_new(leaf), cmark_iter_free);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: out += cmark_node_get_literal(node); break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += '\n'; break;
      default: break;  // HTML_INLINE dropped; containers' text comes from children
    }
  }
  return out;
}

std::string JoinLines(std::string_view text) {
  std::string joined;
  for (std::string_view line : SplitLines(text)) JoinLine(&joined, line, Hyphens::kKeep);
  return CleanText(joined);
}

bool IsTableSeparator(std::string_view line) {
  if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos) {
    return false;
  }
  return line.find_first_not_of("|:- \t") == std::string_view::npos;
}

bool LooksLikeTable(const std::vector<std::string_view>& lines) {
  if (lines.size() >= 2 && IsTableSeparator(lines[1])) return true;
  for (std::string_view line : lines) {
    // Most lines start with ASCII: look at the first byte that is not an
    // ASCII space, and collapse Unicode spaces only when there is one.
    const std::size_t first = line.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) return false;
    if (static_cast<unsigned char>(line[first]) >= 0x80) {
      const std::string trimmed = text::CollapseWhitespace(line);
      if (trimmed.empty() || trimmed.front() != '|') return false;
    } else if (line[first] != '|') {
      return false;
    }
  }
  return !lines.empty();
}

std::string TableRowText(std::string_view line) {
  std::string trimmed = text::CollapseWhitespace(line);
  std::string_view row(trimmed);
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  std::string out;
  std::size_t start = 0;
  while (start <= row.size()) {
    std::size_t end = row.find('|', start);
    if (end == std::string_view::npos) end = row.size();
    if (!out.empty() || start > 0) out += " | ";
    out += CleanText(row.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct ListFrame {
  bool ordered = false;
  int next_number = 1;
  bool paren = false;
};

class MarkdownWalker {
 public:
  explicit MarkdownWalker(RawDocument* doc) : doc_(doc) {}
  void Walk(cmark_node* root);

 private:
  void OnEnter(cmark_node* node);
  void AddLeaf(cmark_node* node, const std::string& text);
  void AddParagraph(const std::string& text);

  RawDocument* doc_;
  std::vector<ListFrame> lists_;
  std::string pending_number_;  // printed number of the item not yet emitted
  int item_depth_ = 0;          // list items we are inside
};

void MarkdownWalker::Walk(cmark_node* root) {
  IterPtr iter(cmark_iter_new(root), cmark_iter_free);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_EXIT) {
      if (type == CMARK_NODE_LIST && !lists_.empty()) lists_.pop_back();
      if (type == CMARK_NODE_ITEM) --item_depth_;
      continue;
    }
    OnEnter(node);
    const bool leaf = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING;
    // Skip the inlines of a leaf block: InlineText has read them.
    if (leaf) cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
  }
}

void MarkdownWalker::OnEnter(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_LIST:
      lists_.push_back({cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                        cmark_node_get_list_start(node),
                        cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM});
      break;
    case CMARK_NODE_ITEM:
      ++item_depth_;
      pending_number_.clear();
      if (!lists_.empty() && lists_.back().ordered) {
        ListFrame& list = lists_.back();
        pending_number_ = std::to_string(list.next_number++) + (list.paren ? ")" : ".");
      }
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: AddLeaf(node, InlineText(node)); break;
    case CMARK_NODE_CODE_BLOCK: AddParagraph(cmark_node_get_literal(node)); break;
    default: break;  // HTML blocks (comments) and thematic breaks carry no text
  }
}

void MarkdownWalker::AddLeaf(cmark_node* node, const std::string& text) {
  if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
    const int level = cmark_node_get_heading_level(node);
    std::string heading = JoinLines(text);
    if (heading.empty()) return;
    if (level == 1 && doc_->title.empty()) {
      doc_->title = std::move(heading);
      return;
    }
    doc_->blocks.push_back({BlockKind::kHeading, level, -1, "", std::move(heading)});
    return;
  }
  const std::vector<std::string_view> lines = SplitLines(text);
  if (!LooksLikeTable(lines)) {
    AddParagraph(text);
    return;
  }
  for (std::string_view line : lines) {
    if (IsTableSeparator(line) || IsBlankLine(line)) continue;
    doc_->blocks.push_back({BlockKind::kTableRow, 0, -1, "", TableRowText(line)});
  }
}

void MarkdownWalker::AddParagraph(const std::string& text) {
  std::string joined = JoinLines(text);
  if (joined.empty()) return;
  if (item_depth_ == 0) {
    doc_->blocks.push_back({BlockKind::kParagraph, 0, -1, "", std::move(joined)});
    return;
  }
  if (!pending_number_.empty()) joined = pending_number_ + " " + joined;
  pending_number_.clear();
  doc_->blocks.push_back({BlockKind::kListItem, 0, item_depth_ - 1, "", std::move(joined)});
}

}  // namespace

Result<RawDocument> ReadMarkdown(std::string_view bytes, const std::string& /*name*/,
                                 const ReadOptions& options) {
  Result<std::string> utf8 = text::DecodeToUtf8(bytes, options.encoding);
  if (!utf8) return utf8.error();
  NodePtr root(cmark_parse_document(utf8->data(), utf8->size(), CMARK_OPT_DEFAULT),
               cmark_node_free);
  if (root == nullptr) return Internal("cmark could not parse the document");
  RawDocument doc;
  MarkdownWalker(&doc).Walk(root.get());
  if (doc.blocks.empty() && doc.title.empty()) return InvalidInput("empty document");
  return doc;
}

}  // namespace rapporteur::ingest
