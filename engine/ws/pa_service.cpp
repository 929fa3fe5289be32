// The PA dossier services and their store (see pa_service.h).
#include "ws/pa_service.h"

#include <algorithm>
#include <ctime>

#include "base/sha256.h"
#include "ws/pa_checks.h"

namespace relais::ws {
namespace {

using nlohmann::json;

std::string todayUtc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

CodeRetour success() { return codeRetour(ReturnCode::Succes); }

Dictionnaire dictionaryFrom(const std::optional<std::string>& text) {
    if (!text || text->empty()) return {};
    JsonReadResult ignored;
    return dictionnaireFromJson(json::parse(*text, nullptr, false), ignored);
}

// A row of DossierStore::list's statement.
DossierSummary dossierSummaryFromRow(const db::Row& r) {
    DossierSummary s;
    s.id = r.i64(0);
    s.application = r.str(1);
    s.idLocal = r.str(2);
    s.nomNaissance = r.str(3);
    s.prenom = r.str(4);
    s.dateNaissance = r.str(5);
    s.statut = enumName(statutDemandeFromValue(static_cast<int>(r.i64(6))).value_or(StatutDemande::NON_ENVOYEE));
    s.estAnnule = r.i64(7) != 0;
    s.demandes = static_cast<int>(r.i64(8));
    s.createdAt = r.str(9);
    return s;
}

}  // namespace

CodeRetour PaService::unidentified(const Status& why) {
    failure_ = why.message();
    return codeRetour(ReturnCode::ErreurNonIdentifiee);
}

std::variant<int64_t, CodeRetour> PaService::caller() {
    auto app = ApplicationRegistry(conn_).identify(caller_, kServicePa, cache_);
    if (!app) return unidentified(app.status());
    if (!*app) return codeRetour(ReturnCode::ApplicationNonAutorisee);
    return (*app)->id;
}

CreerDossierPAResponse PaService::creerDossier(const CreationDossierRequest& req, const JsonReadResult& read) {
    CreerDossierPAResponse out;
    auto who = caller();
    if (auto* refused = std::get_if<CodeRetour>(&who)) {
        out.CodeRetour = *refused;
        return out;
    }
    const int64_t applicationId = std::get<int64_t>(who);
    if (!read.badField.empty()) {
        out.CodeRetour = codeRetour(ReturnCode::FormatParametre, read.badField);
        return out;
    }
    if (auto problem = checkCreation(req, todayUtc())) {
        out.CodeRetour = *problem;
        return out;
    }
    const Demandeur& d = *req.Demandeur;
    const db::Params dossier = {applicationId, *req.IdLocal, d.NomNaissance, d.Prenom, d.DateNaissance, toJson(d).dump()};
    constexpr const char* insertDossier =
        "INSERT INTO vt_dossier (application_id, id_local, nom_naissance, prenom, date_naissance, demandeur) "
        "VALUES (?, ?, ?, ?, ?, ?)";
    db::Transaction tx(conn_);
    auto stored = [&]() -> Result<int64_t> {
        if (req.Etablissements.empty()) {  // one statement: no transaction to open
            RELAIS_TRY(conn_.execute(insertDossier, dossier));
            return static_cast<int64_t>(conn_.lastInsertId());
        }
        RELAIS_TRY(tx.begin());
        RELAIS_TRY(conn_.execute(insertDossier, dossier));
        const auto id = static_cast<int64_t>(conn_.lastInsertId());
        // Etablissements are not used by ViaTrajectoire in version 1 (seed
        // 3.1.1.2); Relais keeps each as a demand not sent yet, so that
        // ConsulterDossierPA shows them. One statement for all of them.
        std::string sql = "INSERT INTO vt_demande (dossier_id, finess, etablissement, date_demande) VALUES ";
        db::Params params;
        for (const auto& e : req.Etablissements) {
            sql += params.empty() ? "(?, ?, ?, UTC_DATE())" : ", (?, ?, ?, UTC_DATE())";
            params.emplace_back(id);
            params.emplace_back(e.NumFINISS);
            params.emplace_back(toJson(e).dump());
        }
        RELAIS_TRY(conn_.execute(sql, params));
        RELAIS_TRY(tx.commit());
        return id;
    }();
    if (!stored) {
        out.CodeRetour = unidentified(stored.status());
        return out;
    }
    out.IdDossier = *stored;
    out.CodeRetour = success();
    return out;
}

CreerDossierPAResponse PaService::operationNonImplementee() {
    CreerDossierPAResponse out;
    out.CodeRetour = codeRetour(ReturnCode::OperationNonImplementee, "CreerDossier (utiliser CreerDossierPA)");
    return out;
}

std::variant<int64_t, CodeRetour> PaService::accessible(int64_t applicationId, const AccesDossierRequest& req,
                                                        const std::string& path) {
    auto checked = checkAcces(req, path);
    if (auto* problem = std::get_if<CodeRetour>(&checked)) return *problem;
    const int64_t id = std::get<int64_t>(checked);
    auto rows = conn_.query("SELECT application_id, id_local FROM vt_dossier WHERE id = ?", {id});
    if (!rows) return unidentified(rows.status());
    if (rows->empty()) return codeRetour(ReturnCode::DossierInexistant, *req.IdDossier);
    if (rows->front().i64(0) != applicationId || rows->front().str(1) != *req.IdLocal)
        return codeRetour(ReturnCode::ActionNonAutorisee, "dossier " + *req.IdDossier);
    return id;
}

std::vector<ConsulterDossierPAResponse> PaService::consulterDossiers(
    const std::optional<std::vector<AccesDossierRequest>>& list, const JsonReadResult& read) {
    auto whole = [](CodeRetour c) {
        ConsulterDossierPAResponse r;
        r.CodeRetour = std::move(c);
        return std::vector<ConsulterDossierPAResponse>{r};
    };
    auto who = caller();
    if (auto* refused = std::get_if<CodeRetour>(&who)) return whole(*refused);
    const int64_t applicationId = std::get<int64_t>(who);
    if (!read.badField.empty()) return whole(codeRetour(ReturnCode::FormatParametre, read.badField));
    if (!list || list->empty()) return whole(codeRetour(ReturnCode::ParametreObligatoire, "ListeDossier"));
    if (list->size() > kMaxConsultations) return whole(codeRetour(ReturnCode::ValeurNonAutorisee, "ListeDossier"));
    std::vector<ConsulterDossierPAResponse> out;
    DossierStore store(conn_);
    for (size_t i = 0; i < list->size(); ++i) {
        const auto& req = (*list)[i];
        ConsulterDossierPAResponse r;
        r.IdDossier = req.IdDossier;
        auto checked = checkAcces(req, "ListeDossier[" + std::to_string(i) + "]");
        if (auto* problem = std::get_if<CodeRetour>(&checked)) {
            r.CodeRetour = *problem;
        } else {
            // One query for the dossier and its owner: the access check needs no other.
            auto owned = store.loadOwned(std::get<int64_t>(checked));
            if (!owned) return whole(unidentified(owned.status()));
            if (!*owned) r.CodeRetour = codeRetour(ReturnCode::DossierInexistant, *req.IdDossier);
            else if ((*owned)->applicationId != applicationId || (*owned)->idLocal != *req.IdLocal)
                r.CodeRetour = codeRetour(ReturnCode::ActionNonAutorisee, "dossier " + *req.IdDossier);
            else {
                r.Dossier = std::move((*owned)->Dossier);
                r.CodeRetour = success();
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

JetonSecuritePAResponse PaService::genererJeton(const std::optional<AccesDossierRequest>& req,
                                                const JsonReadResult& read) {
    JetonSecuritePAResponse out;
    auto who = caller();
    if (auto* refused = std::get_if<CodeRetour>(&who)) {
        out.CodeRetour = *refused;
        return out;
    }
    if (!read.badField.empty()) {
        out.CodeRetour = codeRetour(ReturnCode::FormatParametre, read.badField);
        return out;
    }
    if (!req) {
        out.CodeRetour = codeRetour(ReturnCode::ParametreObligatoire, "Dossier");
        return out;
    }
    const int64_t applicationId = std::get<int64_t>(who);
    auto id = accessible(applicationId, *req, "Dossier");
    if (auto* problem = std::get_if<CodeRetour>(&id)) {
        out.CodeRetour = *problem;
        return out;
    }
    const std::string token = randomHex(32);
    if (token.empty()) {
        out.CodeRetour = unidentified(Status(Code::Internal, "no random bytes for a token (OpenSSL RAND_bytes)"));
        return out;
    }
    auto stored = conn_.execute("INSERT INTO vt_jeton (token_sha256, dossier_id, application_id, expires_at) "
                                "VALUES (?, ?, ?, NOW(3) + INTERVAL " + std::to_string(kTokenLifetimeSeconds) + " SECOND)",
                                {sha256Hex(token), std::get<int64_t>(id), applicationId});
    if (!stored) {
        out.CodeRetour = unidentified(stored.status());
        return out;
    }
    out.JetonSecurite = token;
    out.CodeRetour = success();
    return out;
}

Result<DossierPage> DossierStore::list(int limit, std::optional<int64_t> before, const std::string& text) {
    if (limit < 1 || limit > 1000) return Status(Code::InvalidArgument, "limit must be between 1 and 1000");
    std::string sql =
        "SELECT d.id, a.name, d.id_local, d.nom_naissance, d.prenom, d.date_naissance, "
        "COALESCE((SELECT MAX(statut) FROM vt_demande m WHERE m.dossier_id = d.id), d.statut), d.est_annule, "
        "(SELECT COUNT(*) FROM vt_demande m WHERE m.dossier_id = d.id), d.created_at "
        "FROM vt_dossier d JOIN ws_application a ON a.id = d.application_id WHERE 1 = 1";
    db::Params params;
    if (before) {
        sql += " AND d.id < ?";
        params.emplace_back(*before);
    }
    if (!text.empty()) {
        std::string prefix;
        for (char c : text) {
            if (c == '\\' || c == '%' || c == '_') prefix += '\\';
            prefix += c;
        }
        sql += " AND d.nom_naissance LIKE ?";
        params.emplace_back(prefix + "%");
    }
    sql += " ORDER BY d.id DESC LIMIT ?";
    params.emplace_back(db::keysetFetchLimit(limit));
    auto rows = conn_.query(sql, params);
    if (!rows) return rows.status();
    return db::keysetPage(*rows, limit, dossierSummaryFromRow, &DossierSummary::id);
}

Result<Dossier> DossierStore::load(int64_t id) {
    RELAIS_ASSIGN_OR_RETURN(auto owned, loadOwned(id));
    if (!owned) return Status(Code::NotFound, "no dossier " + std::to_string(id));
    return std::move(owned->Dossier);
}

Result<std::optional<OwnedDossier>> DossierStore::loadOwned(int64_t id) {
    // The dossier on every row, one row per demand (or one row without).
    // Sorted here, not by ORDER BY: sorting the join's TEXT columns made the
    // server build a temporary table on disk for every call.
    auto rows = conn_.query(
        "SELECT d.application_id, d.id_local, d.demandeur, d.statut, d.est_annule, d.volet_admin, d.volet_medical, "
        "d.volet_autonomie, d.donnees_autres, m.id, m.etablissement, m.statut, m.est_annule, m.demande_lue, "
        "m.date_demande, m.type_hebergement, m.urgence, m.dernier_echange "
        "FROM vt_dossier d LEFT JOIN vt_demande m ON m.dossier_id = d.id WHERE d.id = ?",
        {id});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<OwnedDossier>();
    std::stable_sort(rows->begin(), rows->end(), [](const db::Row& a, const db::Row& b) { return a.i64(9) < b.i64(9); });
    const auto& r = rows->front();
    OwnedDossier out;
    out.applicationId = r.i64(0);
    out.idLocal = r.str(1);
    Dossier& d = out.Dossier;
    d.IdDossier = std::to_string(id);
    JsonReadResult read;
    const json stored = json::parse(r.str(2), nullptr, false);
    if (stored.is_discarded()) return Status(Code::Internal, "dossier " + d.IdDossier + ": stored Demandeur is not JSON");
    d.Demandeur = demandeurFromJson(stored, read);
    d.StatutDossier = statutDemandeFromValue(static_cast<int>(r.i64(3))).value_or(StatutDemande::NON_ENVOYEE);
    d.EstAnnule = r.i64(4) != 0;
    d.EstRenseigneVoletAdmin = r.i64(5) != 0;
    d.EstRenseigneVoletMedical = r.i64(6) != 0;
    d.EstRenseigneVoletAutonomie = r.i64(7) != 0;
    d.DonneesAutres = dictionaryFrom(r.opt(8));
    int mostAdvanced = -2;
    for (const auto& m : *rows) {
        if (m.isNull(9)) continue;
        DemandeEtablissement de;
        de.IdDemande = m.i64(9);
        de.Etablissement = etablissementFromJson(json::parse(m.str(10), nullptr, false), read);
        de.StatutDemande = statutDemandeFromValue(static_cast<int>(m.i64(11))).value_or(StatutDemande::NON_ENVOYEE);
        de.EstAnnule = m.i64(12) != 0;
        de.DemandeLue = m.i64(13) != 0;
        de.DateDemande = m.str(14);
        de.TypeHebergement = static_cast<TypeHebergement>(m.i64(15));
        de.Urgence = static_cast<Urgence>(m.i64(16));
        de.DernierEchange = m.opt(17);
        mostAdvanced = std::max(mostAdvanced, static_cast<int>(m.i64(11)));
        d.DemandesEtablissement.push_back(std::move(de));
    }
    // StatutDossier: the status of the most advanced demand (seed 2.1.1).
    if (mostAdvanced > -2) d.StatutDossier = statutDemandeFromValue(mostAdvanced).value_or(d.StatutDossier);
    return std::optional<OwnedDossier>(std::move(out));
}

Result<int64_t> DossierStore::count() {
    auto rows = conn_.query("SELECT COUNT(*) FROM vt_dossier");
    if (!rows) return rows.status();
    return rows->front().i64(0);
}

Result<std::optional<int64_t>> DossierStore::redeemToken(const std::string& token) {
    if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::optional<int64_t>();
    const std::string digest = sha256Hex(token);
    // One statement spends the token: of two redemptions at once, one wins.
    auto spent = conn_.execute(
        "UPDATE vt_jeton SET used_at = NOW(3) WHERE token_sha256 = ? AND used_at IS NULL AND expires_at > NOW(3)",
        {digest});
    if (!spent) return spent.status();
    if (*spent != 1) return std::optional<int64_t>();
    auto rows = conn_.query("SELECT dossier_id FROM vt_jeton WHERE token_sha256 = ?", {digest});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows->front().i64(0));
}

}  // namespace relais::ws
