#include "src/store/search_filters.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "src/record/field_values.h"

namespace rapporteur::store {
namespace {

using Values = std::vector<SqlValue>;

Status FilterError(std::string_view filter, const std::string& problem) {
  return InvalidArgument("filter '" + std::string(filter) + "': " + problem);
}

const FieldSpec* FirstOfType(const KindSpec& kind, FieldType type) {
  for (const FieldSpec& field : kind.fields) {
    if (field.type == type) return &field;
  }
  return nullptr;
}

// The alias `name` stands for in `kind`, or nullptr.
const FieldSpec* Alias(const KindSpec& kind, std::string_view name) {
  if (name == "state") return FirstOfType(kind, FieldType::kState);
  if (name == "recommending_state") return kind.Field("recommending_states");
  if (name == "mechanism" || name == "body") return FirstOfType(kind, FieldType::kMechanism);
  if (name == "theme") return kind.Field("themes");
  return nullptr;
}

std::string ValidFilterNames(const KindSpec& kind) {
  std::string names = record::FieldNames(kind);
  for (const char* alias : {"state", "recommending_state", "mechanism", "body", "theme"}) {
    if (kind.Field(alias) == nullptr && Alias(kind, alias) != nullptr)
      names += ", " + std::string(alias);
  }
  return names;
}

Result<SqlValue> Integer(std::string_view filter, const std::string& value) {
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return FilterError(filter, "expected an integer, got " + record::Quote(value));
  }
  return SqlValue(number);
}

Result<SqlValue> EnumValue(std::string_view filter, const FieldSpec& field,
                           const std::string& value) {
  std::string expected;
  for (std::string_view allowed : record::EnumValues(field)) {
    if (allowed == value) return SqlValue(value);
    expected += (expected.empty() ? "" : ", ") + std::string(allowed);
  }
  return FilterError(
      filter, "invalid value " + record::Quote(value) + " (expected one of: " + expected + ")");
}

// A treaty body named by its id, an alias, or the treaty it monitors.
Status TreatyBodies(const ReferenceData& refs, const std::string& value, Values* out) {
  std::optional<std::string> id = refs.MatchMechanism(value);
  std::string folded = StateCatalogue::FoldName(value);
  std::string bodies;
  for (const auto& [mid, m] : refs.mechanisms()) {
    if (m.type != "treaty_body") continue;
    bool by_id = id && *id == mid;
    bool by_treaty = !m.instrument.empty() && StateCatalogue::FoldName(m.instrument) == folded;
    if (by_id || by_treaty) {
      out->push_back(mid);
      return Status::Ok();
    }
    bodies += (bodies.empty() ? "" : ", ") + mid;
  }
  return FilterError(
      "body", record::Quote(value) + " is not a treaty body (expected one of: " + bodies + ")");
}

// A mechanism by id or alias, or every mechanism of a type ("treaty_body").
Status Mechanisms(const ReferenceData& refs, std::string_view filter, const std::string& value,
                  Values* out) {
  if (std::optional<std::string> id = refs.MatchMechanism(value)) {
    out->push_back(*id);
    return Status::Ok();
  }
  bool is_type = false;
  for (const auto& [id, m] : refs.mechanisms()) {
    if (m.type != value) continue;
    is_type = true;
    out->push_back(id);
  }
  if (is_type) return Status::Ok();
  return FilterError(filter, "unknown mechanism " + record::Quote(value) +
                                 " (expected a mechanism id such as 'CCPR' or a type: upr, "
                                 "treaty_body, special_procedure, council, other)");
}

Status Resolve(SqliteContext& ctx, std::string_view filter, const FieldSpec& field,
               const std::string& value, Values* out) {
  switch (field.type) {
    case FieldType::kState:
    case FieldType::kStateList: {
      Result<std::string> code = ctx.ResolveState(value);
      if (!code)
        return InvalidArgument(code.error().message())
            .WithContext("filter '" + std::string(filter) + "'");
      out->push_back(*code);
      return Status::Ok();
    }
    case FieldType::kMechanism:
      if (filter == "body") return TreatyBodies(ctx.refs, value, out);
      return Mechanisms(ctx.refs, filter, value, out);
    case FieldType::kInteger:
    case FieldType::kEnum: {
      Result<SqlValue> v = field.type == FieldType::kInteger ? Integer(filter, value)
                                                             : EnumValue(filter, field, value);
      if (!v) return v.error();
      out->push_back(*v);
      return Status::Ok();
    }
    case FieldType::kDate:
      if (!IsValidPartialDate(value)) {
        return FilterError(filter, "invalid date " + record::Quote(value) +
                                       " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
      }
      break;
    case FieldType::kRef: {
      Result<std::optional<std::int64_t>> id = ctx.IdOf(field.ref_kind, value);
      if (!id) return id.error();
      if (!id->has_value()) {
        return FilterError(
            filter, "no " + std::string(field.ref_kind) + " with key " + record::Quote(value));
      }
      out->push_back(**id);
      return Status::Ok();
    }
    default: break;
  }
  out->push_back(value);
  return Status::Ok();
}

std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// A filter, resolved, and how many rows it may select.
struct Filter {
  const FieldSpec* field;
  Values values;
  std::int64_t rows = 0;
};

// Rows a filter selects: exact for facet fields (facet_counts); a value of
// another field (a document symbol, a date) is taken to be rare.
Result<std::int64_t> EstimateRows(SqliteContext& ctx, const KindSpec& kind, const Filter& filter) {
  if (!filter.field->facet || filter.values.empty()) return filter.values.empty() ? 0 : 1;
  SqlCondition sum{
      "SELECT coalesce(sum(count), 0) FROM facet_counts WHERE kind = ? AND field = ? "
      "AND value IN (" +
          Placeholders(filter.values.size()) + ")",
      {std::string(kind.kind), std::string(filter.field->name)}};
  for (const SqlValue& value : filter.values) {
    const auto* number = std::get_if<std::int64_t>(&value);
    sum.params.emplace_back(number ? std::to_string(*number) : std::get<std::string>(value));
  }
  Result<Query> query = ctx.db->Prepare(sum.sql);
  if (!query) return query.error();
  BindAll(*query, sum.params);
  std::int64_t rows = query->Step() ? query->Int(0) : 0;
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  return rows;
}

// The condition that `field` has one of `values`. Only the `driving`
// filter may use its index: SQLite, without statistics, cannot tell which
// filter is the most selective, and we can (EstimateRows); the others are
// written +column, which no index serves.
void AddCondition(const Filter& filter, bool driving, SqlCondition* out) {
  const FieldSpec& field = *filter.field;
  std::string column = (driving ? "t." : "+t.") + Identifier(field.name);
  std::string sql;
  if (filter.values.empty()) {
    sql = "0";  // e.g. a mechanism type no mechanism has
  } else if (record::IsListType(field.type)) {
    // Read from the row's JSON list: the SQL path (src/store/sqlite_search.cc)
    // serves list filters only where the facet columns cannot.
    sql = "EXISTS (SELECT 1 FROM json_each(t." + Identifier(field.name) +
          ") WHERE json_each.value IN (" + Placeholders(filter.values.size()) + "))";
  } else if (field.type == FieldType::kDate) {
    // A partial date matches every fuller date in it: "2014" matches "2014-05-01".
    for (const SqlValue& value : filter.values) {
      sql += std::string(sql.empty() ? "(" : " OR ") + column + " BETWEEN ? AND ?";
      out->params.push_back(value);
      out->params.emplace_back(std::get<std::string>(value) + "~");
    }
    sql += ")";
  } else {
    sql = column + " IN (" + Placeholders(filter.values.size()) + ")";
  }
  if (field.type != FieldType::kDate) {
    out->params.insert(out->params.end(), filter.values.begin(), filter.values.end());
  }
  out->sql += (out->sql.empty() ? "" : " AND ") + sql;
}

Status AddDateRange(const KindSpec& kind, const SearchQuery& query, bool driving,
                    SqlCondition* out) {
  if (query.date_from.empty() && query.date_to.empty()) return Status::Ok();
  const FieldSpec* date = FirstOfType(kind, FieldType::kDate);
  if (date == nullptr) return InvalidArgument("kind '" + std::string(kind.kind) + "' has no date");
  for (const std::string* bound : {&query.date_from, &query.date_to}) {
    if (bound->empty() || IsValidPartialDate(*bound)) continue;
    return InvalidArgument("invalid date " + record::Quote(*bound) +
                           " (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  std::string column = (driving ? "t." : "+t.") + Identifier(date->name);
  if (!query.date_from.empty()) {
    out->sql += (out->sql.empty() ? "" : " AND ") + column + " >= ?";
    out->params.emplace_back(query.date_from);
  }
  if (!query.date_to.empty()) {
    // Inclusive of every fuller date: "2014" takes in "2014-12-31".
    out->sql += (out->sql.empty() ? "" : " AND ") + column + " <= ?";
    out->params.emplace_back(query.date_to + "~");
  }
  return Status::Ok();
}

Result<std::vector<Filter>> ResolveFilters(SqliteContext& ctx, const KindSpec& kind,
                                           const SearchQuery& query) {
  std::vector<Filter> filters;
  for (const auto& [name, values] : query.filters) {
    Result<const FieldSpec*> field = FilterField(kind, name);
    if (!field) return field.error();
    if (values.empty()) continue;
    Filter filter{*field, {}};
    for (const std::string& value : values) {
      RAPPORTEUR_RETURN_IF_ERROR(Resolve(ctx, name, **field, value, &filter.values));
    }
    Result<std::int64_t> rows = EstimateRows(ctx, kind, filter);
    if (!rows) return rows.error();
    filter.rows = *rows;
    filters.push_back(std::move(filter));
  }
  return filters;
}

// Moves the filters on facet fields (but references, held as keys in the
// facets and as ids here) out of `filters`.
void MoveFacetFilters(std::vector<Filter>* filters, std::vector<FacetFilter>* out) {
  auto is_facet = [](const Filter& f) {
    return f.field->facet && f.field->type != FieldType::kRef;
  };
  for (const Filter& filter : *filters) {
    if (!is_facet(filter)) continue;
    FacetFilter moved{filter.field, {}};
    for (const SqlValue& value : filter.values) {
      const auto* number = std::get_if<std::int64_t>(&value);
      moved.values.push_back(number ? std::to_string(*number) : std::get<std::string>(value));
    }
    out->push_back(std::move(moved));
  }
  std::erase_if(*filters, is_facet);
}

}  // namespace

Result<const FieldSpec*> FilterField(const KindSpec& kind, std::string_view name) {
  const FieldSpec* field = name == "body" ? nullptr : kind.Field(name);
  if (field == nullptr) field = Alias(kind, name);
  if (field != nullptr) return field;
  return InvalidArgument("unknown filter " + record::Quote(name) + " for kind '" +
                         std::string(kind.kind) + "' (expected one of: " + ValidFilterNames(kind) +
                         ")");
}

Result<SqlCondition> FilterCondition(SqliteContext& ctx, const KindTable& table,
                                     const SearchQuery& query,
                                     std::vector<FacetFilter>* facet_filters) {
  Result<std::vector<Filter>> filters = ResolveFilters(ctx, table.spec(), query);
  if (!filters) return filters.error();
  if (facet_filters != nullptr) MoveFacetFilters(&*filters, facet_filters);
  // The most selective filter drives; a date range, of unknown size,
  // only when alone.
  auto driver = std::min_element(filters->begin(), filters->end(),
                                 [](const Filter& a, const Filter& b) { return a.rows < b.rows; });
  SqlCondition condition;
  for (auto it = filters->begin(); it != filters->end(); ++it) {
    AddCondition(*it, it == driver, &condition);
  }
  RAPPORTEUR_RETURN_IF_ERROR(AddDateRange(table.spec(), query, filters->empty(), &condition));
  return condition;
}

void BindAll(Query& query, const std::vector<SqlValue>& params, int first) {
  for (const SqlValue& value : params) {
    if (const auto* text = std::get_if<std::string>(&value)) {
      query.Bind(first++, *text);
    } else {
      query.Bind(first++, std::get<std::int64_t>(value));
    }
  }
}

}  // namespace rapporteur::store
