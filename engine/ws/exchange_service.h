// The partner exchange service (/ws/exchange, docs/soap-services.md): a
// partner application deposits a document into a flow (DeposerDocument, a
// job submitted like any other), follows the job (ConsulterStatut: status,
// steps, documents) and fetches a document of its jobs (RecupererDocument).
// Answers carry a CodeRetour with the codes of the PA services (3.3.1): 999,
// 100 (application not allowed the service), 110 (a job or document of
// another application), 200, 202, 490, 460 (no such job or document), 000.
// A job deposited here is submitted by "ws:<application>"; that is how
// ownership is checked.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/connection.h"
#include "store/content_store.h"
#include "ws/applications.h"
#include "ws/pa_types.h"

namespace relais::ws {

// The largest document RecupererDocument returns (DeposerDocument is bounded
// by the endpoint's request size).
constexpr uint64_t kMaxExchangeDocumentBytes = 12u << 20;

struct DeposerDocumentRequest {
    std::optional<std::string> Flux;
    std::optional<std::string> NomFichier;
    std::optional<std::string> Contenu;  // the bytes (SOAP carries them as base64)
    Dictionnaire Parametres;
};

struct DeposerDocumentResponse {
    std::optional<int64_t> IdTraitement;
    struct CodeRetour CodeRetour;
};

struct EtapeTraitement {
    int Numero = 0;
    std::string Activite;
    std::string Statut;
    std::optional<std::string> Erreur;
};

struct DocumentTraitement {
    int64_t IdDocument = 0;
    std::string Nom;
    int64_t Taille = 0;
    std::string Sens;  // "entree" or "sortie"
};

struct ConsulterStatutResponse {
    std::optional<std::string> Statut;  // queued, running, succeeded, failed, retry_wait, cancelled, paused
    std::optional<std::string> Flux;
    std::optional<std::string> Erreur;
    std::vector<EtapeTraitement> Etapes;
    std::vector<DocumentTraitement> Documents;
    struct CodeRetour CodeRetour;
};

struct RecupererDocumentResponse {
    std::optional<std::string> NomFichier;
    std::optional<std::string> Contenu;
    struct CodeRetour CodeRetour;
};

class ExchangeService {
public:
    // `cache`: as PaService's.
    ExchangeService(db::Connection& conn, const ContentStore& store, Caller caller, IdentifyCache cache = {})
        : conn_(conn), store_(store), caller_(std::move(caller)), cache_(std::move(cache)) {}

    DeposerDocumentResponse deposerDocument(const DeposerDocumentRequest& req);
    ConsulterStatutResponse consulterStatut(const std::optional<std::string>& idTraitement);
    RecupererDocumentResponse recupererDocument(const std::optional<std::string>& idDocument);

    // Why the last answer was 000, for the operator's log (as PaService::failure()).
    const std::string& failure() const { return failure_; }

private:
    CodeRetour unidentified(const Status& why);
    // "ws:<application>" of the caller, or the CodeRetour refusing the call.
    std::variant<std::string, CodeRetour> submitter();
    // The submitter and the id `text` gives (200 when blank, 490 when not an id).
    std::variant<std::pair<std::string, int64_t>, CodeRetour> submitterAndId(const std::optional<std::string>& text,
                                                                              const char* parameter);

    db::Connection& conn_;
    const ContentStore& store_;
    Caller caller_;
    IdentifyCache cache_;
    std::string failure_;
};

// The wire shapes (webroot/ws/exchange.wsdl as PHP's SoapServer decodes it;
// see pa_json.h). A value of the wrong type reads as absent.
DeposerDocumentRequest deposerDocumentFromJson(const nlohmann::json& wrapper);
std::optional<std::string> textFromJson(const nlohmann::json& wrapper, const char* key);
nlohmann::json responseJson(const DeposerDocumentResponse& r);
nlohmann::json responseJson(const ConsulterStatutResponse& r);
nlohmann::json responseJson(const RecupererDocumentResponse& r);

}  // namespace relais::ws
