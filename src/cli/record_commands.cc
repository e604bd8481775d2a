// rapporteur init | import | export: creating the store and moving records
// in and out of it. The library does the work; this file parses options,
// shows progress on a terminal and prints summaries.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "rapporteur/import.h"
#include "rapporteur/record_format.h"
#include "src/cli/commands.h"
#include "src/cli/record_common.h"

namespace rapporteur::cli {
namespace {

int RunInit(const GlobalOptions& global) {
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/false);
  if (!store) return Fail(store.error());
  Status init = (*store)->Init();
  if (!init.ok()) return Fail(init);
  Result<StoreStats> stats = (*store)->Stats();
  if (!stats) return Fail(stats.error());
  std::cout << fmt::format(
      "initialised '{}' (schema {}): {} states, {} instruments, {} mechanisms\n",
      StoreLocation(global), stats->schema_version, stats->states, stats->instruments,
      stats->mechanisms);
  return 0;
}

// Rows, rate and time left on stderr, redrawn in place; only on a terminal.
class ProgressLine {
 public:
  ProgressLine() : enabled_(::isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}
  ~ProgressLine() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
  }
  void Update(const std::string& path, const ImportProgress& p) {
    if (!enabled_) return;
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(p.rows_done) / seconds : 0;
    std::string line = fmt::format("{}: {} rows, {:.0f} rows/s", path, p.rows_done, rate);
    if (p.rows_total > 0 && rate > 0) {
      const double left = static_cast<double>(p.rows_total - p.rows_done) / rate;
      line += fmt::format(", {:.0f}%, {:.0f} s left", 100.0 * p.rows_done / p.rows_total, left);
    }
    std::cerr << "\r\033[K" << line << std::flush;
    drawn_ = true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_;
};

struct ImportFlags {
  std::vector<std::string> files;
  std::string as;
  std::string mapping;
  std::string rejects;
  bool dry_run = false;
  bool skip_bad = false;
};

Result<ImportOptions> MakeImportOptions(const ImportFlags& f) {
  ImportOptions options;
  if (!f.as.empty()) {
    Result<ImportFormat> format = ParseImportFormat(f.as);
    if (!format) return format.error();
    options.format = *format;
  }
  options.mapping_path = f.mapping;
  options.dry_run = f.dry_run;
  options.skip_bad = f.skip_bad;
  options.rejects_path = f.rejects;
  if (!f.rejects.empty() && !f.skip_bad) {
    return InvalidArgument("--rejects needs --skip-bad (without it a bad row stops the import)");
  }
  return options;
}

// Imports each file in its own transaction; stops at the first failure.
int RunImport(const GlobalOptions& global, const ImportFlags& f) {
  Result<ImportOptions> options = MakeImportOptions(f);
  if (!options) return Fail(options.error());
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  for (const std::string& path : f.files) {
    ProgressLine progress;
    options->progress = [&](const ImportProgress& p) { progress.Update(path, p); };
    Result<ImportSummary> summary = Import(**store, path, *options);
    options->progress = nullptr;
    if (!summary) return Fail(summary.error());
    std::cout << FormatImportSummary(*summary, f.dry_run) << std::flush;
    for (const std::string& warning : summary->warnings)
      std::cerr << "warning: " << warning << "\n";
  }
  return 0;
}

int RunExport(const GlobalOptions& global, const std::string& kind, const std::string& output) {
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  if (output.empty() || output == "-") {
    Status exported = ExportJsonLines(**store, kind, std::cout);
    return exported.ok() ? 0 : Fail(exported);
  }
  // Through a temporary file, so a failed export never truncates a good one.
  const std::string tmp = output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Fail(IoError("cannot write '" + output + "'"));
    Status exported = ExportJsonLines(**store, kind, out);
    if (exported.ok() && !out.flush()) exported = IoError("cannot write '" + output + "'");
    if (!exported.ok()) {
      std::remove(tmp.c_str());
      return Fail(exported);
    }
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    return Fail(IoError("cannot write '" + output + "'"));
  }
  return 0;
}

void AddImport(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
               std::map<CLI::App*, Command>* commands) {
  CLI::App* sub = app->add_subcommand("import", "Import files into the record store");
  auto f = std::make_shared<ImportFlags>();
  sub->add_option("files", f->files, "Files to import (format detected from content)")->required();
  sub->add_option(
      "--as", f->as,
      "Force a format: upr-info, ratification, ohchr-thematic, followup, jsonl, csv, xlsx");
  sub->add_option("--mapping", f->mapping, "Column mapping of a generic CSV/XLSX (JSON)");
  sub->add_flag("--dry-run", f->dry_run, "Check and count, write nothing");
  sub->add_flag("--skip-bad", f->skip_bad, "Import the good rows, reject the bad ones");
  sub->add_option("--rejects", f->rejects, "With --skip-bad: write rejected rows here (CSV)");
  (*commands)[sub] = [global, f] { return RunImport(*global, *f); };
}

void AddExport(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
               std::map<CLI::App*, Command>* commands) {
  CLI::App* sub = app->add_subcommand("export", "Export the record store as JSON Lines");
  auto kind = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  sub->add_option("--kind", *kind, "Only records of this kind");
  sub->add_option("-o,--output", *output, "Write to this file instead of standard output");
  (*commands)[sub] = [global, kind, output] { return RunExport(*global, *kind, *output); };
}

}  // namespace

void AddRecordCommands(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                       std::map<CLI::App*, Command>* commands) {
  CLI::App* init = app->add_subcommand("init", "Create the record store (idempotent)");
  (*commands)[init] = [global] { return RunInit(*global); };
  AddImport(app, global, commands);
  AddExport(app, global, commands);
  AddQueryCommands(app, global, commands);
  AddReportCommand(app, global, commands);
}

}  // namespace rapporteur::cli
