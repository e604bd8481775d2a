#include "src/lens/scanner.h"

#include <algorithm>

namespace rapporteur::lens {
namespace {

HitKind KindOf(LexiconKind k) {
  switch (k) {
    case LexiconKind::kModality: return HitKind::kModality;
    case LexiconKind::kHedges: return HitKind::kHedge;
    case LexiconKind::kRestrictions: return HitKind::kRestriction;
    case LexiconKind::kMonitoring: return HitKind::kMonitoring;
    case LexiconKind::kStandards: return HitKind::kStandard;
    case LexiconKind::kObjectives: return HitKind::kObjective;
    case LexiconKind::kReferences: return HitKind::kReference;
  }
  return HitKind::kHedge;
}

// Within one kind, overlapping hits keep the leftmost, then longest:
// "in accordance with national law" is one hedge, not two. Hits of
// different kinds may overlap ("shall not engage in activities other
// than" is a restriction and contains the modal "shall").
std::vector<Hit> LeftmostLongestPerKind(std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  // In place: a hit is kept unless it starts inside the last kept one of
  // its kind.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (kept > 0 && hits[kept - 1].kind == hits[i].kind && hits[i].begin < hits[kept - 1].end)
      continue;
    hits[kept++] = hits[i];
  }
  hits.resize(kept);
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  return hits;
}

}  // namespace

Scanner::Scanner(const Catalogue& catalogue, const Lexicons& lexicons) {
  AddNames(catalogue);
  AddLexicons(lexicons);
  folded_.Build();
  exact_.Build();
}

void Scanner::AddNames(const Catalogue& catalogue) {
  for (const Instrument& inst : catalogue.instruments()) {
    family_of_[inst.id] = inst.family;
    for (const std::string& name : inst.names) {
      std::vector<std::uint32_t> offsets;
      folded_phrases_.push_back(FoldForMatching(name, &offsets));
      folded_.Add(folded_phrases_.back());
      folded_payloads_.push_back({HitKind::kInstrument, 0, inst.id, ""});
    }
    for (const std::string& abbreviation : inst.abbreviations) {
      exact_phrases_.push_back(abbreviation);
      exact_.Add(abbreviation);
      exact_payloads_.push_back({HitKind::kInstrument, 0, inst.id, ""});
    }
  }
}

void Scanner::AddLexicons(const Lexicons& lexicons) {
  // A later row for the same phrase of the same lexicon overrides an
  // earlier one: that is how a user's --lexicon file corrects ours.
  std::map<std::pair<int, std::string>, std::size_t> last;
  const auto& entries = lexicons.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::vector<std::uint32_t> offsets;
    last[{static_cast<int>(entries[i].kind), FoldForMatching(entries[i].phrase, &offsets)}] = i;
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LexiconEntry& e = entries[i];
    std::vector<std::uint32_t> probe;
    if (last[{static_cast<int>(e.kind), FoldForMatching(e.phrase, &probe)}] != i) continue;
    std::vector<std::uint32_t> offsets;
    folded_phrases_.push_back(FoldForMatching(e.phrase, &offsets));
    folded_.Add(folded_phrases_.back());
    // A plural reference ("the Covenants", "les Pactes") means all of them.
    const bool plural = e.kind == LexiconKind::kReferences && e.lang != "zh" && !e.phrase.empty() &&
                        (e.phrase.back() == 's' || e.phrase.back() == 'S');
    folded_payloads_.push_back({KindOf(e.kind), plural ? 1 : e.level, e.type, e.type});
  }
}

std::vector<Hit> Scanner::ScanText(std::string_view text) const {
  // The folded matcher folds ASCII letters itself (its byte classes): only
  // text with other letters needs a folded copy.
  std::vector<std::uint32_t> offsets;
  std::string folded_copy;
  std::string_view folded = text;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    folded_copy = FoldForMatching(text, &offsets);
    folded = folded_copy;
  }
  auto source = [&](std::uint32_t at) { return offsets.empty() ? at : offsets[at]; };
  const std::vector<PhraseMatch> folded_matches = folded_.FindAll(folded);
  const std::vector<PhraseMatch> exact_matches = exact_.FindAll(text);
  std::vector<Hit> hits;
  hits.reserve(folded_matches.size() + exact_matches.size());
  for (const PhraseMatch& m : folded_matches) {
    const Payload& p = folded_payloads_[m.phrase];
    hits.push_back({p.kind, p.level, p.type, source(m.begin), source(m.end), false});
  }
  for (const PhraseMatch& m : exact_matches) {
    const Payload& p = exact_payloads_[m.phrase];
    hits.push_back({p.kind, p.level, p.type, m.begin, m.end, false});
  }
  return LeftmostLongestPerKind(std::move(hits));
}

// "the Covenant" refers to the covenant named last; "the Covenants" (a
// plural reference) to every covenant named so far. A reference with
// nothing named before it is dropped: it cannot be told apart from the
// text's own name for itself ("this Convention").
void Scanner::Resolve(std::vector<Hit>* hits, NameMemory* named) const {
  std::vector<Hit> out;
  for (Hit& h : *hits) {
    if (h.kind == HitKind::kInstrument) {
      auto it = family_of_.find(h.type);
      if (it != family_of_.end() && !it->second.empty()) {
        auto& list = named->by_family[it->second];
        std::erase(list, h.type);
        list.push_back(h.type);
        named->when[h.type] = ++named->clock;
      }
      out.push_back(h);
      continue;
    }
    if (h.kind != HitKind::kReference) {
      out.push_back(h);
      continue;
    }
    // Chinese 《公约》 stands for a covenant or a convention: its family is
    // "covenant|convention", and the one named last is meant.
    const std::vector<std::string>* list = nullptr;
    std::size_t start = 0;
    while (start <= h.type.size()) {
      std::size_t bar = h.type.find('|', start);
      if (bar == std::string::npos) bar = h.type.size();
      auto it = named->by_family.find(h.type.substr(start, bar - start));
      if (it != named->by_family.end() && !it->second.empty() &&
          (list == nullptr || named->when[it->second.back()] > named->when[list->back()])) {
        list = &it->second;
      }
      start = bar + 1;
    }
    if (list == nullptr) continue;
    const bool plural = h.level > 0;
    const std::size_t from = plural ? 0 : list->size() - 1;
    for (std::size_t i = from; i < list->size(); ++i) {
      out.push_back({HitKind::kInstrument, 0, (*list)[i], h.begin, h.end, true});
    }
  }
  *hits = std::move(out);
}

ScannedDocument Scanner::ScanUnresolved(const Document& doc, const KnownHits& known) const {
  ScannedDocument scanned(doc.blocks.size());
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const std::vector<Hit>* given = known ? known(i) : nullptr;
    scanned[i] = given != nullptr ? *given : ScanText(doc.blocks[i].text);
  }
  return scanned;
}

void Scanner::ResolveReferences(ScannedDocument* scanned) const {
  NameMemory named;
  for (std::vector<Hit>& hits : *scanned) Resolve(&hits, &named);
}

ScannedDocument Scanner::Scan(const Document& doc) const {
  ScannedDocument scanned = ScanUnresolved(doc);
  ResolveReferences(&scanned);
  return scanned;
}

std::vector<std::string> Scanner::Phrases() const {
  std::vector<std::string> out = folded_phrases_;
  out.insert(out.end(), exact_phrases_.begin(), exact_phrases_.end());
  return out;
}

}  // namespace rapporteur::lens
