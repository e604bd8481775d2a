// The spreadsheets monitors keep, read through a column mapping
// (column_mapping.h): generic CSV, XLSX and JSON Lines.
//
//  - CSV: the mapping's encoding (default UTF-8, where a field that is not
//    valid UTF-8 rejects its row, naming line and column) and delimiter; the
//    first record is the header.
//  - XLSX: the mapping's sheet (default the first); its first non-empty row
//    is the header; messages give the spreadsheet's row number as the line.
//  - JSON Lines: one flat object a line.
//
// Thread safety: reentrant.
#ifndef RAPPORTEUR_SRC_RECORD_MAPPED_SOURCES_H_
#define RAPPORTEUR_SRC_RECORD_MAPPED_SOURCES_H_

#include <string_view>

#include "rapporteur/status.h"
#include "src/record/column_mapping.h"
#include "src/record/record_sink.h"
#include "src/record/state_resolver.h"

namespace rapporteur::record {

Status ReadMappedCsv(std::string_view bytes, const ColumnMapping& mapping, StateResolver& states,
                     RecordSink& sink);
Status ReadMappedXlsx(std::string_view bytes, const ColumnMapping& mapping, StateResolver& states,
                      RecordSink& sink);
Status ReadMappedJsonLinesFile(std::string_view bytes, const ColumnMapping& mapping,
                               StateResolver& states, RecordSink& sink);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_MAPPED_SOURCES_H_
