// Normalising a recommendation for the recurrence engine: the words that
// carry its ask, in a form that survives rewording.
//
//   "Expedite the ratification of the International Covenant on Civil and
//    Political Rights"                      -> expedit ratify inst:ICCPR
//   "Consider ratifying the ICCPR"          ->         ratify inst:ICCPR
//
// Steps, in order: instrument names of the catalogue (titles, short titles
// and aliases case-insensitively, abbreviations as written) become one word
// "inst:<id>"; "Optional Protocol to the X", "X and its Optional Protocol",
// "the (two) Covenants" become the protocol's or covenants' ids; the other
// words (ICU word boundaries, so any script) are case-folded, British -ise
// spellings made -ize, ratification verbs (ratify, accede, accession,
// adhere, sign, become a party) made the one word "ratify", stop words and UPR
// boilerplate ("consider", "continue its efforts to") dropped, and the rest
// stemmed with Snowball's English stemmer.
//
// Which instruments the text asks to ratify is decided by the verbs before
// each name: an instrument is a ratification target when "ratify" is among
// the verbs of the phrase it ends ("Ratify and implement the CRPD": yes;
// "Withdraw the reservations to CEDAW and ratify OP-CEDAW": OP-CEDAW only).
//
// Thread safety: a Normalizer is immutable; Normalize may be called
// concurrently (each thread gets its own stemmer).
#ifndef RAPPORTEUR_SRC_REPORT_RECURRENCE_NORMALIZE_H_
#define RAPPORTEUR_SRC_REPORT_RECURRENCE_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/lens/catalogue.h"
#include "src/lens/phrase_matcher.h"

namespace rapporteur::report {

struct NormalText {
  std::vector<std::string> words;          // in text order; instruments as "inst:<id>"
  std::vector<std::uint16_t> instruments;  // catalogue indices named, sorted, unique
  std::vector<std::uint16_t> ratify;       // the subset the text asks to ratify
};

class Normalizer {
 public:
  // `extra` (data/recurrence_names.jsonl and the user's) adds names and
  // abbreviations to the catalogue's instruments and defines terms.
  Normalizer(const lens::Catalogue& catalogue, const lens::Catalogue& extra);

  NormalText Normalize(std::string_view text) const;

  const std::string& InstrumentId(std::uint16_t index) const { return ids_[index]; }

  // The word all ratification verbs become.
  static constexpr std::string_view kRatify = "ratify";

 private:
  struct Word;
  struct Span;
  struct Cue;
  static std::vector<Word> Words(std::string_view folded);
  static std::string Skeleton(const std::vector<Word>& words, std::vector<std::uint32_t>* starts);
  std::uint16_t EntryFor(const lens::Instrument& inst);
  void AddNames(const lens::Instrument& inst);
  std::vector<Span> NameSpans(std::string_view text, const std::vector<Word>& words,
                              const std::vector<std::uint32_t>& offsets) const;
  std::vector<Cue> Cues(std::string_view folded) const;
  void ResolveCues(std::string_view folded, const std::vector<Cue>& cues,
                   std::vector<Span>* spans) const;
  std::vector<std::uint16_t> ProtocolsOf(std::uint16_t parent, std::string_view context,
                                         bool plural) const;

  lens::PhraseMatcher names_{false};          // skeletons of titles, short titles, aliases
  lens::PhraseMatcher abbreviations_{false};  // as written
  lens::PhraseMatcher cues_{true};            // "optional protocol", "become a party", ...
  std::vector<std::uint16_t> name_owner_, abbreviation_owner_;
  std::vector<std::string> ids_;     // per entry (instrument or term)
  std::vector<std::string> parent_;  // per entry: its parent's id, or ""
  std::vector<bool> is_term_;        // a term ("FGM"), not an instrument
};

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_RECURRENCE_NORMALIZE_H_
