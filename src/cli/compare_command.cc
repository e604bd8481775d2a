// rapporteur compare OLD NEW [MORE...]: exit 0 without differences, 1 with,
// 2 on trouble, like diff(1).
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "rapporteur/compare.h"
#include "rapporteur/findings.h"
#include "rapporteur/ingest.h"
#include "rapporteur/render.h"
#include "src/base/parallel.h"
#include "src/cli/commands.h"

namespace rapporteur::cli {
namespace {

struct CompareFlags {
  std::vector<std::string> files;
  std::string format = "text";
  std::string output;
  std::string input_format;
  std::string encoding;
  bool no_color = false;
  bool color = false;
  bool all = false;
  bool no_findings = false;
  std::vector<std::string> lexicons;
  std::string report;
  std::uint64_t max_expanded = 512ull << 20;
  CompareOptions compare;
  RenderOptions render;
};

Result<std::vector<Document>> ReadAll(const CompareFlags& f) {
  ReadOptions options;
  options.encoding = f.encoding;
  options.max_expanded_bytes = f.max_expanded;
  if (!f.input_format.empty()) {
    Result<Format> forced = ParseFormatName(f.input_format);
    if (!forced) return forced.error();
    options.format = *forced;
  }
  return ReadDocuments(f.files, options);
}

// The lens (catalogue, lexicons, their automata: a few milliseconds) is
// loaded beside the reading of the documents when the process has more
// than one CPU (src/base/parallel.h).
struct Inputs {
  std::optional<Result<std::vector<Document>>> docs;
  std::optional<Result<std::shared_ptr<const Lens>>> lens;  // unset without findings
};

Inputs ReadInputs(const CompareFlags& f) {
  Inputs in;
  if (f.no_findings) {
    in.docs.emplace(ReadAll(f));
    return in;
  }
  LensOptions options;
  options.extra_files = f.lexicons;
  RunBoth([&] { in.lens.emplace(Lens::Load(options)); }, [&] { in.docs.emplace(ReadAll(f)); });
  return in;
}

int Run(CompareFlags& f) {
  if (f.files.size() < 2) {
    return Fail(InvalidArgument("compare needs at least two versions, oldest first (got " +
                                std::to_string(f.files.size()) + ")"));
  }
  Result<OutputFormat> format = ParseOutputFormat(f.report.empty() ? f.format : f.report);
  if (!format) return Fail(format.error());
  if (*format == OutputFormat::kDocx && (f.output.empty() || f.output == "-") &&
      ::isatty(STDOUT_FILENO) == 1) {
    return Fail(InvalidArgument("DOCX output is binary; name a file with -o report.docx"));
  }
  Inputs in = ReadInputs(f);
  Result<std::vector<Document>>& docs = *in.docs;
  if (!docs) return Fail(docs.error());
  SeriesComparison series;
  if (in.lens) {
    if (!*in.lens) return Fail(in.lens->error());
    series = (**in.lens)->CompareSeriesWithFindings(*docs, f.compare);
  } else {
    series = CompareSeries(*docs, f.compare);
  }
  f.render.color = f.color || (!f.no_color && f.output.empty() && StdoutWantsColor());
  f.render.show_unchanged = f.all;
  f.render.brief = !f.report.empty();
  if (f.render.brief && *format != OutputFormat::kMarkdown && *format != OutputFormat::kHtml) {
    return Fail(InvalidArgument("--report takes md or html, not '" + f.report + "'"));
  }
  Status written = WriteOutputWith(f.output, [&](const OutputSink& sink) {
    return RenderTo(*format, *docs, series, f.render, sink);
  });
  if (!written.ok()) return Fail(written);
  for (const Comparison& step : series.steps) {
    if (step.HasDifferences()) return 1;
  }
  return 0;
}

}  // namespace

Command AddCompareCommand(CLI::App* app) {
  auto f = std::make_shared<CompareFlags>();
  app->add_option("files", f->files, "Versions to compare, oldest first (two or more)")
      ->required()
      ->expected(1, -1);
  app->add_option("-f,--format", f->format, "Output: text, json, html, md, docx")
      ->capture_default_str();
  app->add_option("-o,--output", f->output, "Write to this file instead of standard output");
  app->add_option("--as", f->input_format,
                  "Read every input as this format (txt, md, html, docx, pdf, xml)");
  app->add_option("--encoding", f->encoding,
                  "Encoding of plain-text inputs (e.g. windows-1252, macintosh, GB18030)");
  app->add_flag("--no-color", f->no_color, "Never colour the terminal output");
  app->add_flag("--color", f->color, "Colour the terminal output even when not on a terminal");
  app->add_flag("-a,--all", f->all, "Also list unchanged clauses");
  app->add_flag("--no-findings", f->no_findings,
                "Only the redline: no findings about what the changes mean");
  app->add_option("--lexicon", f->lexicons,
                  "Extra lexicon (.tsv) or instrument catalogue (.jsonl); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--report", f->report,
                  "Write an analyst's brief (md or html): high-severity shifts, findings with "
                  "quotes, then the redline");
  app->add_flag("-w,--ignore-whitespace", f->compare.ignore_whitespace,
                "Count whitespace-only changes as unchanged");
  app->add_flag("-i,--ignore-case", f->compare.ignore_case, "Count case-only changes as unchanged");
  app->add_flag("--ignore-punctuation", f->compare.ignore_punctuation,
                "Count punctuation-only changes as unchanged");
  app->add_option("--match-threshold", f->compare.match_threshold,
                  "Word similarity at which two clauses are the same clause")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  app->add_option("--max-diff-cost", f->compare.max_diff_cost,
                  "Budget of the exact word diff; beyond it the diff is approximate and says so")
      ->capture_default_str();
  app->add_flag("--raw-diff", f->compare.raw_diff,
                "Show the minimal word diff without the readability cleanup");
  app->add_option("--max-expanded-size", f->max_expanded,
                  "Largest size a DOCX may expand to, in bytes (zip-bomb guard)")
      ->capture_default_str();
  app->add_option("--author", f->render.author, "Author of DOCX tracked changes")
      ->capture_default_str();
  app->add_option("--date", f->render.date, "Date of DOCX tracked changes (ISO 8601; default now)");
  return [f] { return Run(*f); };
}

}  // namespace rapporteur::cli
