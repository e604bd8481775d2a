#include "src/store/irregular_forms.h"

#include <cstdlib>
#include <map>

#include "src/lens/catalogue.h"
#include "src/store/search_fold.h"
#include "src/text/utf8.h"

namespace rapporteur::store {
namespace {

Status LineError(std::size_t number, const std::string& what) {
  return InvalidInput("line " + std::to_string(number) + ": " + what);
}

bool HasSpace(std::string_view s) { return s.find_first_of(" \t\v\f") != std::string_view::npos; }

// Reads the rows "form<TAB>lemma", remembering the line of each form for
// the message about a duplicate.
class RowReader {
 public:
  Status Row(std::size_t number, std::string_view line) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      return LineError(number, "expected 2 tab-separated fields (form, lemma)");
    }
    const std::string_view form = line.substr(0, tab), lemma = line.substr(tab + 1);
    if (text::FindInvalidUtf8(line)) return LineError(number, "not valid UTF-8");
    if (HasSpace(form) || HasSpace(lemma)) {
      return LineError(number, "field '" + std::string(HasSpace(form) ? "form" : "lemma") +
                                   "': expected one word, got '" +
                                   std::string(HasSpace(form) ? form : lemma) + "'");
    }
    std::string folded_form, folded_lemma;
    FoldWord(form, &scratch_, &folded_form);
    FoldWord(lemma, &scratch_, &folded_lemma);
    if (folded_form.empty()) return LineError(number, "field 'form': empty");
    if (folded_lemma.empty()) return LineError(number, "field 'lemma': empty");
    auto [it, added] = lines_.emplace(folded_form, number);
    if (!added) {
      return LineError(number,
                       "'" + std::string(form) + "' already on line " + std::to_string(it->second));
    }
    rows_.emplace_back(std::move(folded_form), std::move(folded_lemma));
    return Status::Ok();
  }

  std::vector<std::pair<std::string, std::string>>& rows() { return rows_; }

 private:
  FoldScratch scratch_;
  std::map<std::string, std::size_t> lines_;
  std::vector<std::pair<std::string, std::string>> rows_;
};

}  // namespace

Result<IrregularForms> IrregularForms::Parse(std::string_view text, const std::string& name) {
  const std::string context = "cannot read '" + name + "'";
  RowReader reader;
  bool header_seen = false;
  std::size_t number = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      if (line != "form\tlemma") {
        return LineError(number, "header: expected columns form, lemma").WithContext(context);
      }
      header_seen = true;
      continue;
    }
    Status s = reader.Row(number, line);
    if (!s.ok()) return s.WithContext(context);
  }
  if (!header_seen) return InvalidInput("no header line 'form<TAB>lemma'").WithContext(context);
  IrregularForms forms;
  for (auto& [form, lemma] : reader.rows())
    forms.lemmas_.emplace(std::move(form), std::move(lemma));
  return forms;
}

Result<IrregularForms> IrregularForms::Load(const std::string& path) {
  Result<std::string> text = lens::ReadTextFile(path);
  if (!text) return text.error();
  return Parse(*text, path);
}

std::string SearchDataDir() {
  const char* env = std::getenv("RAPPORTEUR_DATA");
  if (env != nullptr && *env != '\0') return env;
  return RAPPORTEUR_DATA_DIR;
}

const Result<IrregularForms>& DefaultIrregularForms() {
  static const Result<IrregularForms> forms =
      IrregularForms::Load(SearchDataDir() + "/search/irregular_en.tsv");
  return forms;
}

}  // namespace rapporteur::store
