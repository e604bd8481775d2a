#include "src/store/id_filter.h"

#include <sqlite3.h>

#include <algorithm>

namespace rapporteur::store {
namespace {

void InFilter(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* filter = static_cast<const IdFilter*>(sqlite3_user_data(context));
  sqlite3_result_int(context, filter->Contains(sqlite3_value_int64(args[0])) ? 1 : 0);
}

}  // namespace

void IdFilter::Clear() {
  std::fill(bits_.begin(), bits_.end(), 0);
  size_ = 0;
}

void IdFilter::Add(std::int64_t id) {
  if (id < 0) return;
  std::size_t word = static_cast<std::size_t>(id) / 64;
  if (word >= bits_.size()) bits_.resize(std::max(word + 1, bits_.size() * 2), 0);
  std::uint64_t bit = std::uint64_t{1} << (id % 64);
  size_ += (bits_[word] & bit) == 0;
  bits_[word] |= bit;
}

bool IdFilter::Contains(std::int64_t id) const {
  if (id < 0) return false;
  std::size_t word = static_cast<std::size_t>(id) / 64;
  return word < bits_.size() && (bits_[word] >> (id % 64) & 1) != 0;
}

Status IdFilter::Register(sqlite3* db) {
  // DIRECTONLY: usable in queries, never from a schema, trigger or view.
  int rc =
      sqlite3_create_function_v2(db, "rapporteur_in_filter", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                 this, InFilter, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK)
    return Internal("cannot define rapporteur_in_filter(): " + std::string(sqlite3_errstr(rc)));
  return Status::Ok();
}

}  // namespace rapporteur::store
