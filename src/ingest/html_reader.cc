// HTML reader over libxml2's error-tolerant HTML parser.
//
// The tree is walked without recursion (parent/next pointers; the block
// context is a heap vector), so hostile nesting cannot overflow the stack.
// Text accumulates until a block element opens or closes; it is then emitted
// as a block of the innermost open block element's kind:
//   h1..h6            kHeading, heading_level 1..6
//   li                kListItem, list_level = enclosing ul/ol count - 1; in an
//                     ol, the printed number ("3. ", "c. ", "iv. ") is put
//                     before the text, honouring start, type, value, reversed
//   tr                kTableRow, cells (td/th) joined by " | "; anything
//                     inside a cell (even a nested table) is cell text
//   p, div, dt, dd, blockquote, pre, section, ...   kParagraph
// <br> is a space. script, style, nav, header, footer, noscript, template,
// svg, select, iframe and elements with `hidden`, aria-hidden="true" or an
// inline display:none are dropped. The title is <title>, else the first
// <h1>, which is then not a block.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "src/ingest/line_breaks.h"
#include "src/ingest/readers.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

enum class Role { kInline, kSkip, kBlock, kHeading, kList, kItem, kTable, kRow, kCell, kBreak };

struct Frame {
  Role role = Role::kInline;
  int heading_level = 0;
  // Lists: the next number to print, its style, and whether it counts down.
  bool ordered = false;
  long next_number = 1;
  char number_type = '1';
  bool reversed = false;
  // Items: the printed number not yet emitted, and the list depth.
  std::string pending_number;
  int list_level = -1;
};

std::string Name(const xmlNode* node) {
  std::string name = node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

// The attribute's value, or "" (also when absent; see HasAttr).
std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool HasAttr(const xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool IsHidden(const xmlNode* node) {
  if (HasAttr(node, "hidden") || Attr(node, "aria-hidden") == "true") return true;
  std::string style = Attr(node, "style");
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return c == ' '; }),
              style.end());
  return style.find("display:none") != std::string::npos;
}

Role RoleOf(const std::string& name) {
  static const char* const kSkipped[] = {"script",   "style",    "nav",  "header", "footer",
                                         "noscript", "template", "svg",  "head",   "select",
                                         "iframe",   "object",   "math", "button"};
  static const char* const kBlocks[] = {
      "p",        "div",    "dt",      "dd",      "blockquote", "pre",     "section", "article",
      "main",     "aside",  "address", "figure",  "figcaption", "caption", "form",    "body",
      "fieldset", "legend", "details", "summary", "center",     "dl",      "html",    "hr"};
  for (const char* skipped : kSkipped) {
    if (name == skipped) return Role::kSkip;
  }
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return Role::kHeading;
  if (name == "ul" || name == "ol" || name == "menu") return Role::kList;
  if (name == "li") return Role::kItem;
  if (name == "table" || name == "thead" || name == "tbody" || name == "tfoot") return Role::kTable;
  if (name == "tr") return Role::kRow;
  if (name == "td" || name == "th") return Role::kCell;
  if (name == "br") return Role::kBreak;
  for (const char* block : kBlocks) {
    if (name == block) return Role::kBlock;
  }
  return Role::kInline;
}

std::string Roman(long n, bool upper) {
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  if (n <= 0 || n >= 4000) return std::to_string(n);
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  if (upper) std::transform(out.begin(), out.end(), out.begin(), ::toupper);
  return out;
}

std::string Alphabetic(long n, bool upper) {
  if (n <= 0) return std::to_string(n);
  std::string out;
  for (; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (n - 1) % 26));
  if (upper) std::transform(out.begin(), out.end(), out.begin(), ::toupper);
  return out;
}

std::string PrintedNumber(long n, char type) {
  switch (type) {
    case 'a':
    case 'A': return Alphabetic(n, type == 'A');
    case 'i':
    case 'I': return Roman(n, type == 'I');
    default: return std::to_string(n);
  }
}

long ParseLong(const std::string& s, long fallback) {
  char* end = nullptr;
  const long value = std::strtol(s.c_str(), &end, 10);
  return end != s.c_str() && value > -1000000 && value < 1000000 ? value : fallback;
}

}  // namespace

namespace {

class HtmlWalker {
 public:
  HtmlWalker(RawDocument* doc, bool h1_is_title) : doc_(doc), h1_is_title_(h1_is_title) {}
  void Walk(xmlNode* root);
  void Finish() {
    FlushText();
    FlushRow();
  }

 private:
  bool Enter(xmlNode* node);  // false: do not descend
  void Exit(xmlNode* node);
  Frame MakeFrame(xmlNode* node, const std::string& name);
  void FlushText();
  void FlushRow();
  void Emit(BlockKind kind, int heading_level, int list_level, std::string text);

  RawDocument* doc_;
  bool h1_is_title_;
  std::vector<Frame> frames_;  // one per open element
  std::string text_;           // text since the last block boundary
  std::vector<std::string> row_cells_;
  int open_cells_ = 0;
  int open_lists_ = 0;
};

void HtmlWalker::Walk(xmlNode* root) {
  xmlNode* node = root;
  bool descend = Enter(node);
  while (true) {
    if (descend && node->children != nullptr) {
      node = node->children;
      descend = Enter(node);
      continue;
    }
    Exit(node);
    while (node != root && node->next == nullptr) {
      node = node->parent;
      Exit(node);
    }
    if (node == root) return;
    node = node->next;
    descend = Enter(node);
  }
}

Frame HtmlWalker::MakeFrame(xmlNode* node, const std::string& name) {
  Frame frame;
  frame.role = RoleOf(name);
  if (frame.role != Role::kSkip && IsHidden(node)) frame.role = Role::kSkip;
  // Inside a cell, structure is cell text: only keep skipping and breaks.
  if (open_cells_ > 0 && frame.role != Role::kSkip && frame.role != Role::kBreak) {
    frame.role = frame.role == Role::kInline ? Role::kInline : Role::kBlock;
  }
  if (frame.role == Role::kHeading) frame.heading_level = name[1] - '0';
  if (frame.role == Role::kList) {
    frame.ordered = name == "ol";
    frame.reversed = HasAttr(node, "reversed");
    const std::string type = Attr(node, "type");
    if (!type.empty()) frame.number_type = type[0];
    long count = 0;
    for (xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE && Name(child) == "li") ++count;
    }
    frame.next_number = ParseLong(Attr(node, "start"), frame.reversed ? count : 1);
  }
  return frame;
}

bool HtmlWalker::Enter(xmlNode* node) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content != nullptr) text_ += reinterpret_cast<const char*>(node->content);
    return false;
  }
  if (node->type != XML_ELEMENT_NODE) return false;
  Frame frame = MakeFrame(node, Name(node));
  const Role role = frame.role;
  if (role == Role::kBreak) text_ += ' ';
  if (role != Role::kInline && role != Role::kBreak && role != Role::kSkip) {
    if (open_cells_ > 0) {
      text_ += ' ';
    } else {
      FlushText();
    }
  }
  if (role == Role::kItem) {
    frame.list_level = std::max(open_lists_ - 1, 0);
    Frame* list = nullptr;
    for (auto it = frames_.rbegin(); it != frames_.rend() && list == nullptr; ++it) {
      if (it->role == Role::kList) list = &*it;
    }
    if (list != nullptr && list->ordered) {
      if (HasAttr(node, "value")) list->next_number = ParseLong(Attr(node, "value"), 1);
      frame.pending_number = PrintedNumber(list->next_number, list->number_type) + ".";
      list->next_number += list->reversed ? -1 : 1;
    }
  }
  if (role == Role::kList) ++open_lists_;
  if (role == Role::kRow) FlushRow();
  if (role == Role::kCell) ++open_cells_;
  frames_.push_back(std::move(frame));
  return role != Role::kSkip && role != Role::kBreak;
}

void HtmlWalker::Exit(xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE || frames_.empty()) return;
  const Role role = frames_.back().role;
  if (role == Role::kCell) {
    --open_cells_;
    if (open_cells_ == 0) {
      row_cells_.push_back(CleanText(text_));
      text_.clear();
    }
  } else if (role != Role::kInline && role != Role::kBreak && role != Role::kSkip) {
    if (open_cells_ > 0) {
      text_ += ' ';
    } else {
      FlushText();
    }
  }
  if (role == Role::kRow || role == Role::kTable) FlushRow();
  if (role == Role::kList) --open_lists_;
  frames_.pop_back();
}

// Emits the pending text as a block of the innermost open block element.
void HtmlWalker::FlushText() {
  std::string text = CleanText(text_);
  text_.clear();
  if (text.empty()) return;
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->role == Role::kHeading) {
      Emit(BlockKind::kHeading, it->heading_level, -1, std::move(text));
      return;
    }
    if (it->role == Role::kItem) {
      if (!it->pending_number.empty()) text.insert(0, it->pending_number + " ");
      it->pending_number.clear();
      Emit(BlockKind::kListItem, 0, it->list_level, std::move(text));
      return;
    }
    if (it->role == Role::kList || it->role == Role::kTable) break;
  }
  Emit(BlockKind::kParagraph, 0, -1, std::move(text));
}

void HtmlWalker::FlushRow() {
  const bool any = std::any_of(row_cells_.begin(), row_cells_.end(),
                               [](const std::string& cell) { return !cell.empty(); });
  if (any) {
    std::string row;
    for (std::size_t i = 0; i < row_cells_.size(); ++i) row += (i > 0 ? " | " : "") + row_cells_[i];
    Emit(BlockKind::kTableRow, 0, -1, std::move(row));
  }
  row_cells_.clear();
}

void HtmlWalker::Emit(BlockKind kind, int heading_level, int list_level, std::string text) {
  if (kind == BlockKind::kHeading && heading_level == 1 && h1_is_title_ && doc_->title.empty()) {
    doc_->title = std::move(text);
    return;
  }
  doc_->blocks.push_back({kind, heading_level, list_level, "", std::move(text)});
}

// The text of the first <title> element, found without recursion.
std::string FindTitle(xmlNode* root) {
  xmlNode* node = root;
  while (node != nullptr) {
    if (node->type == XML_ELEMENT_NODE && Name(node) == "title") {
      xmlChar* content = xmlNodeGetContent(node);
      std::string title = content != nullptr ? reinterpret_cast<const char*>(content) : "";
      xmlFree(content);
      return CleanText(title);
    }
    if (node->type == XML_ELEMENT_NODE && Name(node) == "body") return "";
    if (node->children != nullptr && node->type == XML_ELEMENT_NODE) {
      node = node->children;
      continue;
    }
    while (node != root && node->next == nullptr) node = node->parent;
    if (node == root) return "";
    node = node->next;
  }
  return "";
}

// libxml2 falls back to ISO-8859-1 for HTML that declares no charset; most
// such files today are UTF-8, so say so when the bytes are valid UTF-8.
const char* EncodingFor(std::string_view bytes, const ReadOptions& options) {
  if (!options.encoding.empty()) return options.encoding.c_str();
  std::string head(bytes.substr(0, 4096));
  std::transform(head.begin(), head.end(), head.begin(), ::tolower);
  if (head.find("charset") != std::string::npos) return nullptr;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    return nullptr;
  }
  return text::FindInvalidUtf8(bytes) ? nullptr : "UTF-8";
}

}  // namespace

Result<RawDocument> ReadHtml(std::string_view bytes, const std::string& /*name*/,
                             const ReadOptions& options) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return TooLarge("HTML file too large");
  // libxml2 (2.9) initialises its globals on first use unless told to, and
  // that first use is not thread-safe; ReadDocuments reads files at once.
  static std::once_flag libxml_initialised;
  std::call_once(libxml_initialised, xmlInitParser);
  const int parse_options =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                     EncodingFor(bytes, options), parse_options),
      xmlFreeDoc);
  xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return InvalidInput("empty document");
  RawDocument raw;
  raw.title = FindTitle(root);
  HtmlWalker walker(&raw, raw.title.empty());
  walker.Walk(root);
  walker.Finish();
  if (raw.blocks.empty() && raw.title.empty()) return InvalidInput("empty document");
  return raw;
}

}  // namespace rapporteur::ingest
