#include "src/lens/catalogue.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace rapporteur::lens {
namespace {

using nlohmann::json;

Status FieldError(std::size_t line, std::string_view field, std::string_view expected) {
  return InvalidInput("line " + std::to_string(line) + ": field '" + std::string(field) +
                      "': expected " + std::string(expected));
}

// Appends every string of `value` (a string, a list of strings, or an object
// of language -> string or list) to `out`; false if it has another shape.
bool CollectStrings(const json& value, std::vector<std::string>* out) {
  if (value.is_null()) return true;
  if (value.is_string()) {
    out->push_back(value.get<std::string>());
    return true;
  }
  if (value.is_array() || value.is_object()) {
    for (const json& item : value) {
      if (!CollectStrings(item, out)) return false;
    }
    return true;
  }
  return false;
}

Status ParseTitles(const json& j, std::size_t line, Instrument* inst) {
  if (!j.contains("titles")) return Status::Ok();
  const json& titles = j["titles"];
  if (!titles.is_object())
    return FieldError(line, "titles", "an object of language codes to titles");
  for (const auto& [lang, title] : titles.items()) {
    if (!title.is_string()) return FieldError(line, "titles." + lang, "a string");
    inst->titles[lang] = title.get<std::string>();
    inst->names.push_back(title.get<std::string>());
  }
  return Status::Ok();
}

Status ParseInstrument(const json& j, std::size_t line, Instrument* inst) {
  if (!j.is_object())
    return InvalidInput("line " + std::to_string(line) + ": expected a JSON object");
  if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty()) {
    return FieldError(line, "id", "a non-empty string");
  }
  inst->id = j["id"].get<std::string>();
  for (const char* field : {"kind", "family", "parent"}) {
    if (!j.contains(field) || j[field].is_null()) continue;
    if (!j[field].is_string()) return FieldError(line, field, "a string");
  }
  inst->kind = j.value("kind", "");
  inst->family =
      j.contains("family") && j["family"].is_string() ? j["family"].get<std::string>() : "";
  inst->parent =
      j.contains("parent") && j["parent"].is_string() ? j["parent"].get<std::string>() : "";
  inst->core = j.contains("core") && j["core"].is_boolean() && j["core"].get<bool>();
  RAPPORTEUR_RETURN_IF_ERROR(ParseTitles(j, line, inst));
  for (const char* field : {"short_titles", "aliases"}) {
    if (j.contains(field) && !CollectStrings(j[field], &inst->names)) {
      return FieldError(line, field, "strings, lists of strings, or an object of them by language");
    }
  }
  if (j.contains("abbreviations") && !CollectStrings(j["abbreviations"], &inst->abbreviations)) {
    return FieldError(line, "abbreviations", "a list of strings");
  }
  return Status::Ok();
}

}  // namespace

const std::string& Instrument::DisplayTitle() const {
  static const std::string empty;
  auto it = titles.find("en");
  if (it != titles.end()) return it->second;
  return titles.empty() ? (names.empty() ? id : names.front()) : titles.begin()->second;
}

Status Catalogue::AddJsonLines(std::string_view text, const std::string& name) {
  std::vector<Instrument> added;
  std::size_t line_number = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      return InvalidInput("line " + std::to_string(line_number) + ": not valid JSON")
          .WithContext("cannot read '" + name + "'");
    }
    Instrument inst;
    Status s = ParseInstrument(j, line_number, &inst);
    if (!s.ok()) return s.WithContext("cannot read '" + name + "'");
    added.push_back(std::move(inst));
  }
  // Later files override earlier entries with the same id.
  for (Instrument& inst : added) {
    auto it = std::find_if(instruments_.begin(), instruments_.end(),
                           [&](const Instrument& i) { return i.id == inst.id; });
    if (it != instruments_.end()) {
      *it = std::move(inst);
    } else {
      instruments_.push_back(std::move(inst));
    }
  }
  return Status::Ok();
}

Status Catalogue::AddFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.error();
  return AddJsonLines(*text, path);
}

const Instrument* Catalogue::Find(std::string_view id) const {
  for (const Instrument& i : instruments_) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

Result<std::string> ReadTextFile(const std::string& path) {
  const auto fail = [&path](ErrorCode code, const std::string& why) {
    return Status(code, "cannot read '" + path + "': " + why);
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return fail(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIoError, std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return fail(ErrorCode::kInvalidArgument, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kIoError, std::strerror(errno));
  // A regular file in one read of its size: streaming it through an
  // ostringstream cost a tenth of a short comparison's start-up (the
  // catalogue and lexicons). Pipes, and whatever a file gained since stat,
  // are streamed.
  std::string text;
  if (S_ISREG(st.st_mode)) {
    text.resize(static_cast<std::size_t>(st.st_size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    in.clear(in.rdstate() & std::ios::badbit);
  }
  text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return fail(ErrorCode::kIoError, "read failed");
  return text;
}

}  // namespace rapporteur::lens
