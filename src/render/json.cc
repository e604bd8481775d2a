// JSON output; the schema is documented in docs/json-schema.md and is a
// contract other parts (findings, the server, the benchmark) rely on.
#include <fmt/format.h>

#include <array>
#include <iterator>
#include <nlohmann/json.hpp>

#include "rapporteur/findings.h"
#include "src/render/renderers.h"

namespace rapporteur::render {
namespace {

using nlohmann::json;

// The clause lists are most of the output and grow with the documents: they
// are written straight into the output string, one clause per line, rather
// than built as a JSON tree first, which on a million-word comparison cost
// more than the comparison itself. The rest goes through nlohmann::json.

// Bytes that JSON strings must escape: '"', '\\' and controls.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = table['\\'] = true;
  return table;
}();

// The clause texts are most of a comparison's output: runs that need no
// escape are appended whole.
void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size() && !kNeedsEscape[static_cast<unsigned char>(s[end])]) ++end;
    out->append(s.substr(i, end - i));
    if (end == s.size()) break;
    switch (const char c = s[end]) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(*out), "\\u{:04x}", static_cast<unsigned char>(c));
    }
    i = end + 1;
  }
  out->push_back('"');
}

void AppendRef(const std::optional<ClauseRef>& ref, std::string* out) {
  if (!ref) {
    *out += "null";
    return;
  }
  fmt::format_to(std::back_inserter(*out), "{{\"index\": {}, \"label\": ", ref->index);
  AppendString(ref->label, out);
  *out += ", \"path\": ";
  AppendString(ref->path, out);
  *out += ", \"text\": ";
  AppendString(ref->text, out);
  out->push_back('}');
}

void AppendOps(const std::vector<Edit>& edits, std::string* out) {
  out->push_back('[');
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (i > 0) *out += ", ";
    fmt::format_to(std::back_inserter(*out),
                   "{{\"op\": \"{}\", \"text\": ", DiffOpName(edits[i].op));
    AppendString(edits[i].text, out);
    out->push_back('}');
  }
  out->push_back(']');
}

// One clause object on one line, keys in the same (sorted) order as the
// rest of the document.
void AppendClause(const ClauseChange& c, std::string* out) {
  *out += "{\"after\": ";
  AppendRef(c.after, out);
  fmt::format_to(std::back_inserter(*out), ", \"approximate\": {}, \"before\": ", c.approximate);
  AppendRef(c.before, out);
  fmt::format_to(std::back_inserter(*out), ", \"change\": \"{}\"", ChangeKindName(c.change));
  if (c.group >= 0) fmt::format_to(std::back_inserter(*out), ", \"group\": {}", c.group);
  if (!c.merged_from.empty()) {
    *out += ", \"merged_from\": [";
    for (std::size_t i = 0; i < c.merged_from.size(); ++i) {
      if (i > 0) *out += ", ";
      AppendRef(c.merged_from[i], out);
    }
    out->push_back(']');
  }
  fmt::format_to(std::back_inserter(*out), ", \"modified\": {}, \"ops\": ", c.modified);
  AppendOps(c.edits, out);
  fmt::format_to(std::back_inserter(*out),
                 ", \"relabelled\": {}, \"similarity\": {}, \"status\": \"{}\"}}", c.relabelled,
                 c.similarity, ClauseStatusName(c.status));
}

// About what AppendClausesArray writes: the texts, as they need no escaping
// but for the odd quote, and the keys and numbers around them. Reserving it
// spares the output's last doubling, which on a 1M-word pair held a 32 and
// a 64 MB copy at once, the process's peak.
std::size_t ClausesArrayBytes(const Comparison& cmp, int indent) {
  const auto ref_bytes = [](const std::optional<ClauseRef>& ref) {
    return ref ? ref->label.size() + ref->path.size() + ref->text.size() + 64 : 4;
  };
  std::size_t bytes = 16;
  for (const ClauseChange& c : cmp.clauses) {
    if (c.moved_away) continue;
    bytes += static_cast<std::size_t>(indent) + 200 + ref_bytes(c.before) + ref_bytes(c.after);
    for (const ClauseRef& merged : c.merged_from) bytes += ref_bytes(merged);
    for (const Edit& e : c.edits) bytes += e.text.size() + 32;
  }
  return bytes + bytes / 32;
}

// Where the text goes. With a sink, the text is handed over whenever it
// passes a megabyte, between two clauses; without one it grows into the
// whole output, reserved beforehand (ClausesArrayBytes).
class JsonOutput {
 public:
  explicit JsonOutput(const OutputSink* sink) : sink_(sink) {}

  std::string& text() { return text_; }
  void MaybeFlush() {
    if (sink_ != nullptr && text_.size() >= kPieceBytes) Flush();
  }
  void Flush() {
    if (sink_ == nullptr || !status_.ok() || text_.empty()) return;
    status_ = (*sink_)(text_);
    text_.clear();
  }
  bool streaming() const { return sink_ != nullptr; }
  // Whether to go on: a failed sink stops the output.
  bool ok() const { return status_.ok(); }
  Status status() const { return status_; }

 private:
  static constexpr std::size_t kPieceBytes = 1 << 20;
  const OutputSink* sink_;
  std::string text_;
  Status status_ = Status::Ok();
};

void AppendClausesArray(const Comparison& cmp, int indent, JsonOutput* output) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  output->text() += "[";
  bool first = true;
  for (const ClauseChange& c : cmp.clauses) {
    if (c.moved_away) continue;
    if (!output->ok()) return;
    std::string& out = output->text();
    out += first ? "\n" : ",\n";
    first = false;
    out += pad + "  ";
    AppendClause(c, &out);
    output->MaybeFlush();
  }
  output->text() += first ? "]" : "\n" + pad + "]";
}

// Where the streamed clause list goes in the dumped tree.
constexpr std::string_view kClausesMark =
    "\x01"
    "clauses"
    "\x01";  // split: \x01c would read as \x1c

json OpsJson(const std::vector<Edit>& edits) {
  json ops = json::array();
  for (const Edit& e : edits) ops.push_back({{"op", DiffOpName(e.op)}, {"text", e.text}});
  return ops;
}

json EvidenceJson(const std::optional<Evidence>& e) {
  if (!e) return nullptr;
  return {{"label", e->label}, {"path", e->path}, {"quote", e->quote},
          {"start", e->start}, {"end", e->end},   {"index", e->index}};
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json FindingJson(const Finding& f) {
  return {{"kind", f.kind},
          {"severity", SeverityName(f.severity)},
          {"instrument", OrNull(f.instrument)},
          {"direction", OrNull(f.direction)},
          {"type", OrNull(f.type)},
          {"before", EvidenceJson(f.before)},
          {"after", EvidenceJson(f.after)},
          {"explanation", f.explanation}};
}

json CountsJson(const ClauseCounts& c) {
  return {{"unchanged", c.unchanged}, {"modified", c.modified}, {"moved", c.moved},
          {"inserted", c.inserted},   {"deleted", c.deleted},   {"split", c.split},
          {"merged", c.merged}};
}

json StatsJson(const Comparison& cmp) {
  const ComparisonStats& s = cmp.stats;
  return {{"tokens_before", s.tokens_before},     {"tokens_after", s.tokens_after},
          {"inserted_tokens", s.inserted_tokens}, {"deleted_tokens", s.deleted_tokens},
          {"moved_tokens", s.moved_tokens},       {"approximate", cmp.approximate}};
}

// The fields of one comparison. Old places of moved clauses are not listed:
// every clause appears once, and `before.index` tells where a move came from.
void FillComparison(const Comparison& cmp, std::size_t step, json* j) {
  (*j)["title"] = {{"changed", cmp.title_changed}, {"ops", OpsJson(cmp.title_edits)}};
  (*j)["clauses"] = std::string(kClausesMark) + std::to_string(step);
  json findings = json::array();
  for (const Finding& f : cmp.findings) findings.push_back(FindingJson(f));
  (*j)["findings"] = std::move(findings);
  (*j)["summary"] = CountsJson(cmp.counts);
  (*j)["stats"] = StatsJson(cmp);
  (*j)["differences"] = cmp.HasDifferences();
}

json VersionJson(const Document& d) {
  return {{"path", d.source},
          {"format", FormatName(d.format)},
          {"title", d.title},
          {"clauses", d.blocks.size()},
          {"warnings", d.warnings}};
}

// The JSON tree of everything but the clause lists, which stand in it as
// marks ("\u0001clauses\u0001N") for WriteJson to splice in.
std::string TreeWithMarks(const std::vector<Document>& versions, const SeriesComparison& series) {
  json out;
  out["rapporteur"] = RAPPORTEUR_VERSION;
  out["versions"] = json::array();
  for (const Document& d : versions) out["versions"].push_back(VersionJson(d));
  FillComparison(series.cumulative(), 0, &out);
  if (versions.size() > 2) {
    out["steps"] = json::array();
    for (std::size_t i = 0; i < series.steps.size(); ++i) {
      json step = {{"from", i}, {"to", i + 1}};
      FillComparison(series.steps[i], i + 1, &step);
      out["steps"].push_back(std::move(step));
    }
  }
  // Replace rather than throw: a stray invalid byte must not lose the report.
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

// Splices each streamed clause list in place of its mark, writing the
// output once: on a long text the lists are most of it, and copying them
// again would double the peak.
void WriteJson(const std::vector<Document>& versions, const SeriesComparison& series,
               JsonOutput* output) {
  const std::string tree = TreeWithMarks(versions, series);
  std::string& text = output->text();
  if (!output->streaming()) {
    std::size_t capacity = tree.size() + 16;
    for (std::size_t step = 0; step <= series.steps.size(); ++step) {
      if (step == 0 || versions.size() > 2) {
        capacity += ClausesArrayBytes(step == 0 ? series.cumulative() : series.steps[step - 1], 8);
      }
    }
    text.reserve(capacity);
  }
  std::size_t from = 0;
  for (std::size_t step = 0; step <= series.steps.size(); ++step) {
    const std::string mark = "\"\\u0001clauses\\u0001" + std::to_string(step) + "\"";
    const std::size_t at = tree.find(mark, from);
    if (at == std::string::npos) continue;
    const std::size_t line = tree.rfind('\n', at);
    const std::size_t key = tree.find_first_not_of(' ', line + 1);
    text.append(tree, from, at - from);
    const Comparison& cmp = step == 0 ? series.cumulative() : series.steps[step - 1];
    AppendClausesArray(cmp, static_cast<int>(key - line - 1), output);
    from = at + mark.size();
  }
  output->text().append(tree, from, std::string::npos);
  output->text() += '\n';
}

}  // namespace

std::string RenderJson(const std::vector<Document>& versions, const SeriesComparison& series,
                       const RenderOptions& /*options*/) {
  JsonOutput output(nullptr);
  WriteJson(versions, series, &output);
  return std::move(output.text());
}

Status RenderJsonTo(const std::vector<Document>& versions, const SeriesComparison& series,
                    const RenderOptions& /*options*/, const OutputSink& sink) {
  JsonOutput output(&sink);
  WriteJson(versions, series, &output);
  output.Flush();
  return output.status();
}

}  // namespace rapporteur::render
