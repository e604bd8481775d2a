// ReadDocx: WordprocessingML as the reader of the printed page sees it.
//
// The body is walked once, in document order, so that automatic numbering
// counters advance exactly as Word advances them. Each paragraph becomes an
// Item (text, rendered list label, heading level); table rows become one
// Item whose cells are joined with " | ". Tracked changes are resolved while
// walking: deleted (or, when rejecting, inserted) runs are skipped, and a
// paragraph whose mark is removed is carried into the next paragraph.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "src/ingest/docx_numbering.h"
#include "src/ingest/ooxml.h"
#include "src/ingest/readers.h"
#include "src/ingest/zip_archive.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

using ooxml::Attr;
using ooxml::Child;
using ooxml::ChildVal;
using ooxml::Is;
using ooxml::LocalName;
using ooxml::ParseInt;

// Deeper nesting than this is ignored: no real document gets near it, and
// the walk is recursive.
constexpr int kMaxDepth = 200;

std::string Normalize(std::string_view text) {
  return text::NormalizeNfc(text::CollapseWhitespace(text));
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ---------------------------------------------------------------------------
// Styles: heading levels, the Title style, and numbering inherited by style.

struct StyleRole {
  int heading_level = 0;  // 1..9, or 0
  bool title = false;
  bool decided = false;
};

// "heading 2" -> 2; "Ttulo1" (Word's style id for "Título 1") -> 1;
// "berschrift3" -> 3; "Title", "Ttulo", "Titel" -> title.
StyleRole RoleFromName(std::string_view raw) {
  static const std::set<std::string, std::less<>> kHeadingWords = {
      "heading", "título",      "titulo",     "ttulo",  "titre",   "titolo",
      "kop",     "überschrift", "berschrift", "rubrik", "otsikko", "nagłówek",
      "nagwek",  "заголовок",   "标题",       "見出し", "제목"};
  static const std::set<std::string, std::less<>> kTitleWords = {
      "title", "título", "titulo", "ttulo", "titel", "titre", "titolo", "название"};
  const std::string name = AsciiLower(raw);
  std::size_t end = name.size();
  while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
  std::string_view base = std::string_view(name).substr(0, end);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  const std::string_view digits = std::string_view(name).substr(end);
  StyleRole role;
  if (digits.size() == 1 && digits[0] != '0' && kHeadingWords.contains(base)) {
    role.heading_level = digits[0] - '0';
    role.decided = true;
  } else if (digits.empty() && kTitleWords.contains(base)) {
    role.title = true;
    role.decided = true;
  }
  return role;
}

// Maps w:outlineLvl (0..8 headings, 9 body text) to a role.
std::optional<StyleRole> RoleFromOutline(pugi::xml_node ppr) {
  std::optional<int> outline = ParseInt(ChildVal(ppr, "outlineLvl"), 0, 9);
  if (!outline) return std::nullopt;
  StyleRole role;
  role.heading_level = *outline >= 9 ? 0 : *outline + 1;
  role.decided = true;
  return role;
}

struct NumRef {
  int num_id = 0;
  std::optional<int> ilvl;
};

std::optional<NumRef> NumRefOf(pugi::xml_node ppr) {
  pugi::xml_node num_pr = Child(ppr, "numPr");
  if (!num_pr) return std::nullopt;
  NumRef ref;
  ref.num_id = ParseInt(ChildVal(num_pr, "numId"), -1, 1 << 30).value_or(-1);
  ref.ilvl = ParseInt(ChildVal(num_pr, "ilvl"), 0, DocxNumbering::kLevels - 1);
  return ref;
}

class DocxStyles {
 public:
  void Load(pugi::xml_node styles_root);
  // The role of a paragraph with these properties.
  StyleRole RoleOf(pugi::xml_node ppr) const;
  // The list a paragraph belongs to (its own w:numPr or its style's).
  std::optional<NumRef> NumberingOf(pugi::xml_node ppr, const DocxNumbering& numbering) const;
  // Numbering styles' numIds, for w:numStyleLink.
  const std::map<std::string, int>& style_num_ids() const { return style_num_ids_; }

 private:
  struct Style {
    std::string based_on;
    std::string name;
    std::optional<StyleRole> outline;
    std::optional<NumRef> num;
  };
  // The style ids from the paragraph's style up its w:basedOn chain.
  std::vector<std::string> Chain(pugi::xml_node ppr) const;

  std::map<std::string, Style> styles_;
  std::map<std::string, int> style_num_ids_;
  std::string default_paragraph_style_;
};

void DocxStyles::Load(pugi::xml_node styles_root) {
  for (pugi::xml_node node : styles_root.children()) {
    if (!Is(node, "style")) continue;
    const std::string id = Attr(node, "styleId").as_string();
    const std::string_view type = Attr(node, "type").as_string();
    Style& style = styles_[id];
    if (const char* based_on = ChildVal(node, "basedOn")) style.based_on = based_on;
    if (const char* name = ChildVal(node, "name")) style.name = name;
    pugi::xml_node ppr = Child(node, "pPr");
    style.outline = RoleFromOutline(ppr);
    style.num = NumRefOf(ppr);
    if (type == "numbering" && style.num) style_num_ids_[id] = style.num->num_id;
    const std::string_view is_default = Attr(node, "default").as_string();
    if (type == "paragraph" && (is_default == "1" || is_default == "true")) {
      default_paragraph_style_ = id;
    }
  }
}

std::vector<std::string> DocxStyles::Chain(pugi::xml_node ppr) const {
  const char* own = ChildVal(ppr, "pStyle");
  std::string id = own != nullptr ? own : default_paragraph_style_;
  std::vector<std::string> chain;
  // basedOn may loop in a hostile file; real chains are a few styles long.
  while (!id.empty() && chain.size() < 32 &&
         std::find(chain.begin(), chain.end(), id) == chain.end()) {
    auto it = styles_.find(id);
    if (it == styles_.end()) break;
    chain.push_back(id);
    id = it->second.based_on;
  }
  return chain;
}

StyleRole DocxStyles::RoleOf(pugi::xml_node ppr) const {
  if (std::optional<StyleRole> own = RoleFromOutline(ppr)) return *own;
  for (const std::string& id : Chain(ppr)) {
    const Style& style = styles_.at(id);
    StyleRole by_name = RoleFromName(style.name);
    if (!by_name.decided) by_name = RoleFromName(id);
    // The Title style often carries an outline level too; its name wins.
    if (by_name.decided && by_name.title) return by_name;
    if (style.outline) return *style.outline;
    if (by_name.decided) return by_name;
  }
  return {};
}

std::optional<NumRef> DocxStyles::NumberingOf(pugi::xml_node ppr,
                                              const DocxNumbering& numbering) const {
  std::optional<NumRef> own = NumRefOf(ppr);
  if (own && own->num_id >= 0) return own;
  for (const std::string& id : Chain(ppr)) {
    const Style& style = styles_.at(id);
    if (!style.num || style.num->num_id < 0) continue;
    NumRef ref = *style.num;
    if (own && own->ilvl) ref.ilvl = own->ilvl;
    if (!ref.ilvl) ref.ilvl = numbering.LevelForStyle(ref.num_id, id);
    return ref;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// The walk.

// One paragraph or table row, in document order.
struct Item {
  bool table_row = false;
  std::string text;  // normalised
  std::string label;
  bool bullet = false;
  bool numbered = false;
  int list_level = -1;
  StyleRole role;
};

class DocxWalker {
 public:
  DocxWalker(TrackedChanges mode, const DocxStyles& styles, DocxNumbering* numbering)
      : mode_(mode), styles_(styles), numbering_(numbering) {}

  // Walks a block container (w:body, w:tc, w:footnote, w:txbxContent).
  std::vector<Item> WalkContainer(pugi::xml_node container, int depth);

  // The notes referenced from the text, in order of first reference.
  const std::vector<std::string>& footnote_ids() const { return footnote_ids_; }
  const std::vector<std::string>& endnote_ids() const { return endnote_ids_; }

  // Notes' own references are not notes of the body.
  void set_in_notes(bool in_notes) { in_notes_ = in_notes; }

 private:
  struct ContainerState {
    std::vector<Item>* items;
    std::string carry;  // text of paragraphs whose mark was removed
    pugi::xml_node carry_ppr;
    bool carrying = false;
  };

  void WalkBlocks(pugi::xml_node container, int depth, ContainerState* state);
  void WalkParagraph(pugi::xml_node paragraph, int depth, ContainerState* state);
  void FlushCarry(ContainerState* state);
  Item FinishParagraph(pugi::xml_node ppr, std::string_view raw_text);
  Item WalkTableRow(pugi::xml_node row, int depth);
  void WalkTable(pugi::xml_node table, int depth, std::vector<Item>* items);
  void CollectText(pugi::xml_node node, int depth, std::string* text,
                   std::vector<pugi::xml_node>* text_boxes);
  void FindTextBoxes(pugi::xml_node node, int depth, std::vector<pugi::xml_node>* text_boxes);
  void NoteReference(pugi::xml_node node, std::string_view kind, std::vector<std::string>* ids);
  bool Removed(std::string_view local_name) const;
  bool SkippedInText(std::string_view name, pugi::xml_node node) const;
  bool MarkRemoved(pugi::xml_node properties) const;

  const TrackedChanges mode_;
  const DocxStyles& styles_;
  DocxNumbering* numbering_;
  std::vector<std::string> footnote_ids_;
  std::vector<std::string> endnote_ids_;
  std::set<std::string, std::less<>> seen_notes_;  // "f12", "e3"
  bool in_notes_ = false;
};

// Whether content wrapped in this element is gone in the chosen reading.
bool DocxWalker::Removed(std::string_view local_name) const {
  if (mode_ == TrackedChanges::kAccept) return local_name == "del" || local_name == "moveFrom";
  return local_name == "ins" || local_name == "moveTo";
}

// A paragraph mark (pPr/rPr) or table row (trPr) marked as removed.
bool DocxWalker::MarkRemoved(pugi::xml_node properties) const {
  for (pugi::xml_node child : properties.children()) {
    if (child.type() == pugi::node_element && Removed(LocalName(child.name()))) return true;
  }
  return false;
}

std::vector<Item> DocxWalker::WalkContainer(pugi::xml_node container, int depth) {
  std::vector<Item> items;
  ContainerState state{&items, {}, {}, false};
  WalkBlocks(container, depth, &state);
  FlushCarry(&state);
  return items;
}

void DocxWalker::WalkBlocks(pugi::xml_node container, int depth, ContainerState* state) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node node : container.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(node.name());
    if (name == "p") {
      WalkParagraph(node, depth, state);
    } else if (name == "tbl") {
      FlushCarry(state);
      WalkTable(node, depth + 1, state->items);
    } else if (name == "sdt" || name == "sdtContent" || name == "customXml" || name == "smartTag" ||
               name == "AlternateContent" || name == "Choice" ||
               (!Removed(name) &&
                (name == "ins" || name == "moveTo" || name == "del" || name == "moveFrom"))) {
      // Wrappers of block content (mc:Fallback repeats mc:Choice), and
      // tracked changes that stay.
      WalkBlocks(node, depth + 1, state);
    }
  }
}

void DocxWalker::WalkParagraph(pugi::xml_node paragraph, int depth, ContainerState* state) {
  std::string text;
  std::vector<pugi::xml_node> text_boxes;
  CollectText(paragraph, depth + 1, &text, &text_boxes);
  pugi::xml_node ppr = Child(paragraph, "pPr");
  if (state->carrying) text = state->carry + text;
  if (MarkRemoved(Child(ppr, "rPr"))) {
    // Without its mark, the paragraph runs on into the next one.
    state->carry = std::move(text);
    state->carry_ppr = ppr;
    state->carrying = true;
  } else {
    state->carry.clear();
    state->carrying = false;
    state->items->push_back(FinishParagraph(ppr, text));
  }
  for (pugi::xml_node box : text_boxes) {
    std::vector<Item> inner = WalkContainer(box, depth + 1);
    state->items->insert(state->items->end(), inner.begin(), inner.end());
  }
}

void DocxWalker::FlushCarry(ContainerState* state) {
  if (!state->carrying) return;
  state->items->push_back(FinishParagraph(state->carry_ppr, state->carry));
  state->carry.clear();
  state->carrying = false;
}

Item DocxWalker::FinishParagraph(pugi::xml_node ppr, std::string_view raw_text) {
  // A tracked formatting change (a number or heading style added) keeps the
  // old properties in w:pPrChange; rejecting restores them.
  pugi::xml_node old_ppr = Child(Child(ppr, "pPrChange"), "pPr");
  if (mode_ == TrackedChanges::kReject && old_ppr) ppr = old_ppr;
  Item item;
  item.text = Normalize(raw_text);
  item.role = styles_.RoleOf(ppr);
  if (std::optional<NumRef> ref = styles_.NumberingOf(ppr, *numbering_)) {
    const int ilvl = ref->ilvl.value_or(0);
    // The counter advances even for an empty paragraph: Word prints its number.
    if (std::optional<ListLabel> label = numbering_->Next(ref->num_id, ilvl)) {
      item.label = Normalize(label->label);
      item.bullet = label->is_bullet;
      item.numbered = true;
      item.list_level = ilvl;
    }
  }
  return item;
}

void DocxWalker::WalkTable(pugi::xml_node table, int depth, std::vector<Item>* items) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node node : table.children()) {
    if (Is(node, "tr")) {
      if (MarkRemoved(Child(node, "trPr"))) continue;
      Item row = WalkTableRow(node, depth + 1);
      if (!row.text.empty()) items->push_back(std::move(row));
    } else if (Is(node, "sdt") || Is(node, "sdtContent") || Is(node, "customXml")) {
      WalkTable(node, depth + 1, items);
    }
  }
}

// Joins the paragraphs (and nested rows) of each cell with spaces, and the
// cells with " | ". A row of empty cells has empty text.
Item DocxWalker::WalkTableRow(pugi::xml_node row, int depth) {
  std::vector<std::string> cells;
  bool any_text = false;
  for (pugi::xml_node cell : row.children()) {
    if (!Is(cell, "tc")) continue;
    std::string cell_text;
    for (const Item& item : WalkContainer(cell, depth + 1)) {
      const std::string part = item.label.empty() ? item.text : item.label + " " + item.text;
      if (part.empty()) continue;
      if (!cell_text.empty()) cell_text += ' ';
      cell_text += part;
    }
    any_text = any_text || !cell_text.empty();
    cells.push_back(std::move(cell_text));
  }
  Item item;
  item.table_row = true;
  if (!any_text) return item;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) item.text += " | ";
    item.text += cells[i];
  }
  return item;
}

void DocxWalker::NoteReference(pugi::xml_node node, std::string_view kind,
                               std::vector<std::string>* ids) {
  if (in_notes_) return;
  std::string id = Attr(node, "id").as_string();
  if (seen_notes_.insert(std::string(kind) + id).second) ids->push_back(std::move(id));
}

void DocxWalker::CollectText(pugi::xml_node node, int depth, std::string* text,
                             std::vector<pugi::xml_node>* text_boxes) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(child.name());
    if (SkippedInText(name, child)) continue;
    if (name == "t" || name == "delText") {
      *text += child.child_value();
    } else if (name == "tab" || name == "ptab" || name == "br" || name == "cr") {
      *text += ' ';
    } else if (name == "noBreakHyphen") {
      *text += '-';
    } else if (name == "footnoteReference") {
      NoteReference(child, "f", &footnote_ids_);
    } else if (name == "endnoteReference") {
      NoteReference(child, "e", &endnote_ids_);
    } else if (name == "drawing" || name == "pict" || name == "object") {
      FindTextBoxes(child, depth + 1, text_boxes);
    } else {
      CollectText(child, depth + 1, text, text_boxes);  // r, hyperlink, ins, fldSimple, ...
    }
  }
}

// Properties, field codes, mc:Fallback duplicates, ruby guides, hidden
// runs and removed changes are not text the reader sees.
bool DocxWalker::SkippedInText(std::string_view name, pugi::xml_node node) const {
  static const std::set<std::string_view> kSkipped = {
      "pPr",   "rPr", "instrText", "delInstrText", "Fallback",
      "sdtPr", "p",   "tbl",       "txbxContent",  "rt"};
  if (kSkipped.contains(name) || Removed(name)) return true;
  return name == "r" && ooxml::ToggleOn(Child(node, "rPr"), "vanish");
}

void DocxWalker::FindTextBoxes(pugi::xml_node node, int depth,
                               std::vector<pugi::xml_node>* text_boxes) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node child : node.children()) {
    if (Is(child, "txbxContent")) {
      text_boxes->push_back(child);
    } else if (!Is(child, "Fallback")) {
      FindTextBoxes(child, depth + 1, text_boxes);
    }
  }
}

// ---------------------------------------------------------------------------
// Assembling the RawDocument.

struct DocxParts {
  std::string document;
  std::optional<std::string> numbering, styles, footnotes, endnotes, core;
};

// Parses a part in place (the buffer must outlive the document).
Status ParseXml(std::string* data, std::string_view part_name, pugi::xml_document* doc) {
  const pugi::xml_parse_result result = doc->load_buffer_inplace(
      data->data(), data->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) {
    return InvalidInput(std::string(part_name) + " is not well-formed XML: " +
                        result.description() + " at offset " + std::to_string(result.offset));
  }
  return Status::Ok();
}

// Optional parts that do not parse are ignored with a warning.
pugi::xml_node ParseOptional(std::optional<std::string>* data, std::string_view part_name,
                             pugi::xml_document* doc, RawDocument* out) {
  if (!data->has_value()) return {};
  Status status = ParseXml(&**data, part_name, doc);
  if (!status.ok()) {
    out->warnings.push_back(status.message() + "; ignored");
    return {};
  }
  return doc->document_element();
}

Status CheckOleContainer(std::string_view bytes) {
  static constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  if (!bytes.starts_with(kOleMagic)) return Status::Ok();
  // An encrypted .docx is an OLE file with an "EncryptionInfo" stream
  // (its directory names are UTF-16LE).
  static constexpr std::string_view kEncryptionInfo("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0",
                                                    28);
  if (bytes.find(kEncryptionInfo) != std::string_view::npos) {
    return Status(ErrorCode::kEncrypted,
                  "the document is encrypted; save an unprotected copy and compare that");
  }
  return Unsupported("a legacy Word 97-2003 document (.doc); save it as .docx");
}

Result<DocxParts> LoadParts(std::string_view bytes, const ReadOptions& options) {
  RAPPORTEUR_RETURN_IF_ERROR(CheckOleContainer(bytes));
  Result<ZipArchive> zip = ZipArchive::Open(bytes, options.max_expanded_bytes);
  if (!zip) return zip.error();
  if (!zip->Contains("word/document.xml")) {
    return InvalidInput("not a Word document: missing word/document.xml");
  }
  Result<std::vector<std::optional<std::string>>> entries =
      zip->ReadAll({"word/document.xml", "word/numbering.xml", "word/styles.xml",
                    "word/footnotes.xml", "word/endnotes.xml", "docProps/core.xml"});
  if (!entries) return entries.error();
  std::vector<std::optional<std::string>>& e = *entries;
  if (!e[0]) return InvalidInput("not a Word document: missing word/document.xml");
  return DocxParts{std::move(*e[0]), std::move(e[1]), std::move(e[2]),
                   std::move(e[3]),  std::move(e[4]), std::move(e[5])};
}

bool HasTrackedChanges(pugi::xml_node root) {
  static const std::set<std::string_view> kChangeElements = {"ins",    "del",       "moveFrom",
                                                             "moveTo", "pPrChange", "rPrChange"};
  return root.find_node([](pugi::xml_node node) {
    return node.type() == pugi::node_element && kChangeElements.contains(LocalName(node.name()));
  }) != nullptr;
}

void AppendBodyItem(const Item& item, RawDocument* out) {
  if (item.text.empty()) return;  // empty paragraphs (even numbered ones) are not units
  RawBlock block;
  block.text = item.text;
  if (item.table_row) {
    block.kind = BlockKind::kTableRow;
    out->blocks.push_back(std::move(block));
    return;
  }
  if (item.role.title) {
    if (out->title.empty()) out->title = item.text;
    if (out->title == item.text) return;
  }
  block.label = item.label;
  block.list_level = item.list_level;
  if (item.role.title || item.role.heading_level > 0) {
    block.kind = BlockKind::kHeading;
    block.heading_level = item.role.title ? 1 : item.role.heading_level;
  } else if (item.bullet) {
    block.kind = BlockKind::kListItem;
  }
  out->blocks.push_back(std::move(block));
}

// Footnotes and endnotes, in order of first reference, as kFootnote blocks.
void AppendNotes(pugi::xml_node notes_root, const std::vector<std::string>& ids, bool endnotes,
                 DocxWalker* walker, RawDocument* out) {
  if (!notes_root) return;
  std::map<std::string, pugi::xml_node, std::less<>> notes;
  for (pugi::xml_node note : notes_root.children()) {
    const std::string_view type = Attr(note, "type").as_string();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
      continue;
    }
    notes.emplace(Attr(note, "id").as_string(), note);
  }
  int number = 0;
  for (const std::string& id : ids) {
    auto it = notes.find(id);
    if (it == notes.end()) continue;
    ++number;
    std::string text;
    for (const Item& item : walker->WalkContainer(it->second, 1)) {
      std::string part = item.label.empty() ? item.text : item.label + " " + item.text;
      if (!part.empty()) text += (text.empty() ? "" : " ") + part;
    }
    if (text.empty()) continue;
    RawBlock block;
    block.kind = BlockKind::kFootnote;
    // Word numbers endnotes i, ii, iii by default, footnotes 1, 2, 3.
    block.label = "[" + FormatListNumber(number, endnotes ? "lowerRoman" : "decimal") + "]";
    block.text = std::move(text);
    out->blocks.push_back(std::move(block));
  }
}

std::string CoreTitle(pugi::xml_node core_root) {
  for (pugi::xml_node child : core_root.children()) {
    if (Is(child, "title")) return Normalize(child.child_value());
  }
  return "";
}

Status CheckUtf8(const RawDocument& doc) {
  bool valid = !text::FindInvalidUtf8(doc.title).has_value();
  for (const RawBlock& block : doc.blocks) {
    valid = valid && !text::FindInvalidUtf8(block.text) && !text::FindInvalidUtf8(block.label);
  }
  return valid ? Status::Ok() : InvalidInput("word/document.xml contains invalid UTF-8");
}

}  // namespace

Result<RawDocument> ReadDocx(std::string_view bytes, const std::string& /*name*/,
                             const ReadOptions& options) {
  Result<DocxParts> parts = LoadParts(bytes, options);
  if (!parts) return parts.error();
  pugi::xml_document document, numbering_xml, styles_xml, footnotes_xml, endnotes_xml, core_xml;
  RAPPORTEUR_RETURN_IF_ERROR(ParseXml(&parts->document, "word/document.xml", &document));
  RawDocument out;
  DocxStyles styles;
  styles.Load(ParseOptional(&parts->styles, "word/styles.xml", &styles_xml, &out));
  DocxNumbering numbering;
  numbering.Load(ParseOptional(&parts->numbering, "word/numbering.xml", &numbering_xml, &out),
                 styles.style_num_ids());
  pugi::xml_node footnotes =
      ParseOptional(&parts->footnotes, "word/footnotes.xml", &footnotes_xml, &out);
  pugi::xml_node endnotes =
      ParseOptional(&parts->endnotes, "word/endnotes.xml", &endnotes_xml, &out);
  out.title = CoreTitle(ParseOptional(&parts->core, "docProps/core.xml", &core_xml, &out));

  DocxWalker walker(options.tracked_changes, styles, &numbering);
  pugi::xml_node body = Child(document.document_element(), "body");
  for (const Item& item : walker.WalkContainer(body, 0)) AppendBodyItem(item, &out);
  walker.set_in_notes(true);
  AppendNotes(footnotes, walker.footnote_ids(), /*endnotes=*/false, &walker, &out);
  AppendNotes(endnotes, walker.endnote_ids(), /*endnotes=*/true, &walker, &out);

  if (HasTrackedChanges(document) || HasTrackedChanges(footnotes) || HasTrackedChanges(endnotes)) {
    out.warnings.push_back(options.tracked_changes == TrackedChanges::kAccept
                               ? "contains tracked changes; read as if all were accepted"
                               : "contains tracked changes; read as if all were rejected");
  }
  RAPPORTEUR_RETURN_IF_ERROR(CheckUtf8(out));
  return out;
}

}  // namespace rapporteur::ingest
