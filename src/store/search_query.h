// The search query language (docs/search.md), translated to a safe SQLite
// FTS5 MATCH expression.
//
//   torture AND (police OR prison)   -> "torture" AND ("police" OR "prison")
//   "enforced disappearance" -amnesty -> "enforced disappearance" NOT "amnesty"
//   polic*                           -> "polic"*
//
// The language: words, "quoted phrases", prefixes (word*, "phrase"*), the
// operators AND, OR and NOT (upper case only: "and", "or" and "not" are
// ordinary words), -term for NOT term, parentheses; adjacent terms are
// ANDed. NOT binds tighter than AND, AND tighter than OR; "a NOT b" and
// "a AND NOT b" both mean a without b. Every term is emitted as an FTS5
// string, double-quoted with its quotes doubled, so nothing the user
// types is FTS5 syntax (column filters, NEAR, ^, {}, + are searched as
// text). A term with no letter or digit (e.g. "&", "--") is dropped.
//
// Errors (kInvalidArgument) quote the query and name the 1-based column,
// counted in characters, and what was expected there:
//   invalid query 'torture AND (police': missing ')' at column 20
// A query with only negated terms is an error too: FTS5 cannot evaluate
// it. An empty (or all-space) query gives "".
//
// Thread safety: a pure function.
#ifndef RAPPORTEUR_SRC_STORE_SEARCH_QUERY_H_
#define RAPPORTEUR_SRC_STORE_SEARCH_QUERY_H_

#include <string>
#include <string_view>

#include "rapporteur/status.h"

namespace rapporteur::store {

Result<std::string> ToFtsMatch(std::string_view user_query);

// Whether an FTS5 expression uses only the syntax ToFtsMatch emits: quoted
// strings (with "" for a quote), a '*' after one, AND, OR, NOT, parentheses
// and spaces. For tests and fuzzing: ToFtsMatch's output always is.
bool IsQuotedFtsMatch(std::string_view fts);

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_SEARCH_QUERY_H_
