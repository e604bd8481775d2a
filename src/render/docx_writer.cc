#include "src/render/docx_writer.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <string_view>

#include "rapporteur/finding.h"
#include "src/render/zip_writer.h"
#include "src/text/utf8.h"

namespace rapporteur::render {
namespace {

// Escapes text for XML content and attributes, dropping the control
// characters XML 1.0 cannot carry at all.
std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

std::string NowIso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// "2026-11-29" -> "2026-11-29T00:00:00Z"; a full timestamp is kept.
std::string ChangeDate(const std::string& requested) {
  if (requested.empty()) return NowIso8601();
  if (requested.size() == 10) return requested + "T00:00:00Z";
  return requested;
}

enum class Mark { kNone, kInserted, kDeleted, kMovedFrom, kMovedTo };

// Builds the paragraphs of word/document.xml. Runs are buffered until the
// paragraph ends, because the paragraph mark's revision comes first.
class RedlineWriter {
 public:
  RedlineWriter(const std::string& author, const std::string& date)
      : author_(EscapeXml(author)), date_(EscapeXml(date)) {}

  void BeginParagraph(std::string style) {
    style_ = std::move(style);
    runs_.clear();
    // The mark's revision precedes the runs': ids must increase in order.
    mark_id_ = next_id_++;
  }
  void Text(DiffOp op, std::string_view text);
  void Tab(DiffOp op) { Run(op, "<w:tab/>"); }
  // Until EndMove, deletions are the old end of the move `name`
  // (w:moveFrom) and insertions its new end (w:moveTo); `op` says which.
  void BeginMove(DiffOp op, const std::string& name);
  void EndMove();
  void EndParagraph(Mark mark);
  std::string DocumentXml() const;
  // Findings shown as Word comments on the next paragraph to end. A
  // comment is no revision: accepting or rejecting changes leaves it.
  void AttachComments(std::vector<std::string> texts) {
    for (std::string& t : texts) pending_comments_.push_back(std::move(t));
  }
  bool HasComments() const { return !comments_.empty(); }
  std::string CommentsXml() const;

 private:
  std::string Revision(std::string_view element, int id);
  std::string Revision(std::string_view element) { return Revision(element, next_id_++); }
  void Run(DiffOp op, const std::string& content);

  std::string author_, date_;
  int next_id_ = 1;
  int mark_id_ = 0;
  std::string move_range_;  // "moveFromRange" or "moveToRange" while in a move
  int move_range_id_ = 0;
  std::string style_;
  std::string runs_;
  std::string body_;
  Mark last_mark_ = Mark::kNone;
  std::vector<std::string> pending_comments_;
  std::vector<std::string> comments_;
};

std::string RedlineWriter::CommentsXml() const {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  for (std::size_t i = 0; i < comments_.size(); ++i) {
    xml += "<w:comment w:id=\"" + std::to_string(i) + "\" w:author=\"" + author_ + "\" w:date=\"" +
           date_ + "\" w:initials=\"R\"><w:p><w:r><w:t xml:space=\"preserve\">" +
           EscapeXml(comments_[i]) + "</w:t></w:r></w:p></w:comment>";
  }
  return xml + "</w:comments>";
}

// The opening of a w:ins or w:del, with a fresh id; `element` closes it.
std::string RedlineWriter::Revision(std::string_view element, int id) {
  return "<w:" + std::string(element) + " w:id=\"" + std::to_string(id) + "\" w:author=\"" +
         author_ + "\" w:date=\"" + date_ + "\"";
}

void RedlineWriter::Run(DiffOp op, const std::string& content) {
  const std::string run = "<w:r>" + content + "</w:r>";
  const bool moving = !move_range_.empty();
  const std::string insert = moving ? "moveTo" : "ins";
  const std::string remove = moving ? "moveFrom" : "del";
  switch (op) {
    case DiffOp::kEqual: runs_ += run; break;
    case DiffOp::kInsert: runs_ += Revision(insert) + ">" + run + "</w:" + insert + ">"; break;
    case DiffOp::kDelete: runs_ += Revision(remove) + ">" + run + "</w:" + remove + ">"; break;
  }
}

void RedlineWriter::BeginMove(DiffOp op, const std::string& name) {
  move_range_ = op == DiffOp::kDelete ? "moveFromRange" : "moveToRange";
  move_range_id_ = next_id_++;
  runs_ +=
      Revision(move_range_ + "Start", move_range_id_) + " w:name=\"" + EscapeXml(name) + "\"/>";
}

void RedlineWriter::EndMove() {
  if (move_range_.empty()) return;
  runs_ += "<w:" + move_range_ + "End w:id=\"" + std::to_string(move_range_id_) + "\"/>";
  move_range_.clear();
}

void RedlineWriter::Text(DiffOp op, std::string_view text) {
  if (text.empty()) return;
  // Moved-away text stays w:t (as Word writes it); only deletions are delText.
  const char* element = op == DiffOp::kDelete && move_range_.empty() ? "w:delText" : "w:t";
  Run(op, std::string("<") + element + " xml:space=\"preserve\">" + EscapeXml(text) + "</" +
              element + ">");
}

void RedlineWriter::EndParagraph(Mark mark) {
  std::string properties;
  if (!style_.empty()) properties += "<w:pStyle w:val=\"" + style_ + "\"/>";
  if (mark == Mark::kInserted) properties += "<w:rPr>" + Revision("ins", mark_id_) + "/></w:rPr>";
  if (mark == Mark::kDeleted) properties += "<w:rPr>" + Revision("del", mark_id_) + "/></w:rPr>";
  if (mark == Mark::kMovedFrom) {
    properties += "<w:rPr>" + Revision("moveFrom", mark_id_) + "/></w:rPr>";
  }
  if (mark == Mark::kMovedTo) properties += "<w:rPr>" + Revision("moveTo", mark_id_) + "/></w:rPr>";
  for (std::string& text : pending_comments_) {
    runs_ += "<w:r><w:commentReference w:id=\"" + std::to_string(comments_.size()) + "\"/></w:r>";
    comments_.push_back(std::move(text));
  }
  pending_comments_.clear();
  body_ += "<w:p>";
  if (!properties.empty()) body_ += "<w:pPr>" + properties + "</w:pPr>";
  body_ += runs_ + "</w:p>";
  runs_.clear();
  last_mark_ = mark;
}

std::string RedlineWriter::DocumentXml() const {
  // Word and LibreOffice keep the last paragraph mark whatever the
  // revisions say; an empty plain paragraph lets a last clause's mark go.
  const std::string tail = body_.empty() || last_mark_ != Mark::kNone ? "<w:p/>" : "";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" +
         body_ + tail + "</w:body></w:document>";
}

// ---------------------------------------------------------------------------
// From changes to paragraphs.

// Whether the runs other than `skipped` spell `expected` (whitespace aside).
bool Spells(const std::vector<Edit>& edits, DiffOp skipped, std::string_view expected) {
  std::string spelled;
  for (const Edit& edit : edits) {
    if (edit.op != skipped) spelled += edit.text;
  }
  return text::CollapseWhitespace(spelled) == text::CollapseWhitespace(expected);
}

// `edits` if they rebuild both texts, else all old text deleted and all new
// text inserted: the redline must never lie about either version.
std::vector<Edit> TrustedEdits(const std::vector<Edit>& edits, const std::string& old_text,
                               const std::string& new_text) {
  if (Spells(edits, DiffOp::kInsert, old_text) && Spells(edits, DiffOp::kDelete, new_text)) {
    return edits;
  }
  std::vector<Edit> fallback;
  if (old_text == new_text) {
    fallback.push_back({DiffOp::kEqual, old_text});
    return fallback;
  }
  fallback.push_back({DiffOp::kDelete, old_text});
  fallback.push_back({DiffOp::kInsert, new_text});
  return fallback;
}

void WriteEdits(const std::vector<Edit>& edits, RedlineWriter* writer) {
  for (const Edit& edit : edits) writer->Text(edit.op, edit.text);
}

// The label and the tab after it, old label deleted and new one inserted.
void WriteLabel(const std::string& old_label, const std::string& new_label, RedlineWriter* writer) {
  if (old_label == new_label) {
    if (old_label.empty()) return;
    writer->Text(DiffOp::kEqual, old_label);
    writer->Tab(DiffOp::kEqual);
    return;
  }
  writer->Text(DiffOp::kDelete, old_label);
  writer->Text(DiffOp::kInsert, new_label);
  if (!old_label.empty() && !new_label.empty()) {
    writer->Tab(DiffOp::kEqual);
  } else {
    writer->Tab(old_label.empty() ? DiffOp::kInsert : DiffOp::kDelete);
  }
}

class DocxRedline {
 public:
  DocxRedline(const std::vector<Document>& versions, const Comparison& comparison,
              RedlineWriter* writer)
      : versions_(versions), comparison_(comparison), writer_(writer) {}

  void WriteTitle();
  void WriteClauses();

 private:
  std::string StyleFor(const ClauseChange& change) const;
  // `move_name` non-empty: the clause is one end of a move of that name.
  void WriteWhole(const ClauseChange& change, DiffOp op, const std::string& move_name = "");
  void WriteInPlace(const ClauseChange& change);
  std::size_t WriteSplit(std::size_t first);
  void WriteMerged(const ClauseChange& change);
  bool WriteMergedParts(const ClauseChange& change, const std::vector<Edit>& edits);
  std::vector<std::string> FindingsAbout(const ClauseChange& change) const;

  const std::vector<Document>& versions_;
  const Comparison& comparison_;
  RedlineWriter* writer_;
};

void DocxRedline::WriteTitle() {
  const std::string& old_title = versions_.front().title;
  const std::string& new_title = versions_.back().title;
  if (old_title.empty() && new_title.empty()) return;
  writer_->BeginParagraph("Title");
  WriteEdits(TrustedEdits(comparison_.title_edits, old_title, new_title), writer_);
  writer_->EndParagraph(old_title.empty()   ? Mark::kInserted
                        : new_title.empty() ? Mark::kDeleted
                                            : Mark::kNone);
}

std::string DocxRedline::StyleFor(const ClauseChange& change) const {
  const Block* block = nullptr;
  if (change.after && change.after->index < versions_.back().blocks.size()) {
    block = &versions_.back().blocks[change.after->index];
  } else if (change.before && change.before->index < versions_.front().blocks.size()) {
    block = &versions_.front().blocks[change.before->index];
  }
  if (block == nullptr || block->kind != BlockKind::kHeading) return "";
  return "Heading" + std::to_string(std::clamp(block->depth + 1, 1, 6));
}

// A clause that exists on one side only: label and text, and the paragraph
// mark, all inserted or all deleted.
void DocxRedline::WriteWhole(const ClauseChange& change, DiffOp op, const std::string& move_name) {
  const bool insert = op == DiffOp::kInsert;
  const ClauseRef& side = insert ? *change.after : *change.before;
  writer_->BeginParagraph(StyleFor(change));
  if (!move_name.empty()) writer_->BeginMove(op, move_name);
  WriteLabel(insert ? "" : side.label, insert ? side.label : "", writer_);
  writer_->Text(op, side.text);
  writer_->EndMove();
  if (move_name.empty()) {
    writer_->EndParagraph(insert ? Mark::kInserted : Mark::kDeleted);
  } else {
    writer_->EndParagraph(insert ? Mark::kMovedTo : Mark::kMovedFrom);
  }
}

void DocxRedline::WriteInPlace(const ClauseChange& change) {
  writer_->BeginParagraph(StyleFor(change));
  WriteLabel(change.before->label, change.after->label, writer_);
  WriteEdits(TrustedEdits(change.edits, change.before->text, change.after->text), writer_);
  writer_->EndParagraph(Mark::kNone);
}

// Trusted if each part spells its new text and the parts' old shares,
// joined, spell the old clause.
bool SplitIsTrusted(const std::vector<ClauseChange>& clauses, std::size_t first, std::size_t last) {
  std::string old_shares;
  for (std::size_t i = first; i <= last; ++i) {
    for (const Edit& edit : clauses[i].edits) {
      if (edit.op != DiffOp::kInsert) old_shares += edit.text;
    }
    old_shares += ' ';
    if (!Spells(clauses[i].edits, DiffOp::kDelete, clauses[i].after->text)) return false;
  }
  return text::CollapseWhitespace(old_shares) ==
         text::CollapseWhitespace(clauses[first].before->text);
}

std::size_t DocxRedline::WriteSplit(std::size_t first) {
  const std::vector<ClauseChange>& clauses = comparison_.clauses;
  std::size_t last = first;
  while (clauses[first].group >= 0 && last + 1 < clauses.size() &&
         clauses[last + 1].status == ClauseStatus::kSplit &&
         clauses[last + 1].group == clauses[first].group && clauses[last + 1].before &&
         clauses[last + 1].after) {
    ++last;
  }
  const bool trusted = SplitIsTrusted(clauses, first, last);
  const ClauseRef& old_clause = *clauses[first].before;
  for (std::size_t i = first; i <= last; ++i) {
    const ClauseChange& part = clauses[i];
    writer_->BeginParagraph(StyleFor(part));
    WriteLabel(i == first ? old_clause.label : "", part.after->label, writer_);
    if (trusted) {
      WriteEdits(part.edits, writer_);
    } else {
      if (i == first) writer_->Text(DiffOp::kDelete, old_clause.text);
      writer_->Text(DiffOp::kInsert, part.after->text);
    }
    if (i == last) {
      writer_->EndParagraph(Mark::kNone);
    } else {
      // Rejecting removes the new mark and joins the parts: keep a space.
      writer_->Text(DiffOp::kDelete, " ");
      writer_->EndParagraph(Mark::kInserted);
    }
  }
  return last + 1;
}

void DocxRedline::WriteMerged(const ClauseChange& change) {
  const std::vector<Edit> edits =
      TrustedEdits(change.edits, change.before->text, change.after->text);
  if (change.merged_from.size() >= 2 && WriteMergedParts(change, edits)) return;
  WriteInPlace(change);  // rejecting gives the old clauses' text as one paragraph
}

// Cuts the redline where one old clause ended and the next began, with a
// deleted paragraph mark (accepting joins them) and the next old label
// deleted. False, having written nothing, if the old clauses cannot be
// found in the old text the edits spell.
bool DocxRedline::WriteMergedParts(const ClauseChange& change, const std::vector<Edit>& edits) {
  std::string old_spelled;
  for (const Edit& edit : edits) {
    if (edit.op != DiffOp::kInsert) old_spelled += edit.text;
  }
  std::vector<std::size_t> cuts;  // offsets in old_spelled
  std::size_t position = 0;
  for (const ClauseRef& part : change.merged_from) {
    const std::size_t at =
        part.text.empty() ? std::string::npos : old_spelled.find(part.text, position);
    if (at == std::string::npos) return false;
    position = at + part.text.size();
    cuts.push_back(position);
  }
  cuts.pop_back();  // no cut after the last part
  const std::string style = StyleFor(change);
  writer_->BeginParagraph(style);
  WriteLabel(change.merged_from.front().label, change.after->label, writer_);
  std::size_t old_position = 0, next_cut = 0;
  for (const Edit& edit : edits) {
    std::string_view rest = edit.text;
    while (edit.op != DiffOp::kInsert && next_cut < cuts.size() &&
           cuts[next_cut] <= old_position + rest.size()) {
      const std::size_t length = cuts[next_cut] - old_position;
      writer_->Text(edit.op, rest.substr(0, length));
      rest.remove_prefix(length);
      old_position += length;
      writer_->EndParagraph(Mark::kDeleted);
      writer_->BeginParagraph(style);
      WriteLabel(change.merged_from[++next_cut].label, "", writer_);
    }
    writer_->Text(edit.op, rest);
    if (edit.op != DiffOp::kInsert) old_position += rest.size();
  }
  writer_->EndParagraph(Mark::kNone);
  return true;
}

// The findings whose evidence stands in this clause: in its new version,
// or, for a deleted clause, in its old one.
std::vector<std::string> DocxRedline::FindingsAbout(const ClauseChange& change) const {
  std::vector<std::string> out;
  if (change.moved_away) return out;
  for (const Finding& f : comparison_.findings) {
    const bool here = f.after ? change.after && f.after->index == change.after->index
                              : !change.after && change.before && f.before &&
                                    f.before->index == change.before->index;
    if (here)
      out.push_back("[" + std::string(SeverityName(f.severity)) + "] " + f.kind + ": " +
                    f.explanation);
  }
  return out;
}

void DocxRedline::WriteClauses() {
  // Old clauses shown at both ends of a move: a moved_away marker at the old
  // place and a kMoved change at the new one.
  std::set<std::size_t> moved_away, moved_to;
  for (const ClauseChange& change : comparison_.clauses) {
    if (!change.before) continue;
    if (change.moved_away && !change.after) moved_away.insert(change.before->index);
    if (change.status == ClauseStatus::kMoved && change.after) {
      moved_to.insert(change.before->index);
    }
  }
  auto move_name = [&](const ClauseChange& change) {
    const std::size_t index = change.before->index;
    const bool paired = moved_away.contains(index) && moved_to.contains(index);
    return paired ? "rapporteur-move-" + std::to_string(index + 1) : std::string();
  };
  const std::vector<ClauseChange>& clauses = comparison_.clauses;
  for (std::size_t i = 0; i < clauses.size();) {
    const ClauseChange& change = clauses[i];
    writer_->AttachComments(FindingsAbout(change));
    if (change.status == ClauseStatus::kSplit && change.before && change.after) {
      i = WriteSplit(i);
      continue;
    }
    ++i;
    if (!change.after && !change.before) continue;
    if (!change.after) {
      WriteWhole(change, DiffOp::kDelete, move_name(change));  // deleted, or moved away
    } else if (!change.before) {
      WriteWhole(change, DiffOp::kInsert);
    } else if (change.status == ClauseStatus::kMoved && moved_away.contains(change.before->index)) {
      WriteWhole(change, DiffOp::kInsert, move_name(change));  // a moved clause's new place
    } else if (change.status == ClauseStatus::kMerged) {
      WriteMerged(change);
    } else {
      WriteInPlace(change);
    }
  }
}

// ---------------------------------------------------------------------------
// The package.

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

constexpr const char* kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "</Relationships>";

constexpr const char* kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

std::string StylesXml() {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault>"
      "</w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
      "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr>"
      "</w:style>";
  for (int level = 1; level <= 6; ++level) {
    const std::string n = std::to_string(level);
    xml += "<w:style w:type=\"paragraph\" w:styleId=\"Heading";
    xml += n;
    xml += "\"><w:name w:val=\"heading ";
    xml += n;
    xml += "\"/>";
    xml +=
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>";
    xml += "<w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"";
    xml += std::to_string(level - 1) + "\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"";
    xml += std::to_string(std::max(22, 34 - 2 * level)) + "\"/></w:rPr></w:style>";
  }
  return xml + "</w:styles>";
}

std::string CoreXml(const std::string& author, const std::string& date) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
         "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>" +
         EscapeXml(author) + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" +
         EscapeXml(date) + "</dcterms:created></cp:coreProperties>";
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ", digits where digits belong.
bool IsIsoDate(std::string_view date) {
  constexpr std::string_view kShape = "0000-00-00T00:00:00Z";
  if (date.size() != 10 && date.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < date.size(); ++i) {
    const bool digit = date[i] >= '0' && date[i] <= '9';
    if (kShape[i] == '0' ? !digit : date[i] != kShape[i]) return false;
  }
  return true;
}

}  // namespace

Result<std::string> RenderDocx(const std::vector<Document>& versions,
                               const SeriesComparison& series, const RenderOptions& options) {
  if (versions.size() < 2) return InvalidArgument("a DOCX redline needs at least two versions");
  if (!options.date.empty() && !IsIsoDate(options.date)) {
    return InvalidArgument("invalid date '" + options.date +
                           "': expected ISO 8601 such as 2026-11-29 or 2026-11-29T00:00:00Z");
  }
  const Comparison& comparison = series.cumulative();
  const std::string date = ChangeDate(options.date);
  RedlineWriter writer(options.author, date);
  DocxRedline redline(versions, comparison, &writer);
  redline.WriteTitle();
  redline.WriteClauses();
  if (!writer.HasComments()) {
    return WriteZip({{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", kPackageRels},
                     {"word/document.xml", writer.DocumentXml()},
                     {"word/styles.xml", StylesXml()},
                     {"word/_rels/document.xml.rels", kDocumentRels},
                     {"docProps/core.xml", CoreXml(options.author, date)}});
  }
  std::string types = kContentTypes;
  types.insert(types.rfind("</Types>"),
               "<Override PartName=\"/word/comments.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
  std::string rels = kDocumentRels;
  rels.insert(rels.rfind("</Relationships>"),
              "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
              "2006/relationships/comments\" Target=\"comments.xml\"/>");
  return WriteZip({{"[Content_Types].xml", types},
                   {"_rels/.rels", kPackageRels},
                   {"word/document.xml", writer.DocumentXml()},
                   {"word/styles.xml", StylesXml()},
                   {"word/_rels/document.xml.rels", rels},
                   {"word/comments.xml", writer.CommentsXml()},
                   {"docProps/core.xml", CoreXml(options.author, date)}});
}

}  // namespace rapporteur::render
