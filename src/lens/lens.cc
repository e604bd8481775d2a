#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "rapporteur/findings.h"
#include "src/base/cpus.h"
#include "src/base/data_dir.h"
#include "src/base/parallel.h"
#include "src/lens/rules.h"
#include "src/lens/scanner.h"

namespace rapporteur {

struct Lens::Impl {
  lens::Catalogue catalogue;
  lens::Lexicons lexicons;
  std::unique_ptr<lens::Scanner> scanner;
};

namespace {

std::string DataDir(const LensOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  return DefaultDataDir();
}

Status AddDataFile(const std::string& path, Lens::Impl* impl) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".jsonl") return impl->catalogue.AddFile(path);
  if (ext == ".tsv") return impl->lexicons.AddFile(path);
  return InvalidArgument("cannot read '" + path +
                         "': expected a lexicon (.tsv) or an instrument catalogue (.jsonl)");
}

Status LoadDefaults(const std::string& dir, Lens::Impl* impl) {
  RAPPORTEUR_RETURN_IF_ERROR(impl->catalogue.AddFile(dir + "/instruments.jsonl"));
  std::vector<std::string> lexicons;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/lexicons", ec)) {
    if (entry.path().extension() == ".tsv") lexicons.push_back(entry.path().string());
  }
  if (ec) return NotFound("cannot read '" + dir + "/lexicons': " + ec.message());
  std::sort(lexicons.begin(), lexicons.end());
  for (const std::string& path : lexicons) RAPPORTEUR_RETURN_IF_ERROR(impl->lexicons.AddFile(path));
  return Status::Ok();
}

int SeverityRank(Severity s) { return s == Severity::kHigh ? 0 : s == Severity::kMedium ? 1 : 2; }

// Where a finding stands in the newer version's order (its old place, when
// the clause is gone).
std::pair<std::size_t, std::size_t> Position(const Finding& f) {
  if (f.after) return {f.after->index, f.after->start};
  return {f.before ? f.before->index : 0, f.before ? f.before->start : 0};
}

}  // namespace

Lens::Lens(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lens::~Lens() = default;

Result<std::shared_ptr<const Lens>> Lens::Load(const LensOptions& options) {
  auto impl = std::make_unique<Impl>();
  RAPPORTEUR_RETURN_IF_ERROR(LoadDefaults(DataDir(options), impl.get()));
  for (const std::string& path : options.extra_files) {
    RAPPORTEUR_RETURN_IF_ERROR(AddDataFile(path, impl.get()));
  }
  impl->scanner = std::make_unique<lens::Scanner>(impl->catalogue, impl->lexicons);
  return std::shared_ptr<const Lens>(new Lens(std::move(impl)));
}

namespace {

// The findings of `comparison`, given the unresolved hits
// (Scanner::ScanUnresolved) of both versions, which this consumes.
std::vector<Finding> AnalyzeScanned(const Lens::Impl& impl, const Document& before,
                                    const Document& after, const Comparison& comparison,
                                    lens::ScannedDocument old_hits,
                                    lens::ScannedDocument new_hits) {
  const lens::Scanner& scanner = *impl.scanner;
  scanner.ResolveReferences(&old_hits);
  scanner.ResolveReferences(&new_hits);
  lens::AnalysisContext ctx(before, after, comparison, impl.catalogue, std::move(old_hits),
                            std::move(new_hits));
  std::vector<Finding> findings;
  lens::FindInstrumentShifts(ctx, &findings);
  lens::FindLexicalShifts(ctx, &findings);
  lens::FindObligationShifts(ctx, &findings);
  lens::FindObjectiveChanges(ctx, &findings);
  lens::FindScopeChanges(ctx, &findings);
  for (Finding& f : findings) lens::Explain(impl.catalogue, &f);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return SeverityRank(a.severity) < SeverityRank(b.severity);
    return Position(a) < Position(b);
  });
  return findings;
}

}  // namespace

std::vector<Finding> Lens::Analyze(const Document& before, const Document& after,
                                   const Comparison& comparison) const {
  // An unchanged clause has the same hits in both versions: scan it once.
  std::vector<int> same(after.blocks.size(), -1);
  for (const ClauseChange& c : comparison.clauses) {
    if (!c.moved_away && c.before && c.after && c.merged_from.empty() &&
        c.before->text == c.after->text) {
      same[c.after->index] = static_cast<int>(c.before->index);
    }
  }
  const lens::Scanner& scanner = *impl_->scanner;
  lens::ScannedDocument old_hits = scanner.ScanUnresolved(before);
  lens::ScannedDocument new_hits = scanner.ScanUnresolved(after, [&](std::size_t n) {
    return same[n] >= 0 ? &old_hits[static_cast<std::size_t>(same[n])] : nullptr;
  });
  return AnalyzeScanned(*impl_, before, after, comparison, std::move(old_hits),
                        std::move(new_hits));
}

SeriesComparison Lens::CompareSeriesWithFindings(const std::vector<Document>& versions,
                                                 const CompareOptions& options) const {
  // On one core, overlap gains nothing and the whole scans cost more than
  // Analyze's reuse of unchanged clauses.
  if (CpusAvailable() < 2) {
    SeriesComparison series = CompareSeries(versions, options);
    AddFindings(*this, versions, &series);
    return series;
  }
  // Scanning needs no comparison: every version is scanned, whole, on
  // another thread while they are compared. (Analyze, in sequence, reuses
  // an unchanged clause's hits instead; blocks are scanned independently,
  // so both give the same hits.)
  std::vector<lens::ScannedDocument> hits;
  SeriesComparison series;
  RunBoth(
      [&] {
        for (const Document& version : versions)
          hits.push_back(impl_->scanner->ScanUnresolved(version));
      },
      [&] { series = CompareSeries(versions, options); });
  const std::size_t last = versions.size() - 1;
  if (versions.size() > 2) {
    series.cumulative().findings = AnalyzeScanned(*impl_, versions.front(), versions.back(),
                                                  series.cumulative(), hits.front(), hits.back());
  }
  for (std::size_t i = 0; i < series.steps.size(); ++i) {
    // A middle version is the newer side of one step and the older of the
    // next: the last use takes it.
    lens::ScannedDocument after = i + 1 == last ? std::move(hits[i + 1]) : hits[i + 1];
    series.steps[i].findings = AnalyzeScanned(*impl_, versions[i], versions[i + 1], series.steps[i],
                                              std::move(hits[i]), std::move(after));
  }
  return series;
}

void AddFindings(const Lens& lens, const std::vector<Document>& versions,
                 SeriesComparison* series) {
  for (std::size_t i = 0; i < series->steps.size(); ++i) {
    series->steps[i].findings = lens.Analyze(versions[i], versions[i + 1], series->steps[i]);
  }
  if (versions.size() > 2) {
    series->cumulative().findings =
        lens.Analyze(versions.front(), versions.back(), series->cumulative());
  }
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
  }
  return "medium";
}

}  // namespace rapporteur
