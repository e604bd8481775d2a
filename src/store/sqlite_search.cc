// Search over the SQLite store: full text (FTS5, ranked by bm25) and
// filters, with the exact total and exact facet counts.
//
// Plan: without text, everything is SQL over the kind's table and its
// indices, and the facets of a whole kind are read from facet_counts. With
// text, the full-text index drives (MakePlan).
#include <algorithm>
#include <map>

#include "src/record/field_values.h"
#include "src/store/search_filters.h"
#include "src/store/search_query.h"
#include "src/store/sqlite_store.h"

namespace rapporteur::store {
namespace {

struct Facet {
  std::string name;  // as requested
  const FieldSpec* field;
  std::map<std::string, std::int64_t, std::less<>> counts;
};

std::string Where(const SqlCondition& condition) {
  return condition.empty() ? "" : " WHERE " + condition.sql;
}

// How a facet's value is read from the row of `t`.
std::string FacetColumn(const FieldSpec& field) {
  std::string column = "t." + Identifier(field.name);
  if (field.type == FieldType::kRef) return "(SELECT key FROM records WHERE id = " + column + ")";
  return column;
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

// Runs `sql` (bound to `params`) whose rows are (value, count).
Status AddGroupCounts(Database& db, const std::string& sql, const std::vector<SqlValue>& params,
                      Facet* facet) {
  Result<Query> query = db.Prepare(sql);
  if (!query) return query.error();
  BindAll(*query, params);
  while (query->Step()) facet->counts[query->Text(0)] += query->Int(1);
  return query->status();
}

// Every facet over the whole kind: the counts kept in facet_counts, or
// (for other fields, or inside a batch, whose counts are not yet applied)
// one GROUP BY per facet.
Status CountAll(Database& db, const KindTable& table, bool kept_counts_current,
                std::vector<Facet>* facets) {
  for (Facet& facet : *facets) {
    const FieldSpec& field = *facet.field;
    if (field.facet && kept_counts_current) {
      RAPPORTEUR_RETURN_IF_ERROR(AddGroupCounts(
          db, "SELECT value, count FROM facet_counts WHERE kind = ? AND field = ?",
          {std::string(table.spec().kind), std::string(field.name)}, &facet));
      continue;
    }
    if (record::IsListType(field.type)) {
      RAPPORTEUR_RETURN_IF_ERROR(AddGroupCounts(
          db, "SELECT value, count(*) FROM record_values WHERE field = ? GROUP BY value",
          {std::string(field.name)}, &facet));
      continue;
    }
    std::string column = "t." + Identifier(field.name);
    RAPPORTEUR_RETURN_IF_ERROR(AddGroupCounts(
        db, "SELECT " + FacetColumn(field) + ", count(*) FROM " + table.table() + " t WHERE " +
                column + " IS NOT NULL GROUP BY " + column, {}, &facet));
  }
  return Status::Ok();
}

// Every facet over the matching rows (`from` names them as `t`), in one
// pass over the scalar columns and one over the list values.
Status CountMatching(Database& db, const std::string& from, const SqlCondition& condition,
                     std::vector<Facet>* facets) {
  std::string columns, fields;
  std::vector<SqlValue> field_params;
  std::vector<Facet*> scalars;
  std::map<std::string, std::vector<Facet*>, std::less<>> lists;
  for (Facet& facet : *facets) {
    if (record::IsListType(facet.field->type)) {
      if (lists[std::string(facet.field->name)].empty()) {
        fields += fields.empty() ? "?" : ", ?";
        field_params.emplace_back(std::string(facet.field->name));
      }
      lists[std::string(facet.field->name)].push_back(&facet);
    } else {
      columns += (columns.empty() ? "" : ", ") + FacetColumn(*facet.field);
      scalars.push_back(&facet);
    }
  }
  if (!scalars.empty()) {
    Result<Query> query = db.Prepare("SELECT " + columns + from + Where(condition));
    if (!query) return query.error();
    BindAll(*query, condition.params);
    while (query->Step()) {
      for (std::size_t i = 0; i < scalars.size(); ++i) {
        if (query->IsNull(static_cast<int>(i))) continue;
        std::string_view value = query->TextView(static_cast<int>(i));
        auto it = scalars[i]->counts.find(value);
        if (it == scalars[i]->counts.end()) it = scalars[i]->counts.emplace(value, 0).first;
        ++it->second;
      }
    }
    RAPPORTEUR_RETURN_IF_ERROR(query->status());
  }
  if (lists.empty()) return Status::Ok();
  SqlCondition list_condition = condition;
  list_condition.sql += (condition.empty() ? "" : " AND ") + std::string("v.field IN (") + fields + ")";
  list_condition.params.insert(list_condition.params.end(), field_params.begin(), field_params.end());
  Result<Query> query = db.Prepare("SELECT v.field, v.value" + from +
                                   " CROSS JOIN record_values v ON v.record_id = t.id" +
                                   Where(list_condition));
  if (!query) return query.error();
  BindAll(*query, list_condition.params);
  while (query->Step()) {
    for (Facet* facet : lists[query->Text(0)]) ++facet->counts[query->Text(1)];
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

struct Plan {
  std::string from;        // " FROM ... t ...": the kind's rows as `t`
  SqlCondition condition;  // over the rows of `from`
  std::string count_sql;   // the total
  std::string page_sql;    // ids of a page: LIMIT ? OFFSET ? come last
  bool unfiltered = false;
};

// The ids of the kind's rows that pass `condition`, into the id filter.
Status FillIdFilter(SqliteContext& ctx, const KindTable& table, const SqlCondition& condition) {
  ctx.id_filter.Clear();
  Result<Query> query = ctx.db->Prepare("SELECT t.id FROM " + table.table() + " t" + Where(condition));
  if (!query) return query.error();
  BindAll(*query, condition.params);
  while (query->Step()) ctx.id_filter.Add(query->Int(0));
  return query->status();
}

// With text, the kind's full-text index drives every query: the total and
// the page read it alone; the filters, if any, are applied by testing each
// match against the ids that passed them (IdFilter), and bm25 ranks only
// the matches that pass. Facets join the kind's table (CROSS JOIN fixes
// the order: from the matches to their rows). Running the match once per
// query costs less than keeping it in a temp table, which the planner,
// knowing nothing of its size, joins badly.
Result<Plan> MakePlan(SqliteContext& ctx, const KindTable& table, const std::string& match,
                      SqlCondition condition) {
  Plan plan;
  if (match.empty()) {
    plan.from = " FROM " + table.table() + " t";
    plan.unfiltered = condition.empty();
    plan.count_sql = "SELECT count(*)" + plan.from + Where(condition);
    plan.page_sql = "SELECT t.id" + plan.from + Where(condition) + " ORDER BY t.id LIMIT ? OFFSET ?";
    plan.condition = std::move(condition);
    return plan;
  }
  std::string fts = table.text_table();
  plan.condition = {fts + " MATCH ?", {match}};
  if (!condition.empty()) {
    RAPPORTEUR_RETURN_IF_ERROR(FillIdFilter(ctx, table, condition));
    plan.condition.sql += " AND rapporteur_in_filter(f.rowid)";
  }
  std::string matches = " FROM " + fts + " f" + Where(plan.condition);
  plan.from = " FROM " + fts + " f CROSS JOIN " + table.table() + " t ON t.id = f.rowid";
  plan.count_sql = "SELECT count(*)" + matches;
  plan.page_sql = "SELECT f.rowid" + matches + " ORDER BY f.rank, f.rowid LIMIT ? OFFSET ?";
  return plan;
}

// A syntax error from FTS5 is the user's, not ours (the query parser
// should make it impossible).
Status FtsError(const Status& status) {
  if (status.ok() || status.message().find("fts5") == std::string::npos) return status;
  return InvalidArgument("invalid search: " + status.message());
}

Status FillResults(SqliteContext& ctx, const Plan& plan, const SearchQuery& query,
                   SearchResult* result) {
  Result<std::int64_t> total = [&]() -> Result<std::int64_t> {
    Result<Query> count = ctx.db->Prepare(plan.count_sql);
    if (!count) return count.error();
    BindAll(*count, plan.condition.params);
    std::int64_t n = count->Step() ? count->Int(0) : 0;
    RAPPORTEUR_RETURN_IF_ERROR(count->status());
    return n;
  }();
  if (!total) return total.error();
  result->total = *total;
  if (query.limit == 0 || query.offset >= *total) return Status::Ok();
  std::vector<SqlValue> params = plan.condition.params;
  params.emplace_back(query.limit);
  params.emplace_back(query.offset);
  Result<std::vector<std::int64_t>> ids = Ids(*ctx.db, plan.page_sql, params);
  if (!ids) return ids.error();
  for (std::int64_t id : *ids) {
    Result<Record> record = ctx.Get(id);
    if (!record) return record.error();
    result->results.push_back(std::move(record).value());
  }
  return Status::Ok();
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
  Result<SqlCondition> condition = FilterCondition(ctx, *table, query);
  if (!condition) return condition.error();
  Result<std::vector<Facet>> facets = FacetsOf(table->spec(), query);
  if (!facets) return facets.error();
  Result<std::string> match = ToFtsMatch(query.text);
  if (!match) return match.error();
  Result<Plan> plan = MakePlan(ctx, *table, *match, std::move(condition).value());
  if (!plan) return plan.error();
  SearchResult result;
  RAPPORTEUR_RETURN_IF_ERROR(FtsError(FillResults(ctx, *plan, query, &result)));
  if (plan->unfiltered) {
    RAPPORTEUR_RETURN_IF_ERROR(CountAll(*ctx.db, *table, !ctx.batch_open, &*facets));
  } else if (result.total > 0) {
    RAPPORTEUR_RETURN_IF_ERROR(CountMatching(*ctx.db, plan->from, plan->condition, &*facets));
  }
  for (const Facet& facet : *facets) result.facets[facet.name] = Sorted(facet);
  return result;
}

}  // namespace rapporteur::store
