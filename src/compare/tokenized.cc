#include "src/compare/tokenized.h"

#include <algorithm>

namespace rapporteur::compare {

std::uint32_t Interner::Id(std::string_view token) {
  auto it = ids_.find(token);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(ids_.size());
  ids_.emplace(std::string(token), id);
  return id;
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
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    BlockBag& bag = bags[i];
    bag.label = blocks[i].label;
    if (!blocks[i].text.empty()) {
      AddWords(texts[i].text, texts[i].tokens, keying, &bag.sequence);
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
