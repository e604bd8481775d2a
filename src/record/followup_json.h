// Treaty-body follow-up grades as JSON, one file per state, as in
// ../shared/data/ccpr-followup/ALB.json:
//   {"a3": "ALB", "name": "Albania",
//    "hrc": {"meta": {"mechanism": "hrc", "co_symbol": "CCPR/C/ALB/CO/2",
//                     "co_date": "24 July 2013", "assessment_symbol": "CCPR/C/115/2",
//                     "assessment_date": "19 October-6 November 2015", "year": 2015, ...},
//            "paragraphs": [{"para": "9", "recommendation": "...",
//                            "header_grades": ["C", "D"],
//                            "limbs": [{"limb": "", "grade": "C", "eval": "..."}, ...]}],
//            "history": [...earlier rounds, same shape...]},
//    "upr": null}
// Every section whose value has "paragraphs" is read; meta.mechanism names
// the body (hrc -> CCPR, cescr -> CESCR, cat, cedaw, cerd, crc, crpd, ced,
// cmw -> the upper-cased id).
//
// Records: each graded paragraph is a recommendation (state <- a3,
// mechanism, document <- co_symbol, paragraph, text, date <- co_date) and
// each limb a followup (recommendation <- the paragraph's key, assessor <-
// the mechanism id, limb <- its label or position "1", "2"..., grade, text <-
// eval, date <- the last day of assessment_date (else meta.year), document
// <- assessment_symbol). A paragraph with header grades but no limbs gets
// one followup per header grade, without text. source "ccpr-followup".
// Problems are reported by JSON path ("field 'hrc.paragraphs[0].limbs[1].grade'").
//
// Keys: "followup:<co_symbol>:<para>" for recommendations,
// "followup:<assessment_symbol>:<para>:<n>" for followups.
//
// Thread safety: reentrant; a StateResolver belongs to one thread.
#ifndef RAPPORTEUR_SRC_RECORD_FOLLOWUP_JSON_H_
#define RAPPORTEUR_SRC_RECORD_FOLLOWUP_JSON_H_

#include <string_view>

#include "rapporteur/status.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

// True for a JSON object with "a3" and a section with "paragraphs" near
// its start.
bool LooksLikeFollowUpJson(std::string_view text);

Status ReadFollowUpJson(std::string_view text, StateResolver& states, RecordSink& sink);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_FOLLOWUP_JSON_H_
