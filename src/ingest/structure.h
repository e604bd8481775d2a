// The structure pass shared by every format: finds the printed label at the
// start of each raw block (unless the format gave one), keeps it apart from
// the text, and nests the blocks by label style (see labels.h) into paths
// such as "Chapter II/Article 5/2./(a)".
//
// Blocks before the first labelled unit of the body are the preamble.
// Empty blocks are dropped. Text is whitespace-collapsed and NFC-normalised.
//
// Thread safety: pure function.
#ifndef RAPPORTEUR_SRC_INGEST_STRUCTURE_H_
#define RAPPORTEUR_SRC_INGEST_STRUCTURE_H_

#include <string>

#include "rapporteur/document.h"
#include "src/ingest/raw_document.h"

namespace rapporteur::ingest {

Document BuildStructure(RawDocument raw, std::string source, Format format);

}  // namespace rapporteur::ingest

#endif  // RAPPORTEUR_SRC_INGEST_STRUCTURE_H_
