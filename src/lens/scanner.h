// Scanning documents for what the lens looks at: references to instruments
// (by title, short title, abbreviation or alias, and "the Covenant"
// resolved to the covenant last named), and the phrases of the lexicons.
//
// Thread safety: a built Scanner is immutable; Scan may run concurrently.
#ifndef RAPPORTEUR_SRC_LENS_SCANNER_H_
#define RAPPORTEUR_SRC_LENS_SCANNER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "rapporteur/document.h"
#include "src/lens/catalogue.h"
#include "src/lens/lexicon.h"
#include "src/lens/phrase_matcher.h"

namespace rapporteur::lens {

enum class HitKind : std::uint8_t {
  kInstrument,  // `instrument` is the catalogue id
  kModality,    // `level` is the force 0-5
  kHedge,
  kRestriction,  // `type`: exclusivity, consent, access, prohibition, consultation
  kMonitoring,   // `type`: monitoring, reporting, review, ...
  kStandard,     // `type`: standards, universality, protection, ...
  kObjective,    // `level` is the strength 1-3
  kReference,    // "the Covenant": `type` is the family; Scan resolves it
};

struct Hit {
  HitKind kind = HitKind::kInstrument;
  int level = 0;
  std::string type;         // lexicon type, or the instrument id
  std::uint32_t begin = 0;  // byte offsets in the block text
  std::uint32_t end = 0;
  bool anaphoric = false;  // "the Covenant" resolved from context
};

// Hits per block, in the order of Document::blocks.
using ScannedDocument = std::vector<std::vector<Hit>>;

class Scanner {
 public:
  Scanner(const Catalogue& catalogue, const Lexicons& lexicons);

  ScannedDocument Scan(const Document& doc) const;

  // The two halves of Scan: hits of every block, references unresolved
  // (`known`, when it returns non-null for a block, supplies that block's
  // hits instead of scanning it: a clause unchanged between versions need
  // not be scanned twice) ...
  using KnownHits = std::function<const std::vector<Hit>*(std::size_t block)>;
  ScannedDocument ScanUnresolved(const Document& doc, const KnownHits& known = nullptr) const;
  // ... and "the Covenant" resolved in reading order.
  void ResolveReferences(ScannedDocument* scanned) const;

  // Hits of one text, generic references unresolved (kReference).
  std::vector<Hit> ScanText(std::string_view text) const;

  // Raw multi-pattern scan of `text` (case-insensitive names and phrases),
  // for benchmarks: the number of matches.
  std::size_t CountMatches(std::string_view text) const { return folded_.CountRaw(text); }

  // Every phrase the scanner looks for, case-insensitive ones lower-cased.
  std::vector<std::string> Phrases() const;

 private:
  struct Payload {
    HitKind kind;
    int level;
    std::string type;
    std::string family;  // for generic references
  };
  void AddNames(const Catalogue& catalogue);
  void AddLexicons(const Lexicons& lexicons);
  // The instruments named so far in a document, by family, and when.
  struct NameMemory {
    std::map<std::string, std::vector<std::string>> by_family;
    std::map<std::string, long> when;
    long clock = 0;
  };
  void Resolve(std::vector<Hit>* hits, NameMemory* named) const;

  PhraseMatcher folded_{true};
  PhraseMatcher exact_{false};
  std::vector<Payload> folded_payloads_;
  std::vector<Payload> exact_payloads_;
  std::vector<std::string> folded_phrases_, exact_phrases_;
  std::map<std::string, std::string> family_of_;  // instrument id -> family
};

}  // namespace rapporteur::lens

#endif  // RAPPORTEUR_SRC_LENS_SCANNER_H_
