// Fuzz target for alignment and the word diff: the input, split at its
// first NUL byte, is two plain texts. Whatever they hold, the redline of
// every clause must reconstruct both texts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "rapporteur/compare.h"
#include "rapporteur/ingest.h"

namespace {

rapporteur::Result<rapporteur::Document> Read(std::string_view text) {
  rapporteur::ReadOptions options;
  options.format = rapporteur::Format::kText;
  options.encoding = "UTF-8";
  return rapporteur::ReadDocumentFromBytes(text, "fuzz", options);
}

void CheckReconstructs(const rapporteur::ClauseChange& c) {
  if (c.moved_away || c.status == rapporteur::ClauseStatus::kSplit) return;
  std::string before, after;
  for (const rapporteur::Edit& e : c.edits) {
    if (e.op != rapporteur::DiffOp::kInsert) before += e.text;
    if (e.op != rapporteur::DiffOp::kDelete) after += e.text;
  }
  // The redline spells both texts exactly, spacing included.
  if (c.after && after != c.after->text) std::abort();
  if (c.before && before != c.before->text) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  auto a = Read(input.substr(0, nul));
  auto b = Read(input.substr(nul + 1));
  if (!a || !b) return 0;
  rapporteur::Comparison c = rapporteur::Compare(*a, *b, {});
  for (const rapporteur::ClauseChange& change : c.clauses) CheckReconstructs(change);
  return 0;
}
