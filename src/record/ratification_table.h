// Ratification status tables, one CSV file per instrument, as in
// ../shared/data/ratification-status/ (UTF-8, header
//   iso2,member,state party,year ratification or accession,signatory,no action,status,note
// the note column is missing in some files). The instrument comes from the
// file name: hr_status_<id>.csv, the id upper-cased with '_' -> '-'
// (iccpr_op1 -> ICCPR-OP1, op_crc_ac -> OP-CRC-AC, opcat -> OPCAT).
//
// One row per UN member state; its records (kind ratification):
//  - a party (status "state party") -> action became_party, date = the year:
//    the table does not say whether by ratification, accession or
//    succession;
//  - a signatory (status "signatory state") -> action signature, no date
//    (the table has none);
//  - no action -> no record;
//  - a note saying the state denounced the instrument ("Denounced the OP in
//    2000") -> also an action withdrawal dated that year.
// The note (mostly how the UN Treaty Collection names the state) goes into
// the records' note. Where the 0/1 columns contradict the status column
// (a few rows do) the status column decides and a warning names the line.
// The state is the iso2 code (or, failing that, the member name) resolved.
//
// Keys: "ratification-status:<instrument>:<alpha-2>:<action>".
//
// Thread safety: reentrant; a StateResolver belongs to one thread.
#ifndef RAPPORTEUR_SRC_RECORD_RATIFICATION_TABLE_H_
#define RAPPORTEUR_SRC_RECORD_RATIFICATION_TABLE_H_

#include <string>
#include <string_view>

#include "rapporteur/status.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

// True when `text` starts with the table's header.
bool LooksLikeRatificationTable(std::string_view text);

// "ICCPR-OP1" for ".../hr_status_iccpr_op1.csv"; kInvalidArgument for any
// other file name.
Result<std::string> InstrumentFromTableName(std::string_view path);

// Reads a table (UTF-8 text) for `instrument` into `sink`.
Status ReadRatificationTable(std::string_view text, const std::string& instrument,
                             StateResolver& states, RecordSink& sink);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_RATIFICATION_TABLE_H_
