// DOCX automatic numbering (word/numbering.xml), rendered as Word prints it.
//
// DocxNumbering holds the w:abstractNum / w:num definitions and the running
// counters. Next(num_id, ilvl) advances the counter of that list level
// (resetting deeper levels as w:lvlRestart says) and returns the label the
// reader sees: "%1.%2" with level 1 at 3 and level 2 at 1 gives "3.1",
// lowerLetter gives "a", chineseCounting gives "十一". Bullets give an empty
// label and is_bullet. Lists sharing a w:abstractNum continue each other,
// unless a w:num restarts its list with w:lvlOverride/w:startOverride.
//
// Hostile input is tolerated: unknown ids give no label, absurd start values
// are clamped, every number format falls back to decimal.
//
// Thread safety: a DocxNumbering belongs to one reader.
#ifndef RAPPORTEUR_SRC_INGEST_DOCX_NUMBERING_H_
#define RAPPORTEUR_SRC_INGEST_DOCX_NUMBERING_H_

#include <array>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>

namespace rapporteur::ingest {

// Formats `value` in a w:numFmt ("decimal", "lowerRoman", ...).
std::string FormatListNumber(int value, const std::string& num_format);

struct ListLabel {
  std::string label;  // "" for bullets and unnumbered levels
  bool is_bullet = false;
};

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  // Loads the definitions from the root of numbering.xml; an empty node
  // gives no lists. `style_num_ids` resolves w:numStyleLink: the w:numId in
  // the pPr of each numbering style, by style id.
  void Load(pugi::xml_node numbering, const std::map<std::string, int>& style_num_ids);

  // Advances list `num_id` at level `ilvl` and returns its label, or nullopt
  // if num_id names no list (0 means "no numbering").
  std::optional<ListLabel> Next(int num_id, int ilvl);

  // The level of list `num_id` whose w:pStyle is `style_id`, or nullopt.
  std::optional<int> LevelForStyle(int num_id, const std::string& style_id) const;

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    int restart = -1;  // w:lvlRestart; -1 = absent (restart after any higher level)
    bool legal = false;
    std::string style_id;
  };
  using Levels = std::array<Level, kLevels>;
  struct Num {
    std::string abstract_id;
    std::map<int, int> start_overrides;
    std::map<int, Level> level_overrides;
  };
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
  };

  static void ReadLevel(pugi::xml_node lvl, Level* level);
  void LoadAbstract(pugi::xml_node node, const std::map<std::string, int>& style_num_ids);
  void LoadNum(pugi::xml_node node);
  // The levels of a num's abstractNum, following w:numStyleLink; stores the
  // id of the abstractNum found in `resolved_id` if not null.
  const Levels* AbstractFor(const Num& num, std::string* resolved_id) const;
  Level LevelOf(const Num& num, const Levels& levels, int ilvl) const;
  std::string Render(const Num& num, const Levels& levels, const Counters& counters,
                     int ilvl) const;

  std::map<std::string, Levels> abstracts_;
  std::map<int, Num> nums_;
  std::map<std::string, std::string> style_links_;  // abstract id -> abstract id
  std::map<std::string, Counters> counters_;
};

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_DOCX_NUMBERING_H_
