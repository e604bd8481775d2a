// The sections of a state's scorecard. Each *Data function turns the
// state's records into the typed part of the report (the JSON contract of
// docs/reports.md); each *Section function turns that into the view the
// renderers print (report_util.h).
#ifndef RAPPORTEUR_SRC_REPORT_SECTIONS_H_
#define RAPPORTEUR_SRC_REPORT_SECTIONS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rapporteur/record.h"
#include "src/lens/catalogue.h"

namespace rapporteur::report {

struct Procedure {
  std::string instrument;   // "CAT"
  std::string procedure;    // "individual_complaints"
  std::string accepted_by;  // a protocol id ("ICCPR-OP1") or an article ("art. 22")
};
Result<std::vector<Procedure>> LoadProcedures(const std::string& path);

struct Reference {
  const lens::Catalogue* instruments = nullptr;
  std::vector<Procedure> procedures;
  std::string as_of;
};

nlohmann::json RatificationData(const std::vector<Record>& events, const Reference& ref);
nlohmann::json RatificationSection(const nlohmann::json& data);

nlohmann::json VisitsData(const std::vector<Record>& visits, const std::vector<Record>& invitations,
                          const Reference& ref);
nlohmann::json VisitsSection(const nlohmann::json& data);

nlohmann::json CommunicationsData(const std::vector<Record>& communications);
nlohmann::json CommunicationsSection(const nlohmann::json& data);

nlohmann::json RecommendationsData(const std::vector<Record>& recommendations,
                                   const std::vector<Record>& followups);
nlohmann::json RecommendationsSection(const nlohmann::json& data);

// Recommendations made again in later cycles (the recurrence engine), at
// most `max_clusters` of them, most recurring first.
nlohmann::json RecurrenceData(const std::vector<Record>& recommendations, int max_clusters);
nlohmann::json RecurrenceSection(const nlohmann::json& data);

nlohmann::json AgreementsData(const std::vector<Record>& agreements,
                              const std::vector<Record>& versions,
                              const std::vector<Record>& activities);
nlohmann::json AgreementsSection(const nlohmann::json& data);

nlohmann::json DialoguesData(const std::vector<Record>& dialogues);
nlohmann::json DialoguesSection(const nlohmann::json& data);

}  // namespace rapporteur::report

#endif  // RAPPORTEUR_SRC_REPORT_SECTIONS_H_
