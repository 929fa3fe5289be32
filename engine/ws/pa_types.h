// The ViaTrajectoire PA dossier services' data (seed: viatrajectoire-web-services-spec,
// chapters 2 and 3): the classes as typed structures, the enumerations of 2.4,
// the return codes of 3.3.1, and the requests and responses of the operations.
// Element names are the seed's; absent optional values are std::nullopt.
// No XML and no PHP here: the SOAP layer (PHP's SoapServer and ext/ws.cpp)
// converts between the wire and these types through pa_json.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace relais::ws {

// 3.3.1: every return code, with its message.
enum class ReturnCode {
    ErreurNonIdentifiee = 0,          // 000
    OperationNonImplementee = 20,     // 020
    ApplicationNonAutorisee = 100,    // 100
    ActionNonAutorisee = 110,         // 110
    ParametreObligatoire = 200,       // 200
    DonneeObligatoire = 201,          // 201
    ValeurNonAutorisee = 202,         // 202
    FormatIncompatible = 203,         // 203
    HorsNomenclature = 300,           // 300
    HorsNomenclatureCivilite = 360,   // 360
    HorsNomenclatureTypeVoie = 370,   // 370
    HorsNomenclatureCodePostal = 371, // 371
    HorsNomenclatureCommune = 372,    // 372
    HorsNomenclatureDepartement = 373,// 373
    EtablissementInconnu = 431,       // 431
    DossierInexistant = 460,          // 460
    FormatParametre = 490,            // 490
    Succes = 999,                     // 999
};

// 3.3.1 CodeRetour: Code is the three digits ("000", "999"), Message the
// seed's message, completed with the field it is about where the seed shows
// one ("Valeur non autorisée : Demandeur.NomNaissance").
struct CodeRetour {
    std::string Code;
    std::string Message;
};

// Every code of 3.3.1 in order, for documentation and tests.
const std::vector<ReturnCode>& allReturnCodes();
std::string returnCodeText(ReturnCode code);     // "000".."999"
std::string returnCodeMessage(ReturnCode code);  // the seed's message
// The CodeRetour of `code`; `detail` (a field path) completes the message.
CodeRetour codeRetour(ReturnCode code, const std::string& detail = "");

// 2.4.1 StatutDemande (also the dossier's StatutDossier).
enum class StatutDemande {
    ANNULEE = -1, REFUSEE = 0, NON_ENVOYEE = 1, ENVOYEE = 2, RECUE = 3, LISTE_ATTENTE = 4,
    ADMISSION_PROPOSEE = 5, ADMISSION_ACCEPTEE = 6, ADMISSION_EFFECTUEE = 7, ARCHIVEE = 9,
};
// 2.4.2
enum class TypeHebergement { NonRenseigne = 0, Permanent = 1, Temporaire = 2, AccueilDeJour = 3, AccueilDeNuit = 4, AccueilSequentiel = 5 };
// 2.4.3 (the seed writes the first value "Immédiat"; on the wire it is "Immediat")
enum class Urgence { Immediat = 0, SixMois = 1, Eloigne = 2, NonRenseigne = 3 };

std::string enumName(StatutDemande v);
std::string enumName(TypeHebergement v);
std::string enumName(Urgence v);
std::optional<StatutDemande> statutDemandeFromValue(int v);

// Dictionnaire (string, string): DonneesAutres, AutresDonnees, ParametresOptionnels.
using Dictionnaire = std::map<std::string, std::string>;

// 2.1.5
struct Nomenclature {
    std::string Code;                               // String(15), 1
    std::optional<std::string> CodeSystem;          // String(50)
    std::optional<std::string> CodeSystemName;      // String(50)
    std::optional<std::string> CodeSystemVersion;   // String(50)
    std::optional<std::string> DisplayName;         // String(100)
};

// 2.1.2
struct Adresse {
    std::string NumeroVoie;     // String(10), 1
    std::string TypeVoie;       // String(10), 1
    std::string LibelleVoie;    // String(80), 1
    Nomenclature CodePostal;    // 1
    Nomenclature Localite;      // 1 (Commune)
};

// 2.1.6
struct Contact {
    std::optional<struct Adresse> Adresse;
    std::string NomNaissance;                       // String(50), 1
    std::optional<std::string> NomUsuel;            // String(50)
    std::optional<std::string> Prenom;              // String(50)
    std::optional<std::string> Mail;                // String(50)
    std::optional<std::string> TelephoneFixe;       // String(15)
    std::optional<std::string> TelephonePortable;   // String(15)
    std::vector<Nomenclature> Type;                 // 1-3, TypeContactPA
};

// 2.1.1 Demandeur
struct Demandeur {
    Nomenclature Civilite;                          // 1
    std::string NomNaissance;                       // String(50), 1
    std::optional<std::string> NomUsuel;            // String(50)
    std::string Prenom;                             // String(50), 1
    std::optional<std::string> AutrePrenoms;        // String(50)
    std::string DateNaissance;                      // Date (YYYY-MM-DD), 1
    std::optional<struct Adresse> Adresse;          // 1 (mandatory for creation)
    std::optional<std::string> Mail;                // String(75) (mandatory for creation)
    std::optional<std::string> TelephoneFixe;       // String(15)
    std::optional<std::string> TelephonePortable;   // String(15)
    std::optional<Nomenclature> PaysNaissance;
    std::optional<Nomenclature> VilleNaissance;
    std::optional<std::string> NumSecu;             // String(15)
    std::optional<bool> ContacteurDemandeur;
    std::vector<Contact> Contacts;                  // 0..*
    Dictionnaire AutresDonnees;
};

// 2.1.4
struct Etablissement {
    std::string NumFINISS;                          // String(50), 1 (a FINESS number)
    std::optional<std::string> RaisonSociale;       // String(255)
    std::optional<struct Adresse> Adresse;
    std::optional<std::string> Telephone;           // String(15)
    Dictionnaire DonneesAutres;
};

// 2.1.3
struct DemandeEtablissement {
    struct Etablissement Etablissement;
    int64_t IdDemande = 0;
    enum StatutDemande StatutDemande = ws::StatutDemande::NON_ENVOYEE;
    bool EstAnnule = false;
    bool DemandeLue = false;
    std::optional<Nomenclature> MotifDernierEchange;
    std::optional<std::string> DernierEchange;      // String(1000)
    std::string DateDemande;                        // YYYY-MM-DD
    enum TypeHebergement TypeHebergement = ws::TypeHebergement::NonRenseigne;
    enum Urgence Urgence = ws::Urgence::NonRenseigne;
    Dictionnaire DonneesAutres;
};

// 2.1.1 Dossier
struct Dossier {
    std::string IdDossier;
    struct Demandeur Demandeur;
    bool EstAnnule = false;
    StatutDemande StatutDossier = StatutDemande::NON_ENVOYEE;
    bool EstRenseigneVoletAdmin = false;
    bool EstRenseigneVoletMedical = false;
    bool EstRenseigneVoletAutonomie = false;
    std::vector<DemandeEtablissement> DemandesEtablissement;  // 0-40
    Dictionnaire DonneesAutres;
};

// 3.1.1.2
struct CreationDossierRequest {
    std::optional<struct Demandeur> Demandeur;
    std::optional<std::string> IdLocal;
    std::vector<Etablissement> Etablissements;
    Dictionnaire ParametresOptionnels;
};

struct CreerDossierPAResponse {
    std::optional<int64_t> IdDossier;
    struct CodeRetour CodeRetour;
};

// 3.2.1.2
struct AccesDossierRequest {
    std::optional<std::string> IdDossier;
    std::optional<std::string> IdLocal;
};

struct ConsulterDossierPAResponse {
    std::optional<struct Dossier> Dossier;
    std::optional<std::string> IdDossier;
    struct CodeRetour CodeRetour;
};

// 3.2.2.2
struct JetonSecuritePAResponse {
    std::optional<std::string> JetonSecurite;
    struct CodeRetour CodeRetour;
};

// Limits of the seed's tables.
constexpr size_t kMaxDemandesEtablissement = 40;
constexpr size_t kMaxContactTypes = 3;
// Not in the seed: bounds so that one call cannot flood the database.
constexpr size_t kMaxIdLocal = 64;
constexpr size_t kMaxContacts = 20;
constexpr size_t kMaxDictionaryEntries = 50;
constexpr size_t kMaxDictionaryText = 1000;
constexpr size_t kMaxConsultations = 100;

}  // namespace relais::ws
