// rapporteur report state|recurrence|timeline STATE: the reports of
// report.h, printed or written to a file; --all writes one file per state
// with records into a directory, with an index.
#include <filesystem>
#include <iostream>

#include "rapporteur/report.h"
#include "src/cli/record_common.h"

namespace rapporteur::cli {
namespace {

struct ReportFlags {
  std::string kind;  // state, recurrence, timeline
  std::string state;
  bool all = false;
  std::string format = "md";
  std::string output;
  ReportOptions options;
};

Result<nlohmann::json> Build(Store& store, const ReportFlags& f, const std::string& state) {
  if (f.kind == "recurrence") return BuildRecurrenceReport(store, state, f.options);
  if (f.kind == "timeline") return BuildTimelineReport(store, state, f.options);
  return BuildStateReport(store, state, f.options);
}

std::string Extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::kMarkdown: return ".md";
    case ReportFormat::kHtml: return ".html";
    case ReportFormat::kJson: return ".json";
    case ReportFormat::kCsv: return ".csv";
  }
  return "";
}

int RunAll(Store& store, const ReportFlags& f, ReportFormat format) {
  if (f.output.empty() || f.output == "-") {
    return Fail(
        InvalidArgument("report --all writes one file per state: name a directory with -o"));
  }
  std::error_code ec;
  std::filesystem::create_directories(f.output, ec);
  if (ec) return Fail(IoError("cannot create directory '" + f.output + "': " + ec.message()));
  Result<std::vector<std::string>> states = StatesWithRecords(store);
  if (!states) return Fail(states.error());
  std::vector<nlohmann::json> summaries;
  for (const std::string& code : *states) {
    Result<nlohmann::json> report = Build(store, f, code);
    if (!report) return Fail(report.error());
    const std::string file = code + Extension(format);
    Status written = WriteOutput(f.output + "/" + file, RenderReport(*report, format));
    if (!written.ok()) return Fail(written);
    summaries.push_back(ReportSummary(*report, file));
  }
  Status index =
      WriteOutput(f.output + "/index" + Extension(format), RenderReportIndex(summaries, format));
  if (!index.ok()) return Fail(index);
  std::cerr << "wrote " << states->size() << " reports and an index to '" << f.output << "'\n";
  return 0;
}

int RunReport(const GlobalOptions& global, const ReportFlags& f) {
  Result<ReportFormat> format = ParseReportFormat(f.format);
  if (!format) return Fail(format.error());
  if (f.all == !f.state.empty()) {
    return Fail(InvalidArgument("report needs a state (ISO code or name) or --all"));
  }
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  if (f.all) return RunAll(**store, f, *format);
  Result<nlohmann::json> report = Build(**store, f, f.state);
  if (!report) return Fail(report.error());
  Status written = WriteOutput(f.output, RenderReport(*report, *format));
  return written.ok() ? 0 : Fail(written);
}

}  // namespace

void AddReportCommand(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                      std::map<CLI::App*, Command>* commands) {
  CLI::App* sub = app->add_subcommand("report", "Reports on a state's record");
  auto f = std::make_shared<ReportFlags>();
  sub->add_option("report", f->kind, "state (the scorecard), recurrence or timeline")
      ->required()
      ->check(CLI::IsMember({"state", "recurrence", "timeline"}));
  sub->add_option("state", f->state, "ISO code or any known name");
  sub->add_flag("--all", f->all, "Every state with records (needs -o DIR)");
  sub->add_option("--format", f->format, "md, html, json or csv");
  sub->add_option("-o,--output", f->output, "Write to this file (with --all: directory)");
  sub->add_option("--as-of", f->options.as_of, "Count years up to this day (YYYY-MM-DD)");
  sub->add_option("--max-clusters", f->options.max_clusters, "Recurring clusters in a scorecard");
  (*commands)[sub] = [global, f] { return RunReport(*global, *f); };
}

}  // namespace rapporteur::cli
