// Compare: alignment of blocks, then a word diff per aligned group, then the
// list of changes in the order of the newer version.
#include "rapporteur/compare.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include "src/compare/align.h"
#include "src/compare/cleanup.h"
#include "src/compare/myers.h"
#include "src/compare/tokenized.h"

namespace rapporteur {
namespace {

using compare::TokenizedText;

// Accumulates edits, merging adjacent runs of the same operation.
class EditList {
 public:
  void Add(DiffOp op, std::string_view text) {
    if (text.empty()) return;
    if (!edits_.empty() && edits_.back().op == op) {
      edits_.back().text.append(text);
    } else {
      edits_.push_back({op, std::string(text)});
    }
  }
  std::vector<Edit> Take() {
    // A split part ends where the next begins: the space joining the parts
    // belongs to neither.
    if (!edits_.empty()) {
      std::string& t = edits_.back().text;
      while (!t.empty() && t.back() == ' ') t.pop_back();
      if (t.empty()) edits_.pop_back();
    }
    return std::move(edits_);
  }

 private:
  std::vector<Edit> edits_;
};

std::string_view TokenWithSpace(const TokenizedText& t, std::size_t i) {
  const text::Token& tok = t.tokens[i];
  return t.text.substr(tok.begin, tok.space_end - tok.begin);
}

struct WordDiff {
  std::vector<compare::EditRun> runs;
  bool approximate = false;
  std::size_t inserted = 0, deleted = 0;
  std::size_t kept = 0;  // tokens kept, counted on the minimal script
};

// The texts of several blocks joined with a space, remembering where each
// starts, so one word diff can cover a split or a merge.
struct Joined {
  std::string text;
  std::vector<std::size_t> starts;
};

Joined JoinTexts(const Document& doc, const std::vector<std::size_t>& indices) {
  Joined j;
  for (std::size_t i : indices) {
    if (!j.text.empty()) j.text += ' ';
    j.starts.push_back(j.text.size());
    j.text += doc.blocks[i].text;
  }
  return j;
}

// A split's new parts, or a merge's old ones, joined into one text.
struct JoinedSide {
  Joined joined;
  TokenizedText tokens;
};

// One aligned group's word diff, planned before any clause is emitted so
// that the cleanup's lengthening budget is shared over the document
// (cleanup.h): the minimal script, and its cleanup bounded by the clause's
// own budget and unbounded. One per clause of a large document: kept small
// (no cleanups of an unchanged clause, no unbounded one that adds nothing).
struct PlannedDiff {
  std::unique_ptr<JoinedSide> joined;  // splits and merges only
  compare::DiffScript script;
  std::vector<compare::EditRun> bounded, full;
  bool use_full = false;

  compare::CleanupCost Cost() const {
    const std::uint64_t minimal = compare::EditCount(script.runs);
    if (bounded.empty()) return {minimal, 0, 0};
    const std::uint64_t with_bounded = compare::EditCount(bounded) - minimal;
    return {minimal, with_bounded,
            full.empty() ? with_bounded : compare::EditCount(full) - minimal};
  }
};

void PlanDiff(const TokenizedText& a, const TokenizedText& b, const CompareOptions& options,
              PlannedDiff* plan) {
  plan->script = compare::DiffTokens(a.keys, b.keys, options.max_diff_cost);
  const std::vector<compare::EditRun>& runs = plan->script.runs;
  const std::uint64_t minimal = compare::EditCount(runs);
  if (options.raw_diff || minimal == 0) return;
  plan->bounded =
      compare::CleanupSemantic(runs, a.weights, b.weights, compare::OwnCleanupBudget(minimal));
  plan->full = compare::CleanupSemantic(runs, a.weights, b.weights, UINT64_MAX);
  if (compare::EditCount(plan->full) == compare::EditCount(plan->bounded)) plan->full.clear();
}

WordDiff TakeWordDiff(PlannedDiff* plan, const CompareOptions& options) {
  WordDiff out;
  out.approximate = plan->script.approximate;
  // Similarity is a property of the texts, not of how legibly the redline
  // is drawn: count it before the cleanup folds small equalities away.
  for (const compare::EditRun& r : plan->script.runs) {
    if (r.op == DiffOp::kEqual) out.kept += r.count;
  }
  if (options.raw_diff || plan->bounded.empty()) {
    out.runs = std::move(plan->script.runs);
  } else {
    out.runs = std::move(plan->use_full && !plan->full.empty() ? plan->full : plan->bounded);
  }
  for (const compare::EditRun& r : out.runs) {
    if (r.op == DiffOp::kInsert) out.inserted += r.count;
    if (r.op == DiffOp::kDelete) out.deleted += r.count;
  }
  return out;
}

// The diff of two texts with the same tokens.
WordDiff SameWordDiff(std::size_t tokens) {
  WordDiff out;
  out.kept = tokens;
  if (tokens > 0) out.runs.push_back({DiffOp::kEqual, static_cast<std::uint32_t>(tokens)});
  return out;
}

// A diff with no document around it (the titles): its own budget only.
WordDiff DiffWords(const TokenizedText& a, const TokenizedText& b, const CompareOptions& options) {
  PlannedDiff plan;
  PlanDiff(a, b, options, &plan);
  return TakeWordDiff(&plan, options);
}

std::string_view TokenOnly(const TokenizedText& t, std::size_t i) {
  const text::Token& tok = t.tokens[i];
  return t.text.substr(tok.begin, tok.end - tok.begin);
}

std::string_view GapAfter(const TokenizedText& t, std::size_t i) {
  const text::Token& tok = t.tokens[i];
  return t.text.substr(tok.end, tok.space_end - tok.end);
}

// Turns a token-level script into edits whose equal+delete texts spell the
// old text exactly and equal+insert the new one, whitespace included.
// The whitespace after an equal token is shared when both versions have
// the same; otherwise each version's goes to the front of its own side of
// the change that follows ("judges, prosecutors" -> "judges and
// prosecutors": "judges" + [-", prosecutors"-] + {+" and prosecutors"+}).
// `part_of_new` maps new-side token indices to output parts (splits).
class EditWriter {
 public:
  EditWriter(const TokenizedText& a, const TokenizedText& b, std::size_t parts,
             const std::vector<std::size_t>* part_of_new)
      : a_(a), b_(b), lists_(parts), part_of_new_(part_of_new) {}

  void Equal(bool last_of_run, bool at_end) {
    List().Add(DiffOp::kEqual, TokenOnly(b_, j_));
    const std::string_view ga = GapAfter(a_, i_), gb = GapAfter(b_, j_);
    if (ga == gb) {
      List().Add(DiffOp::kEqual, gb);
    } else if (!last_of_run || at_end) {
      List().Add(DiffOp::kDelete, ga);  // whitespace-only difference
      List().Add(DiffOp::kInsert, gb);
    } else {
      pending_old_ = ga;
      pending_new_ = gb;
    }
    ++i_, ++j_;
  }

  void Delete() {
    List().Add(DiffOp::kDelete, pending_old_);
    pending_old_ = {};
    List().Add(DiffOp::kDelete, TokenWithSpace(a_, i_++));
  }

  void Insert() {
    List().Add(DiffOp::kInsert, pending_new_);
    pending_new_ = {};
    List().Add(DiffOp::kInsert, TokenWithSpace(b_, j_++));
  }

  // At the end of a change: a side that had no tokens still owes its gap.
  void EndOfChange() {
    List().Add(DiffOp::kDelete, pending_old_);
    List().Add(DiffOp::kInsert, pending_new_);
    pending_old_ = pending_new_ = {};
  }

  std::vector<std::vector<Edit>> Take() {
    std::vector<std::vector<Edit>> out;
    for (EditList& l : lists_) out.push_back(l.Take());
    return out;
  }

 private:
  EditList& List() {
    if (part_of_new_ == nullptr || part_of_new_->empty()) return lists_[0];
    return lists_[j_ < part_of_new_->size() ? (*part_of_new_)[j_] : part_of_new_->back()];
  }

  const TokenizedText& a_;
  const TokenizedText& b_;
  std::vector<EditList> lists_;
  const std::vector<std::size_t>* part_of_new_;
  std::size_t i_ = 0, j_ = 0;
  std::string_view pending_old_, pending_new_;
};

std::vector<std::vector<Edit>> EditsOf(const WordDiff& diff, const TokenizedText& a,
                                       const TokenizedText& b, std::size_t parts,
                                       const std::vector<std::size_t>* part_of_new) {
  EditWriter writer(a, b, parts, part_of_new);
  for (std::size_t ri = 0; ri < diff.runs.size(); ++ri) {
    const compare::EditRun& r = diff.runs[ri];
    const bool at_end = ri + 1 == diff.runs.size();
    for (std::uint32_t k = 0; k < r.count; ++k) {
      if (r.op == DiffOp::kEqual) writer.Equal(k + 1 == r.count, at_end);
      if (r.op == DiffOp::kDelete) writer.Delete();
      if (r.op == DiffOp::kInsert) writer.Insert();
    }
    if (r.op != DiffOp::kEqual && (at_end || diff.runs[ri + 1].op == DiffOp::kEqual)) {
      writer.EndOfChange();
    }
  }
  return writer.Take();
}

bool SameIgnoringCase(std::string_view x, std::string_view y) {
  if (x.size() == y.size()) {
    bool ascii_equal = true;
    for (std::size_t i = 0; i < x.size() && ascii_equal; ++i) {
      const char cx = x[i], cy = y[i];
      if ((static_cast<unsigned char>(cx) | static_cast<unsigned char>(cy)) >= 0x80) {
        ascii_equal = false;  // leave non-ASCII to ICU below
        break;
      }
      ascii_equal = std::tolower(static_cast<unsigned char>(cx)) ==
                    std::tolower(static_cast<unsigned char>(cy));
    }
    if (ascii_equal) return true;
  }
  return text::FoldCase(x) == text::FoldCase(y);
}

// Whether the two token sequences are equal, token by token, after
// skipping punctuation (if `words_only`) and folding case (if `fold`).
// Runs on every changed clause: compares in place, allocates nothing for
// ASCII.
bool SameTokens(const TokenizedText& a, const TokenizedText& b, bool fold, bool words_only) {
  std::size_t i = 0, j = 0;
  auto skip = [&](const TokenizedText& t, std::size_t* k) {
    while (words_only && *k < t.tokens.size() && t.tokens[*k].kind == text::TokenKind::kPunctuation)
      ++*k;
  };
  while (true) {
    skip(a, &i);
    skip(b, &j);
    if (i == a.tokens.size() || j == b.tokens.size())
      return i == a.tokens.size() && j == b.tokens.size();
    const std::string_view x = text::TokenText(a.text, a.tokens[i++]);
    const std::string_view y = text::TokenText(b.text, b.tokens[j++]);
    if (x != y && (!fold || !SameIgnoringCase(x, y))) return false;
  }
}

ChangeKind Classify(const TokenizedText& a, const TokenizedText& b) {
  if (a.text == b.text) return ChangeKind::kNone;
  if (SameTokens(a, b, false, false)) return ChangeKind::kWhitespace;
  if (SameTokens(a, b, true, false)) return ChangeKind::kCase;
  if (SameTokens(a, b, true, true)) return ChangeKind::kPunctuation;
  return ChangeKind::kText;
}

bool Ignored(ChangeKind kind, const CompareOptions& o) {
  switch (kind) {
    case ChangeKind::kNone: return true;
    case ChangeKind::kWhitespace: return o.ignore_whitespace;
    case ChangeKind::kCase: return o.ignore_case;
    case ChangeKind::kPunctuation: return o.ignore_punctuation;
    case ChangeKind::kText: return false;
  }
  return false;
}

ClauseRef RefOf(const Document& doc, std::size_t index) {
  const Block& b = doc.blocks[index];
  return ClauseRef{index, b.label, b.path, b.text};
}

double Similarity(const WordDiff& d, const TokenizedText& a, const TokenizedText& b) {
  const std::size_t total = a.tokens.size() + b.tokens.size();
  if (total == 0) return 1.0;
  return 2.0 * static_cast<double>(d.kept) / static_cast<double>(total);
}

}  // namespace

namespace compare_internal {

// The state of one comparison: both documents, their tokens, the alignment.
class Comparer {
 public:
  Comparer(const Document& before, const Document& after, const CompareOptions& options)
      : before_(before), after_(after), options_(options) {
    keying_.ignore_case = options.ignore_case;
  }

  Comparison Run();

 private:
  void Prepare();
  void PlanDiffs();
  std::uint64_t WholeClauseEdits() const;
  void PlaceOldOnlyEntries();
  void EmitGroup(std::size_t new_index);
  void EmitOneToOne(std::size_t gi);
  void EmitSplit(std::size_t gi);
  void EmitMerge(std::size_t gi);
  void EmitInserted(std::size_t n);
  void EmitOldOnly(std::size_t o);
  void Finish(ClauseChange change);
  void CompareTitles();

  const Document& before_;
  const Document& after_;
  const CompareOptions& options_;
  compare::Keying keying_;
  std::vector<TokenizedText> old_texts_, new_texts_;
  compare::Alignment alignment_;
  // Per group; null for a clause whose diff has no edits (most of them).
  std::vector<std::unique_ptr<PlannedDiff>> planned_;
  std::vector<std::vector<std::size_t>> old_after_new_;  // olds shown after new block n
  std::vector<std::size_t> old_at_start_;
  Comparison result_;
  int next_group_id_ = 0;
};

void Comparer::Prepare() {
  compare::TokenizedVersions tokenized =
      compare::TokenizeVersions(before_.blocks, after_.blocks, &keying_);
  old_texts_ = std::move(tokenized.before);
  new_texts_ = std::move(tokenized.after);
  for (const auto& t : old_texts_) result_.stats.tokens_before += t.tokens.size();
  for (const auto& t : new_texts_) result_.stats.tokens_after += t.tokens.size();
  compare::AlignOptions align;
  align.match_threshold = options_.match_threshold;
  align.gap_threshold = std::min(options_.match_threshold, align.gap_threshold);
  compare::VersionBags bags =
      compare::MakeBags(before_.blocks, old_texts_, after_.blocks, new_texts_, &keying_);
  alignment_ = compare::AlignBlocks(bags.before, bags.after, align);
}

// Deleted clauses, and the old places of moved ones, are shown after the new
// clause that corresponds to the nearest preceding old clause that stayed.
void Comparer::PlaceOldOnlyEntries() {
  old_after_new_.assign(after_.blocks.size(), {});
  std::vector<std::size_t>* slot = &old_at_start_;
  for (std::size_t o = 0; o < before_.blocks.size(); ++o) {
    const int g = alignment_.group_of_old[o];
    if (g >= 0 && !alignment_.groups[g].moved) {
      slot = &old_after_new_[alignment_.groups[g].news.back()];
    } else {
      slot->push_back(o);
    }
  }
}

// Every group's diff and cleanups, then which groups get their full
// cleanup within the document's budget.
void Comparer::PlanDiffs() {
  planned_.resize(alignment_.groups.size());
  std::vector<compare::CleanupCost> costs;
  costs.reserve(planned_.size());
  for (std::size_t gi = 0; gi < planned_.size(); ++gi) {
    const compare::AlignedGroup& g = alignment_.groups[gi];
    planned_[gi] = std::make_unique<PlannedDiff>();
    PlannedDiff& plan = *planned_[gi];
    if (g.kind == compare::GroupKind::kOneToOne) {
      PlanDiff(old_texts_[g.olds[0]], new_texts_[g.news[0]], options_, &plan);
    } else {
      const bool split = g.kind == compare::GroupKind::kSplit;
      plan.joined = std::make_unique<JoinedSide>();
      plan.joined->joined = split ? JoinTexts(after_, g.news) : JoinTexts(before_, g.olds);
      plan.joined->tokens = compare::TokenizeForDiff(plan.joined->joined.text, &keying_);
      PlanDiff(split ? old_texts_[g.olds[0]] : plan.joined->tokens,
               split ? plan.joined->tokens : new_texts_[g.news[0]], options_, &plan);
    }
    costs.push_back(plan.Cost());
    if (costs.back().minimal == 0 && !plan.joined && !plan.script.approximate) {
      planned_[gi].reset();  // same tokens: emitted without a plan
      continue;
    }
    // A clause whose change is ignored (--ignore-case, ...) adds nothing to
    // the reported script, so nothing to the budget either.
    if (g.kind == compare::GroupKind::kOneToOne &&
        Ignored(Classify(old_texts_[g.olds[0]], new_texts_[g.news[0]]), options_)) {
      costs.back() = {};
    }
  }
  if (options_.raw_diff) return;
  const std::vector<bool> full = compare::ChooseFullCleanups(costs, WholeClauseEdits());
  for (std::size_t gi = 0; gi < planned_.size(); ++gi) {
    if (planned_[gi]) planned_[gi]->use_full = full[gi];
  }
}

// Tokens of clauses inserted or deleted whole: edits that need no cleanup.
std::uint64_t Comparer::WholeClauseEdits() const {
  std::uint64_t edits = 0;
  for (std::size_t o = 0; o < old_texts_.size(); ++o) {
    if (alignment_.group_of_old[o] < 0) edits += old_texts_[o].tokens.size();
  }
  for (std::size_t n = 0; n < new_texts_.size(); ++n) {
    if (alignment_.group_of_new[n] < 0) edits += new_texts_[n].tokens.size();
  }
  return edits;
}

Comparison Comparer::Run() {
  Prepare();
  PlanDiffs();
  PlaceOldOnlyEntries();
  for (std::size_t o : old_at_start_) EmitOldOnly(o);
  for (std::size_t n = 0; n < after_.blocks.size(); ++n) {
    EmitGroup(n);
    for (std::size_t o : old_after_new_[n]) EmitOldOnly(o);
  }
  CompareTitles();
  return std::move(result_);
}

void Comparer::EmitGroup(std::size_t n) {
  const int gi = alignment_.group_of_new[n];
  if (gi < 0) return EmitInserted(n);
  const compare::AlignedGroup& g = alignment_.groups[gi];
  const auto group = static_cast<std::size_t>(gi);
  switch (g.kind) {
    case compare::GroupKind::kOneToOne: return EmitOneToOne(group);
    case compare::GroupKind::kSplit:
      if (g.news.front() == n) EmitSplit(group);  // all parts at once
      return;
    case compare::GroupKind::kMerge: return EmitMerge(group);
  }
}

void Comparer::EmitOneToOne(std::size_t gi) {
  const compare::AlignedGroup& g = alignment_.groups[gi];
  const std::size_t o = g.olds[0], n = g.news[0];
  ClauseChange c;
  c.before = RefOf(before_, o);
  c.after = RefOf(after_, n);
  c.relabelled = c.before->label != c.after->label;
  c.change = Classify(old_texts_[o], new_texts_[n]);
  WordDiff d = planned_[gi] ? TakeWordDiff(planned_[gi].get(), options_)
                            : SameWordDiff(old_texts_[o].tokens.size());
  c.similarity = Similarity(d, old_texts_[o], new_texts_[n]);
  c.approximate = d.approximate;
  if (c.change == ChangeKind::kNone) {
    // Most clauses of a long text: one equal run, its text copied once
    // rather than token by token.
    if (!c.after->text.empty()) c.edits.push_back({DiffOp::kEqual, c.after->text});
  } else {
    c.edits = std::move(EditsOf(d, old_texts_[o], new_texts_[n], 1, nullptr)[0]);
  }
  c.modified = !Ignored(c.change, options_);
  if (g.moved) {
    c.status = ClauseStatus::kMoved;
    result_.stats.moved_tokens += old_texts_[o].tokens.size();
  } else {
    c.status = c.modified ? ClauseStatus::kModified : ClauseStatus::kUnchanged;
  }
  if (c.modified) {
    result_.stats.inserted_tokens += d.inserted;
    result_.stats.deleted_tokens += d.deleted;
  }
  planned_[gi].reset();  // used: freed before the next clause
  Finish(std::move(c));
}

void Comparer::EmitSplit(std::size_t gi) {
  const compare::AlignedGroup& g = alignment_.groups[gi];
  const std::size_t o = g.olds[0];
  const Joined& joined = planned_[gi]->joined->joined;
  const TokenizedText& b = planned_[gi]->joined->tokens;
  std::vector<std::size_t> part_of_token;
  for (const text::Token& t : b.tokens) {
    const auto it = std::upper_bound(joined.starts.begin(), joined.starts.end(), t.begin);
    part_of_token.push_back(static_cast<std::size_t>(it - joined.starts.begin()) - 1);
  }
  WordDiff d = TakeWordDiff(planned_[gi].get(), options_);
  std::vector<std::vector<Edit>> parts =
      EditsOf(d, old_texts_[o], b, g.news.size(), &part_of_token);
  const int group_id = next_group_id_++;
  for (std::size_t p = 0; p < g.news.size(); ++p) {
    ClauseChange c;
    c.status = ClauseStatus::kSplit;
    c.before = RefOf(before_, o);
    c.after = RefOf(after_, g.news[p]);
    c.similarity = Similarity(d, old_texts_[o], b);
    c.change = ChangeKind::kText;
    c.modified = d.inserted + d.deleted > 0;
    c.approximate = d.approximate;
    c.group = group_id;
    c.edits = std::move(parts[p]);
    Finish(std::move(c));
  }
  result_.stats.inserted_tokens += d.inserted;
  result_.stats.deleted_tokens += d.deleted;
  planned_[gi].reset();
}

void Comparer::EmitMerge(std::size_t gi) {
  const compare::AlignedGroup& g = alignment_.groups[gi];
  const std::size_t n = g.news[0];
  const Joined& joined = planned_[gi]->joined->joined;
  const TokenizedText& a = planned_[gi]->joined->tokens;
  WordDiff d = TakeWordDiff(planned_[gi].get(), options_);
  ClauseChange c;
  c.status = ClauseStatus::kMerged;
  c.before = RefOf(before_, g.olds[0]);
  c.before->text = joined.text;
  for (std::size_t o : g.olds) c.merged_from.push_back(RefOf(before_, o));
  c.after = RefOf(after_, n);
  c.similarity = Similarity(d, a, new_texts_[n]);
  c.change = ChangeKind::kText;
  c.modified = d.inserted + d.deleted > 0;
  c.approximate = d.approximate;
  c.group = next_group_id_++;
  c.edits = std::move(EditsOf(d, a, new_texts_[n], 1, nullptr)[0]);
  result_.stats.inserted_tokens += d.inserted;
  result_.stats.deleted_tokens += d.deleted;
  planned_[gi].reset();  // used: freed before the next clause
  Finish(std::move(c));
}

void Comparer::EmitInserted(std::size_t n) {
  ClauseChange c;
  c.status = ClauseStatus::kInserted;
  c.after = RefOf(after_, n);
  c.similarity = 0.0;
  c.change = ChangeKind::kText;
  c.modified = true;
  if (!c.after->text.empty()) c.edits.push_back({DiffOp::kInsert, c.after->text});
  result_.stats.inserted_tokens += new_texts_[n].tokens.size();
  Finish(std::move(c));
}

void Comparer::EmitOldOnly(std::size_t o) {
  ClauseChange c;
  c.before = RefOf(before_, o);
  c.similarity = 0.0;
  c.change = ChangeKind::kText;
  if (!c.before->text.empty()) c.edits.push_back({DiffOp::kDelete, c.before->text});
  if (alignment_.group_of_old[o] >= 0) {
    c.status = ClauseStatus::kMoved;  // the old place of a moved clause
    c.moved_away = true;
    const compare::AlignedGroup& g = alignment_.groups[alignment_.group_of_old[o]];
    c.modified = false;
    c.after = RefOf(after_, g.news.front());
  } else {
    c.status = ClauseStatus::kDeleted;
    c.modified = true;
    result_.stats.deleted_tokens += old_texts_[o].tokens.size();
  }
  Finish(std::move(c));
}

void Comparer::Finish(ClauseChange c) {
  result_.approximate |= c.approximate;
  if (!c.moved_away) {
    ClauseCounts& k = result_.counts;
    switch (c.status) {
      case ClauseStatus::kUnchanged: ++k.unchanged; break;
      case ClauseStatus::kModified: ++k.modified; break;
      case ClauseStatus::kMoved: ++k.moved; break;
      case ClauseStatus::kInserted: ++k.inserted; break;
      case ClauseStatus::kDeleted: ++k.deleted; break;
      case ClauseStatus::kSplit: ++k.split; break;
      case ClauseStatus::kMerged: ++k.merged; break;
    }
  }
  result_.clauses.push_back(std::move(c));
}

void Comparer::CompareTitles() {
  TokenizedText a = compare::TokenizeForDiff(before_.title, &keying_);
  TokenizedText b = compare::TokenizeForDiff(after_.title, &keying_);
  result_.title_changed = !Ignored(Classify(a, b), options_);
  WordDiff d = DiffWords(a, b, options_);
  result_.title_edits = std::move(EditsOf(d, a, b, 1, nullptr)[0]);
}

}  // namespace compare_internal

Comparison Compare(const Document& before, const Document& after, const CompareOptions& options) {
  return compare_internal::Comparer(before, after, options).Run();
}

SeriesComparison CompareSeries(const std::vector<Document>& versions,
                               const CompareOptions& options) {
  SeriesComparison series;
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    series.steps.push_back(Compare(versions[i], versions[i + 1], options));
  }
  if (versions.size() > 2)
    series.first_to_last = Compare(versions.front(), versions.back(), options);
  return series;
}

bool Comparison::HasDifferences() const {
  if (title_changed) return true;
  for (const ClauseChange& c : clauses) {
    if (c.status != ClauseStatus::kUnchanged || c.relabelled) return true;
  }
  return false;
}

std::string_view ClauseStatusName(ClauseStatus status) {
  switch (status) {
    case ClauseStatus::kUnchanged: return "unchanged";
    case ClauseStatus::kModified: return "modified";
    case ClauseStatus::kMoved: return "moved";
    case ClauseStatus::kInserted: return "inserted";
    case ClauseStatus::kDeleted: return "deleted";
    case ClauseStatus::kSplit: return "split";
    case ClauseStatus::kMerged: return "merged";
  }
  return "unchanged";
}

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kNone: return "none";
    case ChangeKind::kWhitespace: return "whitespace";
    case ChangeKind::kCase: return "case";
    case ChangeKind::kPunctuation: return "punctuation";
    case ChangeKind::kText: return "text";
  }
  return "text";
}

std::string_view DiffOpName(DiffOp op) {
  switch (op) {
    case DiffOp::kEqual: return "equal";
    case DiffOp::kInsert: return "insert";
    case DiffOp::kDelete: return "delete";
  }
  return "equal";
}

}  // namespace rapporteur
