// JSON shapes of the PA services' messages (see pa_json.h).
#include "ws/pa_json.h"

namespace relais::ws {
namespace {

using nlohmann::json;

// Walks a JSON object, remembering the first value of the wrong type.
class Reader {
public:
    Reader(const json& j, std::string path, JsonReadResult& r) : j_(j), path_(std::move(path)), r_(r) {
        if (!j_.is_object() && !j_.is_null()) bad(path_);
    }

    const json* child(const char* key) const {
        if (!j_.is_object()) return nullptr;
        auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) return nullptr;
        return &*it;
    }
    std::string at(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

    std::optional<std::string> optText(const char* key) const {
        const json* v = child(key);
        if (!v) return std::nullopt;
        if (v->is_string()) return v->get<std::string>();
        if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
        bad(at(key));
        return std::nullopt;
    }
    std::string text(const char* key) const { return optText(key).value_or(""); }

    std::optional<bool> optBool(const char* key) const {
        const json* v = child(key);
        if (!v) return std::nullopt;
        if (v->is_boolean()) return v->get<bool>();
        bad(at(key));
        return std::nullopt;
    }

    // The items of a repeated element inside its container:
    // {"Contacts": {"Contact": [...]}} (or a single object without the array).
    std::vector<const json*> items(const char* container, const char* item) const {
        std::vector<const json*> out;
        const json* c = child(container);
        if (!c) return out;
        if (!c->is_object()) {
            bad(at(container));
            return out;
        }
        auto it = c->find(item);
        if (it == c->end() || it->is_null()) return out;
        if (it->is_array()) {
            for (const auto& v : *it) out.push_back(&v);
        } else {
            out.push_back(&*it);
        }
        return out;
    }

    void bad(const std::string& field) const {
        if (r_.badField.empty()) r_.badField = field;
    }
    JsonReadResult& result() const { return r_; }

private:
    const json& j_;
    std::string path_;
    JsonReadResult& r_;
};

std::string indexed(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

Nomenclature nomenclatureFromJson(const json& j, const std::string& path, JsonReadResult& r) {
    Reader in(j, path, r);
    Nomenclature n;
    n.Code = in.text("Code");
    n.CodeSystem = in.optText("CodeSystem");
    n.CodeSystemName = in.optText("CodeSystemName");
    n.CodeSystemVersion = in.optText("CodeSystemVersion");
    n.DisplayName = in.optText("DisplayName");
    return n;
}

std::optional<Nomenclature> optNomenclature(const Reader& in, const char* key) {
    const json* v = in.child(key);
    if (!v) return std::nullopt;
    return nomenclatureFromJson(*v, in.at(key), in.result());
}

Adresse adresseFromJson(const json& j, const std::string& path, JsonReadResult& r) {
    Reader in(j, path, r);
    Adresse a;
    a.NumeroVoie = in.text("NumeroVoie");
    a.TypeVoie = in.text("TypeVoie");
    a.LibelleVoie = in.text("LibelleVoie");
    a.CodePostal = optNomenclature(in, "CodePostal").value_or(Nomenclature{});
    a.Localite = optNomenclature(in, "Localite").value_or(Nomenclature{});
    return a;
}

std::optional<Adresse> optAdresse(const Reader& in, const char* key) {
    const json* v = in.child(key);
    if (!v) return std::nullopt;
    return adresseFromJson(*v, in.at(key), in.result());
}

Dictionnaire optDictionnaire(const Reader& in, const char* key) {
    Dictionnaire d;
    const auto entries = in.items(key, "Parametre");
    for (size_t i = 0; i < entries.size(); ++i) {
        Reader e(*entries[i], indexed(in.at(key), i), in.result());
        // Later duplicates of a key replace earlier ones, as in a dictionary.
        d[e.text("Cle")] = e.text("Valeur");
    }
    return d;
}

Contact contactFromJson(const json& j, const std::string& path, JsonReadResult& r) {
    Reader in(j, path, r);
    Contact c;
    c.Adresse = optAdresse(in, "Adresse");
    c.NomNaissance = in.text("NomNaissance");
    c.NomUsuel = in.optText("NomUsuel");
    c.Prenom = in.optText("Prenom");
    c.Mail = in.optText("Mail");
    c.TelephoneFixe = in.optText("TelephoneFixe");
    c.TelephonePortable = in.optText("TelephonePortable");
    const auto types = in.items("Type", "Nomenclature");
    for (size_t i = 0; i < types.size(); ++i)
        c.Type.push_back(nomenclatureFromJson(*types[i], indexed(in.at("Type"), i), r));
    return c;
}

void putOpt(json& j, const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
}

json containerJson(const char* item, json items) {
    json c = json::object();
    if (!items.empty()) c[item] = std::move(items);
    return c;
}

json contactJson(const Contact& c) {
    json j = json::object();
    if (c.Adresse) j["Adresse"] = toJson(*c.Adresse);
    j["NomNaissance"] = c.NomNaissance;
    putOpt(j, "NomUsuel", c.NomUsuel);
    putOpt(j, "Prenom", c.Prenom);
    putOpt(j, "Mail", c.Mail);
    putOpt(j, "TelephoneFixe", c.TelephoneFixe);
    putOpt(j, "TelephonePortable", c.TelephonePortable);
    json types = json::array();
    for (const auto& t : c.Type) types.push_back(toJson(t));
    j["Type"] = containerJson("Nomenclature", std::move(types));
    return j;
}

json demandeJson(const DemandeEtablissement& d) {
    json j = json::object();
    j["Etablissement"] = toJson(d.Etablissement);
    j["IdDemande"] = d.IdDemande;
    j["StatutDemande"] = enumName(d.StatutDemande);
    j["EstAnnule"] = d.EstAnnule;
    j["DemandeLue"] = d.DemandeLue;
    if (d.MotifDernierEchange) j["MotifDernierEchange"] = toJson(*d.MotifDernierEchange);
    putOpt(j, "DernierEchange", d.DernierEchange);
    j["DateDemande"] = d.DateDemande;
    j["TypeHebergement"] = enumName(d.TypeHebergement);
    j["Urgence"] = enumName(d.Urgence);
    if (!d.DonneesAutres.empty()) j["DonneesAutres"] = toJson(d.DonneesAutres);
    return j;
}

}  // namespace

Dictionnaire dictionnaireFromJson(const json& j, JsonReadResult& r) {
    json wrapper = json::object();
    wrapper["d"] = j;
    return optDictionnaire(Reader(wrapper, "", r), "d");
}

Demandeur demandeurFromJson(const json& j, JsonReadResult& r) {
    return demandeurFromJsonAt(j, "Demandeur", r);
}

Demandeur demandeurFromJsonAt(const json& j, const std::string& path, JsonReadResult& r) {
    Reader in(j, path, r);
    Demandeur d;
    d.Civilite = optNomenclature(in, "Civilite").value_or(Nomenclature{});
    d.NomNaissance = in.text("NomNaissance");
    d.NomUsuel = in.optText("NomUsuel");
    d.Prenom = in.text("Prenom");
    d.AutrePrenoms = in.optText("AutrePrenoms");
    d.DateNaissance = in.text("DateNaissance");
    d.Adresse = optAdresse(in, "Adresse");
    d.Mail = in.optText("Mail");
    d.TelephoneFixe = in.optText("TelephoneFixe");
    d.TelephonePortable = in.optText("TelephonePortable");
    d.PaysNaissance = optNomenclature(in, "PaysNaissance");
    d.VilleNaissance = optNomenclature(in, "VilleNaissance");
    d.NumSecu = in.optText("NumSecu");
    d.ContacteurDemandeur = in.optBool("ContacteurDemandeur");
    const auto contacts = in.items("Contacts", "Contact");
    for (size_t i = 0; i < contacts.size(); ++i)
        d.Contacts.push_back(contactFromJson(*contacts[i], indexed(in.at("Contacts"), i), r));
    d.AutresDonnees = optDictionnaire(in, "AutresDonnees");
    return d;
}

Etablissement etablissementFromJson(const json& j, JsonReadResult& r) { return etablissementFromJsonAt(j, "Etablissement", r); }

Etablissement etablissementFromJsonAt(const json& j, const std::string& path, JsonReadResult& r) {
    Reader in(j, path, r);
    Etablissement e;
    e.NumFINISS = in.text("NumFINISS");
    e.RaisonSociale = in.optText("RaisonSociale");
    e.Adresse = optAdresse(in, "Adresse");
    e.Telephone = in.optText("Telephone");
    e.DonneesAutres = optDictionnaire(in, "DonneesAutres");
    return e;
}

CreationDossierRequest creationDossierFromJson(const json& wrapper, JsonReadResult& r) {
    Reader top(wrapper, "", r);
    CreationDossierRequest req;
    const json* c = top.child("CreationDossier");
    if (!c) return req;
    Reader in(*c, "CreationDossier", r);
    if (const json* d = in.child("Demandeur")) req.Demandeur = demandeurFromJsonAt(*d, "Demandeur", r);
    req.IdLocal = in.optText("IdLocal");
    const auto etabs = in.items("Etablissements", "Etablissement");
    for (size_t i = 0; i < etabs.size(); ++i)
        req.Etablissements.push_back(etablissementFromJsonAt(*etabs[i], indexed("Etablissements", i), r));
    req.ParametresOptionnels = optDictionnaire(in, "ParametresOptionnels");
    return req;
}

std::optional<AccesDossierRequest> accesDossierFromJson(const json& wrapper, const char* key, JsonReadResult& r) {
    Reader top(wrapper, "", r);
    const json* a = top.child(key);
    if (!a) return std::nullopt;
    Reader in(*a, key, r);
    AccesDossierRequest req;
    req.IdDossier = in.optText("IdDossier");
    req.IdLocal = in.optText("IdLocal");
    return req;
}

std::optional<std::vector<AccesDossierRequest>> listeDossierFromJson(const json& wrapper, JsonReadResult& r) {
    Reader top(wrapper, "", r);
    if (!top.child("ListeDossier")) return std::nullopt;
    std::vector<AccesDossierRequest> out;
    const auto items = top.items("ListeDossier", "AccesDossierRequest");
    for (size_t i = 0; i < items.size(); ++i) {
        json one = json::object();
        one["a"] = *items[i];
        JsonReadResult itemResult;
        auto req = accesDossierFromJson(one, "a", itemResult);
        if (!itemResult.badField.empty() && r.badField.empty())
            r.badField = indexed("ListeDossier", i) + itemResult.badField.substr(1);
        out.push_back(req.value_or(AccesDossierRequest{}));
    }
    return out;
}

json toJson(const CodeRetour& c) { return json{{"Code", c.Code}, {"Message", c.Message}}; }

json toJson(const Nomenclature& n) {
    json j = json::object();
    j["Code"] = n.Code;
    putOpt(j, "CodeSystem", n.CodeSystem);
    putOpt(j, "CodeSystemName", n.CodeSystemName);
    putOpt(j, "CodeSystemVersion", n.CodeSystemVersion);
    putOpt(j, "DisplayName", n.DisplayName);
    return j;
}

json toJson(const Adresse& a) {
    return json{{"NumeroVoie", a.NumeroVoie}, {"TypeVoie", a.TypeVoie}, {"LibelleVoie", a.LibelleVoie},
                {"CodePostal", toJson(a.CodePostal)}, {"Localite", toJson(a.Localite)}};
}

json toJson(const Dictionnaire& d) {
    json items = json::array();
    for (const auto& [k, v] : d) items.push_back(json{{"Cle", k}, {"Valeur", v}});
    return containerJson("Parametre", std::move(items));
}

json toJson(const Demandeur& d) {
    json j = json::object();
    j["Civilite"] = toJson(d.Civilite);
    j["NomNaissance"] = d.NomNaissance;
    putOpt(j, "NomUsuel", d.NomUsuel);
    j["Prenom"] = d.Prenom;
    putOpt(j, "AutrePrenoms", d.AutrePrenoms);
    j["DateNaissance"] = d.DateNaissance;
    if (d.Adresse) j["Adresse"] = toJson(*d.Adresse);
    putOpt(j, "Mail", d.Mail);
    putOpt(j, "TelephoneFixe", d.TelephoneFixe);
    putOpt(j, "TelephonePortable", d.TelephonePortable);
    if (d.PaysNaissance) j["PaysNaissance"] = toJson(*d.PaysNaissance);
    if (d.VilleNaissance) j["VilleNaissance"] = toJson(*d.VilleNaissance);
    putOpt(j, "NumSecu", d.NumSecu);
    if (d.ContacteurDemandeur) j["ContacteurDemandeur"] = *d.ContacteurDemandeur;
    if (!d.Contacts.empty()) {
        json contacts = json::array();
        for (const auto& c : d.Contacts) contacts.push_back(contactJson(c));
        j["Contacts"] = containerJson("Contact", std::move(contacts));
    }
    if (!d.AutresDonnees.empty()) j["AutresDonnees"] = toJson(d.AutresDonnees);
    return j;
}

json toJson(const Etablissement& e) {
    json j = json::object();
    j["NumFINISS"] = e.NumFINISS;
    putOpt(j, "RaisonSociale", e.RaisonSociale);
    if (e.Adresse) j["Adresse"] = toJson(*e.Adresse);
    putOpt(j, "Telephone", e.Telephone);
    if (!e.DonneesAutres.empty()) j["DonneesAutres"] = toJson(e.DonneesAutres);
    return j;
}

json toJson(const Dossier& d) {
    json j = json::object();
    j["IdDossier"] = d.IdDossier;
    j["Demandeur"] = toJson(d.Demandeur);
    j["EstAnnule"] = d.EstAnnule;
    j["StatutDossier"] = enumName(d.StatutDossier);
    j["EstRenseigneVoletAdmin"] = d.EstRenseigneVoletAdmin;
    j["EstRenseigneVoletMedical"] = d.EstRenseigneVoletMedical;
    j["EstRenseigneVoletAutonomie"] = d.EstRenseigneVoletAutonomie;
    if (!d.DemandesEtablissement.empty()) {
        json demandes = json::array();
        for (const auto& de : d.DemandesEtablissement) demandes.push_back(demandeJson(de));
        j["DemandesEtablissement"] = containerJson("DemandeEtablissement", std::move(demandes));
    }
    if (!d.DonneesAutres.empty()) j["DonneesAutres"] = toJson(d.DonneesAutres);
    return j;
}

json responseJson(const CreerDossierPAResponse& r) {
    json resp = json::object();
    if (r.IdDossier) resp["IdDossier"] = *r.IdDossier;
    resp["CodeRetour"] = toJson(r.CodeRetour);
    return json{{"Response", resp}};
}

json responseJson(const std::vector<ConsulterDossierPAResponse>& list) {
    json items = json::array();
    for (const auto& r : list) {
        json one = json::object();
        if (r.Dossier) one["Dossier"] = toJson(*r.Dossier);
        putOpt(one, "IdDossier", r.IdDossier);
        one["CodeRetour"] = toJson(r.CodeRetour);
        items.push_back(std::move(one));
    }
    return json{{"Response", containerJson("ConsulterDossierPAResponse", std::move(items))}};
}

json responseJson(const JetonSecuritePAResponse& r) {
    json resp = json::object();
    putOpt(resp, "JetonSecurite", r.JetonSecurite);
    resp["CodeRetour"] = toJson(r.CodeRetour);
    return json{{"Response", resp}};
}

}  // namespace relais::ws
