// The checks of the PA services' requests (seed 3.1.1.2, 2.2.1, 3.3.1): the
// mandatory data, the seed's string lengths, date, mail, phone and social
// security number formats, nomenclature OIDs and codes (a known OID with an
// unknown code falls back to its DisplayName, except for the Civilité), and
// FINESS numbers. Pure functions: no database.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "ws/pa_types.h"

namespace relais::ws {

// Nomenclature OIDs (ANS NOS, seed 2.2 and 2.3).
inline constexpr const char* kOidCivilite = "1.2.250.1.213.1.6.1.69";
inline constexpr const char* kOidCommune = "1.2.250.1.213.2.23";
inline constexpr const char* kOidPays = "1.2.250.1.213.2.24";
inline constexpr const char* kOidCodePostal = "1.2.250.1.214.2.45";
inline constexpr const char* kOidTypeContact = "TypeContactPA";

// The problem of a creation request that ranks first (the lowest code: a
// missing parameter before a missing datum, before a length, a format, a
// nomenclature, an establishment), or nullopt when the request can be stored.
// `today` is 'YYYY-MM-DD' (a birth date after it is refused).
std::optional<CodeRetour> checkCreation(const CreationDossierRequest& req, const std::string& today);

// The dossier id of an AccesDossierRequest (`path` names it in messages), or
// its problem: 200 when IdDossier or IdLocal is missing, 490 when IdDossier is
// not a dossier number, 202 when IdLocal is too long.
std::variant<int64_t, CodeRetour> checkAcces(const AccesDossierRequest& req, const std::string& path);

// Building blocks, exposed for the tests.
bool validDate(const std::string& s);         // YYYY-MM-DD, a real calendar day
bool plausibleMail(const std::string& s);
bool plausiblePhone(const std::string& s);    // digits, spaces, + . - ( ), 6 to 15 digits
bool validNumSecu(const std::string& s);      // NIR: 13 characters (2A/2B for Corsica) and its key
bool validFiness(const std::string& s);       // 9 characters (2A/2B), Luhn key
bool knownTypeVoie(const std::string& s);
bool knownCommuneCode(const std::string& s);       // an INSEE commune code (nomenclature_lists.h)
bool plausiblePostalCode(const std::string& s);    // five digits
bool knownPostalCode(const std::string& s);        // a postal code of La Poste's base (nomenclature_lists.h)
bool knownPostalDepartment(const std::string& s);  // its first digits name a department
bool plausibleCountryCode(const std::string& s);   // INSEE country code 99xxx

}  // namespace relais::ws
