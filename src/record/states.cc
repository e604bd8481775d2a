// StateCatalogue: ISO 3166-1 from iso-codes, then data/states.tsv on top.
//
// Every name of a state (its UN short name, the ISO names, the aliases) and
// its two codes are keys of by_folded_name_, folded by record::FoldName.
// StateInfo::aliases holds every name but `name` and the codes, one spelling
// per folded form.
#include "rapporteur/states.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "src/lens/catalogue.h"
#include "src/record/name_match.h"
#include "src/record/states_tsv.h"

namespace rapporteur {
namespace {

using nlohmann::json;
using NameIndex = std::unordered_map<std::string, size_t>;

constexpr const char* kIsoCodesPath = "/usr/share/iso-codes/json/iso_3166-1.json";

std::string StringField(const json& entry, const char* key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Adds `alias` unless it folds like the state's name or one of its aliases.
void AddAlias(StateInfo& state, const std::string& alias) {
  const std::string folded = record::FoldName(alias);
  if (folded.empty() || folded == record::FoldName(state.name)) return;
  for (const std::string& known : state.aliases) {
    if (record::FoldName(known) == folded) return;
  }
  state.aliases.push_back(alias);
}

void RemoveAliasesFoldedAs(StateInfo& state, const std::string& folded) {
  std::erase_if(state.aliases, [&](const std::string& a) { return record::FoldName(a) == folded; });
}

// Points `name` at state `i`. A name another state had is taken from it:
// later data overrides earlier data.
void Register(std::vector<StateInfo>& states, NameIndex& index, size_t i, const std::string& name) {
  const std::string folded = record::FoldName(name);
  if (folded.empty()) return;
  auto [it, inserted] = index.emplace(folded, i);
  if (!inserted && it->second != i) {
    RemoveAliasesFoldedAs(states[it->second], folded);
    it->second = i;
  }
}

Result<StateInfo> ParseIsoEntry(const json& entry) {
  StateInfo state;
  state.code = StringField(entry, "alpha_2");
  state.alpha3 = StringField(entry, "alpha_3");
  const std::string iso_name = StringField(entry, "name");
  if (state.code.size() != 2 || state.alpha3.size() != 3 || iso_name.empty()) {
    return InvalidInput("an entry lacks alpha_2, alpha_3 or name: " + entry.dump());
  }
  const std::string common_name = StringField(entry, "common_name");
  state.name = common_name.empty() ? iso_name : common_name;
  state.official_name = StringField(entry, "official_name");
  if (state.official_name.empty()) state.official_name = iso_name;
  AddAlias(state, iso_name);
  AddAlias(state, state.official_name);
  return state;
}

Result<std::vector<StateInfo>> ParseIsoCodes(std::string_view text, const std::string& path) {
  const std::string context = "cannot read '" + path + "'";
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return InvalidInput(context + ": not valid JSON");
  auto list = doc.is_object() ? doc.find("3166-1") : doc.end();
  if (list == doc.end() || !list->is_array()) {
    return InvalidInput(context + ": expected an object with a '3166-1' list");
  }
  std::vector<StateInfo> states;
  for (const json& entry : *list) {
    if (!entry.is_object())
      return InvalidInput(context + ": expected objects in the '3166-1' list");
    Result<StateInfo> state = ParseIsoEntry(entry);
    if (!state) return state.error().WithContext(context);
    states.push_back(std::move(*state));
  }
  std::sort(states.begin(), states.end(),
            [](const StateInfo& a, const StateInfo& b) { return a.code < b.code; });
  return states;
}

void ApplyRow(const record::StateRow& row, StateInfo& state) {
  if (row.un_member) state.un_member = *row.un_member;
  if (row.regional_group) state.regional_group = *row.regional_group;
  if (!row.un_name.empty() && row.un_name != state.name) {
    std::string previous = std::exchange(state.name, row.un_name);
    RemoveAliasesFoldedAs(state, record::FoldName(state.name));
    AddAlias(state, previous);
  }
  for (const std::string& alias : row.aliases) AddAlias(state, alias);
}

std::string DidYouMean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = " (did you mean ";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out + "?)";
}

// True if `word` is one of the space-separated words of `folded`, or a run
// of them ("korea" in "korea republic of").
bool ContainsWords(std::string_view folded, std::string_view words) {
  for (size_t at = folded.find(words); at != std::string_view::npos;
       at = folded.find(words, at + 1)) {
    const size_t end = at + words.size();
    if ((at == 0 || folded[at - 1] == ' ') && (end == folded.size() || folded[end] == ' '))
      return true;
  }
  return false;
}

// The name or alias of `state` as written whose folded form is `key`.
const std::string& SpellingOf(const StateInfo& state, const std::string& key) {
  for (const std::string& alias : state.aliases) {
    if (record::FoldName(alias) == key) return alias;
  }
  return state.name;
}

}  // namespace

Result<StateCatalogue> StateCatalogue::Load(const std::string& iso_codes_json,
                                            const std::string& data_dir) {
  Result<std::string> text = lens::ReadTextFile(iso_codes_json);
  if (!text) return text.error();
  Result<std::vector<StateInfo>> states = ParseIsoCodes(*text, iso_codes_json);
  if (!states) return states.error();
  StateCatalogue catalogue;
  catalogue.states_ = std::move(*states);
  for (size_t i = 0; i < catalogue.states_.size(); ++i) {
    const StateInfo& s = catalogue.states_[i];
    for (const std::string& key : {s.code, s.alpha3, s.name}) {
      Register(catalogue.states_, catalogue.by_folded_name_, i, key);
    }
    for (const std::string& alias : std::vector<std::string>(s.aliases)) {
      Register(catalogue.states_, catalogue.by_folded_name_, i, alias);
    }
  }
  RAPPORTEUR_RETURN_IF_ERROR(catalogue.AddFile(data_dir + "/states.tsv"));
  return catalogue;
}

Result<StateCatalogue> StateCatalogue::LoadDefault() {
  const char* env = std::getenv("RAPPORTEUR_DATA");
  const std::string data_dir = env != nullptr && *env != '\0' ? env : RAPPORTEUR_DATA_DIR;
  return Load(kIsoCodesPath, data_dir);
}

Status StateCatalogue::AddFile(const std::string& path) {
  const std::string context = "cannot read '" + path + "'";
  Result<std::string> text = lens::ReadTextFile(path);
  if (!text) return text.error();
  Result<std::vector<record::StateRow>> rows = record::ParseStatesTsv(*text);
  if (!rows) return rows.error().WithContext(context);
  // Check every row before changing anything: a bad file changes nothing.
  for (const record::StateRow& row : *rows) {
    if (Find(row.code) == nullptr) {
      return InvalidInput("line " + std::to_string(row.line) + ": field 'code': '" + row.code +
                          "' is not an ISO 3166-1 alpha-2 code")
          .WithContext(context);
    }
  }
  for (const record::StateRow& row : *rows) {
    const size_t i = static_cast<size_t>(Find(row.code) - states_.data());
    ApplyRow(row, states_[i]);
    Register(states_, by_folded_name_, i, states_[i].name);
    for (const std::string& alias : std::vector<std::string>(states_[i].aliases)) {
      Register(states_, by_folded_name_, i, alias);
    }
  }
  return Status::Ok();
}

const StateInfo* StateCatalogue::Find(std::string_view code) const {
  if (code.size() != 2) return nullptr;
  std::string upper(code);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  auto it = std::lower_bound(states_.begin(), states_.end(), upper,
                             [](const StateInfo& s, const std::string& c) { return s.code < c; });
  return it != states_.end() && it->code == upper ? &*it : nullptr;
}

Result<const StateInfo*> StateCatalogue::Resolve(std::string_view name_or_code) const {
  auto it = by_folded_name_.find(record::FoldName(name_or_code));
  if (it != by_folded_name_.end()) return &states_[it->second];
  return NotFound("unknown state '" + std::string(name_or_code) + "'" +
                  DidYouMean(Suggest(name_or_code)));
}

std::vector<std::string> StateCatalogue::Suggest(std::string_view name, size_t n) const {
  const std::string query = record::FoldName(name);
  if (query.empty() || n == 0) return {};
  // A typo every three characters, at most four: "Frnace", "Phillipines".
  const size_t max_distance = std::clamp<size_t>(query.size() / 3, 1, 4);
  constexpr size_t kNone = std::numeric_limits<size_t>::max();
  // The best (distance, folded key) of each state.
  std::vector<std::pair<size_t, std::string>> best(states_.size(), {kNone, ""});
  for (const auto& [key, i] : by_folded_name_) {
    if (key == AsciiLower(states_[i].code) || key == AsciiLower(states_[i].alpha3)) continue;
    size_t distance = kNone;
    const size_t length_gap =
        key.size() > query.size() ? key.size() - query.size() : query.size() - key.size();
    if (length_gap <= max_distance) distance = record::EditDistance(query, key);
    if (distance > max_distance) {
      // "Korea" is far from "Korea, Republic of" but is one of its words:
      // ranked after every name within the distance.
      if (query.size() < 4 || !ContainsWords(key, query)) continue;
      distance = max_distance + 1;
    }
    // Of a state's names equally close, the shortest: "Papua New Guinea",
    // not "Independent State of Papua New Guinea".
    const auto& [best_distance, best_key] = best[i];
    if (std::make_tuple(distance, key.size(), std::string_view(key)) <
        std::make_tuple(best_distance, best_key.size(), std::string_view(best_key))) {
      best[i] = {distance, key};
    }
  }
  std::vector<std::pair<size_t, std::string>> ranked;
  for (size_t i = 0; i < states_.size(); ++i) {
    if (best[i].first == kNone) continue;
    ranked.emplace_back(best[i].first, SpellingOf(states_[i], best[i].second));
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> names;
  for (size_t i = 0; i < ranked.size() && i < n; ++i) names.push_back(std::move(ranked[i].second));
  return names;
}

std::string StateCatalogue::FoldName(std::string_view name) { return record::FoldName(name); }

}  // namespace rapporteur
