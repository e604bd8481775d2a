// Facet columns ("doc values"): the facet values of every record of a kind
// as small integer codes, by record id, so that a search counts the facets
// of 50,000 matches, or tests its filters on a million records, in memory
// in milliseconds. Read from the rows instead, each match costs a lookup of
// its row (12-14 µs a match on a store of a million recommendations,
// bench/README.md), and a filter on a column whose index does not drive
// the query reads every row of the wide table.
//
// The columns live in the store, so every process reads the same ones:
//   facet_names(kind, field, code, value)   the dictionary, codes from 1
//   facet_chunks(kind, chunk, data)         the codes of ids
//                                           [chunk * 4096, chunk * 4096 + 4095]
//   facet_columns_ready(kind)               every chunk of the kind is built
// A chunk is rebuilt from the kind's rows, with the SQL the slow path of the
// search uses (FacetValueSql), in the transaction of each batch that wrote
// a record in it, so the columns say what the rows say. A kind that is not
// ready (a store written before schema 2) is searched by SQL until
// `rapporteur init`, or a batch that writes one of its records, builds all
// of its chunks.
//
// A chunk's data: a bitmap of the ids present (4096 bits), then for each
// facet field of the kind in spec order and each present id, a varint
// count followed by that many varint codes. Varints because almost every
// code is below 128: a chunk of recommendations is about 60 KB. Then a
// 64-bit checksum of the rest: a damaged chunk fails the search that reads
// it instead of giving wrong counts.
//
// Thread safety: FacetColumns is immutable after Load (but for its postings,
// built once under std::call_once) and may be read from several threads;
// the functions that write need the batch's connection.
#ifndef RAPPORTEUR_SRC_STORE_FACET_COLUMNS_H_
#define RAPPORTEUR_SRC_STORE_FACET_COLUMNS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/status.h"
#include "src/store/kind_table.h"
#include "src/store/sqlite_db.h"

namespace rapporteur::store {

inline constexpr int kFacetChunkBits = 12;
inline constexpr std::int64_t kFacetChunkSize = std::int64_t{1} << kFacetChunkBits;

inline std::int64_t FacetChunkOf(std::int64_t id) { return id >> kFacetChunkBits; }

// How a facet's value is read from the kind's row `t`: the key of a
// referenced record, else the column (an integer reads as its digits).
std::string FacetValueSql(const FieldSpec& field);

// Rebuilds `chunks` of the kind from its rows (a chunk without rows is
// removed). Inside the caller's transaction.
Status RebuildFacetChunks(Database& db, const KindTable& table,
                          const std::set<std::int64_t>& chunks);
// Rebuilds every chunk of the kind and its dictionary from scratch, and
// marks it ready (Init does it for a kind not ready or damaged).
Status RebuildAllFacetChunks(Database& db, const KindTable& table);
Result<bool> FacetColumnsReady(Database& db, const KindSpec& kind);

class FacetColumns {
 public:
  // The kind's columns as stored; null when the kind is not ready.
  static Result<std::shared_ptr<const FacetColumns>> Load(Database& db, const KindTable& table);

  // The position of `field` among the kind's facet fields, or -1.
  int FieldIndex(const FieldSpec& field) const;
  // The code of `value` in facet `field`, or 0 when no record has it.
  std::uint32_t Code(int field, std::string_view value) const;
  const std::string& Value(int field, std::uint32_t code) const { return values_[field][code]; }
  std::size_t CodeCount(int field) const { return values_[field].size(); }

  bool Contains(std::int64_t id) const;
  std::int64_t size() const { return size_; }  // the number of records
  // The codes of record `id`'s values of facet `field` (none when absent).
  std::pair<const std::uint32_t*, const std::uint32_t*> Codes(std::int64_t id, int field) const;
  // The ids of the records whose facet `field` has `code`, in id order.
  // Built on the first call for the field (thread-safe).
  const std::vector<std::int64_t>& Postings(int field, std::uint32_t code) const;
  // Calls visit(id) for every record of the kind, by id.
  template <typename Visit>
  void ForEachId(Visit&& visit) const;

 private:
  struct Chunk {
    std::uint64_t present[kFacetChunkSize / 64] = {};
    // Per field: where each id's codes start in `codes` (kFacetChunkSize + 1).
    std::vector<std::vector<std::uint32_t>> starts;
    std::vector<std::vector<std::uint32_t>> codes;
  };
  Status LoadNames(Database& db, const KindSpec& kind);
  Status Decode(std::int64_t number, std::string_view stored);

  std::vector<const FieldSpec*> fields_;
  std::vector<std::vector<std::string>> values_;  // by field, by code (0: none)
  std::vector<std::map<std::string, std::uint32_t, std::less<>>> codes_;
  std::vector<std::unique_ptr<Chunk>> chunks_;  // by chunk number; null: no records
  std::int64_t size_ = 0;
  // Per field, built once: the ids by code (an inverted index of the column).
  mutable std::vector<std::once_flag> postings_built_;
  mutable std::vector<std::vector<std::vector<std::int64_t>>> postings_;
};

template <typename Visit>
void FacetColumns::ForEachId(Visit&& visit) const {
  for (std::size_t number = 0; number < chunks_.size(); ++number) {
    const Chunk* chunk = chunks_[number].get();
    if (chunk == nullptr) continue;
    for (std::size_t word = 0; word < std::size(chunk->present); ++word) {
      for (std::uint64_t bits = chunk->present[word]; bits != 0; bits &= bits - 1) {
        auto local = static_cast<std::int64_t>(word * 64 + __builtin_ctzll(bits));
        visit(static_cast<std::int64_t>(number) * kFacetChunkSize + local);
      }
    }
  }
}

}  // namespace rapporteur::store

#endif  // RAPPORTEUR_SRC_STORE_FACET_COLUMNS_H_
