#include "src/compare/tokenized.h"

#include <algorithm>

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
      slot = {Store(token), h, static_cast<std::uint32_t>(size_++)};
      const std::uint32_t id = slot.id;
      if (size_ * 2 > slots_.size()) Grow();  // keep the load under one half
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

// The folded id of token i of `t`, cached by its exact id.
std::uint32_t FoldedId(const TokenizedText& t, std::size_t i, Keying* keying, std::string* buffer) {
  if (keying->ignore_case) return t.keys[i];  // keys are folded already
  const std::uint32_t exact = t.keys[i];
  if (exact >= keying->folded_of_exact.size()) keying->folded_of_exact.resize(exact + 1, kUnknown);
  std::uint32_t& folded = keying->folded_of_exact[exact];
  if (folded == kUnknown) folded = keying->folded.Id(FoldToken(text::TokenText(t.text, t.tokens[i]), buffer));
  return folded;
}

void AddWords(std::string_view text, const std::vector<text::Token>& tokens, Keying* keying,
              std::vector<std::uint32_t>* out) {
  std::string buffer;
  for (const text::Token& t : tokens) {
    if (t.kind == text::TokenKind::kPunctuation) continue;
    out->push_back(keying->folded.Id(FoldToken(text::TokenText(text, t), &buffer)));
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

std::vector<BlockBag> MakeBags(const std::vector<Block>& blocks,
                               const std::vector<TokenizedText>& texts, Keying* keying) {
  std::vector<BlockBag> bags(blocks.size());
  std::string buffer;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    BlockBag& bag = bags[i];
    bag.label = blocks[i].label;
    if (!blocks[i].text.empty()) {
      const TokenizedText& t = texts[i];
      bag.sequence.reserve(t.tokens.size());
      for (std::size_t k = 0; k < t.tokens.size(); ++k) {
        if (t.tokens[k].kind != text::TokenKind::kPunctuation) bag.sequence.push_back(FoldedId(t, k, keying, &buffer));
      }
    } else {
      const std::string& label = blocks[i].label;
      AddWords(label, text::Tokenize(label), keying, &bag.sequence);
      bag.label_only = true;
    }
    bag.sorted = bag.sequence;
    std::sort(bag.sorted.begin(), bag.sorted.end());
  }
  return bags;
}

}  // namespace rapporteur::compare
