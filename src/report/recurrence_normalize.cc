#include "src/report/recurrence_normalize.h"

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "src/text/stemmer.h"
#include "src/text/words.h"

namespace rapporteur::report {
namespace {

// English function words plus the boilerplate of UPR recommendations: words
// that every kind of ask uses ("Consider taking further measures to
// continue its efforts to ..."), so that two asks agree on what they ask,
// not on how politely. "Consider" in particular must go: "consider
// ratifying X" and "ratify X" are the same recommendation.
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can",
      "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "had",
      "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
      "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must",
      "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "others",
      "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such",
      "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
      "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very",
      "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
      "with", "within", "would", "you", "your", "thereto", "therein", "thereof", "inter", "alia",
      "etc", "e.g", "i.e", "s",
      // UPR boilerplate
      "consider", "considers", "considering", "consideration", "continue", "continues",
      "continuing", "continued", "effort", "efforts", "further", "furthermore", "take", "takes",
      "taking", "measure", "measures", "step", "steps", "necessary", "appropriate", "possible",
      "possibility", "possibly", "view", "order", "including", "include", "includes", "particular",
      "particularly", "especially", "notably", "namely", "country", "government", "recommended",
      "recommends", "recommend", "recommendation", "encourage", "encouraged", "urge", "urged",
      "study", "examine", "examining", "envisage", "envisaging", "well", "way", "ways", "make",
      "makes", "making", "regard", "regards", "regarding", "respect", "relevant", "related",
      "aimed", "aiming", "aim", "towards", "toward", "accordingly", "soon", "early", "earliest",
      "timely", "promptly", "prompt", "swiftly", "speedily", "quickly", "expeditiously", "expedite",
      "expediting", "accelerate", "accelerating", "speed", "process", "procedures", "favourably",
      "favorably", "positively", "seriously", "ensure", "ensuring", "guarantee", "pursue",
      "proceed", "intensify", "strengthen", "step", "redouble", "enhance", "increase", "improve",
      "keep", "maintain", "additional", "new", "current", "existing", "already", "still", "yet",
      "every", "one", "two", "three", "firmly", "fully", "full", "effective", "effectively",
      "adequate", "adequately", "concrete", "specific", "comprehensive", "complete", "completing"};
  return words;
}

// Every way UPR texts say "become bound by a treaty". Signing is not
// ratifying, but a state asked to sign in one cycle and to ratify in the
// next was asked the same thing twice.
const std::unordered_set<std::string_view>& RatifyWords() {
  static const std::unordered_set<std::string_view> words = {
      "ratify", "ratifies", "ratified", "ratifying", "ratification", "ratifications",
      "accede", "accedes",  "acceded",  "acceding",  "accession",    "accessions",
      "adhere", "adheres",  "adhered",  "adhering",  "adherence",    "adhesion",
      "sign",   "signs",    "signed",   "signing",   "signature",    "signatures"};
  return words;
}

// Words whose stems differ though UPR texts use them interchangeably.
const std::unordered_map<std::string_view, std::string_view>& Synonyms() {
  static const std::unordered_map<std::string_view, std::string_view> words = {
      {"lift", "withdraw"},
      {"lifting", "withdraw"},
      {"lifted", "withdraw"},
      {"withdrawal", "withdraw"},
      {"abolition", "abolish"},
      {"abolishing", "abolish"},
      {"abolished", "abolish"},
      {"girls", "girl"},
      {"women", "woman"},
      {"children", "child"},
      {"persons", "person"},
      {"people", "person"},
      {"peoples", "person"},
      {"abolishment", "abolish"},
      // Verbs of one ask: "fight FGM" and "combat FGM" are one recommendation.
      {"fight", "combat"},
      {"fighting", "combat"},
      {"counter", "combat"},
      {"countering", "combat"},
      {"tackle", "combat"},
      {"tackling", "combat"},
      {"eradicate", "combat"},
      {"eradicating", "combat"},
      {"eradication", "combat"},
      {"combating", "combat"},
      {"combatting", "combat"},
      {"issue", "extend"},
      {"issuing", "extend"},
      {"issuance", "extend"},
      {"extending", "extend"},
      {"enact", "adopt"},
      {"enacting", "adopt"},
      {"enactment", "adopt"},
      {"laws", "law"},
      {"legislation", "law"},
      {"legislative", "law"},
      {"discriminatory", "discrimination"},
      {"decriminalization", "decriminalize"},
      {"decriminalisation", "decriminalize"},
      {"decriminalizing", "decriminalize"},
      {"decriminalising", "decriminalize"},
      {"decriminalise", "decriminalize"},
      {"efficient", "efficiency"},
      {"efficiencies", "efficiency"}};
  return words;
}

// Stems of the verbs that start a new ask in a list of asks: after one of
// them, an instrument named is no longer the object of an earlier "ratify"
// ("Ratify OP-CAT and establish a mechanism in line with CAT").
const std::unordered_set<std::string_view>& ActionStems() {
  static const std::unordered_set<std::string_view> stems = {
      "implement", "establish", "adopt",     "enact",    "amend",      "align",    "harmon",
      "harmoniz",  "incorpor",  "withdraw",  "reserv",   "review",     "report",   "submit",
      "cooper",    "compli",    "compli",    "fulfil",   "recogn",     "recogniz", "accept",
      "declar",    "abolish",   "bring",     "translat", "dissemin",   "publish",  "train",
      "invit",     "extend",    "allow",     "provid",   "protect",    "promot",   "combat",
      "prevent",   "end",       "repeal",    "revis",    "remov",      "integr",   "domest",
      "appli",     "observ",    "follow",    "uphold",   "endors",     "honour",   "reconsid",
      "re-examin", "reexamin",  "interpret", "apply",    "conform",    "transpos", "creat",
      "set",       "investig",  "prosecut",  "criminal", "criminaliz", "legisl",   "reform",
      "introduc",  "respond",   "answer",    "allow",    "commit",     "upgrad",   "guarante"};
  return stems;
}

// One Snowball stemmer per thread: its state is not reentrant.
// RecurrenceFinder::Create checks that one can be made.
std::string Stem(std::string_view word) {
  thread_local Result<text::Stemmer> stemmer = text::Stemmer::English();
  if (!stemmer) return std::string(word);
  return std::string(stemmer->Stem(word));
}

// "criminalise" and "criminalize" are one word: make -is- spellings -iz-.
// Applied to every word alike, so a word that really ends in -ise
// ("exercise") becomes "exercize" everywhere and still matches itself.
std::string AmericanSpelling(std::string word) {
  static constexpr std::array<std::string_view, 8> kSuffixes = {
      "isation", "isations", "ise", "ised", "ises", "ising", "iser", "isers"};
  for (std::string_view suffix : kSuffixes) {
    if (word.size() > suffix.size() + 3 && word.ends_with(suffix)) {
      word[word.size() - suffix.size() + 1] = 'z';
      break;
    }
  }
  return word;
}

// Tracks which asks an instrument named belongs to: "ratify" is in force
// from a ratification verb until a verb of another ask that does not follow
// it directly ("ratify and implement X" keeps it).
class VerbState {
 public:
  void OnVerb(bool ratify) {
    if (!after_verb_) ratify_ = false;
    ratify_ = ratify_ || ratify;
    after_verb_ = true;
  }
  void OnContent() { after_verb_ = false; }
  bool ratify() const { return ratify_; }

 private:
  bool ratify_ = false;
  bool after_verb_ = false;
};

std::string_view StripPossessive(std::string_view w) {
  if (w.ends_with("'s"))
    w.remove_suffix(2);
  else if (w.ends_with("\xE2\x80\x99s"))
    w.remove_suffix(4);
  else if (w.ends_with("'"))
    w.remove_suffix(1);
  return w;
}

std::uint32_t ToFolded(const std::vector<std::uint32_t>& offsets, std::uint32_t source) {
  if (offsets.empty()) return source;
  return static_cast<std::uint32_t>(std::lower_bound(offsets.begin(), offsets.end(), source) -
                                    offsets.begin());
}

}  // namespace

// A run of the folded text that names instruments.
struct Normalizer::Span {
  std::uint32_t begin, end;
  std::vector<std::uint16_t> ids;
  // When `ids` is empty: the word the span stands for ("ratify" for "become
  // a party", "op:<parent>" for an optional protocol we cannot tell apart).
  std::string word;
  bool emitted = false;
};

enum class CueKind : std::uint8_t { kProtocol, kProtocols, kBecomeParty, kCovenants };

struct Normalizer::Cue {
  CueKind kind;
  std::uint32_t begin, end;
};

// A word of the text as the engine sees it: its normal form ("" when it is
// a stop word or punctuation) and whether it is a ratification verb.
struct Normalizer::Word {
  std::uint32_t begin, end;  // in the folded text
  std::string norm;
  bool ratify = false;
  bool number = false;
};

std::vector<Normalizer::Word> Normalizer::Words(std::string_view folded) {
  std::vector<Word> words;
  for (const text::Token& t : text::Tokenize(folded)) {
    if (t.kind == text::TokenKind::kPunctuation) continue;
    Word w{t.begin, t.end, "", false, t.kind == text::TokenKind::kNumber};
    const std::string_view raw = StripPossessive(text::TokenText(folded, t));
    if (w.number) {
      w.norm = raw;
    } else if (RatifyWords().count(raw)) {
      w.norm = kRatify;
      w.ratify = true;
    } else if (raw.size() >= 2 && !StopWords().count(raw)) {
      auto synonym = Synonyms().find(raw);
      w.norm = synonym != Synonyms().end() ? Stem(synonym->second)
                                           : Stem(AmericanSpelling(std::string(raw)));
    }
    words.push_back(std::move(w));
  }
  return words;
}

// The skeleton names are matched in: normal forms joined by spaces, less
// "international" (texts drop it: "the Convention on the Rights of Persons
// with Disabilities"). Stop words, plurals, spelling and punctuation are
// gone, so "Covenant on Civil and Political Right", "Economic, Social, and
// Cultural Rights" and "Treatment of Punishment" still match their titles.
std::string Normalizer::Skeleton(const std::vector<Word>& words,
                                 std::vector<std::uint32_t>* starts) {
  std::string out;
  for (const Word& w : words) {
    if (starts) starts->push_back(static_cast<std::uint32_t>(out.size()));
    if (w.norm.empty() || w.norm == "intern") continue;
    if (!out.empty()) out += ' ';
    if (starts) starts->back() = static_cast<std::uint32_t>(out.size());
    out += w.norm;
  }
  return out;
}

std::uint16_t Normalizer::EntryFor(const lens::Instrument& inst) {
  const auto known = std::find(ids_.begin(), ids_.end(), inst.id);
  if (known != ids_.end()) return static_cast<std::uint16_t>(known - ids_.begin());
  ids_.push_back(inst.id);
  parent_.push_back(inst.parent);
  is_term_.push_back(inst.kind == "term");
  return static_cast<std::uint16_t>(ids_.size() - 1);
}

void Normalizer::AddNames(const lens::Instrument& inst) {
  const std::uint16_t i = EntryFor(inst);
  for (const std::string& name : inst.names) {
    std::vector<std::uint32_t> unused;
    const std::string skeleton = Skeleton(Words(lens::FoldForMatching(name, &unused)), nullptr);
    if (skeleton.empty()) continue;
    names_.Add(skeleton);
    name_owner_.push_back(i);
  }
  for (const std::string& abbreviation : inst.abbreviations) {
    abbreviations_.Add(abbreviation);
    abbreviation_owner_.push_back(i);
  }
}

Normalizer::Normalizer(const lens::Catalogue& catalogue, const lens::Catalogue& extra) {
  // The extra entries add names to the catalogue's instruments (same id)
  // or define terms (kind "term"): see docs/data-formats.md.
  for (const lens::Instrument& inst : catalogue.instruments()) AddNames(inst);
  for (const lens::Instrument& inst : extra.instruments()) AddNames(inst);
  names_.Build();
  abbreviations_.Build();
  for (std::string_view cue :
       {"optional protocol", "additional protocol", "facultative protocol"}) {
    cues_.Add(cue);
    cues_.Add(std::string(cue) + "s");
  }
  for (std::string_view cue :
       {"become a party", "become party", "becoming a party", "becoming party", "become parties",
        "becoming parties", "become a state party", "becoming a state party"}) {
    cues_.Add(cue);
  }
  cues_.Add("covenants");
  cues_.Build();
}

std::vector<Normalizer::Span> Normalizer::NameSpans(
    std::string_view text, const std::vector<Word>& words,
    const std::vector<std::uint32_t>& offsets) const {
  std::vector<std::uint32_t> starts;
  const std::string skeleton = Skeleton(words, &starts);
  std::vector<lens::PhraseMatch> all;
  for (const lens::PhraseMatch& m : names_.FindAll(skeleton)) {
    // Skeleton offsets back to words, words back to the folded text.
    auto first = std::lower_bound(starts.begin(), starts.end(), m.begin) - starts.begin();
    auto last = std::upper_bound(starts.begin(), starts.end(), m.end - 1) - starts.begin() - 1;
    // The skeleton leaves "international" out; the span takes it back in.
    auto before = first;
    while (before > 0 && words[before - 1].norm.empty()) --before;
    if (before > 0 && words[before - 1].norm == "intern") first = before - 1;
    all.push_back({name_owner_[m.phrase], words[first].begin, words[last].end});
  }
  for (lens::PhraseMatch m : abbreviations_.FindAll(text)) {
    all.push_back(
        {abbreviation_owner_[m.phrase], ToFolded(offsets, m.begin), ToFolded(offsets, m.end)});
  }
  // Leftmost, then longest: "Optional Protocol to the Convention against
  // Torture" is OPCAT, not CAT.
  std::sort(all.begin(), all.end(), [](const lens::PhraseMatch& a, const lens::PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Span> spans;
  for (const lens::PhraseMatch& m : all) {
    if (!spans.empty() && m.begin < spans.back().end) continue;
    const auto id = static_cast<std::uint16_t>(m.phrase);
    if (is_term_[id])
      spans.push_back({m.begin, m.end, {}, "term:" + text::FoldCase(ids_[id])});
    else
      spans.push_back({m.begin, m.end, {id}, ""});
  }
  return spans;
}

std::vector<Normalizer::Cue> Normalizer::Cues(std::string_view folded) const {
  std::vector<Cue> cues;
  for (const lens::PhraseMatch& m : cues_.Find(folded)) {
    std::string_view s = folded.substr(m.begin, m.end - m.begin);
    CueKind kind = CueKind::kBecomeParty;
    if (s == "covenants") {
      kind = CueKind::kCovenants;
    } else if (s.ends_with("protocol")) {
      kind = CueKind::kProtocol;
    } else if (s.ends_with("protocols")) {
      kind = CueKind::kProtocols;
    }
    cues.push_back({kind, m.begin, m.end});
  }
  return cues;
}

// Which of `parent`'s optional protocols a mention means. `context` is the
// text around the mention ("second optional protocol ... death penalty").
// The cues are the protocols' subjects as UPR texts name them; an
// unresolvable singular mention resolves to nothing (the caller keeps a
// generic word), a plural one to all the protocols.
std::vector<std::uint16_t> Normalizer::ProtocolsOf(std::uint16_t parent, std::string_view context,
                                                   bool plural) const {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kCues = {
      {"ICCPR-OP2", {"second", "death penalty", "abolition", "abolish", "capital"}},
      {"ICCPR-OP1", {"first", "individual", "communications", "complaints"}},
      {"OP-CRC-AC", {"armed conflict", "involvement of children", "soldiers"}},
      {"OP-CRC-SC", {"sale of children", "prostitution", "pornography"}},
      {"OP-CRC-IC", {"communications procedure", "communication procedure", "third"}}};
  std::vector<std::uint16_t> children;
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    if (parent_[i] == ids_[parent]) children.push_back(static_cast<std::uint16_t>(i));
  }
  if (plural || children.size() == 1) return children;
  for (const auto& [id, words] : kCues) {
    auto child = std::find_if(children.begin(), children.end(),
                              [&, id = id](std::uint16_t c) { return ids_[c] == id; });
    if (child == children.end()) continue;
    for (std::string_view w : words) {
      if (context.find(w) != std::string_view::npos) return {*child};
    }
  }
  return {};
}

namespace {

bool OnlyWords(std::string_view between, std::initializer_list<std::string_view> allowed) {
  std::size_t i = 0;
  while (i < between.size()) {
    const std::size_t start = between.find_first_not_of(" ,;()", i);
    if (start == std::string_view::npos) break;
    std::size_t end = between.find_first_of(" ,;()", start);
    if (end == std::string_view::npos) end = between.size();
    const std::string_view word = between.substr(start, end - start);
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) return false;
    i = end;
  }
  return true;
}

// The span right after `at`, past a connective: "optional protocol [thereto]
// to the | to | of the | of | on the" + instrument.
const char* const kLinks[] = {" to the ", " to ", " of the ", " of ", " on the ", " under the "};

}  // namespace

void Normalizer::ResolveCues(std::string_view folded, const std::vector<Cue>& cues,
                             std::vector<Span>* spans) const {
  auto inside = [&](std::uint32_t at) {
    return std::any_of(spans->begin(), spans->end(),
                       [&](const Span& s) { return s.begin <= at && at < s.end; });
  };
  std::vector<Span> added;
  for (const Cue& cue : cues) {
    if (inside(cue.begin)) continue;  // part of a full title
    if (cue.kind == CueKind::kBecomeParty) {
      added.push_back({cue.begin, cue.end, {}, std::string(kRatify)});
      continue;
    }
    if (cue.kind == CueKind::kCovenants) {
      std::vector<std::uint16_t> both;
      for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (ids_[i] == "ICCPR" || ids_[i] == "ICESCR")
          both.push_back(static_cast<std::uint16_t>(i));
      }
      added.push_back({cue.begin, cue.end, both, ""});
      continue;
    }
    const bool plural = cue.kind == CueKind::kProtocols;
    const std::uint32_t from = cue.begin >= 12 ? cue.begin - 12 : 0;
    const std::string_view context = folded.substr(from, cue.end - from + 100);
    // "Optional Protocol to the X": the protocol replaces X.
    bool resolved = false;
    for (Span& s : *spans) {
      if (s.begin < cue.end || s.ids.empty()) continue;
      std::string_view between = folded.substr(cue.end, s.begin - cue.end);
      if (between.starts_with(" thereto")) between.remove_prefix(8);
      if (std::none_of(std::begin(kLinks), std::end(kLinks),
                       [&](const char* link) { return between == link; })) {
        break;
      }
      std::vector<std::uint16_t> ids = ProtocolsOf(s.ids.front(), context, plural);
      s.word = ids.empty() ? "op:" + text::FoldCase(ids_[s.ids.front()]) : "";
      s.ids = std::move(ids);
      s.begin = cue.begin;
      resolved = true;
      break;
    }
    if (resolved) continue;
    // "X and its Optional Protocol(s)": X stays, its protocols join.
    for (auto s = spans->rbegin(); s != spans->rend(); ++s) {
      if (s->end > cue.begin || s->ids.empty()) continue;
      if (cue.begin - s->end > 30) break;
      const std::string_view between = folded.substr(s->end, cue.begin - s->end);
      if (!OnlyWords(between,
                     {"and", "its", "the", "two", "both", "first", "second", "third", "all"})) {
        break;
      }
      std::vector<std::uint16_t> ids = ProtocolsOf(s->ids.front(), context, plural);
      std::string word = ids.empty() ? "op:" + text::FoldCase(ids_[s->ids.front()]) : "";
      if (between.find_first_not_of(" -") == std::string_view::npos) {
        // "CAT Optional Protocol", "CAT facultative protocols": X is only
        // the protocol's name.
        s->ids = std::move(ids);
        s->word = std::move(word);
        s->end = cue.end;
      } else {
        added.push_back({cue.begin, cue.end, std::move(ids), std::move(word)});
      }
      break;
    }
  }
  spans->insert(spans->end(), added.begin(), added.end());
  std::sort(spans->begin(), spans->end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  // Replacing X by "Optional Protocol to the X" may swallow an earlier
  // span. A name in parentheses right after another restates it ("the
  // Second Optional Protocol to the Covenant (ICCPR)"): it is dropped, lest
  // the parent be taken for a second instrument asked for.
  std::vector<Span> kept;
  for (Span& s : *spans) {
    if (!kept.empty() && s.begin < kept.back().end) continue;
    if (!kept.empty() && !kept.back().ids.empty() && !s.ids.empty() &&
        OnlyWords(folded.substr(kept.back().end, s.begin - kept.back().end), {}) &&
        folded.substr(kept.back().end, s.begin - kept.back().end).find('(') !=
            std::string_view::npos) {
      continue;
    }
    // "Second Optional Protocol to the ICCPR": the parent after a protocol's
    // own name is part of that name.
    if (!kept.empty() && kept.back().ids.size() == 1 && s.ids.size() == 1 &&
        parent_[kept.back().ids[0]] == ids_[s.ids[0]] &&
        std::any_of(std::begin(kLinks), std::end(kLinks), [&](const char* link) {
          return folded.substr(kept.back().end, s.begin - kept.back().end) == link;
        })) {
      kept.back().end = s.end;
      continue;
    }
    kept.push_back(std::move(s));
  }
  *spans = std::move(kept);
}

NormalText Normalizer::Normalize(std::string_view text) const {
  std::vector<std::uint32_t> offsets;
  const std::string folded = lens::FoldForMatching(text, &offsets);
  const std::vector<Word> words = Words(folded);
  std::vector<Span> spans = NameSpans(text, words, offsets);
  ResolveCues(folded, Cues(folded), &spans);
  NormalText out;
  VerbState verbs;
  auto emit_span = [&](const Span& s) {
    if (s.ids.empty()) {
      if (s.word == kRatify)
        verbs.OnVerb(true);
      else
        verbs.OnContent();
      out.words.push_back(s.word);
      return;
    }
    for (std::uint16_t id : s.ids) {
      out.words.push_back("inst:" + ids_[id]);
      out.instruments.push_back(id);
      if (verbs.ratify()) out.ratify.push_back(id);
    }
    verbs.OnContent();
  };
  std::size_t next_span = 0;
  for (const Word& w : words) {
    while (next_span < spans.size() && spans[next_span].end <= w.begin) ++next_span;
    if (next_span < spans.size() && spans[next_span].begin <= w.begin) {
      Span& s = spans[next_span];
      if (!s.emitted) emit_span(s);
      s.emitted = true;
      continue;
    }
    if (w.norm.empty()) continue;
    if (w.ratify)
      verbs.OnVerb(true);
    else if (!w.number && ActionStems().count(w.norm))
      verbs.OnVerb(false);
    else
      verbs.OnContent();
    out.words.push_back(w.norm);
  }
  for (auto* list : {&out.instruments, &out.ratify}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return out;
}

}  // namespace rapporteur::report
