// One sentence per finding, written to be pasted into a report.
#include <fmt/format.h>

#include "src/lens/rules.h"

namespace rapporteur::lens {
namespace {

std::string Where(const std::optional<Evidence>& e) {
  if (!e) return "the text";
  if (e->path.empty()) return "the preamble";
  return e->label.empty() ? fmt::format("{} (unnumbered paragraph)", e->path) : e->path;
}

// A quote short enough for a sentence.
std::string Q(const std::optional<Evidence>& e) {
  if (!e) return "";
  constexpr std::size_t kMax = 90;
  std::string q = e->quote;
  if (q.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
    q = q.substr(0, cut) + "…";
  }
  return "“" + q + "”";
}

std::string Titled(const Catalogue& catalogue, const std::string& id) {
  const Instrument* inst = catalogue.Find(id);
  return inst ? fmt::format("the {} ({})", inst->DisplayTitle(), id) : id;
}

std::string TypeWord(const std::string& type) {
  std::string word = type;
  for (char& c : word) c = c == '_' ? ' ' : c;
  return word;
}

std::string Restriction(const Finding& f) {
  if (f.type == "exclusivity") {
    return fmt::format(
        "A clause in {} confines officials or experts to the programme ({}), which "
        "rules out monitoring and reporting beyond it.",
        Where(f.after), Q(f.after));
  }
  if (f.type == "consent") {
    return fmt::format("Action in {} now depends on the authorities' consent ({}).", Where(f.after),
                       Q(f.after));
  }
  return fmt::format("A restriction was added in {}: {}.", Where(f.after), Q(f.after));
}

}  // namespace

void Explain(const Catalogue& catalogue, Finding* f) {
  const std::string& k = f->kind;
  std::string s;
  if (k == "instrument_removed") {
    s = fmt::format(
        "The earlier version referred to {} in {} ({}); the new version does not mention it.",
        Titled(catalogue, f->instrument), Where(f->before), Q(f->before));
  } else if (k == "instrument_added") {
    s = fmt::format(
        "The new version refers to {} in {}, which the earlier version did not mention.",
        Titled(catalogue, f->instrument), Where(f->after));
  } else if (k == "standard_removed") {
    s = fmt::format("The reference to {} in {}, {}, was removed.", TypeWord(f->type),
                    Where(f->before), Q(f->before));
  } else if (k == "standard_added") {
    s = fmt::format("A reference to {} was added in {}: {}.", TypeWord(f->type), Where(f->after),
                    Q(f->after));
  } else if (k == "objective_changed") {
    s = fmt::format("The objective in {} was {}: {} became {}.", Where(f->before),
                    f->direction.empty() ? "changed" : f->direction, Q(f->before), Q(f->after));
  } else if (k == "obligation_weakened" || k == "obligation_strengthened") {
    s = fmt::format("In {}, {} became {}: the commitment is {}.", Where(f->after), Q(f->before),
                    Q(f->after), k == "obligation_weakened" ? "weaker" : "stronger");
  } else if (k == "hedge_added") {
    s = fmt::format("The qualifier {} was added in {}, making the commitment conditional.",
                    Q(f->after), Where(f->after));
  } else if (k == "hedge_removed") {
    s = fmt::format("The qualifier {} in {} was removed.", Q(f->before), Where(f->before));
  } else if (k == "restriction_added") {
    s = Restriction(*f);
  } else if (k == "restriction_removed") {
    s = fmt::format("The restriction {} in {} was removed.", Q(f->before), Where(f->before));
  } else if (k == "monitoring_removed") {
    s = fmt::format("The {} provision {} in {} was removed.", TypeWord(f->type), Q(f->before),
                    Where(f->before));
  } else if (k == "monitoring_added") {
    s = fmt::format("A {} provision was added in {}: {}.", TypeWord(f->type), Where(f->after),
                    Q(f->after));
  } else if (k == "scope_narrowed") {
    s = fmt::format("The item {} was removed from the enumeration in {}.", Q(f->before),
                    Where(f->before));
  } else if (k == "scope_broadened") {
    s = fmt::format("The item {} was added to the enumeration in {}.", Q(f->after),
                    Where(f->after));
  }
  // A path such as "Article 1/2." ends a sentence with its own period.
  if (s.size() > 1 && s.ends_with("..")) s.pop_back();
  f->explanation = std::move(s);
}

}  // namespace rapporteur::lens
