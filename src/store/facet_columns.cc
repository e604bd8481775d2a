#include "src/store/facet_columns.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "src/record/field_values.h"
#include "src/store/list_column.h"

namespace rapporteur::store {
namespace {

std::vector<const FieldSpec*> FacetFields(const KindSpec& kind) {
  std::vector<const FieldSpec*> fields;
  for (const FieldSpec& field : kind.fields) {
    if (field.facet) fields.push_back(&field);
  }
  return fields;
}

// The facet fields' names in order: what a kind's chunks were written with.
std::string Signature(const std::vector<const FieldSpec*>& fields) {
  std::string names;
  for (const FieldSpec* field : fields) names += std::string(field->name) + ",";
  return names;
}

void PutVarint(std::uint32_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// Reads a varint at `*at`; false at the end of the data or on a varint
// longer than 32 bits (a corrupt chunk).
bool GetVarint(std::string_view data, std::size_t* at, std::uint32_t* value) {
  *value = 0;
  for (int shift = 0; shift < 35 && *at < data.size(); shift += 7) {
    auto byte = static_cast<unsigned char>(data[(*at)++]);
    *value |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// A checksum of a chunk's data, kept in its last 8 bytes, so that a damaged
// chunk is an error rather than wrong counts. Eight bytes a step: loading
// the columns of a million records hashes about 15 MB.
std::uint64_t Checksum(std::string_view data, std::int64_t chunk) {
  std::uint64_t hash = 0x9e3779b97f4a7c15ULL ^ data.size() ^
                       (static_cast<std::uint64_t>(chunk) * 0xc2b2ae3d27d4eb4fULL);
  std::size_t at = 0;
  for (; at + 8 <= data.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + at, 8);
    hash = (hash ^ word) * 0xff51afd7ed558ccdULL;
    hash ^= hash >> 32;
  }
  for (; at < data.size(); ++at)
    hash = (hash ^ static_cast<unsigned char>(data[at])) * 0x100000001b3ULL;
  return hash;
}

// The checksum covers the chunk's number too (a row moved to another
// number is damaged as well). Native byte order: a store is not moved
// between machines of different byte orders.
void AppendChecksum(std::int64_t chunk, std::string* data) {
  std::uint64_t sum = Checksum(*data, chunk);
  data->append(reinterpret_cast<const char*>(&sum), sizeof sum);
}

// The data without its checksum, or nullopt when they disagree.
std::optional<std::string_view> Verified(std::string_view data, std::int64_t chunk) {
  if (data.size() < 8) return std::nullopt;
  std::string_view body = data.substr(0, data.size() - 8);
  std::uint64_t sum;
  std::memcpy(&sum, data.data() + body.size(), 8);
  if (sum != Checksum(body, chunk)) return std::nullopt;
  return body;
}

// The dictionary being extended by a rebuild: codes by field and value.
struct Dictionary {
  std::vector<std::map<std::string, std::uint32_t, std::less<>>> codes;
  std::vector<std::uint32_t> next;                 // by field: one more than the largest code
  std::vector<std::pair<int, std::string>> added;  // (field, value) to store

  std::uint32_t CodeOf(int field, std::string_view value) {
    auto& codes_of_field = codes[field];
    auto it = codes_of_field.find(value);
    if (it != codes_of_field.end()) return it->second;
    std::uint32_t code = next[field]++;
    codes_of_field.emplace(std::string(value), code);
    added.emplace_back(field, std::string(value));
    return code;
  }
};

Status LoadDictionary(Database& db, const KindSpec& kind,
                      const std::vector<const FieldSpec*>& fields, Dictionary* dictionary) {
  dictionary->codes.assign(fields.size(), {});
  dictionary->next.assign(fields.size(), 1);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    Result<Query> query =
        db.Prepare("SELECT value, code FROM facet_names WHERE kind = ? AND field = ?");
    if (!query) return query.error();
    query->Bind(1, kind.kind).Bind(2, fields[i]->name);
    while (query->Step()) {
      auto code = static_cast<std::uint32_t>(query->Int(1));
      dictionary->codes[i].emplace(query->Text(0), code);
      dictionary->next[i] = std::max(dictionary->next[i], code + 1);
    }
    RAPPORTEUR_RETURN_IF_ERROR(query->status());
  }
  return Status::Ok();
}

Status StoreDictionary(Database& db, const KindSpec& kind,
                       const std::vector<const FieldSpec*>& fields, const Dictionary& dictionary) {
  Result<Query> insert =
      db.Prepare("INSERT INTO facet_names (kind, field, code, value) VALUES (?, ?, ?, ?)");
  if (!insert) return insert.error();
  for (const auto& [field, value] : dictionary.added) {
    std::uint32_t code = dictionary.codes[field].find(value)->second;
    insert->Bind(1, kind.kind).Bind(2, fields[field]->name).Bind(3, std::int64_t{code});
    RAPPORTEUR_RETURN_IF_ERROR(insert->Bind(4, value).Done());
  }
  return Status::Ok();
}

// One chunk's data, from the rows of its ids (see the header for the
// format). Empty when the chunk has no rows.
Result<std::string> EncodeChunk(Database& db, const KindTable& table,
                                const std::vector<const FieldSpec*>& fields, std::int64_t chunk,
                                Dictionary* dictionary) {
  std::string sql = "SELECT t.id";
  for (const FieldSpec* field : fields) sql += ", " + FacetValueSql(*field);
  Result<Query> query =
      db.Prepare(sql + " FROM " + table.table() + " t WHERE t.id BETWEEN ? AND ? ORDER BY t.id");
  if (!query) return query.error();
  query->Bind(1, chunk * kFacetChunkSize).Bind(2, (chunk + 1) * kFacetChunkSize - 1);
  std::string bitmap(kFacetChunkSize / 8, '\0');
  std::vector<std::string> columns(fields.size());
  std::vector<std::uint32_t> codes;
  bool any = false;
  while (query->Step()) {
    std::int64_t local = query->Int(0) - chunk * kFacetChunkSize;
    bitmap[local / 8] = static_cast<char>(bitmap[local / 8] | (1 << (local % 8)));
    any = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      int column = static_cast<int>(i) + 1;
      codes.clear();
      if (!query->IsNull(column) && record::IsListType(fields[i]->type)) {
        ForEachListValue(query->TextView(column), [&](std::string_view value) {
          codes.push_back(dictionary->CodeOf(static_cast<int>(i), value));
        });
      } else if (!query->IsNull(column)) {
        codes.push_back(dictionary->CodeOf(static_cast<int>(i), query->TextView(column)));
      }
      PutVarint(static_cast<std::uint32_t>(codes.size()), &columns[i]);
      for (std::uint32_t code : codes) PutVarint(code, &columns[i]);
    }
  }
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  if (!any) return std::string();
  for (const std::string& column : columns) bitmap += column;
  AppendChecksum(chunk, &bitmap);
  return bitmap;
}

Status WriteChunk(Database& db, const KindSpec& kind, std::int64_t chunk, const std::string& data) {
  if (data.empty()) {
    Result<Query> remove = db.Prepare("DELETE FROM facet_chunks WHERE kind = ? AND chunk = ?");
    if (!remove) return remove.error();
    return remove->Bind(1, kind.kind).Bind(2, chunk).Done();
  }
  Result<Query> upsert = db.Prepare(
      "INSERT INTO facet_chunks (kind, chunk, data) VALUES (?, ?, ?) "
      "ON CONFLICT (kind, chunk) DO UPDATE SET data = excluded.data");
  if (!upsert) return upsert.error();
  return upsert->Bind(1, kind.kind).Bind(2, chunk).BindBlob(3, data).Done();
}

}  // namespace

std::string FacetValueSql(const FieldSpec& field) {
  std::string column = "t." + Identifier(field.name);
  if (field.type == FieldType::kRef) return "(SELECT key FROM records WHERE id = " + column + ")";
  return column;
}

Status RebuildFacetChunks(Database& db, const KindTable& table,
                          const std::set<std::int64_t>& chunks) {
  std::vector<const FieldSpec*> fields = FacetFields(table.spec());
  Dictionary dictionary;
  RAPPORTEUR_RETURN_IF_ERROR(LoadDictionary(db, table.spec(), fields, &dictionary));
  for (std::int64_t chunk : chunks) {
    Result<std::string> data = EncodeChunk(db, table, fields, chunk, &dictionary);
    if (!data) return data.error();
    RAPPORTEUR_RETURN_IF_ERROR(WriteChunk(db, table.spec(), chunk, *data));
  }
  return StoreDictionary(db, table.spec(), fields, dictionary);
}

Status RebuildAllFacetChunks(Database& db, const KindTable& table) {
  // From scratch: the dictionary too (codes of values no record has any
  // more are dropped, a damaged one is replaced).
  for (const char* sql :
       {"DELETE FROM facet_names WHERE kind = ?", "DELETE FROM facet_chunks WHERE kind = ?"}) {
    Result<Query> clear = db.Prepare(sql);
    if (!clear) return clear.error();
    RAPPORTEUR_RETURN_IF_ERROR(clear->Bind(1, table.spec().kind).Done());
  }
  std::set<std::int64_t> chunks;
  Result<Query> used = db.Prepare("SELECT DISTINCT id >> " + std::to_string(kFacetChunkBits) +
                                  " FROM " + table.table());
  if (!used) return used.error();
  while (used->Step()) chunks.insert(used->Int(0));
  RAPPORTEUR_RETURN_IF_ERROR(used->status());
  RAPPORTEUR_RETURN_IF_ERROR(RebuildFacetChunks(db, table, chunks));
  Result<Query> ready =
      db.Prepare("INSERT OR REPLACE INTO facet_columns_ready (kind, fields) VALUES (?, ?)");
  if (!ready) return ready.error();
  return ready->Bind(1, table.spec().kind).Bind(2, Signature(FacetFields(table.spec()))).Done();
}

Result<bool> FacetColumnsReady(Database& db, const KindSpec& kind) {
  Result<Query> query = db.Prepare("SELECT fields FROM facet_columns_ready WHERE kind = ?");
  if (!query) return query.error();
  query->Bind(1, kind.kind);
  bool ready = query->Step() && query->TextView(0) == Signature(FacetFields(kind));
  if (ready) (void)query->Done();
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  return ready;
}

Result<std::shared_ptr<const FacetColumns>> FacetColumns::Load(Database& db,
                                                               const KindTable& table) {
  Result<bool> ready = FacetColumnsReady(db, table.spec());
  if (!ready) return ready.error();
  if (!*ready) return std::shared_ptr<const FacetColumns>();
  auto columns = std::make_shared<FacetColumns>();
  columns->fields_ = FacetFields(table.spec());
  RAPPORTEUR_RETURN_IF_ERROR(columns->LoadNames(db, table.spec()));
  Result<Query> query = db.Prepare("SELECT chunk, data FROM facet_chunks WHERE kind = ?");
  if (!query) return query.error();
  query->Bind(1, table.spec().kind);
  while (query->Step()) {
    RAPPORTEUR_RETURN_IF_ERROR(columns->Decode(query->Int(0), query->Blob(1)));
  }
  RAPPORTEUR_RETURN_IF_ERROR(query->status());
  columns->postings_built_ = std::vector<std::once_flag>(columns->fields_.size());
  columns->postings_.resize(columns->fields_.size());
  return std::shared_ptr<const FacetColumns>(std::move(columns));
}

Status FacetColumns::LoadNames(Database& db, const KindSpec& kind) {
  Dictionary dictionary;
  RAPPORTEUR_RETURN_IF_ERROR(LoadDictionary(db, kind, fields_, &dictionary));
  codes_ = std::move(dictionary.codes);
  values_.assign(fields_.size(), {});
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    values_[i].resize(codes_[i].size() + 1);
    for (const auto& [value, code] : codes_[i]) {
      if (code == 0 || code > codes_[i].size()) {
        return Internal("facet columns of '" + std::string(kind.kind) + "': bad code " +
                        std::to_string(code) +
                        " in facet_names (run 'rapporteur init' to "
                        "rebuild them)");
      }
      values_[i][code] = value;
    }
  }
  return Status::Ok();
}

Status FacetColumns::Decode(std::int64_t number, std::string_view stored) {
  auto corrupt = [&] {
    return Internal("facet columns: chunk " + std::to_string(number) +
                    " is damaged (run 'rapporteur init' to rebuild it)");
  };
  std::optional<std::string_view> verified = Verified(stored, number);
  if (number < 0 || !verified || verified->size() < kFacetChunkSize / 8) return corrupt();
  std::string_view data = *verified;
  auto chunk = std::make_unique<Chunk>();
  for (std::int64_t local = 0; local < kFacetChunkSize; ++local) {
    if ((static_cast<unsigned char>(data[local / 8]) >> (local % 8)) & 1) {
      chunk->present[local / 64] |= std::uint64_t{1} << (local % 64);
      ++size_;
    }
  }
  std::size_t at = kFacetChunkSize / 8;
  chunk->starts.assign(fields_.size(), std::vector<std::uint32_t>(kFacetChunkSize + 1, 0));
  chunk->codes.assign(fields_.size(), {});
  for (std::size_t field = 0; field < fields_.size(); ++field) {
    std::vector<std::uint32_t>& starts = chunk->starts[field];
    std::vector<std::uint32_t>& codes = chunk->codes[field];
    for (std::int64_t local = 0; local < kFacetChunkSize; ++local) {
      starts[local] = static_cast<std::uint32_t>(codes.size());
      if (((chunk->present[local / 64] >> (local % 64)) & 1) == 0) continue;
      std::uint32_t count = 0, code = 0;
      if (!GetVarint(data, &at, &count) || count > data.size()) return corrupt();
      for (std::uint32_t i = 0; i < count; ++i) {
        if (!GetVarint(data, &at, &code) || code == 0 || code >= values_[field].size()) {
          return corrupt();
        }
        codes.push_back(code);
      }
    }
    starts[kFacetChunkSize] = static_cast<std::uint32_t>(codes.size());
  }
  if (static_cast<std::size_t>(number) >= chunks_.size()) chunks_.resize(number + 1);
  chunks_[number] = std::move(chunk);
  return Status::Ok();
}

int FacetColumns::FieldIndex(const FieldSpec& field) const {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i] == &field) return static_cast<int>(i);
  }
  return -1;
}

std::uint32_t FacetColumns::Code(int field, std::string_view value) const {
  auto it = codes_[field].find(value);
  return it == codes_[field].end() ? 0 : it->second;
}

bool FacetColumns::Contains(std::int64_t id) const {
  std::int64_t number = FacetChunkOf(id);
  if (id < 0 || number >= static_cast<std::int64_t>(chunks_.size())) return false;
  const Chunk* chunk = chunks_[number].get();
  std::int64_t local = id & (kFacetChunkSize - 1);
  return chunk != nullptr && ((chunk->present[local / 64] >> (local % 64)) & 1) != 0;
}

std::pair<const std::uint32_t*, const std::uint32_t*> FacetColumns::Codes(std::int64_t id,
                                                                          int field) const {
  if (!Contains(id)) return {nullptr, nullptr};
  const Chunk& chunk = *chunks_[FacetChunkOf(id)];
  std::int64_t local = id & (kFacetChunkSize - 1);
  std::uint32_t begin = chunk.starts[field][local], end = chunk.starts[field][local + 1];
  if (begin == end) return {nullptr, nullptr};  // (codes may be empty: no offset from null)
  const std::uint32_t* codes = chunk.codes[field].data();
  return {codes + begin, codes + end};
}

const std::vector<std::int64_t>& FacetColumns::Postings(int field, std::uint32_t code) const {
  std::call_once(postings_built_[field], [&] {
    std::vector<std::vector<std::int64_t>>& by_code = postings_[field];
    by_code.resize(values_[field].size());
    ForEachId([&](std::int64_t id) {
      auto [begin, end] = Codes(id, field);
      for (const std::uint32_t* c = begin; c < end; ++c) by_code[*c].push_back(id);
    });
  });
  return postings_[field][code];
}

}  // namespace rapporteur::store
