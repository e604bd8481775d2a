#include "src/ingest/structure.h"

#include <utility>
#include <vector>

#include "src/ingest/labels.h"
#include "src/text/utf8.h"

namespace rapporteur::ingest {
namespace {

struct OpenUnit {
  std::string style;
  std::string label;
};

// The stack of open numbered units, outermost first.
class Outline {
 public:
  // Opens a unit of `style`: a sibling if that style is open, else a child.
  void Open(const std::string& style, const std::string& label) {
    for (std::size_t i = 0; i < open_.size(); ++i) {
      if (open_[i].style == style) {
        open_.resize(i);
        break;
      }
    }
    open_.push_back({style, label});
  }

  std::string Path() const {
    std::string path;
    for (const OpenUnit& u : open_) {
      if (!path.empty()) path += '/';
      path += u.label;
    }
    return path;
  }

  int Depth() const { return static_cast<int>(open_.size()); }

  // The label of the innermost open unit of `style`, or "".
  std::string_view LastLabelOf(std::string_view style) const {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (it->style == style) return it->label;
    }
    return "";
  }

 private:
  std::vector<OpenUnit> open_;
};

std::string CleanText(std::string_view text) {
  return text::NormalizeNfc(text::CollapseWhitespace(text));
}

// Splits the label off `block` (or takes the format's), returning its style.
std::string TakeLabel(RawBlock* block, const Outline& outline, std::string* label) {
  if (!block->label.empty()) {
    *label = CleanText(block->label);
    std::string style = StyleOfLabel(*label);
    if (style.empty()) style = "list" + std::to_string(block->list_level);
    return style;
  }
  std::optional<LabelMatch> m = MatchLabel(block->text, outline.LastLabelOf("letter_paren"));
  if (!m) return "";
  *label = m->label;
  block->text.erase(0, m->length);
  return m->style;
}

}  // namespace

Document BuildStructure(RawDocument raw, std::string source, Format format) {
  Document doc;
  doc.source = std::move(source);
  doc.format = format;
  doc.title = CleanText(raw.title);
  doc.warnings = std::move(raw.warnings);
  Outline outline;
  bool in_preamble = true;
  for (RawBlock& rb : raw.blocks) {
    rb.text = CleanText(rb.text);
    if (rb.text.empty() && rb.label.empty()) continue;
    Block block;
    block.kind = rb.kind;
    const std::string style = TakeLabel(&rb, outline, &block.label);
    block.text = std::move(rb.text);
    if (!style.empty()) {
      outline.Open(style, block.label);
      in_preamble = false;
      block.depth = outline.Depth() - 1;
    } else {
      block.depth = outline.Depth();
    }
    block.path = outline.Path();
    block.preamble = in_preamble && rb.kind != BlockKind::kHeading;
    if (block.text.empty() && block.label.empty()) continue;
    doc.blocks.push_back(std::move(block));
  }
  return doc;
}

}  // namespace rapporteur::ingest
