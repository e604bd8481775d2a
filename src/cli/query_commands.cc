// rapporteur search | show | add | edit | history: reading and changing
// single records. Options map one to one onto SearchQuery and Record.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <iostream>
#include <random>

#include "rapporteur/record_format.h"
#include "src/cli/record_common.h"

namespace rapporteur::cli {
namespace {

struct SearchFlags {
  std::string text;
  SearchQuery query;
  std::vector<std::string> states, mechanisms, bodies, cycles, sessions, themes, responses,
      statuses, filters;
  std::string format = "table";
  bool no_facets = false;
};

int TerminalWidth() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    return size.ws_col;
  }
  return 0;
}

// --filter field=value, for any field of the kind.
Status AddGenericFilters(const std::vector<std::string>& filters, SearchQuery* query) {
  for (const std::string& f : filters) {
    const size_t eq = f.find('=');
    if (eq == std::string::npos || eq == 0) {
      return InvalidArgument("invalid filter '" + f + "' (expected field=value)");
    }
    query->filters[f.substr(0, eq)].push_back(f.substr(eq + 1));
  }
  return Status::Ok();
}

Status BuildQuery(SearchFlags& f) {
  const std::pair<const char*, std::vector<std::string>*> named[] = {
      {"state", &f.states},       {"mechanism", &f.mechanisms}, {"body", &f.bodies},
      {"cycle", &f.cycles},       {"session", &f.sessions},     {"theme", &f.themes},
      {"response", &f.responses}, {"status", &f.statuses}};
  for (const auto& [field, values] : named) {
    if (!values->empty()) f.query.filters[field] = *values;
  }
  f.query.text = f.text;
  f.query.count_facets = !f.no_facets;
  if (f.query.limit < 0) return InvalidArgument("--limit must not be negative");
  return AddGenericFilters(f.filters, &f.query);
}

int RunSearch(const GlobalOptions& global, SearchFlags& f) {
  Result<ListFormat> format = ParseListFormat(f.format);
  if (!format) return Fail(format.error());
  Status built = BuildQuery(f);
  if (!built.ok()) return Fail(built);
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  Result<SearchResult> result = (*store)->Search(f.query);
  if (!result) return Fail(result.error());
  Status written =
      WriteOutput("", FormatSearchResult(*result, f.query.kind, *format, TerminalWidth()));
  return written.ok() ? 0 : Fail(written);
}

void AddSearch(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
               std::map<CLI::App*, Command>* commands) {
  CLI::App* sub = app->add_subcommand(
      "search", "Search the record: AND, OR, NOT, (), \"phrases\", prefix*, stemming");
  auto f = std::make_shared<SearchFlags>();
  sub->add_option("query", f->text, "Full-text query (empty: every record matching the filters)");
  sub->add_option("--kind", f->query.kind, "Kind of record (default: recommendation)");
  sub->add_option("--state", f->states, "State under review: ISO code or any known name");
  sub->add_option("--mechanism", f->mechanisms,
                  "Mechanism id or type (UPR, CCPR, treaty_body, ...)");
  sub->add_option("--body", f->bodies, "Treaty body (CCPR, CAT, ...)");
  sub->add_option("--cycle", f->cycles, "UPR cycle");
  sub->add_option("--session", f->sessions, "Session");
  sub->add_option("--theme", f->themes, "Theme");
  sub->add_option("--response", f->responses, "Response: supported, noted, rejected, ...");
  sub->add_option("--status", f->statuses, "Implementation status");
  sub->add_option("--filter", f->filters, "Any field: field=value (repeatable)");
  sub->add_option("--from", f->query.date_from, "From this date (YYYY[-MM[-DD]])");
  sub->add_option("--to", f->query.date_to, "Up to this date (YYYY[-MM[-DD]])");
  sub->add_option("--limit", f->query.limit, "Results to print (default 20; the total is exact)");
  sub->add_option("--offset", f->query.offset, "Skip this many results");
  sub->add_option("--format", f->format, "table, json, csv or jsonl");
  sub->add_flag("--no-facets", f->no_facets, "Do not count facets");
  (*commands)[sub] = [global, f] { return RunSearch(*global, *f); };
}

Result<std::int64_t> ParseId(const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return InvalidArgument("invalid record id '" + text + "' (expected a positive number)");
  }
  return id;
}

int RunShow(const GlobalOptions& global, const std::string& id_text, bool json) {
  Result<std::int64_t> id = ParseId(id_text);
  if (!id) return Fail(id.error());
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  Result<Record> record = (*store)->Get(*id);
  if (!record) return Fail(record.error());
  Status written = WriteOutput("", FormatRecord(*record, json));
  return written.ok() ? 0 : Fail(written);
}

int RunHistory(const GlobalOptions& global, const std::string& id_text, bool json) {
  Result<std::int64_t> id = ParseId(id_text);
  if (!id) return Fail(id.error());
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  Result<std::vector<Change>> changes = (*store)->History(*id);
  if (!changes) return Fail(changes.error());
  Status written = WriteOutput("", FormatHistory(*changes, json));
  return written.ok() ? 0 : Fail(written);
}

// Writes one record in its own batch and prints it with its id.
int PutOne(Store& store, Record record) {
  Status resolved = ResolveStateNames(store, &record);
  if (!resolved.ok()) return Fail(resolved);
  Result<std::unique_ptr<Batch>> batch = store.BeginBatch();
  if (!batch) return Fail(batch.error());
  Result<PutOutcome> put = (*batch)->Put(record);
  if (!put) return Fail(put.error());
  Status committed = (*batch)->Commit();
  if (!committed.ok()) return Fail(committed);
  Result<Record> stored = store.GetByKey(record.kind, record.key);
  if (!stored) return Fail(stored.error());
  const char* what = *put == PutOutcome::kAdded     ? "added"
                     : *put == PutOutcome::kUpdated ? "updated"
                                                    : "unchanged";
  std::cerr << fmt::format("{} {} {}\n", what, record.kind, stored->id);
  Status written = WriteOutput("", FormatRecord(*stored, /*json=*/false));
  return written.ok() ? 0 : Fail(written);
}

// A key for a record entered by hand: "manual:" and 16 random hex digits.
std::string ManualKey() {
  std::random_device device;
  std::uint64_t bits = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  return fmt::format("manual:{:016x}", bits);
}

int RunAdd(const GlobalOptions& global, const std::string& kind, std::string key,
           const std::vector<std::string>& assignments) {
  Record record;
  record.kind = kind;
  record.key = key.empty() ? ManualKey() : std::move(key);
  Status applied = ApplyAssignments(assignments, &record);
  if (!applied.ok()) return Fail(applied);
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  return PutOne(**store, record);
}

int RunEdit(const GlobalOptions& global, const std::string& id_text,
            const std::vector<std::string>& assignments) {
  Result<std::int64_t> id = ParseId(id_text);
  if (!id) return Fail(id.error());
  Result<std::unique_ptr<Store>> store = OpenStore(global, /*must_exist=*/true);
  if (!store) return Fail(store.error());
  Result<Record> record = (*store)->Get(*id);
  if (!record) return Fail(record.error());
  Status applied = ApplyAssignments(assignments, &*record);
  if (!applied.ok()) return Fail(applied);
  return PutOne(**store, *record);
}

void AddShowAndHistory(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                       std::map<CLI::App*, Command>* commands) {
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* show = app->add_subcommand("show", "Print one record");
  show->add_option("id", *id, "Record id")->required();
  show->add_flag("--json", *json, "As JSON");
  (*commands)[show] = [global, id, json] { return RunShow(*global, *id, *json); };
  CLI::App* history = app->add_subcommand("history", "Print every change to one record");
  history->add_option("id", *id, "Record id")->required();
  history->add_flag("--json", *json, "As JSON");
  (*commands)[history] = [global, id, json] { return RunHistory(*global, *id, *json); };
}

void AddAddAndEdit(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                   std::map<CLI::App*, Command>* commands) {
  auto kind = std::make_shared<std::string>();
  auto key = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  auto assignments = std::make_shared<std::vector<std::string>>();
  CLI::App* add = app->add_subcommand("add", "Add a record: rapporteur add KIND field=value...");
  add->add_option("kind", *kind, "visit, agreement, activity, dialogue, communication, ...")
      ->required();
  add->add_option("assignments", *assignments, "field=value (lists: a|b or JSON)")->required();
  add->add_option("--key", *key, "The record's key (default: a new manual key)");
  (*commands)[add] = [global, kind, key, assignments] {
    return RunAdd(*global, *kind, *key, *assignments);
  };
  CLI::App* edit =
      app->add_subcommand("edit", "Change fields of a record: rapporteur edit ID field=value...");
  edit->add_option("id", *id, "Record id")->required();
  edit->add_option("assignments", *assignments, "field=value; field= removes it")->required();
  (*commands)[edit] = [global, id, assignments] { return RunEdit(*global, *id, *assignments); };
}

}  // namespace

void AddQueryCommands(CLI::App* app, const std::shared_ptr<GlobalOptions>& global,
                      std::map<CLI::App*, Command>* commands) {
  AddSearch(app, global, commands);
  AddShowAndHistory(app, global, commands);
  AddAddAndEdit(app, global, commands);
}

}  // namespace rapporteur::cli
