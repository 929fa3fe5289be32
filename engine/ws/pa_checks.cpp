// Checks of the PA services' requests (see pa_checks.h).
#include "ws/pa_checks.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/utf8.h"
#include "partners/identifiers.h"
#include "ws/nomenclature_lists.h"

namespace relais::ws {
namespace {

bool isDigits(const std::string& s, size_t from = 0, size_t n = std::string::npos) {
    if (from > s.size()) return false;
    const std::string part = s.substr(from, n);
    return !part.empty() && std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool validUtf8(const std::string& s) { return invalidUtf8Offset(s) == std::string_view::npos; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Lower case ASCII with the accents of French street types folded (é è ê à â ô î û ç).
std::string foldFrench(const std::string& s) {
    static const std::pair<const char*, char> accents[] = {
        {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"É", 'e'}, {"È", 'e'}, {"à", 'a'}, {"â", 'a'}, {"À", 'a'},
        {"ô", 'o'}, {"î", 'i'}, {"û", 'u'}, {"ç", 'c'}, {"Ç", 'c'},
    };
    std::string out;
    for (size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& [utf8, ascii] : accents) {
            const size_t n = std::char_traits<char>::length(utf8);
            if (s.compare(i, n, utf8) == 0) {
                out += ascii;
                i += n;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    return out;
}

// Collects every problem of a request; the one with the lowest code wins.
class Checker {
public:
    void problem(ReturnCode code, const std::string& path) {
        if (!first_ || static_cast<int>(code) < static_cast<int>(firstCode_)) {
            firstCode_ = code;
            first_ = codeRetour(code, path);
        }
    }
    const std::optional<CodeRetour>& first() const { return first_; }

    // A mandatory value (201 when blank) within its maximum length.
    void required(const std::string& path, const std::string& v, size_t max) {
        if (blank(v)) problem(ReturnCode::DonneeObligatoire, path);
        else length(path, v, max);
    }
    void length(const std::string& path, const std::string& v, size_t max) {
        if (!validUtf8(v)) problem(ReturnCode::FormatIncompatible, path);
        else if (utf8Length(v) > max) problem(ReturnCode::ValeurNonAutorisee, path);
    }
    void optional(const std::string& path, const std::optional<std::string>& v, size_t max) {
        if (v) length(path, *v, max);
    }
    void mail(const std::string& path, const std::optional<std::string>& v, size_t max) {
        if (!v || blank(*v)) return;
        length(path, *v, max);
        if (!plausibleMail(*v)) problem(ReturnCode::FormatIncompatible, path);
    }
    void phone(const std::string& path, const std::optional<std::string>& v) {
        if (!v || blank(*v)) return;
        length(path, *v, 15);
        if (!plausiblePhone(*v)) problem(ReturnCode::FormatIncompatible, path);
    }
    void dictionary(const std::string& path, const Dictionnaire& d) {
        if (d.size() > kMaxDictionaryEntries) problem(ReturnCode::ValeurNonAutorisee, path);
        for (const auto& [k, v] : d) {
            if (blank(k)) problem(ReturnCode::DonneeObligatoire, path + ".Cle");
            length(path + ".Cle", k, 100);
            length(path + ".Valeur", v, kMaxDictionaryText);
        }
    }

    // A nomenclature: its Code (mandatory, 15), lengths, the OID (when given,
    // it must be `oid`: else `outCode`), then the code: known, or (when
    // `fallback`) a DisplayName to show instead, else `outCode`.
    void nomenclature(const std::string& path, const Nomenclature& n, const char* oid, ReturnCode outCode,
                      bool (*known)(const std::string&), bool fallback = true) {
        required(path + ".Code", n.Code, 15);
        optional(path + ".CodeSystem", n.CodeSystem, 50);
        optional(path + ".CodeSystemName", n.CodeSystemName, 50);
        optional(path + ".CodeSystemVersion", n.CodeSystemVersion, 50);
        optional(path + ".DisplayName", n.DisplayName, 100);
        if (n.CodeSystem && !blank(*n.CodeSystem) && *n.CodeSystem != oid) {
            problem(outCode, path + ".CodeSystem");
            return;
        }
        if (blank(n.Code) || known(n.Code)) return;
        if (fallback && n.DisplayName && !blank(*n.DisplayName)) return;
        problem(outCode, path + ".Code");
    }

    void adresse(const std::string& path, const Adresse& a) {
        required(path + ".NumeroVoie", a.NumeroVoie, 10);
        required(path + ".TypeVoie", a.TypeVoie, 10);
        required(path + ".LibelleVoie", a.LibelleVoie, 80);
        if (!blank(a.TypeVoie) && !knownTypeVoie(a.TypeVoie))
            problem(ReturnCode::HorsNomenclatureTypeVoie, path + ".TypeVoie");
        // A code whose first digits name no department is that (373), not an
        // unknown postal code (371).
        const bool noDepartment =
            plausiblePostalCode(a.CodePostal.Code) && !knownPostalDepartment(a.CodePostal.Code);
        nomenclature(path + ".CodePostal", a.CodePostal, kOidCodePostal, ReturnCode::HorsNomenclatureCodePostal,
                     noDepartment ? plausiblePostalCode : knownPostalCode);
        if (noDepartment) problem(ReturnCode::HorsNomenclatureDepartement, path + ".CodePostal");
        nomenclature(path + ".Localite", a.Localite, kOidCommune, ReturnCode::HorsNomenclatureCommune,
                     knownCommuneCode);
    }

    void contact(const std::string& path, const Contact& c) {
        if (c.Adresse) adresse(path + ".Adresse", *c.Adresse);
        required(path + ".NomNaissance", c.NomNaissance, 50);
        optional(path + ".NomUsuel", c.NomUsuel, 50);
        optional(path + ".Prenom", c.Prenom, 50);
        mail(path + ".Mail", c.Mail, 50);
        phone(path + ".TelephoneFixe", c.TelephoneFixe);
        phone(path + ".TelephonePortable", c.TelephonePortable);
        if (c.Type.empty()) problem(ReturnCode::DonneeObligatoire, path + ".Type");
        if (c.Type.size() > kMaxContactTypes) problem(ReturnCode::ValeurNonAutorisee, path + ".Type");
        for (size_t i = 0; i < c.Type.size(); ++i)
            nomenclature(path + ".Type[" + std::to_string(i) + "]", c.Type[i], kOidTypeContact,
                         ReturnCode::HorsNomenclature,
                         [](const std::string& code) { return code == "0" || code == "1" || code == "2"; });
    }

    void demandeur(const std::string& path, const Demandeur& d, const std::string& today) {
        nomenclature(path + ".Civilite", d.Civilite, kOidCivilite, ReturnCode::HorsNomenclatureCivilite,
                     [](const std::string& code) { return code == "M" || code == "MME"; }, false);
        required(path + ".NomNaissance", d.NomNaissance, 50);
        optional(path + ".NomUsuel", d.NomUsuel, 50);
        required(path + ".Prenom", d.Prenom, 50);
        optional(path + ".AutrePrenoms", d.AutrePrenoms, 50);
        if (blank(d.DateNaissance)) problem(ReturnCode::DonneeObligatoire, path + ".DateNaissance");
        else if (!validDate(d.DateNaissance)) problem(ReturnCode::FormatIncompatible, path + ".DateNaissance");
        else if (d.DateNaissance > today || d.DateNaissance < "1880-01-01")
            problem(ReturnCode::ValeurNonAutorisee, path + ".DateNaissance");
        if (!d.Adresse) problem(ReturnCode::DonneeObligatoire, path + ".Adresse");
        else adresse(path + ".Adresse", *d.Adresse);
        if (!d.Mail || blank(*d.Mail)) problem(ReturnCode::DonneeObligatoire, path + ".Mail");
        mail(path + ".Mail", d.Mail, 75);
        phone(path + ".TelephoneFixe", d.TelephoneFixe);
        phone(path + ".TelephonePortable", d.TelephonePortable);
        if (d.PaysNaissance)
            nomenclature(path + ".PaysNaissance", *d.PaysNaissance, kOidPays, ReturnCode::HorsNomenclature,
                         plausibleCountryCode);
        if (d.VilleNaissance)
            nomenclature(path + ".VilleNaissance", *d.VilleNaissance, kOidCommune, ReturnCode::HorsNomenclatureCommune,
                         knownCommuneCode);
        if (d.NumSecu && !blank(*d.NumSecu)) {
            length(path + ".NumSecu", *d.NumSecu, 15);
            if (!validNumSecu(*d.NumSecu)) problem(ReturnCode::FormatIncompatible, path + ".NumSecu");
        }
        if (d.Contacts.size() > kMaxContacts) problem(ReturnCode::ValeurNonAutorisee, path + ".Contacts");
        for (size_t i = 0; i < d.Contacts.size(); ++i)
            contact(path + ".Contacts[" + std::to_string(i) + "]", d.Contacts[i]);
        dictionary(path + ".AutresDonnees", d.AutresDonnees);
    }

    void etablissement(const std::string& path, const Etablissement& e) {
        required(path + ".NumFINISS", e.NumFINISS, 50);
        if (!blank(e.NumFINISS) && !validFiness(e.NumFINISS))
            problem(ReturnCode::EtablissementInconnu, path + ".NumFINISS");
        optional(path + ".RaisonSociale", e.RaisonSociale, 255);
        if (e.Adresse) adresse(path + ".Adresse", *e.Adresse);
        phone(path + ".Telephone", e.Telephone);
        dictionary(path + ".DonneesAutres", e.DonneesAutres);
    }

private:
    std::optional<CodeRetour> first_;
    ReturnCode firstCode_ = ReturnCode::Succes;
};

}  // namespace

bool validDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s, 0, 4) || !isDigits(s, 5, 2) ||
        !isDigits(s, 8, 2))
        return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool plausibleMail(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::string domain = s.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string::npos && dot > 0 && domain.back() != '.' && domain.find("..") == std::string::npos &&
           s.find_first_of(" \t\r\n<>,;:\"()[]\\") == std::string::npos;
}

bool plausiblePhone(const std::string& s) {
    int digits = 0;
    for (unsigned char c : s) {
        if (std::isdigit(c)) ++digits;
        else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')') return false;
    }
    return digits >= 6 && digits <= 15;
}

bool validNumSecu(const std::string& s) {
    if (s.size() != 15 || !isDigits(s, 0, 5) || !isDigits(s, 7, 8)) return false;
    // Corsica (INSEE rule): the key is computed with 2A read as 19 and 2B as 18.
    std::string number = s.substr(0, 13);
    if (s.compare(5, 2, "2A") == 0) number.replace(5, 2, "19");
    else if (s.compare(5, 2, "2B") == 0) number.replace(5, 2, "18");
    else if (!isDigits(s, 5, 2)) return false;
    const long long n = std::stoll(number);
    const int key = std::stoi(s.substr(13, 2));
    return key == 97 - static_cast<int>(n % 97);
}

bool validFiness(const std::string& s) {
    if (s.size() != 9) return false;
    std::string digits = s;
    // Corsican numbers start 2A/2B; the key is computed with the letter as 0.
    if (s.compare(0, 2, "2A") == 0 || s.compare(0, 2, "2B") == 0) digits[1] = '0';
    return isDigits(digits) && luhnValid(digits);
}

bool knownTypeVoie(const std::string& s) {
    static const std::set<std::string> known = {
        "rue", "r", "avenue", "av", "ave", "boulevard", "bd", "bld", "place", "pl", "chemin", "che", "ch",
        "impasse", "imp", "allee", "all", "quai", "qu", "route", "rte", "cours", "crs", "square", "sq",
        "passage", "pas", "cite", "cit", "residence", "res", "lieu-dit", "ld", "hameau", "ham", "voie", "sentier",
        "sen", "sente", "promenade", "prom", "faubourg", "fg", "fbg", "za", "zi", "zac", "montee", "mte",
        "quartier", "qua", "rond-point", "rpt", "parvis", "esplanade", "esp", "carrefour", "car", "traverse",
        "tra", "domaine", "dom", "lotissement", "lot", "village", "vge", "villa", "vla", "venelle", "ruelle",
        "rle", "port", "pont", "galerie", "gal", "mail", "parc", "chaussee", "chs", "clos", "cour", "digue",
        "esc", "escalier", "pass", "plateau", "plt", "rampe", "rpe", "ferme", "fer", "mas", "bourg", "bg",
    };
    return known.count(foldFrench(s)) != 0;
}

bool plausiblePostalCode(const std::string& s) { return s.size() == 5 && isDigits(s); }

namespace {

// Whether `code` is one of the `count` sorted 5-character codes of `table`.
bool inCodeList(const char* table, size_t count, const std::string& code) {
    if (code.size() != 5) return false;
    const std::string_view wanted(code);
    size_t low = 0, high = count;
    while (low < high) {
        const size_t mid = low + (high - low) / 2;
        const std::string_view at(table + mid * 5, 5);
        if (at == wanted) return true;
        if (at < wanted) low = mid + 1;
        else high = mid;
    }
    return false;
}

}  // namespace

bool knownPostalCode(const std::string& s) { return inCodeList(lists::kPostalCodes, lists::kPostalCodeCount, s); }

bool knownCommuneCode(const std::string& s) { return inCodeList(lists::kCommunes, lists::kCommuneCount, s); }

bool knownPostalDepartment(const std::string& s) {
    if (!plausiblePostalCode(s)) return false;
    const int dep = std::stoi(s.substr(0, 2));
    if (dep >= 1 && dep <= 95) return true;
    if (dep == 97) return s[2] >= '1' && s[2] <= '6';          // 971..976 overseas departments
    if (dep == 98) return s[2] == '0' || (s[2] >= '4' && s[2] <= '8');  // Monaco, overseas collectivities
    return false;
}

bool plausibleCountryCode(const std::string& s) { return s.size() == 5 && s.compare(0, 2, "99") == 0 && isDigits(s); }

std::optional<CodeRetour> checkCreation(const CreationDossierRequest& req, const std::string& today) {
    if (!req.Demandeur) return codeRetour(ReturnCode::ParametreObligatoire, "CreationDossier.Demandeur");
    if (!req.IdLocal || blank(*req.IdLocal)) return codeRetour(ReturnCode::ParametreObligatoire, "CreationDossier.IdLocal");
    Checker c;
    c.length("CreationDossier.IdLocal", *req.IdLocal, kMaxIdLocal);
    c.demandeur("Demandeur", *req.Demandeur, today);
    if (req.Etablissements.size() > kMaxDemandesEtablissement) c.problem(ReturnCode::ValeurNonAutorisee, "Etablissements");
    for (size_t i = 0; i < req.Etablissements.size(); ++i)
        c.etablissement("Etablissements[" + std::to_string(i) + "]", req.Etablissements[i]);
    c.dictionary("ParametresOptionnels", req.ParametresOptionnels);
    return c.first();
}

std::variant<int64_t, CodeRetour> checkAcces(const AccesDossierRequest& req, const std::string& path) {
    if (!req.IdDossier || blank(*req.IdDossier)) return codeRetour(ReturnCode::ParametreObligatoire, path + ".IdDossier");
    if (!req.IdLocal || blank(*req.IdLocal)) return codeRetour(ReturnCode::ParametreObligatoire, path + ".IdLocal");
    const std::string& id = *req.IdDossier;
    if (!isDigits(id) || id.size() > 18 || id.find_first_not_of('0') == std::string::npos)
        return codeRetour(ReturnCode::FormatParametre, "IdDossier");
    if (!validUtf8(*req.IdLocal) || utf8Length(*req.IdLocal) > kMaxIdLocal)
        return codeRetour(ReturnCode::ValeurNonAutorisee, path + ".IdLocal");
    return static_cast<int64_t>(std::stoll(id));
}

}  // namespace relais::ws
