// Escaping text for HTML, shared by every HTML writer (the comparison page,
// the reports).
#ifndef RAPPORTEUR_SRC_TEXT_MARKUP_H_
#define RAPPORTEUR_SRC_TEXT_MARKUP_H_

#include <string>
#include <string_view>

namespace rapporteur::text {

// & < > " ' as entities: safe in element content and quoted attributes.
std::string EscapeHtml(std::string_view text);

}  // namespace rapporteur::text

#endif  // RAPPORTEUR_SRC_TEXT_MARKUP_H_
