// The UPR Info database export (upr-info.org), read exactly as it is
// distributed (../shared/data/upr-info/): Mac Roman, CR line ends, a header
//   To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session
// and ONE ROW PER RECOMMENDING STATE: a recommendation made jointly appears
// once per state. Records keep that granularity: one row, one record of kind
// recommendation:
//   state <- To (resolved to alpha-2), mechanism "UPR", text <- Text
//   (trimmed), recommending_states <- [From] ("(Unknown)" gives []),
//   response <- Response (Accepted -> supported, Noted -> noted), action_category
//   <- Action, themes <- Issue (split at commas: no UPR Info issue name holds
//   one), session <- Session, cycle <- session (1-12: 1, 13-26: 2, 27-40: 3,
//   41 and later: 4), source "upr-info".
// HTML entities in cells are decoded (the export writes "&#40;Unknown&#41;").
// Rows whose Response is "Voluntary Pledge" (the file
// upr-info_sessions_voluntary.csv) are commitments the state under review
// made itself, not recommendations: they are skipped with one warning.
//
// Keys: "upr-info:<hash of To|Text|From|Session as written>:<n>", n counting
// identical rows within the file (the export repeats a few rows verbatim),
// so re-importing the file finds every key again.
//
// Thread safety: reentrant; a StateResolver belongs to one thread.
#ifndef RAPPORTEUR_SRC_RECORD_UPR_INFO_H_
#define RAPPORTEUR_SRC_RECORD_UPR_INFO_H_

#include <string>
#include <string_view>
#include <vector>

#include "rapporteur/record.h"
#include "rapporteur/states.h"
#include "rapporteur/status.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

// True when `text` starts with the UPR Info header.
bool LooksLikeUprInfo(std::string_view text);

// The export's bytes as UTF-8: UTF-8 if they are valid UTF-8 (a file saved
// again by a spreadsheet), else Mac Roman (as distributed).
Result<std::string> DecodeUprInfo(std::string_view bytes);

// The UPR cycle of a session number.
int UprCycleOfSession(std::int64_t session);

// Reads the export (already UTF-8) into `sink`. Fails on a header without
// the columns To, Text, From, Response, Action, Issue and Session, or when
// the sink stops it.
Status ReadUprInfo(std::string_view text, StateResolver& states, RecordSink& sink);

// Reads a file: every record, or the first problem as
//   'upr.csv' line 12, field 'From': unknown state 'Frnace' (did you mean 'France'?)
Result<std::vector<Record>> ReadUprInfoRecords(const std::string& path,
                                               const StateCatalogue& states);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_UPR_INFO_H_
