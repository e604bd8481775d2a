// rapporteur: findings, the shifts of emphasis between two versions.
//
// A redline shows which words changed; a finding says what the change does:
// an international instrument no longer referred to, `shall` become `may`,
// a hedge such as "in accordance with national conditions" inserted, a
// monitoring provision dropped, a clause barring experts from anything but
// the programme added. Each finding points to its evidence in both versions.
//
//   rapporteur::Result<rapporteur::Lens> lens = rapporteur::Lens::Load({});
//   std::vector<rapporteur::Finding> f = lens->Analyze(old_doc, new_doc, comparison);
//
// What is recognised lives in data files (docs/data-formats.md): the
// instrument catalogue data/instruments.jsonl and the lexicons under
// data/lexicons/, extended with LensOptions::extra_files. The kinds and the
// severity rules are documented in docs/findings.md.
//
// Thread safety: a loaded Lens is immutable; its methods may run concurrently.
#ifndef RAPPORTEUR_FINDINGS_H_
#define RAPPORTEUR_FINDINGS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/document.h"
#include "rapporteur/finding.h"
#include "rapporteur/status.h"

namespace rapporteur {

struct LensOptions {
  // Directory with instruments.jsonl and lexicons/; empty means the
  // RAPPORTEUR_DATA environment variable, else the built-in data directory.
  std::string data_dir;
  // More catalogue (.jsonl) or lexicon (.tsv) files, e.g. from --lexicon.
  std::vector<std::string> extra_files;
};

class Lens {
 public:
  // Loads the catalogue and lexicons; a malformed file is an error naming
  // the file, line and field.
  static Result<std::shared_ptr<const Lens>> Load(const LensOptions& options);

  // Findings of `comparison` (which must compare `before` with `after`),
  // most severe first, then in the order of the newer version.
  std::vector<Finding> Analyze(const Document& before, const Document& after,
                               const Comparison& comparison) const;

  // CompareSeries(versions, options) with the findings of every step and
  // of the cumulative comparison filled in, as AddFindings would: the same
  // result, sooner, as the versions are scanned for references on another
  // thread while they are compared.
  SeriesComparison CompareSeriesWithFindings(const std::vector<Document>& versions,
                                             const CompareOptions& options) const;

  ~Lens();
  Lens(const Lens&) = delete;
  Lens& operator=(const Lens&) = delete;

  struct Impl;

 private:
  explicit Lens(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Fills the findings of every step of `series` and of its cumulative
// comparison (`versions` oldest first, as given to CompareSeries).
void AddFindings(const Lens& lens, const std::vector<Document>& versions, SeriesComparison* series);

}  // namespace rapporteur

#endif  // RAPPORTEUR_FINDINGS_H_
