// The ViaTrajectoire PA dossier services (seed chapter 3): CreerDossierPA,
// ConsulterDossierPA, GenererJetonSecuritePA, each answering with its
// CodeRetour (3.3.1) and never failing otherwise: a database failure is code
// 000. Typed requests in, typed responses out; the SOAP layer is PHP's
// SoapServer with ext/ws.cpp. Also the dossier store behind the admin pages
// and the token redirect. Owns the vt_dossier, vt_demande and vt_jeton tables.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/keyset_page.h"
#include "ws/applications.h"
#include "ws/pa_json.h"
#include "ws/pa_types.h"

namespace relais::ws {

// A token of GenererJetonSecuritePA is good once, for this long.
constexpr int kTokenLifetimeSeconds = 30;

class PaService {
public:
    // `cache`: how the caller's credential may be taken as proven (ApplicationRegistry::identify).
    PaService(db::Connection& conn, Caller caller, IdentifyCache cache = {})
        : conn_(conn), caller_(std::move(caller)), cache_(std::move(cache)) {}

    // `read`: what reading the request from the wire found (a value of the
    // wrong type is code 490).
    CreerDossierPAResponse creerDossier(const CreationDossierRequest& req, const JsonReadResult& read = {});
    // One response per request, in order; a single one when the whole call fails.
    std::vector<ConsulterDossierPAResponse> consulterDossiers(
        const std::optional<std::vector<AccesDossierRequest>>& list, const JsonReadResult& read = {});
    JetonSecuritePAResponse genererJeton(const std::optional<AccesDossierRequest>& req, const JsonReadResult& read = {});
    // CreerDossier, the operation's name before the seed's version 0.5: 020.
    CreerDossierPAResponse operationNonImplementee();

    // Why the last answer was 000 (a database error, naming what failed;
    // never a secret), for the operator's log; empty when none was.
    const std::string& failure() const { return failure_; }

private:
    // Code 000, remembering why.
    CodeRetour unidentified(const Status& why);
    // The calling application's id, or the CodeRetour refusing the call.
    std::variant<int64_t, CodeRetour> caller();
    // The dossier a request names, checked against the caller: its id, or the CodeRetour.
    std::variant<int64_t, CodeRetour> accessible(int64_t applicationId, const AccesDossierRequest& req,
                                                 const std::string& path);

    db::Connection& conn_;
    Caller caller_;
    IdentifyCache cache_;
    std::string failure_;
};

// One line of the admin site's dossier list.
struct DossierSummary {
    int64_t id = 0;
    std::string application;
    std::string idLocal;
    std::string nomNaissance;
    std::string prenom;
    std::string dateNaissance;
    std::string statut;       // StatutDossier's name
    bool estAnnule = false;
    int demandes = 0;
    std::string createdAt;
};

// Newest first; its nextCursor is the `before` of the next page.
using DossierPage = db::KeysetPage<DossierSummary>;

// A dossier with who may see it.
struct OwnedDossier {
    int64_t applicationId = 0;
    std::string idLocal;
    struct Dossier Dossier;
};

class DossierStore {
public:
    explicit DossierStore(db::Connection& conn) : conn_(conn) {}

    // Newest first: dossiers with an id below `before` (all when nullopt),
    // at most `limit` (1 to 1000); `text` filters by birth name prefix.
    Result<DossierPage> list(int limit, std::optional<int64_t> before = std::nullopt, const std::string& text = "");
    // The whole dossier as ConsulterDossierPA shows it; NotFound names it.
    Result<Dossier> load(int64_t id);
    // The same with its owner, in one query; nullopt when there is no such dossier.
    Result<std::optional<OwnedDossier>> loadOwned(int64_t id);
    Result<int64_t> count();
    // Consumes a security token: the dossier it opens when the token is
    // known, unused and younger than kTokenLifetimeSeconds, else nullopt (the
    // token is spent either way once used).
    Result<std::optional<int64_t>> redeemToken(const std::string& token);

private:
    db::Connection& conn_;
};

}  // namespace relais::ws
