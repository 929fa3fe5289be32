// The PA services' types to and from JSON values shaped like the SOAP
// messages of webroot/ws/pa.wsdl, as PHP's SoapServer decodes them (objects
// for complex types, arrays for repeated elements, lists in their container
// element: {"Contacts": {"Contact": [...]}}). Used by the extension (the wire)
// and by the store (a Demandeur is kept as this JSON).
#pragma once

#include <nlohmann/json.hpp>

#include "ws/pa_types.h"

namespace relais::ws {

// Reading never fails: a value of the wrong JSON type is recorded in
// `badField` (the first one, as a path such as "Demandeur.Adresse") and left
// empty, so that the service answers 490 naming it.
struct JsonReadResult {
    std::string badField;
};

CreationDossierRequest creationDossierFromJson(const nlohmann::json& wrapper, JsonReadResult& r);
// The ListeDossier of a ConsulterDossierPA call (nullopt when absent).
std::optional<std::vector<AccesDossierRequest>> listeDossierFromJson(const nlohmann::json& wrapper, JsonReadResult& r);
// The Dossier of a GenererJetonSecuritePA call (nullopt when absent).
std::optional<AccesDossierRequest> accesDossierFromJson(const nlohmann::json& wrapper, const char* key, JsonReadResult& r);

// `path` names the value in badField ("Demandeur", "Etablissements[2]").
Demandeur demandeurFromJson(const nlohmann::json& j, JsonReadResult& r);
Demandeur demandeurFromJsonAt(const nlohmann::json& j, const std::string& path, JsonReadResult& r);
Etablissement etablissementFromJson(const nlohmann::json& j, JsonReadResult& r);
Etablissement etablissementFromJsonAt(const nlohmann::json& j, const std::string& path, JsonReadResult& r);
Dictionnaire dictionnaireFromJson(const nlohmann::json& j, JsonReadResult& r);

nlohmann::json toJson(const CodeRetour& c);
nlohmann::json toJson(const Nomenclature& n);
nlohmann::json toJson(const Adresse& a);
nlohmann::json toJson(const Demandeur& d);
nlohmann::json toJson(const Etablissement& e);
nlohmann::json toJson(const Dossier& d);
nlohmann::json toJson(const Dictionnaire& d);
// The response wrappers' content: {"Response": ...}.
nlohmann::json responseJson(const CreerDossierPAResponse& r);
nlohmann::json responseJson(const std::vector<ConsulterDossierPAResponse>& r);
nlohmann::json responseJson(const JetonSecuritePAResponse& r);

}  // namespace relais::ws
