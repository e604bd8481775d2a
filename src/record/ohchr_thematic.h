// OHCHR thematic lists of UPR recommendations, as Markdown converted from
// the OHCHR documents (../shared/data/ohchr-thematic-lists-slovenia/
// cycle{2,3,4}__Thematic_List_of_Recommendations.md):
//
//   # UPR 34th Session - Slovenia - Thematic List of Recommendations
//   **Session:** 34th UPR Working Group
//   **Date:** November 2019
//   Theme: Acceptance of international norms
//   121.1 Ratify the ... Enforced Disappearance (France) (Lithuania);
//   Source of Position: A/HRC/43/15 - Para 121
//   Supported
//   - Acceptance of international norms          (themes)
//   SDGs:
//   - 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS
//   Affected persons:                            ("Groups of Persons:" in cycle 4,
//   - Disappeared persons                         where SDG lines follow unheaded)
//
// One record of kind recommendation per numbered paragraph, keeping the
// granularity of the source: a paragraph that joins several recommendations
// by different states ("121.2 Complete ... (Ukraine); Increase ...
// (Slovakia);") is one record with every recommending state, its text as
// printed (the trailing ';' dropped). Fields: state (from the title), mechanism
// UPR, paragraph ("121.1"), text, recommending_states (the parenthesised
// names closing each ';'-separated part: "(France) (Lithuania)" or, in
// cycle 2, "(Spain, Tunisia, Portugal)"; a group that is not a state, like
// "(No. 29)", ends the list), response (Supported -> supported, Noted ->
// noted), document (the symbol of "Source of Position"), themes (cycle 2's
// theme codes such as "A12 " dropped), sdgs (the goal number: "16"),
// affected_persons, session and cycle (from the header), date (the header's
// month), source "ohchr-thematic-list". HTML entities are decoded. A
// paragraph listed under several themes is one record (lists merged).
// Lines that fit nowhere (layout noise) are skipped and counted in a warning.
//
// Not read: the cycle-1 file, which despite its name is the addendum
// A/HRC/14/15/Add.1 (the state's views, paragraph by paragraph, in prose,
// without the recommendations' texts); the working group reports.
//
// Keys: "ohchr-thematic:<state>:<session>:<paragraph>".
//
// Thread safety: reentrant; a StateResolver belongs to one thread.
#ifndef RAPPORTEUR_SRC_RECORD_OHCHR_THEMATIC_H_
#define RAPPORTEUR_SRC_RECORD_OHCHR_THEMATIC_H_

#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/status.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

// True for a Markdown file whose title names a thematic list.
bool LooksLikeOhchrThematicList(std::string_view text);

Status ReadOhchrThematicList(std::string_view text, StateResolver& states, RecordSink& sink);

// The recommending states of a paragraph's text, in order, without
// repeats; a failure names the unknown state.
Result<std::vector<std::string>> RecommendingStates(std::string_view text, StateResolver& states);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_OHCHR_THEMATIC_H_
