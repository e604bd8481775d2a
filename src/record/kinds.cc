// The kinds of record and their fields: the table of /work/KINDS.md,
// documented for users in docs/record-model.md. The store's typed tables
// (src/store/migrations.cc) have one column per scalar field of this table;
// a test checks that the two agree.
#include <array>

#include "rapporteur/record.h"

namespace rapporteur {
namespace {

using T = FieldType;

// One field: `flags` holds '*' (required), 'S' (full-text searchable) and
// 'F' (facet); `values` the enum's values or the kind a reference names.
constexpr FieldSpec F(std::string_view name, FieldType type, std::string_view flags = "",
                      std::string_view values = "") {
  return FieldSpec{.name = name,
                   .type = type,
                   .required = flags.find('*') != std::string_view::npos,
                   .values = type == T::kEnum ? values : std::string_view(),
                   .ref_kind = type == T::kRef ? values : std::string_view(),
                   .searchable = flags.find('S') != std::string_view::npos,
                   .facet = flags.find('F') != std::string_view::npos};
}

constexpr std::array kDocument{
    F("symbol", T::kText, "*S"), F("title", T::kText, "S"),     F("date", T::kDate),
    F("language", T::kText),     F("mechanism", T::kMechanism), F("state", T::kState),
    F("file", T::kText),
};

constexpr std::array kRatification{
    F("state", T::kState, "*F"),
    F("instrument", T::kInstrument, "*F"),
    F("action", T::kEnum, "*F",
      "signature|ratification|accession|succession|became_party|withdrawal|"
      "accepted_procedure|declaration"),
    F("date", T::kDate),
    F("procedure", T::kEnum, "", "individual_complaints|inquiry|inter_state|urgent_action"),
    F("reservations", T::kText, "S"),
    F("declarations", T::kText, "S"),
    F("note", T::kText),
    F("source", T::kText),
};

constexpr std::array kRecommendation{
    F("state", T::kState, "*F"),
    F("mechanism", T::kMechanism, "*F"),
    F("text", T::kText, "*S"),
    F("document", T::kText),
    F("paragraph", T::kText),
    F("date", T::kDate),
    F("session", T::kInteger, "F"),
    F("cycle", T::kInteger, "F"),
    F("recommending_states", T::kStateList, "F"),
    F("themes", T::kList, "SF"),
    F("affected_persons", T::kList, "F"),
    F("sdgs", T::kList, "F"),
    F("response", T::kEnum, "F", "supported|noted|rejected|partially_supported|pending|unclear"),
    F("action_category", T::kInteger, "F"),
    F("source", T::kText),
};

constexpr std::array kFollowUp{
    F("recommendation", T::kRef, "*", "recommendation"),
    F("date", T::kDate, "*"),
    F("assessor", T::kText, "*F"),
    F("limb", T::kText),
    F("grade", T::kEnum, "F", "A|B|C|D|E"),
    F("status", T::kEnum, "F",
      "implemented|partially_implemented|not_implemented|no_information|contrary"),
    F("text", T::kText, "S"),
    F("document", T::kText),
    F("source", T::kText),
};

constexpr std::array kVisit{
    F("state", T::kState, "*F"),
    F("mandate", T::kMechanism, "*F"),
    F("event", T::kEnum, "*F",
      "requested|reminder|acknowledged|accepted_in_principle|dates_proposed|carried_out|"
      "report_published|declined|postponed|cancelled|deadlocked_terms_of_reference"),
    F("date", T::kDate, "*"),
    F("note", T::kText, "S"),
    F("document", T::kText),
    F("source", T::kText),
};

constexpr std::array kStandingInvitation{
    F("state", T::kState, "*F"),
    F("date", T::kDate, "*"),
    F("note", T::kText),
};

constexpr std::array kAgreement{
    F("state", T::kState, "*F"), F("counterpart", T::kText, "*F"), F("title", T::kText, "*S"),
    F("type", T::kText, "F"),    F("date_signed", T::kDate),       F("note", T::kText, "S"),
    F("source", T::kText),
};

constexpr std::array kAgreementVersion{
    F("agreement", T::kRef, "*", "agreement"),
    F("label", T::kText, "*"),
    F("date", T::kDate),
    F("status", T::kEnum, "", "draft|signed|amended"),
    F("file", T::kText),
    F("note", T::kText),
};

constexpr std::array kActivity{
    F("state", T::kState, "*F"),  F("agreement", T::kRef, "", "agreement"),
    F("type", T::kText, "F"),     F("topic", T::kText, "S"),
    F("date", T::kDate),          F("place", T::kText),
    F("audience", T::kText, "S"), F("participants", T::kInteger),
    F("level", T::kText, "F"),    F("follow_up", T::kText, "S"),
    F("source", T::kText),
};

constexpr std::array kDialogue{
    F("state", T::kState, "*F"), F("partner", T::kText, "*F"), F("round", T::kText),
    F("date", T::kDate),         F("outcome", T::kText, "S"),  F("document", T::kText),
    F("source", T::kText),
};

constexpr std::array kCommunication{
    F("state", T::kState, "*F"),
    F("mandates", T::kList, "F"),
    F("type", T::kEnum, "F", "AL|UA|OL|JAL|JUA|JOL"),
    F("reference", T::kText),
    F("date_sent", T::kDate, "*"),
    F("reply_date", T::kDate),
    F("summary", T::kText, "S"),
    F("source", T::kText),
};

KindSpec Kind(std::string_view kind, std::string_view table, std::string_view summary,
              std::span<const FieldSpec> fields, bool immutable = false) {
  return KindSpec{
      .kind = kind, .table = table, .summary = summary, .fields = fields, .immutable = immutable};
}

const std::array<KindSpec, 11>& Kinds() {
  static const std::array<KindSpec, 11> kinds{
      Kind("document", "documents", "a source document: UN symbol, title, date, language, file",
           kDocument),
      Kind("ratification", "ratifications",
           "a treaty action of a state: signature, ratification, accession, withdrawal, ...",
           kRatification),
      Kind("recommendation", "recommendations",
           "a recommendation made to a state by a mechanism, with the state's response",
           kRecommendation, /*immutable=*/true),
      Kind("followup", "followups",
           "a dated, attributed assessment of how a recommendation was implemented", kFollowUp),
      Kind("visit", "visits", "an event in a special-procedure visit request to a state", kVisit),
      Kind("standing_invitation", "standing_invitations",
           "a state's standing invitation to the special procedures", kStandingInvitation),
      Kind("agreement", "agreements", "a cooperation agreement (MOU) of a state with a partner",
           kAgreement),
      Kind("agreement_version", "agreement_versions", "one version of an agreement's text",
           kAgreementVersion),
      Kind("activity", "activities", "an activity under a cooperation programme: a workshop, ...",
           kActivity),
      Kind("dialogue", "dialogues", "a round of a bilateral human-rights dialogue", kDialogue),
      Kind("communication", "communications",
           "a special-procedure communication to a state and its reply", kCommunication),
  };
  return kinds;
}

}  // namespace

const FieldSpec* KindSpec::Field(std::string_view name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::span<const KindSpec> AllKinds() { return Kinds(); }

const KindSpec* FindKind(std::string_view kind) {
  for (const KindSpec& spec : Kinds()) {
    if (spec.kind == kind) return &spec;
  }
  return nullptr;
}

}  // namespace rapporteur
