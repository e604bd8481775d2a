// Test-only: two versions of a small agreement and their comparison, built
// by hand (independently of Compare) so that every kind of clause change
// appears once: unchanged, modified, inserted, deleted, moved (with its
// moved_away marker), split, relabelled, merged, and a changed title.
// Used by docx_writer_test.cc and by the LibreOffice check.
#ifndef RAPPORTEUR_SRC_RENDER_DOCX_REDLINE_SAMPLE_H_
#define RAPPORTEUR_SRC_RENDER_DOCX_REDLINE_SAMPLE_H_

#include <optional>
#include <string>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/document.h"

namespace rapporteur::render {

struct RedlineSample {
  std::vector<Document> versions;
  SeriesComparison series;
};

inline Block SampleBlock(std::string label, std::string text,
                         BlockKind kind = BlockKind::kParagraph) {
  Block block;
  block.kind = kind;
  block.path = label;
  block.label = std::move(label);
  block.text = std::move(text);
  return block;
}

inline ClauseRef SampleRef(const Document& doc, std::size_t index) {
  const Block& block = doc.blocks[index];
  return ClauseRef{index, block.label, block.path, block.text};
}

inline ClauseChange SampleChange(ClauseStatus status, const Document& old_doc,
                                 std::optional<std::size_t> before, const Document& new_doc,
                                 std::optional<std::size_t> after, std::vector<Edit> edits) {
  ClauseChange change;
  change.status = status;
  if (before) change.before = SampleRef(old_doc, *before);
  if (after) change.after = SampleRef(new_doc, *after);
  change.relabelled = before && after && change.before->label != change.after->label;
  change.modified = status != ClauseStatus::kUnchanged;
  change.edits = std::move(edits);
  return change;
}

inline RedlineSample MakeRedlineSample() {
  using S = ClauseStatus;
  constexpr DiffOp kEq = DiffOp::kEqual, kIns = DiffOp::kInsert, kDel = DiffOp::kDelete;
  Document v1, v2;
  v1.title = "Agreement on monitoring (draft)";
  v2.title = "Agreement on monitoring";
  v1.blocks = {SampleBlock("", "General provisions", BlockKind::kHeading),
               SampleBlock("Article 1", "The parties agree to cooperate."),
               SampleBlock("Article 2", "Monitors shall have access to all places of detention."),
               SampleBlock("Article 3", "This clause will be deleted."),
               SampleBlock("Article 4", "This clause moves to the end."),
               SampleBlock("Article 5", "First sentence of five. Second sentence of five."),
               SampleBlock("Article 6", "A clause that is only renumbered & kept."),
               SampleBlock("Article 7", "Merge part one."),
               SampleBlock("Article 8", "Merge part two.")};
  v2.blocks = {SampleBlock("", "General provisions", BlockKind::kHeading),
               SampleBlock("Article 1", "The parties agree to cooperate."),
               SampleBlock("Article 2",
                           "Monitors shall have unimpeded access to all places of detention "
                           "without delay."),
               SampleBlock("Article 3", "Inserted clause about <reporting>."),
               SampleBlock("Article 4", "First sentence of five."),
               SampleBlock("Article 5", "Second sentence of five."),
               SampleBlock("Article 7", "A clause that is only renumbered & kept."),
               SampleBlock("Article 8", "Merge part one. Merge part two, amended."),
               SampleBlock("Article 9", "This clause moves to the end.")};
  Comparison comparison;
  comparison.title_changed = true;
  comparison.title_edits = {{kEq, "Agreement on monitoring"}, {kDel, " (draft)"}};
  auto& clauses = comparison.clauses;
  clauses.push_back(SampleChange(S::kUnchanged, v1, 0, v2, 0, {{kEq, "General provisions"}}));
  clauses.push_back(
      SampleChange(S::kUnchanged, v1, 1, v2, 1, {{kEq, "The parties agree to cooperate."}}));
  clauses.push_back(SampleChange(S::kModified, v1, 2, v2, 2,
                                 {{kEq, "Monitors shall have "},
                                  {kIns, "unimpeded "},
                                  {kEq, "access to all places of detention"},
                                  {kIns, " without delay"},
                                  {kEq, "."}}));
  clauses.push_back(SampleChange(S::kInserted, v1, std::nullopt, v2, 3,
                                 {{kIns, "Inserted clause about <reporting>."}}));
  clauses.push_back(
      SampleChange(S::kDeleted, v1, 3, v2, std::nullopt, {{kDel, "This clause will be deleted."}}));
  ClauseChange moved_away =
      SampleChange(S::kMoved, v1, 4, v2, std::nullopt, {{kDel, "This clause moves to the end."}});
  moved_away.moved_away = true;
  clauses.push_back(moved_away);
  ClauseChange split1 = SampleChange(S::kSplit, v1, 5, v2, 4, {{kEq, "First sentence of five."}});
  ClauseChange split2 = SampleChange(S::kSplit, v1, 5, v2, 5, {{kEq, "Second sentence of five."}});
  split1.group = split2.group = 1;
  clauses.push_back(split1);
  clauses.push_back(split2);
  clauses.push_back(SampleChange(S::kUnchanged, v1, 6, v2, 6,
                                 {{kEq, "A clause that is only renumbered & kept."}}));
  ClauseChange merged =
      SampleChange(S::kMerged, v1, 7, v2, 7,
                   {{kEq, "Merge part one. Merge part two"}, {kDel, "."}, {kIns, ", amended."}});
  merged.before->text = "Merge part one. Merge part two.";
  merged.merged_from = {SampleRef(v1, 7), SampleRef(v1, 8)};
  merged.group = 2;
  clauses.push_back(merged);
  clauses.push_back(
      SampleChange(S::kMoved, v1, 4, v2, 8, {{kEq, "This clause moves to the end."}}));
  RedlineSample sample;
  sample.versions = {v1, v2};
  sample.series.steps = {comparison};
  return sample;
}

}  // namespace rapporteur::render

#endif  // RAPPORTEUR_SRC_RENDER_DOCX_REDLINE_SAMPLE_H_
