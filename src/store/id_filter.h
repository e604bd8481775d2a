// A set of record ids that SQL can test: after Register(), the SQL function
// rapporteur_in_filter(id) is 1 for the ids in the set and 0 for others.
//
// It lets a search with text and filters read the full-text matches alone
// and keep those whose id passed the filters (read once from the kind's
// indices), instead of looking every match up in the kind's table: the
// cost follows the number of matches at a few nanoseconds each.
//
// Thread safety: one thread at a time, as its connection.
#ifndef RAPPORTEUR_SRC_STORE_ID_FILTER_H_
#define RAPPORTEUR_SRC_STORE_ID_FILTER_H_

#include <cstdint>
#include <vector>

#include "rapporteur/status.h"

struct sqlite3;

namespace rapporteur::store {

class IdFilter {
 public:
  void Clear();
  void Add(std::int64_t id);
  bool Contains(std::int64_t id) const;
  std::int64_t size() const { return size_; }

  // Defines rapporteur_in_filter() on `db`, testing this set; the set
  // must outlive the connection.
  Status Register(sqlite3* db);

 private:
  std::vector<std::uint64_t> bits_;
  std::int64_t size_ = 0;
};

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_ID_FILTER_H_
