#include "src/compare/tokenized.h"

#include <algorithm>

#include "src/base/parallel.h"

namespace rapporteur::compare {

namespace {

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::uint32_t Interner::Id(std::string_view token) {
  const std::uint64_t h = Fnv1a(token);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.id == UINT32_MAX) {
      slot = {Store(token), h, static_cast<std::uint32_t>(keys_.size())};
      keys_.push_back(slot.key);
      const std::uint32_t id = slot.id;
      if (keys_.size() * 2 > slots_.size()) Grow();  // keep the load under one half
      return id;
    }
    if (slot.hash == h && slot.key == token) return slot.id;
  }
}

void Interner::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == UINT32_MAX) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != UINT32_MAX) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::string_view Interner::Store(std::string_view token) {
  constexpr std::size_t kChunk = 1 << 16;
  if (token.size() > arena_left_) {
    const std::size_t size = std::max(kChunk, token.size());
    arena_.push_back(std::make_unique<char[]>(size));
    arena_next_ = arena_.back().get();
    arena_left_ = size;
  }
  std::copy(token.begin(), token.end(), arena_next_);
  const std::string_view stored(arena_next_, token.size());
  arena_next_ += token.size();
  arena_left_ -= token.size();
  return stored;
}

namespace {

// Case-folded view of a token. ASCII is the common case: fold it without
// ICU, into a buffer reused across calls (this runs once per word).
std::string_view FoldToken(std::string_view token, std::string* buffer) {
  buffer->assign(token);
  for (char& c : *buffer) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *buffer = text::FoldCase(token);
      return *buffer;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return *buffer;
}

constexpr std::uint32_t kUnknown = UINT32_MAX;

void AddWords(std::string_view text, const std::vector<text::Token>& tokens, Keying* keying,
              std::vector<std::uint32_t>* out) {
  std::string buffer;
  for (const text::Token& t : tokens) {
    if (t.kind == text::TokenKind::kPunctuation) continue;
    out->push_back(keying->folded.Id(FoldToken(text::TokenText(text, t), &buffer)));
  }
}

std::vector<TokenizedText> TokenizeBlocks(const std::vector<Block>& blocks, Keying* keying) {
  std::vector<TokenizedText> texts;
  texts.reserve(blocks.size());
  for (const Block& b : blocks) texts.push_back(TokenizeForDiff(b.text, keying));
  return texts;
}

// Gives `texts`, keyed by `from`, the ids `to` has or gives their tokens, in
// the order `from` first met them: the order a tokenization with `to` in
// the first place would have numbered them in.
void Renumber(const Keying& from, std::vector<TokenizedText>* texts, Keying* to) {
  const Interner& from_keys = from.ignore_case ? from.folded : from.exact;
  Interner& to_keys = to->ignore_case ? to->folded : to->exact;
  std::vector<std::uint32_t> id_in_to(from_keys.size());
  for (std::uint32_t id = 0; id < id_in_to.size(); ++id)
    id_in_to[id] = to_keys.Id(from_keys.Key(id));
  for (TokenizedText& t : *texts) {
    for (std::uint32_t& key : t.keys) key = id_in_to[key];
  }
}

// The case-folded id of every exact id, so that bags can be filled without
// writing to `keying`.
void FoldEveryToken(Keying* keying) {
  if (keying->ignore_case) return;  // keys are folded already
  std::string buffer;
  keying->folded_of_exact.resize(keying->exact.size(), kUnknown);
  for (std::uint32_t id = 0; id < keying->folded_of_exact.size(); ++id) {
    std::uint32_t& folded = keying->folded_of_exact[id];
    if (folded == kUnknown) folded = keying->folded.Id(FoldToken(keying->exact.Key(id), &buffer));
  }
}

// The words of the blocks that are only a label: they may be new to the
// folded interner, so they are looked up before any bag is filled at once.
void AddLabelWords(const std::vector<Block>& blocks, std::vector<BlockBag>* bags, Keying* keying) {
  bags->resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].text.empty()) continue;
    const std::string& label = blocks[i].label;
    AddWords(label, text::Tokenize(label), keying, &(*bags)[i].sequence);
    (*bags)[i].label_only = true;
  }
}

// Fills the bags of the blocks with text; reads `keying` only.
void FillBags(const std::vector<Block>& blocks, const std::vector<TokenizedText>& texts,
              const Keying& keying, std::vector<BlockBag>* bags) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    BlockBag& bag = (*bags)[i];
    bag.label = blocks[i].label;
    if (!bag.label_only) {
      const TokenizedText& t = texts[i];
      bag.sequence.reserve(t.tokens.size());
      for (std::size_t k = 0; k < t.tokens.size(); ++k) {
        if (t.tokens[k].kind == text::TokenKind::kPunctuation) continue;
        bag.sequence.push_back(keying.ignore_case ? t.keys[k] : keying.folded_of_exact[t.keys[k]]);
      }
    }
    bag.sorted = bag.sequence;
    std::sort(bag.sorted.begin(), bag.sorted.end());
  }
}

}  // namespace

TokenizedText TokenizeForDiff(std::string_view text, Keying* keying) {
  TokenizedText out;
  out.text = text;
  out.tokens = text::Tokenize(text);
  out.keys.reserve(out.tokens.size());
  out.weights.reserve(out.tokens.size());
  std::string buffer;
  for (const text::Token& t : out.tokens) {
    std::string_view s = text::TokenText(text, t);
    out.keys.push_back(keying->ignore_case ? keying->folded.Id(FoldToken(s, &buffer))
                                           : keying->exact.Id(s));
    out.weights.push_back(t.end - t.begin);
  }
  return out;
}

TokenizedVersions TokenizeVersions(const std::vector<Block>& before,
                                   const std::vector<Block>& after, Keying* keying) {
  TokenizedVersions out;
  Keying after_keying;
  after_keying.ignore_case = keying->ignore_case;
  RunBoth([&] { out.before = TokenizeBlocks(before, keying); },
          [&] { out.after = TokenizeBlocks(after, &after_keying); });
  Renumber(after_keying, &out.after, keying);
  return out;
}

VersionBags MakeBags(const std::vector<Block>& before,
                     const std::vector<TokenizedText>& before_texts,
                     const std::vector<Block>& after, const std::vector<TokenizedText>& after_texts,
                     Keying* keying) {
  VersionBags bags;
  AddLabelWords(before, &bags.before, keying);
  AddLabelWords(after, &bags.after, keying);
  FoldEveryToken(keying);
  const Keying& lookup = *keying;
  RunBoth([&] { FillBags(before, before_texts, lookup, &bags.before); },
          [&] { FillBags(after, after_texts, lookup, &bags.after); });
  return bags;
}

}  // namespace rapporteur::compare
