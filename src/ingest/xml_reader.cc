// XML reader over pugixml, which neither loads DTDs nor expands external
// entities (no XXE), and parses without recursion.
//
// US GPO bill and resolution XML (root <bill>, <resolution>, <amendment-doc>):
//   - title: <official-title>, else <dc:title>;
//   - every <section>, <subsection>, <paragraph>, <subparagraph>, <clause>,
//     <subclause>, <item>, <subitem> is a kParagraph, and every <title>,
//     <subtitle>, <division>, <part>, <subpart>, <chapter>, <subchapter> a
//     kHeading, whose label is its <enum> (a section's bare "2." is printed
//     "SEC. 2." by GPO and labelled so) and whose text is its <header>, then
//     its <text>; list_level is the number of enclosing units and
//     <quoted-block>s, so quoted law sits deeper than the amending text;
//   - <after-quoted-block> punctuation ("; and") is appended to the block
//     before it; other elements with direct text (e.g. <continuation-text>)
//     become paragraphs at the current depth;
//   - <metadata>, <form> (apart from the title), <toc> and <attestation> are
//     skipped.
// Other XML: every element with direct (non-blank) text is a paragraph of
// all its text, inline children included.
#include <algorithm>
#include <cstring>
#include <pugixml.hpp>

#include "src/ingest/line_breaks.h"
#include "src/ingest/readers.h"

namespace rapporteur::ingest {
namespace {

bool NameIn(const char* name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(),
                     [name](const char* n) { return std::strcmp(name, n) == 0; });
}

bool IsUnit(const char* name) {
  return NameIn(name, {"section", "subsection", "paragraph", "subparagraph", "clause", "subclause",
                       "item", "subitem"});
}

bool IsHeadingUnit(const char* name) {
  return NameIn(name, {"title", "subtitle", "division", "subdivision", "part", "subpart", "chapter",
                       "subchapter"});
}

bool IsSkipped(const char* name) {
  return NameIn(name, {"metadata", "form", "toc", "attestation", "endorsement"});
}

// All text below `node`, in document order, without recursion.
std::string SubtreeText(pugi::xml_node node) {
  std::string out;
  pugi::xml_node cur = node.first_child();
  while (cur && cur != node) {
    if (cur.type() == pugi::node_pcdata || cur.type() == pugi::node_cdata) out += cur.value();
    if (cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur != node && !cur.next_sibling()) cur = cur.parent();
    if (cur == node) break;
    cur = cur.next_sibling();
  }
  return CleanText(out);
}

// The element's own text, not its children's.
std::string DirectText(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out += child.value();
    }
  }
  return CleanText(out);
}

std::string UnitLabel(pugi::xml_node unit) {
  std::string label = SubtreeText(unit.child("enum"));
  const bool bare_number = !label.empty() && std::isdigit(static_cast<unsigned char>(label[0]));
  if (std::strcmp(unit.name(), "section") == 0 && bare_number) label = "SEC. " + label;
  return label;
}

std::string UnitText(pugi::xml_node unit) {
  std::string text = SubtreeText(unit.child("header"));
  for (pugi::xml_node part : unit.children("text")) {
    const std::string body = SubtreeText(part);
    if (!body.empty()) text += (text.empty() ? "" : " ") + body;
  }
  return text;
}

class XmlWalker {
 public:
  XmlWalker(RawDocument* doc, bool gpo) : doc_(doc), gpo_(gpo) {}

  // Visits `root`'s subtree in document order; EnterElement decides whether
  // to descend. Depth lives in depth_, not on the call stack.
  void Walk(pugi::xml_node root) {
    pugi::xml_node cur = root;
    bool descend = EnterElement(cur);
    while (true) {
      if (descend && cur.first_child()) {
        cur = cur.first_child();
        descend = EnterElement(cur);
        continue;
      }
      ExitElement(cur);
      while (cur != root && !cur.next_sibling()) {
        cur = cur.parent();
        ExitElement(cur);
      }
      if (cur == root) return;
      cur = cur.next_sibling();
      descend = EnterElement(cur);
    }
  }

 private:
  bool IsDeepening(pugi::xml_node node) const {
    const char* name = node.name();
    return gpo_ && (IsUnit(name) || IsHeadingUnit(name) || std::strcmp(name, "quoted-block") == 0);
  }

  bool EnterElement(pugi::xml_node node) {
    if (node.type() != pugi::node_element) return false;
    const char* name = node.name();
    if (!gpo_) {
      // Mixed content ("One <b>two</b> three") is inline markup: the element
      // with direct text is one paragraph, children included.
      if (DirectText(node).empty()) return true;
      AddParagraph(SubtreeText(node), -1);
      return false;
    }
    if (IsSkipped(name)) return false;
    if (NameIn(name, {"enum", "header", "text"}) && IsUnitOrHeading(node.parent())) return false;
    if (std::strcmp(name, "after-quoted-block") == 0) {
      const std::string tail = SubtreeText(node);
      if (!doc_->blocks.empty() && !tail.empty()) doc_->blocks.back().text += tail;
      return false;
    }
    if (IsUnit(name) || IsHeadingUnit(name)) {
      RawBlock block;
      block.kind = IsHeadingUnit(name) ? BlockKind::kHeading : BlockKind::kParagraph;
      block.heading_level = IsHeadingUnit(name) ? 1 : 0;
      block.list_level = depth_;
      block.label = UnitLabel(node);
      block.text = UnitText(node);
      if (!block.label.empty() || !block.text.empty()) doc_->blocks.push_back(std::move(block));
    } else {
      AddParagraph(DirectText(node), depth_);
    }
    if (IsDeepening(node)) ++depth_;
    return true;
  }

  void ExitElement(pugi::xml_node node) {
    if (node.type() == pugi::node_element && IsDeepening(node)) --depth_;
  }

  static bool IsUnitOrHeading(pugi::xml_node node) {
    return IsUnit(node.name()) || IsHeadingUnit(node.name());
  }

  void AddParagraph(std::string text, int list_level) {
    if (text.empty()) return;
    doc_->blocks.push_back({BlockKind::kParagraph, 0, list_level, "", std::move(text)});
  }

  RawDocument* doc_;
  bool gpo_;
  int depth_ = 0;
};

std::size_t LineOf(std::string_view bytes, std::ptrdiff_t offset) {
  const std::size_t end = std::min<std::size_t>(offset < 0 ? 0 : offset, bytes.size());
  return 1 + std::count(bytes.begin(), bytes.begin() + end, '\n');
}

std::string GpoTitle(const pugi::xml_document& xml) {
  for (const char* tag : {"official-title", "dc:title"}) {
    pugi::xml_node node =
        xml.find_node([tag](pugi::xml_node n) { return std::strcmp(n.name(), tag) == 0; });
    if (node) return SubtreeText(node);
  }
  return "";
}

}  // namespace

Result<RawDocument> ReadXml(std::string_view bytes, const std::string& /*name*/,
                            const ReadOptions& /*options*/) {
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed =
      xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    return InvalidInput(std::string("not well-formed XML: ") + parsed.description() + " at line " +
                        std::to_string(LineOf(bytes, parsed.offset)));
  }
  pugi::xml_node root = xml.document_element();
  if (!root) return InvalidInput("empty document");
  const bool gpo = NameIn(root.name(), {"bill", "resolution", "amendment-doc"});
  RawDocument doc;
  if (gpo) doc.title = GpoTitle(xml);
  XmlWalker(&doc, gpo).Walk(root);
  if (doc.blocks.empty() && doc.title.empty()) return InvalidInput("empty document");
  return doc;
}

}  // namespace rapporteur::ingest
