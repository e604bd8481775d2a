// Turns a SearchQuery's filters, date range and facet names into SQL over
// the kind's table (alias `t`), with the aliases of store.h: "state" (the
// kind's state field), "recommending_state", "mechanism" (a mechanism id,
// alias or type), "body" (a treaty body, by id or by its treaty), "theme".
// Values are checked and resolved first (state names to codes, reference
// keys to record ids), so a typo fails with a message rather than matching
// nothing:
//   filter 'response': invalid value 'acepted' (expected one of: supported, ...)
//
// Thread safety: as the SqliteContext it reads.
#ifndef RAPPORTEUR_SRC_STORE_SEARCH_FILTERS_H_
#define RAPPORTEUR_SRC_STORE_SEARCH_FILTERS_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "rapporteur/store.h"
#include "src/store/sqlite_store.h"

namespace rapporteur::store {

using SqlValue = std::variant<std::string, std::int64_t>;

// "a AND b AND ..." (empty when there is no condition) and its parameters.
struct SqlCondition {
  std::string sql;
  std::vector<SqlValue> params;
  bool empty() const { return sql.empty(); }
};

// A filter on a facet field, resolved to the values its facet holds
// (state codes, mechanism ids, numbers as digits): what the facet columns
// test (src/store/facet_columns.h). No values: it matches nothing.
struct FacetFilter {
  const FieldSpec* field;
  std::vector<std::string> values;
};

// The condition for every filter and the date range of `query`. With
// `facet_filters`, the filters on facet fields go there instead of into
// the condition.
Result<SqlCondition> FilterCondition(SqliteContext& context, const KindTable& table,
                                     const SearchQuery& query,
                                     std::vector<FacetFilter>* facet_filters = nullptr);

// The field a filter or facet name stands for: a field of the kind or an
// alias; kInvalidArgument naming the filter and listing the valid names.
Result<const FieldSpec*> FilterField(const KindSpec& kind, std::string_view name);

// Binds `params` to parameters first, first + 1, ...
void BindAll(Query& query, const std::vector<SqlValue>& params, int first = 1);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_SEARCH_FILTERS_H_
