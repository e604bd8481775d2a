// Small helpers for reading Office Open XML with pugixml. Elements and
// attributes are matched by local name, so that a document that binds the
// WordprocessingML namespace to another prefix than "w" still reads.
#ifndef RAPPORTEUR_SRC_INGEST_OOXML_H_
#define RAPPORTEUR_SRC_INGEST_OOXML_H_

#include <charconv>
#include <cstring>
#include <optional>
#include <pugixml.hpp>
#include <string_view>

namespace rapporteur::ingest::ooxml {

// "w:p" -> "p"; "p" -> "p".
inline std::string_view LocalName(const char* qualified) {
  const char* colon = std::strrchr(qualified, ':');
  return colon == nullptr ? std::string_view(qualified) : std::string_view(colon + 1);
}

inline bool Is(pugi::xml_node node, std::string_view local) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local;
}

// The first child element with this local name, or an empty node.
inline pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, local)) return child;
  }
  return {};
}

// The attribute with this local name, or an empty attribute.
inline pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute attr : node.attributes()) {
    if (LocalName(attr.name()) == local) return attr;
  }
  return {};
}

// The w:val of the child `local`, or nullptr if there is no such child.
inline const char* ChildVal(pugi::xml_node node, std::string_view local) {
  pugi::xml_node child = Child(node, local);
  if (!child) return nullptr;
  return Attr(child, "val").as_string();
}

// Parses a decimal integer clamped to [lo, hi]; nullopt if not a number.
inline std::optional<int> ParseInt(const char* text, int lo, int hi) {
  if (text == nullptr) return std::nullopt;
  std::string_view s(text);
  long long value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) return (s.starts_with('-') ? lo : hi);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  if (value < lo) return lo;
  if (value > hi) return hi;
  return static_cast<int>(value);
}

// A toggle property such as <w:vanish/>: on unless w:val is false/0/off.
inline bool ToggleOn(pugi::xml_node node, std::string_view local) {
  pugi::xml_node child = Child(node, local);
  if (!child) return false;
  std::string_view val = Attr(child, "val").as_string();
  return val != "false" && val != "0" && val != "off";
}

}  // namespace rapporteur::ingest::ooxml

#endif  // RAPPORTEUR_SRC_INGEST_OOXML_H_
