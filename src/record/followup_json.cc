#include "src/record/followup_json.h"

#include <cctype>

#include "src/record/json_text.h"
#include "src/record/source_dates.h"
#include "src/record/source_text.h"

namespace rapporteur::record {
namespace {

using nlohmann::json;

constexpr std::string_view kSource = "ccpr-followup";

// A string member, "" when missing, null or not a string.
std::string Str(const json& object, const char* name) {
  if (!object.is_object()) return "";
  auto it = object.find(name);
  if (it == object.end()) return "";
  if (it->is_string()) return std::string(TrimSpaces(it->get<std::string>()));
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "";
}

// "hrc" -> "CCPR"; the other bodies' codes are their ids upper-cased.
std::string MechanismId(std::string code) {
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code == "HRC" ? "CCPR" : code;
}

struct Round {
  std::string path;  // "hrc" or "hrc.history[0]"
  std::string mechanism;
  std::string co_symbol, co_date, assessment_symbol, assessment_date;
};

class FollowUpReader {
 public:
  FollowUpReader(std::string state, RecordSink& sink, std::int64_t total)
      : state_(std::move(state)), sink_(sink), total_(total) {}

  Status Section(const json& section, const std::string& path, const std::string& code);

 private:
  Status Paragraph(const Round& round, const json& p, const std::string& path);
  Status Grade(const Round& round, const std::string& rec_key, const std::string& para,
               const std::string& limb, const json& grade, const std::string& text,
               const std::string& path, int n, const SourceRow& row);

  std::string state_;
  RecordSink& sink_;
  std::int64_t total_;
};

Status FollowUpReader::Section(const json& section, const std::string& path,
                               const std::string& code) {
  const json meta = section.value("meta", json::object());
  Round round{path,
              MechanismId(Str(meta, "mechanism").empty() ? code : Str(meta, "mechanism")),
              Str(meta, "co_symbol"),
              Str(meta, "co_date"),
              Str(meta, "assessment_symbol"),
              ""};
  round.assessment_date =
      ParseEnglishDate(Str(meta, "assessment_date")).value_or(Str(meta, "year"));
  const json& paragraphs = section["paragraphs"];
  if (!paragraphs.is_array()) {
    return sink_.Reject({0, ""}, path + ".paragraphs", "expected a list of paragraphs");
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    RAPPORTEUR_RETURN_IF_ERROR(
        Paragraph(round, paragraphs[i], path + ".paragraphs[" + std::to_string(i) + "]"));
    sink_.RowDone(total_);
  }
  const json history = section.value("history", json::array());
  for (std::size_t i = 0; history.is_array() && i < history.size(); ++i) {
    const std::string at = path + ".history[" + std::to_string(i) + "]";
    if (!history[i].is_object() || !history[i].contains("paragraphs")) {
      sink_.Warn("field '" + at + "': not a round of grades (no paragraphs); skipped");
      continue;
    }
    RAPPORTEUR_RETURN_IF_ERROR(Section(history[i], at, code));
  }
  return Status::Ok();
}

Status FollowUpReader::Paragraph(const Round& round, const json& p, const std::string& path) {
  const std::string raw = p.dump();
  const SourceRow row{0, raw};
  if (!p.is_object()) return sink_.Reject(row, path, "expected an object");
  const std::string para = Str(p, "para"), text = Str(p, "recommendation");
  if (para.empty()) return sink_.Reject(row, path + ".para", "no paragraph number");
  if (text.empty()) return sink_.Reject(row, path + ".recommendation", "no recommendation text");
  Record rec;
  rec.kind = "recommendation";
  rec.key =
      "followup:" + (round.co_symbol.empty() ? round.mechanism + ":" + state_ : round.co_symbol) +
      ":" + para;
  rec.fields["state"] = state_;
  rec.fields["mechanism"] = round.mechanism;
  if (!round.co_symbol.empty()) rec.fields["document"] = round.co_symbol;
  rec.fields["paragraph"] = para;
  rec.fields["text"] = text;
  if (std::optional<std::string> date = ParseEnglishDate(round.co_date)) rec.fields["date"] = *date;
  rec.fields["source"] = kSource;
  const std::string rec_key = rec.key;
  RAPPORTEUR_RETURN_IF_ERROR(sink_.Add(std::move(rec), row));
  const json limbs = p.value("limbs", json::array());
  const json headers = p.value("header_grades", json::array());
  int n = 0;
  if (limbs.is_array() && !limbs.empty()) {
    for (const json& limb : limbs) {
      const std::string label = Str(limb, "limb");
      RAPPORTEUR_RETURN_IF_ERROR(
          Grade(round, rec_key, para, label.empty() ? std::to_string(n + 1) : label,
                limb.is_object() ? limb.value("grade", json()) : json(), Str(limb, "eval"),
                path + ".limbs[" + std::to_string(n) + "]", n + 1, row));
      ++n;
    }
  } else if (headers.is_array()) {
    for (const json& grade : headers) {
      RAPPORTEUR_RETURN_IF_ERROR(Grade(round, rec_key, para, std::to_string(n + 1), grade, "",
                                       path + ".header_grades[" + std::to_string(n) + "]", n + 1,
                                       row));
      ++n;
    }
  }
  return Status::Ok();
}

Status FollowUpReader::Grade(const Round& round, const std::string& rec_key,
                             const std::string& para, const std::string& limb, const json& grade,
                             const std::string& text, const std::string& path, int n,
                             const SourceRow& row) {
  const std::string g = grade.is_string() ? std::string(TrimSpaces(grade.get<std::string>())) : "";
  if (g.size() != 1 || g[0] < 'A' || g[0] > 'E') {
    return sink_.Reject(row, path, "invalid grade " + grade.dump() + " (expected A, B, C, D or E)");
  }
  if (round.assessment_date.empty()) {
    return sink_.Reject(row, round.path + ".meta.assessment_date", "no date of the assessment");
  }
  Record r;
  r.kind = "followup";
  r.key = "followup:" +
          (round.assessment_symbol.empty() ? round.mechanism + ":" + round.assessment_date
                                           : round.assessment_symbol) +
          ":" + para + ":" + std::to_string(n);
  r.fields["recommendation"] = rec_key;
  r.fields["date"] = round.assessment_date;
  r.fields["assessor"] = round.mechanism;
  r.fields["limb"] = limb;
  r.fields["grade"] = g;
  if (!text.empty()) r.fields["text"] = text;
  if (!round.assessment_symbol.empty()) r.fields["document"] = round.assessment_symbol;
  r.fields["source"] = kSource;
  return sink_.Add(std::move(r), row);
}

std::int64_t CountParagraphs(const json& doc) {
  std::int64_t n = 0;
  for (const auto& [name, section] : doc.items()) {
    if (section.is_object() && section.contains("paragraphs") && section["paragraphs"].is_array()) {
      n += static_cast<std::int64_t>(section["paragraphs"].size());
    }
  }
  return n;
}

}  // namespace

bool LooksLikeFollowUpJson(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') return false;
  return text.find("\"a3\"") != std::string_view::npos &&
         text.find("\"paragraphs\"") != std::string_view::npos;
}

Status ReadFollowUpJson(std::string_view text, StateResolver& states, RecordSink& sink) {
  if (TrimSpaces(text).empty()) return InvalidInput("empty file");
  Result<json> doc = ParseJson(text);
  if (!doc) return doc.error();
  if (!doc->is_object())
    return InvalidInput("expected a JSON object with 'a3' and graded sections");
  const std::string a3 = Str(*doc, "a3");
  Result<std::string> state = states.Resolve(a3.empty() ? Str(*doc, "name") : a3);
  if (!state) return InvalidInput("field 'a3': " + state.error().message());
  FollowUpReader reader(*state, sink, CountParagraphs(*doc));
  int sections = 0;
  try {
    for (const auto& [name, section] : doc->items()) {
      if (!section.is_object() || !section.contains("paragraphs")) continue;
      ++sections;
      RAPPORTEUR_RETURN_IF_ERROR(reader.Section(section, name, name));
    }
  } catch (const json::exception& e) {
    // The reader checks types before use; this only keeps a slip inside.
    return InvalidInput(std::string("unexpected JSON structure: ") + e.what());
  }
  if (sections == 0) return InvalidInput("no section with graded paragraphs");
  return Status::Ok();
}

}  // namespace rapporteur::record
