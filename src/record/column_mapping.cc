#include "src/record/column_mapping.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "src/base/data_dir.h"
#include "src/lens/catalogue.h"
#include "src/record/field_values.h"
#include "src/record/json_text.h"
#include "src/record/mechanisms.h"
#include "src/record/source_dates.h"
#include "src/record/source_text.h"

namespace rapporteur::record {
namespace {

using nlohmann::json;

Status MappingError(std::string_view member, std::string_view reason) {
  return InvalidInput("mapping member '" + std::string(member) + "': " + std::string(reason));
}

Result<std::string> StringMember(const json& doc, const char* name) {
  auto it = doc.find(name);
  if (it == doc.end() || it->is_null()) return std::string();
  if (!it->is_string()) return MappingError(name, "expected a string");
  return it->get<std::string>();
}

Result<const FieldSpec*> FieldOf(const KindSpec& kind, const std::string& name,
                                 std::string_view member) {
  const FieldSpec* field = kind.Field(name);
  if (field == nullptr) {
    return MappingError(member, "no field '" + name + "' in kind " + std::string(kind.kind) +
                                    " (fields: " + FieldNames(kind) + ")");
  }
  return field;
}

Status ReadColumns(const json& doc, ColumnMapping* m) {
  auto it = doc.find("columns");
  if (it == doc.end() || !it->is_object() || it->empty()) {
    return MappingError("columns", "expected an object of source column -> field");
  }
  std::vector<const FieldSpec*> used;
  for (const auto& [column, field] : it->items()) {
    if (!field.is_string())
      return MappingError("columns", "the field of '" + column + "' is not a string");
    Result<const FieldSpec*> spec = FieldOf(*m->kind, field.get<std::string>(), "columns");
    if (!spec) return spec.error();
    if (std::count(used.begin(), used.end(), *spec) > 0 && !IsListType((*spec)->type)) {
      return MappingError("columns", "field '" + std::string((*spec)->name) +
                                         "' is mapped from two columns and is not a list");
    }
    used.push_back(*spec);
    m->columns.emplace_back(column, *spec);
  }
  return Status::Ok();
}

Status ReadConstantsAndValues(const json& doc, ColumnMapping* m) {
  const json constants = doc.value("constants", json::object());
  if (!constants.is_object())
    return MappingError("constants", "expected an object of field -> value");
  for (const auto& [name, value] : constants.items()) {
    Result<const FieldSpec*> spec = FieldOf(*m->kind, name, "constants");
    if (!spec) return spec.error();
    if (!value.is_string() && !value.is_number_integer()) {
      return MappingError("constants", "the value of '" + name + "' is not a string or number");
    }
    m->constants.emplace_back(*spec, value.is_string() ? value.get<std::string>() : value.dump());
  }
  const json values = doc.value("values", json::object());
  if (!values.is_object())
    return MappingError("values", "expected an object of field -> {cell: value}");
  for (const auto& [name, table] : values.items()) {
    Result<const FieldSpec*> spec = FieldOf(*m->kind, name, "values");
    if (!spec) return spec.error();
    if (!table.is_object()) return MappingError("values", "'" + name + "' is not an object");
    for (const auto& [cell, value] : table.items()) {
      if (!value.is_string())
        return MappingError("values", "'" + name + "." + cell + "' is not a string");
      m->values[name][cell] = value.get<std::string>();
    }
  }
  return Status::Ok();
}

Status ReadOptions(const json& doc, ColumnMapping* m) {
  static const std::set<std::string> kKnown = {
      "kind",       "columns",  "constants", "values",      "list_separator", "key",
      "key_prefix", "encoding", "delimiter", "date_format", "sheet"};
  for (const auto& item : doc.items()) {
    if (kKnown.count(item.key()) == 0) {
      return MappingError(item.key(),
                          "unknown member (known: kind, columns, constants, values, "
                          "list_separator, key, key_prefix, encoding, delimiter, "
                          "date_format, sheet)");
    }
  }
  const std::pair<const char*, std::string*> strings[] = {{"key_prefix", &m->key_prefix},
                                                          {"encoding", &m->encoding},
                                                          {"date_format", &m->date_format},
                                                          {"sheet", &m->sheet},
                                                          {"list_separator", &m->list_separator}};
  for (const auto& [name, slot] : strings) {
    Result<std::string> value = StringMember(doc, name);
    if (!value) return value.error();
    if (!value->empty()) *slot = *value;
  }
  Result<std::string> delimiter = StringMember(doc, "delimiter");
  if (!delimiter) return delimiter.error();
  if (delimiter->size() > 1 || *delimiter == "\"")
    return MappingError("delimiter", "expected one character");
  if (!delimiter->empty()) m->delimiter = (*delimiter)[0];
  const json key = doc.value("key", json::array());
  if (!key.is_array()) return MappingError("key", "expected a list of column names");
  for (const json& column : key) {
    if (!column.is_string()) return MappingError("key", "expected a list of column names");
    m->key_columns.push_back(column.get<std::string>());
  }
  if (m->key_prefix.empty()) m->key_prefix = std::string(m->kind->kind);
  return Status::Ok();
}

// "Partially supported" -> "partially_supported" for comparing enum values.
std::string FoldEnum(std::string_view text) {
  std::string out;
  for (char c : text) {
    out.push_back(c == ' ' || c == '-'
                      ? '_'
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

Result<ColumnMapping> ParseColumnMapping(std::string_view json_text) {
  Result<json> doc = ParseJson(json_text);
  if (!doc) return doc.error();
  if (!doc->is_object()) return InvalidInput("a mapping is a JSON object");
  ColumnMapping m;
  Result<std::string> kind = StringMember(*doc, "kind");
  if (!kind) return kind.error();
  m.kind = FindKind(*kind);
  if (m.kind == nullptr) {
    return MappingError("kind", kind->empty()
                                    ? "missing (kinds: " + KindNames() + ")"
                                    : "unknown kind '" + *kind + "' (kinds: " + KindNames() + ")");
  }
  RAPPORTEUR_RETURN_IF_ERROR(ReadColumns(*doc, &m));
  RAPPORTEUR_RETURN_IF_ERROR(ReadConstantsAndValues(*doc, &m));
  RAPPORTEUR_RETURN_IF_ERROR(ReadOptions(*doc, &m));
  return m;
}

Result<ColumnMapping> LoadColumnMapping(const std::string& path) {
  Result<std::string> text = lens::ReadTextFile(path);
  if (!text) return text.error();
  Result<ColumnMapping> mapping = ParseColumnMapping(*text);
  if (!mapping) return mapping.error().WithContext("invalid mapping '" + path + "'");
  return mapping;
}

Status MappedRows::SetHeader(const std::vector<std::string>& header) {
  header_.clear();
  for (const std::string& name : header) header_.emplace_back(TrimSpaces(name));
  auto position = [&](const std::string& column) -> std::optional<std::size_t> {
    auto it = std::find(header_.begin(), header_.end(), column);
    if (it == header_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header_.begin());
  };
  std::string known;
  for (const std::string& name : header_) known += (known.empty() ? "'" : ", '") + name + "'";
  at_.clear();
  key_at_.clear();
  for (const auto& [column, field] : mapping_.columns) {
    std::optional<std::size_t> at = position(column);
    if (!at) return InvalidInput("no column '" + column + "' (the file's columns: " + known + ")");
    at_.emplace_back(*at, field);
    if (mapping_.key_columns.empty()) key_at_.push_back(*at);
  }
  for (const std::string& column : mapping_.key_columns) {
    std::optional<std::size_t> at = position(column);
    if (!at)
      return InvalidInput("no key column '" + column + "' (the file's columns: " + known + ")");
    key_at_.push_back(*at);
  }
  return Status::Ok();
}

Status MappedRows::CheckConstants() {
  constants_ = json::object();
  for (const auto& [field, value] : mapping_.constants) {
    Result<json> converted = Convert(*field, value);
    if (!converted) {
      return InvalidInput("mapping member 'constants', field '" + std::string(field->name) +
                          "': " + converted.error().message());
    }
    constants_[std::string(field->name)] = *converted;
  }
  return Status::Ok();
}

std::string MappedRows::Recode(const FieldSpec& field, const std::string& cell) const {
  const auto table = mapping_.values.find(std::string(field.name));
  if (table == mapping_.values.end()) return cell;
  auto it = table->second.find(cell);
  return it == table->second.end() ? cell : it->second;
}

Result<nlohmann::json> MappedRows::ConvertDate(const std::string& cell) const {
  std::optional<std::string> date;
  if (IsPartialIsoDate(cell)) {
    date = cell;
  } else if (mapping_.date_format.empty()) {
    date = ParseEnglishDate(cell);
  } else {
    date = ParseDateWithFormat(cell, mapping_.date_format);
  }
  if (date) return json(*date);
  const std::string expected = mapping_.date_format.empty() ? "YYYY, YYYY-MM or YYYY-MM-DD"
                                                            : "the format " + mapping_.date_format;
  return InvalidInput("invalid date " + Quote(cell) + " (expected " + expected + ")");
}

namespace {

// A mechanism named by its id, name or an alias ("Human Rights Committee",
// "CCPR", "Special Rapporteur on torture") as its id. A name that is none
// of these is kept as written: the store refuses it with the closest id.
std::string MechanismId(const std::string& cell) {
  static const std::vector<Mechanism> mechanisms = [] {
    Result<std::vector<Mechanism>> loaded = LoadMechanisms(DefaultDataDir() + "/mechanisms.jsonl");
    return loaded ? std::move(loaded).value() : std::vector<Mechanism>();
  }();
  const Mechanism* mechanism = FindMechanism(mechanisms, cell);
  return mechanism != nullptr ? mechanism->id : cell;
}

}  // namespace

Result<nlohmann::json> MappedRows::ConvertList(const FieldSpec& field, const std::string& cell) {
  json items = json::array();
  for (const std::string& item : SplitList(cell, mapping_.list_separator)) {
    std::string value = Recode(field, item);
    if (field.type == FieldType::kStateList) {
      Result<std::string> code = states_.Resolve(value);
      if (!code) return code.error();
      value = *code;
    }
    if (std::find(items.begin(), items.end(), value) == items.end()) items.push_back(value);
  }
  return items;
}

Result<nlohmann::json> MappedRows::Convert(const FieldSpec& field, std::string_view raw) {
  const std::string cell = Recode(field, std::string(TrimSpaces(raw)));
  if (cell.empty()) return json();
  switch (field.type) {
    case FieldType::kInteger: {
      const std::optional<std::int64_t> n = ParseInteger(cell);
      if (!n) return InvalidInput("invalid whole number " + Quote(cell));
      return json(*n);
    }
    case FieldType::kDate: return ConvertDate(cell);
    case FieldType::kEnum: {
      std::string expected;
      for (std::string_view value : EnumValues(field)) {
        if (value == cell || FoldEnum(value) == FoldEnum(cell)) return json(std::string(value));
        expected += (expected.empty() ? "" : ", ") + std::string(value);
      }
      return InvalidInput("invalid value " + Quote(cell) + " (expected one of: " + expected + ")");
    }
    case FieldType::kState: {
      Result<std::string> code = states_.Resolve(cell);
      if (!code) return code.error();
      return json(*code);
    }
    case FieldType::kStateList:
    case FieldType::kList: return ConvertList(field, cell);
    case FieldType::kMechanism: return json(MechanismId(cell));
    default: return json(cell);  // text, references, instrument ids
  }
}

std::string MappedRows::Key(const std::vector<std::string>& cells) {
  std::string joined;
  for (std::size_t at : key_at_) {
    joined += at < cells.size() ? std::string(TrimSpaces(cells[at])) : "";
    joined += '\x1f';  // unit separator: no cell holds it
  }
  const std::string hash = StableHash(joined);
  return mapping_.key_prefix + ":" + hash + ":" + std::to_string(++seen_[hash]);
}

Status MappedRows::Row(const std::vector<std::string>& cells, const SourceRow& row) {
  Record r;
  r.kind = std::string(mapping_.kind->kind);
  r.fields = constants_;  // defaults for empty cells
  for (const auto& [at, field] : at_) {
    const std::string_view cell = at < cells.size() ? std::string_view(cells[at]) : "";
    Result<json> value = Convert(*field, cell);
    if (!value) return sink_.Reject(row, header_[at], value.error().message());
    if (value->is_null() || (value->is_array() && value->empty())) continue;
    const std::string name(field->name);
    if (value->is_array() && r.fields.contains(name) && r.fields[name].is_array()) {
      for (const json& item : *value) {
        if (std::find(r.fields[name].begin(), r.fields[name].end(), item) == r.fields[name].end()) {
          r.fields[name].push_back(item);
        }
      }
    } else {
      r.fields[name] = std::move(*value);
    }
  }
  for (const FieldSpec& field : mapping_.kind->fields) {
    if (field.required && !r.fields.contains(std::string(field.name))) {
      return sink_.Reject(row, "",
                          "no value for the required field '" + std::string(field.name) + "'");
    }
  }
  r.key = Key(cells);
  return sink_.Add(std::move(r), row);
}

}  // namespace rapporteur::record
