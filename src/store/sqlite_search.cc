// Search over the SQLite store: full text (FTS5, ranked by bm25) and
// filters, with the exact total and exact facet counts.
//
// The matching ids are read once, in the order of the results: without
// text, the filters' SQL over the kind's table (its indices choose the
// rows), by id; with text, the kind's full-text index, whose matches are
// tested against the ids that passed the filters (IdFilter), so that bm25
// ranks only matches that pass. Their number is the total, a slice of them
// the page, and the facets are read from their rows, looked up by id
// (json_each). A whole kind is counted by SQL, its facets read from
// facet_counts.
//
// When the kind's facet columns are ready (src/store/facet_columns.h), the
// filters on facet fields and the facets are answered from them instead,
// in memory: the rows are read for the page only. The SQL path stays as
// the reference the columns are tested against (sqlite_search_test.cc)
// and for what they do not hold (other fields, open batches).
#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "src/record/field_values.h"
#include "src/store/facet_columns.h"
#include "src/store/list_column.h"
#include "src/store/search_filters.h"
#include "src/store/search_query.h"
#include "src/store/sqlite_store.h"

namespace rapporteur::store {
namespace {

struct Facet {
  std::string name;  // as requested
  const FieldSpec* field;
  std::map<std::string, std::int64_t, std::less<>> counts;

  void Add(std::string_view value) {
    auto it = counts.find(value);
    if (it == counts.end()) it = counts.emplace(value, 0).first;
    ++it->second;
  }
};

// The rows a search reads: " FROM ..." naming the kind's table `t`, and
// the condition on them.
struct Rows {
  std::string from;
  SqlCondition condition;
};

// a + b for a, b >= 0, at most INT64_MAX (a limit may be "everything").
std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
  return b > std::numeric_limits<std::int64_t>::max() - a ? std::numeric_limits<std::int64_t>::max()
                                                          : a + b;
}

std::string Where(const SqlCondition& condition) {
  return condition.empty() ? "" : " WHERE " + condition.sql;
}

Result<std::vector<Facet>> FacetsOf(const KindSpec& kind, const SearchQuery& query) {
  std::vector<Facet> facets;
  if (!query.count_facets) return facets;
  if (query.facets.empty()) {
    for (const FieldSpec& field : kind.fields) {
      if (field.facet) facets.push_back({std::string(field.name), &field, {}});
    }
    return facets;
  }
  for (const std::string& name : query.facets) {
    Result<const FieldSpec*> field = FilterField(kind, name);
    if (!field) return InvalidArgument(field.error().message()).WithContext("facet");
    facets.push_back({name, *field, {}});
  }
  return facets;
}

// Every facet over the whole kind: the counts kept in facet_counts, or
// (for other fields, or inside a batch, whose counts are not yet applied)
// one GROUP BY per facet.
Status CountAll(Database& db, const KindTable& table, bool kept_counts_current,
                std::vector<Facet>* facets) {
  for (Facet& facet : *facets) {
    const FieldSpec& field = *facet.field;
    std::string sql;
    std::vector<SqlValue> params;
    if (field.facet && kept_counts_current) {
      sql = "SELECT value, count FROM facet_counts WHERE kind = ? AND field = ?";
      params = {std::string(table.spec().kind), std::string(field.name)};
    } else if (record::IsListType(field.type)) {
      sql = "SELECT j.value, count(*) FROM " + table.table() + " t CROSS JOIN json_each(t." +
            Identifier(field.name) + ") j GROUP BY j.value";
    } else {
      std::string column = "t." + Identifier(field.name);
      sql = "SELECT " + FacetValueSql(field) + ", count(*) FROM " + table.table() + " t WHERE " +
            column + " IS NOT NULL GROUP BY " + column;
    }
    Result<Query> query = db.Prepare(sql);
    if (!query) return query.error();
    BindAll(*query, params);
    while (query->Step()) facet.counts[query->Text(0)] += query->Int(1);
    RAPPORTEUR_RETURN_IF_ERROR(query->status());
  }
  return Status::Ok();
}

// Every facet over `rows`, in one pass: lists are read from their JSON
// column in the row (each record's list is a set: it counts once a value).
Status CountRows(Database& db, const Rows& rows, std::vector<Facet>* facets) {
  if (facets->empty()) return Status::Ok();
  std::string columns;
  for (const Facet& facet : *facets) {
    columns += (columns.empty() ? "" : ", ") + FacetValueSql(*facet.field);
  }
  Result<Query> query = db.Prepare("SELECT " + columns + rows.from + Where(rows.condition));
  if (!query) return query.error();
  BindAll(*query, rows.condition.params);
  while (query->Step()) {
    for (std::size_t i = 0; i < facets->size(); ++i) {
      int column = static_cast<int>(i);
      if (query->IsNull(column)) continue;
      Facet& facet = (*facets)[i];
      if (record::IsListType(facet.field->type)) {
        ForEachListValue(query->TextView(column), [&](std::string_view v) { facet.Add(v); });
      } else {
        facet.Add(query->TextView(column));
      }
    }
  }
  return query->status();
}

std::vector<FacetCount> Sorted(const Facet& facet) {
  std::vector<FacetCount> out;
  out.reserve(facet.counts.size());
  for (const auto& [value, count] : facet.counts) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return out;
}

// The ids of `sql`'s rows, in order.
Result<std::vector<std::int64_t>> Ids(Database& db, const std::string& sql,
                                      const std::vector<SqlValue>& params) {
  Result<Query> query = db.Prepare(sql);
  if (!query) return query.error();
  BindAll(*query, params);
  std::vector<std::int64_t> ids;
  while (query->Step()) ids.push_back(query->Int(0));
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  return ids;
}

// A syntax error from FTS5 is the user's, not ours (the query parser
// should make it impossible).
Status FtsError(const Status& status) {
  if (status.ok() || status.message().find("fts5") == std::string::npos) return status;
  return InvalidArgument("invalid search: " + status.message());
}

// The ids of the kind's rows that pass `condition`, in id order. Sorted
// here: asked to, SQLite would favour an index that yields ids in order
// over the most selective one.
Result<std::vector<std::int64_t>> FilteredIds(Database& db, const KindTable& table,
                                              const SqlCondition& condition) {
  Result<std::vector<std::int64_t>> ids =
      Ids(db, "SELECT t.id FROM " + table.table() + " t" + Where(condition), condition.params);
  if (ids) std::sort(ids->begin(), ids->end());
  return ids;
}

// The matches of the kind's full-text index that pass `matches`, ranked
// only when they pass; the first `best` in order (bm25: lower is better;
// ties by id), the others after them in no order.
Result<std::vector<std::int64_t>> RankedMatches(Database& db, const KindTable& table,
                                                const SqlCondition& matches, std::int64_t best) {
  Result<Query> select =
      db.Prepare("SELECT f.rowid, f.rank FROM " + table.text_table() + " f" + Where(matches));
  if (!select) return select.error();
  BindAll(*select, matches.params);
  std::vector<std::pair<double, std::int64_t>> hits;
  while (select->Step()) hits.emplace_back(select->Double(1), select->Int(0));
  RAPPORTEUR_RETURN_IF_ERROR(FtsError(select->status()));
  auto middle = hits.begin() + std::min<std::ptrdiff_t>(best, std::ssize(hits));
  std::partial_sort(hits.begin(), middle, hits.end());
  std::vector<std::int64_t> ids;
  ids.reserve(hits.size());
  for (const auto& hit : hits) ids.push_back(hit.second);
  return ids;
}

// The ids of the kind's rows that pass `condition`, into the id filter.
Status FillIdFilter(SqliteContext& ctx, const KindTable& table, const SqlCondition& condition) {
  ctx.id_filter.Clear();
  Result<Query> query =
      ctx.db->Prepare("SELECT t.id FROM " + table.table() + " t" + Where(condition));
  if (!query) return query.error();
  BindAll(*query, condition.params);
  while (query->Step()) ctx.id_filter.Add(query->Int(0));
  return query->status();
}

// Every record that matches; the first `best` in the order of the results.
Result<std::vector<std::int64_t>> Matching(SqliteContext& ctx, const KindTable& table,
                                           const std::string& match, const SqlCondition& condition,
                                           std::int64_t best) {
  if (match.empty()) return FilteredIds(*ctx.db, table, condition);
  SqlCondition matches{table.text_table() + " MATCH ?", {match}};
  if (!condition.empty()) {
    RAPPORTEUR_RETURN_IF_ERROR(FillIdFilter(ctx, table, condition));
    if (ctx.id_filter.size() == 0) return std::vector<std::int64_t>();
    matches.sql += " AND rapporteur_in_filter(f.rowid)";
  }
  return RankedMatches(*ctx.db, table, matches, best);
}

// `ids` as a JSON array, for json_each().
std::string JsonIds(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  out.reserve(ids.size() * 8 + 2);
  for (std::int64_t id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "]";
}

// The kind's rows of `ids` (as `t`), read by id in their order.
Rows RowsOf(const KindTable& table, const std::vector<std::int64_t>& ids) {
  return {" FROM json_each(?) j CROSS JOIN " + table.table() + " t ON t.id = j.value",
          {"", {JsonIds(ids)}}};
}

Status AddRecords(SqliteContext& ctx, const std::int64_t* begin, const std::int64_t* end,
                  SearchResult* result) {
  for (const std::int64_t* id = begin; id < end; ++id) {
    Result<Record> record = ctx.Get(*id);
    if (!record) return record.error();
    result->results.push_back(std::move(record).value());
  }
  return Status::Ok();
}

// A whole kind, without text or filters: counted and paged by SQL.
Status SearchWholeKind(SqliteContext& ctx, const KindTable& table, const SearchQuery& query,
                       std::vector<Facet>* facets, SearchResult* result) {
  Result<std::int64_t> total = ctx.db->QueryInt("SELECT count(*) FROM " + table.table());
  if (!total) return total.error();
  result->total = *total;
  Result<std::vector<std::int64_t>> page =
      Ids(*ctx.db, "SELECT id FROM " + table.table() + " ORDER BY id LIMIT ? OFFSET ?",
          {query.limit, query.offset});
  if (!page) return page.error();
  RAPPORTEUR_RETURN_IF_ERROR(AddRecords(ctx, page->data(), page->data() + page->size(), result));
  return CountAll(*ctx.db, table, !ctx.batch_open, facets);
}

// Otherwise the matching ids are read once: their number is the total, a
// slice of them the page, and the facets are read from their rows.
Status Run(SqliteContext& ctx, const KindTable& table, const std::string& match,
           const SqlCondition& condition, const SearchQuery& query, std::vector<Facet>* facets,
           SearchResult* result) {
  if (match.empty() && condition.empty()) {
    return SearchWholeKind(ctx, table, query, facets, result);
  }
  Result<std::vector<std::int64_t>> ids =
      Matching(ctx, table, match, condition, SaturatingAdd(query.offset, query.limit));
  if (!ids) return ids.error();
  result->total = static_cast<std::int64_t>(ids->size());
  std::int64_t begin = std::min(query.offset, result->total);
  std::int64_t end = std::min(result->total, SaturatingAdd(begin, query.limit));
  RAPPORTEUR_RETURN_IF_ERROR(AddRecords(ctx, ids->data() + begin, ids->data() + end, result));
  if (ids->empty() || facets->empty()) return Status::Ok();
  return CountRows(*ctx.db, RowsOf(table, *ids), facets);
}

// The facet filters as sets of codes, to test ids against the columns.
class CodeFilter {
 public:
  CodeFilter(const FacetColumns& columns, const std::vector<FacetFilter>& filters)
      : columns_(columns) {
    for (const FacetFilter& filter : filters) {
      int field = columns.FieldIndex(*filter.field);
      std::vector<bool> allowed(columns.CodeCount(field), false);
      for (const std::string& value : filter.values) allowed[columns.Code(field, value)] = true;
      allowed[0] = false;  // a value no record has
      tests_.emplace_back(field, std::move(allowed));
    }
  }
  bool empty() const { return tests_.empty(); }
  // The ids of the most selective filter, from the columns' postings, in
  // id order (to be tested against the others); nullopt when the filter
  // would keep more than a quarter of `all` ids, where testing every id is
  // as quick.
  std::optional<std::vector<std::int64_t>> Candidates(std::int64_t all) const {
    const std::pair<int, std::vector<bool>>* best = nullptr;
    std::int64_t best_size = all / 4;
    for (const auto& test : tests_) {
      std::int64_t size = 0;
      for (std::uint32_t code = 1; code < test.second.size(); ++code) {
        if (test.second[code]) size += std::ssize(columns_.Postings(test.first, code));
      }
      if (size <= best_size) best = &test, best_size = size;
    }
    if (best == nullptr) return std::nullopt;
    // Each code's postings are in id order: merged, not sorted (a quarter
    // of a million ids sort in 15 ms, merge in 1).
    std::vector<std::int64_t> ids;
    for (std::uint32_t code = 1; code < best->second.size(); ++code) {
      if (!best->second[code]) continue;
      const std::vector<std::int64_t>& postings = columns_.Postings(best->first, code);
      auto middle = ids.insert(ids.end(), postings.begin(), postings.end());
      std::inplace_merge(ids.begin(), middle, ids.end());
    }
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // a list holds both values
    return ids;
  }
  bool Passes(std::int64_t id) const {
    for (const auto& test : tests_) {
      auto [begin, end] = columns_.Codes(id, test.first);
      const auto& allowed = test.second;  // a structured binding cannot be captured before C++20
      if (std::none_of(begin, end, [&](std::uint32_t code) { return allowed[code]; })) return false;
    }
    return true;
  }

 private:
  const FacetColumns& columns_;
  std::vector<std::pair<int, std::vector<bool>>> tests_;
};

// The ids that pass the filters, in id order: the SQL condition's rows
// tested against the columns, or every record of the columns.
Result<std::vector<std::int64_t>> PassingIds(SqliteContext& ctx, const KindTable& table,
                                             const SqlCondition& condition, const CodeFilter& codes,
                                             const FacetColumns& columns) {
  std::vector<std::int64_t> ids;
  std::optional<std::vector<std::int64_t>> candidates = codes.Candidates(columns.size());
  if (candidates) {
    std::erase_if(*candidates, [&](std::int64_t id) { return !codes.Passes(id); });
    if (condition.empty()) return std::move(*candidates);
    // The few candidates' rows tested against the other filters, by id.
    Rows rows = RowsOf(table, *candidates);
    std::string sql = "SELECT t.id" + rows.from + " WHERE " + condition.sql;
    std::vector<SqlValue> params = std::move(rows.condition.params);
    params.insert(params.end(), condition.params.begin(), condition.params.end());
    return Ids(*ctx.db, sql, params);  // in the candidates' order: by id
  }
  if (!condition.empty()) {
    Result<std::vector<std::int64_t>> rows = FilteredIds(*ctx.db, table, condition);
    if (!rows) return rows.error();
    std::copy_if(rows->begin(), rows->end(), std::back_inserter(ids),
                 [&](std::int64_t id) { return codes.Passes(id); });
    return ids;
  }
  columns.ForEachId([&](std::int64_t id) {
    if (codes.Passes(id)) ids.push_back(id);
  });
  return ids;
}

// Every record that matches, as Matching, with the facet filters tested
// on the columns.
Result<std::vector<std::int64_t>> MatchingWithColumns(SqliteContext& ctx, const KindTable& table,
                                                      const FacetColumns& columns,
                                                      const std::string& match,
                                                      const SqlCondition& condition,
                                                      const CodeFilter& codes, std::int64_t best) {
  if (condition.empty() && codes.empty()) {
    return RankedMatches(*ctx.db, table, {table.text_table() + " MATCH ?", {match}}, best);
  }
  Result<std::vector<std::int64_t>> passing = PassingIds(ctx, table, condition, codes, columns);
  if (!passing || match.empty() || passing->empty()) return passing;
  ctx.id_filter.Clear();
  for (std::int64_t id : *passing) ctx.id_filter.Add(id);
  SqlCondition matches{table.text_table() + " MATCH ? AND rapporteur_in_filter(f.rowid)", {match}};
  return RankedMatches(*ctx.db, table, matches, best);
}

// The facets of `ids` from the columns; a facet on a field the columns do
// not hold (asked for by name) from the rows.
Status CountWithColumns(SqliteContext& ctx, const KindTable& table, const FacetColumns& columns,
                        const std::vector<std::int64_t>& ids, std::vector<Facet>* facets) {
  std::vector<Facet> from_rows;
  for (Facet& facet : *facets) {
    int field = columns.FieldIndex(*facet.field);
    if (field < 0) {
      from_rows.push_back(facet);
      continue;
    }
    std::vector<std::int64_t> counts(columns.CodeCount(field), 0);
    for (std::int64_t id : ids) {
      auto [begin, end] = columns.Codes(id, field);
      for (const std::uint32_t* code = begin; code < end; ++code) ++counts[*code];
    }
    for (std::size_t code = 1; code < counts.size(); ++code) {
      if (counts[code] != 0) facet.counts[columns.Value(field, code)] = counts[code];
    }
  }
  if (from_rows.empty() || ids.empty()) return Status::Ok();
  RAPPORTEUR_RETURN_IF_ERROR(CountRows(*ctx.db, RowsOf(table, ids), &from_rows));
  for (Facet& facet : *facets) {
    for (const Facet& counted : from_rows) {
      if (counted.name == facet.name) facet.counts = counted.counts;  // a name may be asked twice
    }
  }
  return Status::Ok();
}

Status RunWithColumns(SqliteContext& ctx, const KindTable& table, const FacetColumns& columns,
                      const std::string& match, const SqlCondition& condition,
                      const std::vector<FacetFilter>& facet_filters, const SearchQuery& query,
                      std::vector<Facet>* facets, SearchResult* result) {
  CodeFilter codes(columns, facet_filters);  // (a whole kind never comes here: Dispatch)
  Result<std::vector<std::int64_t>> ids = MatchingWithColumns(
      ctx, table, columns, match, condition, codes, SaturatingAdd(query.offset, query.limit));
  if (!ids) return ids.error();
  result->total = static_cast<std::int64_t>(ids->size());
  std::int64_t begin = std::min(query.offset, result->total);
  std::int64_t end = std::min(result->total, SaturatingAdd(begin, query.limit));
  RAPPORTEUR_RETURN_IF_ERROR(AddRecords(ctx, ids->data() + begin, ids->data() + end, result));
  return CountWithColumns(ctx, table, columns, *ids, facets);
}

// The search, by the columns when the kind's are ready.
Status Dispatch(SqliteContext& ctx, const KindTable& table, const std::string& match,
                const SearchQuery& query, std::vector<Facet>* facets, SearchResult* result) {
  bool whole_kind = match.empty() && query.date_from.empty() && query.date_to.empty() &&
                    std::all_of(query.filters.begin(), query.filters.end(),
                                [](const auto& filter) { return filter.second.empty(); });
  if (whole_kind) {  // counted by SQL and facet_counts: no columns to load
    Result<SqlCondition> none = FilterCondition(ctx, table, query);  // checks the filter names
    if (!none) return none.error();
    return SearchWholeKind(ctx, table, query, facets, result);
  }
  Result<std::shared_ptr<const FacetColumns>> columns = ctx.FacetColumnsOf(table);
  if (!columns) return columns.error();
  std::vector<FacetFilter> facet_filters;
  Result<SqlCondition> condition =
      FilterCondition(ctx, table, query, *columns ? &facet_filters : nullptr);
  if (!condition) return condition.error();
  if (!*columns) return Run(ctx, table, match, *condition, query, facets, result);
  return RunWithColumns(ctx, table, **columns, match, *condition, facet_filters, query, facets,
                        result);
}

// Runs `search` in one read transaction (outside a batch, which is one
// already), so that the columns, the matches and the page are of one
// state of the store even while another process writes.
template <typename Search>
Status InOneSnapshot(SqliteContext& ctx, Search&& search) {
  if (ctx.batch_open) return search();
  RAPPORTEUR_RETURN_IF_ERROR(ctx.db->Exec("BEGIN"));
  Status status = search();
  Status ended = ctx.db->Exec(status.ok() ? "COMMIT" : "ROLLBACK");
  return status.ok() ? ended : status;
}

}  // namespace

Result<SearchResult> SearchSqlite(SqliteContext& ctx, const SearchQuery& query) {
  const KindTable* table = ctx.Table(query.kind);
  if (table == nullptr) {
    return InvalidArgument("unknown kind " + record::Quote(query.kind) +
                           " (expected one of: " + record::KindNames() + ")");
  }
  if (query.limit < 0 || query.offset < 0) {
    return InvalidArgument("limit and offset must not be negative");
  }
  Result<std::vector<Facet>> facets = FacetsOf(table->spec(), query);
  if (!facets) return facets.error();
  Result<std::string> match = ToFtsMatch(query.text);
  if (!match) return match.error();
  SearchResult result;
  RAPPORTEUR_RETURN_IF_ERROR(
      InOneSnapshot(ctx, [&] { return Dispatch(ctx, *table, *match, query, &*facets, &result); }));
  for (const Facet& facet : *facets) result.facets[facet.name] = Sorted(facet);
  return result;
}

}  // namespace rapporteur::store
