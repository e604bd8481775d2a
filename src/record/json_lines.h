// JSON Lines: rapporteur's own export (one record a line, as RecordToJson
// writes it: {"kind": ..., "key": ..., "id": ..., <fields>}) and, with a
// column mapping, any JSON Lines file whose lines are flat objects.
//
// Export lines are read back as they were written: kind, key and fields;
// the id is the store's business and is not read. A line that is not JSON,
// not an object or not a record is rejected with its line number.
//
// Thread safety: reentrant.
#ifndef RAPPORTEUR_SRC_RECORD_JSON_LINES_H_
#define RAPPORTEUR_SRC_RECORD_JSON_LINES_H_

#include <string_view>

#include "rapporteur/status.h"
#include "src/record/column_mapping.h"
#include "src/record/record_sink.h"

namespace rapporteur::record {

// True when the first non-blank line is a JSON object with a string "kind".
bool LooksLikeJsonLinesExport(std::string_view text);

Status ReadJsonLinesExport(std::string_view text, RecordSink& sink);

// Every line an object; its members are the columns the mapping names
// (strings as they are, numbers and booleans as written, lists of strings
// joined with the mapping's list separator).
Status ReadMappedJsonLines(std::string_view text, MappedRows& rows, const ColumnMapping& mapping,
                           RecordSink& sink);

}  // namespace rapporteur::record

#endif  // RAPPORTEUR_SRC_RECORD_JSON_LINES_H_
