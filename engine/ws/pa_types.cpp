// Return codes (seed 3.3.1) and enumeration names (2.4) of the PA services.
#include "ws/pa_types.h"

#include <cstdio>

namespace relais::ws {

const std::vector<ReturnCode>& allReturnCodes() {
    static const std::vector<ReturnCode> all = {
        ReturnCode::ErreurNonIdentifiee,        ReturnCode::OperationNonImplementee,
        ReturnCode::ApplicationNonAutorisee,    ReturnCode::ActionNonAutorisee,
        ReturnCode::ParametreObligatoire,       ReturnCode::DonneeObligatoire,
        ReturnCode::ValeurNonAutorisee,         ReturnCode::FormatIncompatible,
        ReturnCode::HorsNomenclature,           ReturnCode::HorsNomenclatureCivilite,
        ReturnCode::HorsNomenclatureTypeVoie,   ReturnCode::HorsNomenclatureCodePostal,
        ReturnCode::HorsNomenclatureCommune,    ReturnCode::HorsNomenclatureDepartement,
        ReturnCode::EtablissementInconnu,       ReturnCode::DossierInexistant,
        ReturnCode::FormatParametre,            ReturnCode::Succes,
    };
    return all;
}

std::string returnCodeText(ReturnCode code) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%03d", static_cast<int>(code) % 1000);
    return buf;
}

std::string returnCodeMessage(ReturnCode code) {
    switch (code) {
        case ReturnCode::ErreurNonIdentifiee: return "Erreur non identifiée";
        case ReturnCode::OperationNonImplementee: return "Opération non implémentée";
        case ReturnCode::ApplicationNonAutorisee: return "Application non autorisée";
        case ReturnCode::ActionNonAutorisee: return "Action non autorisée sur l'objet passé en paramètre";
        case ReturnCode::ParametreObligatoire: return "Paramètre obligatoire non renseigné";
        case ReturnCode::DonneeObligatoire: return "Donnée obligatoire non renseignée";
        case ReturnCode::ValeurNonAutorisee: return "Valeur non autorisée";
        case ReturnCode::FormatIncompatible: return "Format de valeur incompatible";
        case ReturnCode::HorsNomenclature: return "Valeur hors nomenclature";
        case ReturnCode::HorsNomenclatureCivilite: return "Valeur hors nomenclature : Civilité";
        case ReturnCode::HorsNomenclatureTypeVoie: return "Valeur hors nomenclature : Type de voie";
        case ReturnCode::HorsNomenclatureCodePostal: return "Valeur hors nomenclature : Code Postal";
        case ReturnCode::HorsNomenclatureCommune: return "Valeur hors nomenclature : Commune";
        case ReturnCode::HorsNomenclatureDepartement: return "Valeur hors nomenclature : Département";
        case ReturnCode::EtablissementInconnu:
            return "Identifiant national de l'établissement non trouvé dans l'application.";
        case ReturnCode::DossierInexistant: return "Le dossier n'existe pas";
        case ReturnCode::FormatParametre: return "Format incorrect d'un paramètre en entrée : '{0}'";
        case ReturnCode::Succes: return "Succès";
    }
    return "Erreur non identifiée";
}

CodeRetour codeRetour(ReturnCode code, const std::string& detail) {
    std::string message = returnCodeMessage(code);
    if (code == ReturnCode::FormatParametre) {
        message.replace(message.find("{0}"), 3, detail);
    } else if (!detail.empty()) {
        // "Valeur hors nomenclature : Commune" already names its nomenclature:
        // the field goes in brackets after it.
        message += message.find(" : ") == std::string::npos ? " : " + detail : " (" + detail + ")";
    }
    return {returnCodeText(code), message};
}

std::string enumName(StatutDemande v) {
    switch (v) {
        case StatutDemande::ANNULEE: return "ANNULEE";
        case StatutDemande::REFUSEE: return "REFUSEE";
        case StatutDemande::NON_ENVOYEE: return "NON_ENVOYEE";
        case StatutDemande::ENVOYEE: return "ENVOYEE";
        case StatutDemande::RECUE: return "RECUE";
        case StatutDemande::LISTE_ATTENTE: return "LISTE_ATTENTE";
        case StatutDemande::ADMISSION_PROPOSEE: return "ADMISSION_PROPOSEE";
        case StatutDemande::ADMISSION_ACCEPTEE: return "ADMISSION_ACCEPTEE";
        case StatutDemande::ADMISSION_EFFECTUEE: return "ADMISSION_EFFECTUEE";
        case StatutDemande::ARCHIVEE: return "ARCHIVEE";
    }
    return "NON_ENVOYEE";
}

std::optional<StatutDemande> statutDemandeFromValue(int v) {
    switch (v) {
        case -1: case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 9:
            return static_cast<StatutDemande>(v);
        default:
            return std::nullopt;
    }
}

std::string enumName(TypeHebergement v) {
    switch (v) {
        case TypeHebergement::NonRenseigne: return "NonRenseigne";
        case TypeHebergement::Permanent: return "Permanent";
        case TypeHebergement::Temporaire: return "Temporaire";
        case TypeHebergement::AccueilDeJour: return "AccueilDeJour";
        case TypeHebergement::AccueilDeNuit: return "AccueilDeNuit";
        case TypeHebergement::AccueilSequentiel: return "AccueilSequentiel";
    }
    return "NonRenseigne";
}

std::string enumName(Urgence v) {
    switch (v) {
        case Urgence::Immediat: return "Immediat";
        case Urgence::SixMois: return "SixMois";
        case Urgence::Eloigne: return "Eloigne";
        case Urgence::NonRenseigne: return "NonRenseigne";
    }
    return "NonRenseigne";
}

}  // namespace relais::ws
