// JSON output; the schema is documented in docs/json-schema.md and is a
// contract other parts (findings, the server, the benchmark) rely on.
#include <nlohmann/json.hpp>

#include "rapporteur/findings.h"
#include "src/render/renderers.h"

namespace rapporteur::render {
namespace {

using nlohmann::json;

json RefJson(const std::optional<ClauseRef>& ref) {
  if (!ref) return nullptr;
  return {{"label", ref->label}, {"path", ref->path}, {"text", ref->text}, {"index", ref->index}};
}

json OpsJson(const std::vector<Edit>& edits) {
  json ops = json::array();
  for (const Edit& e : edits) ops.push_back({{"op", DiffOpName(e.op)}, {"text", e.text}});
  return ops;
}

json ClauseJson(const ClauseChange& c) {
  json j = {{"status", ClauseStatusName(c.status)},
            {"before", RefJson(c.before)},
            {"after", RefJson(c.after)},
            {"similarity", c.similarity},
            {"change", ChangeKindName(c.change)},
            {"modified", c.modified},
            {"relabelled", c.relabelled},
            {"approximate", c.approximate},
            {"ops", OpsJson(c.edits)}};
  if (c.group >= 0) j["group"] = c.group;
  if (!c.merged_from.empty()) {
    json parts = json::array();
    for (const ClauseRef& r : c.merged_from) parts.push_back(RefJson(r));
    j["merged_from"] = parts;
  }
  return j;
}

json EvidenceJson(const std::optional<Evidence>& e) {
  if (!e) return nullptr;
  return {{"label", e->label}, {"path", e->path},   {"quote", e->quote},
          {"start", e->start}, {"end", e->end},     {"index", e->index}};
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
void FillComparison(const Comparison& cmp, json* j) {
  json clauses = json::array();
  for (const ClauseChange& c : cmp.clauses) {
    if (!c.moved_away) clauses.push_back(ClauseJson(c));
  }
  (*j)["title"] = {{"changed", cmp.title_changed}, {"ops", OpsJson(cmp.title_edits)}};
  (*j)["clauses"] = std::move(clauses);
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

}  // namespace

std::string RenderJson(const std::vector<Document>& versions, const SeriesComparison& series,
                       const RenderOptions& /*options*/) {
  json out;
  out["rapporteur"] = RAPPORTEUR_VERSION;
  out["versions"] = json::array();
  for (const Document& d : versions) out["versions"].push_back(VersionJson(d));
  FillComparison(series.cumulative, &out);
  if (versions.size() > 2) {
    out["steps"] = json::array();
    for (std::size_t i = 0; i < series.steps.size(); ++i) {
      json step = {{"from", i}, {"to", i + 1}};
      FillComparison(series.steps[i], &step);
      out["steps"].push_back(std::move(step));
    }
  }
  // Replace rather than throw: a stray invalid byte must not lose the report.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace rapporteur::render
