// The partner exchange service (see exchange_service.h).
#include "ws/exchange_service.h"

#include <fstream>
#include <sstream>

#include "jobs/job_queue.h"
#include "ws/pa_json.h"

namespace relais::ws {
namespace {

CodeRetour code(const std::string& c, const std::string& message) { return {c, message}; }

// A decimal id of a job or document, else nullopt.
std::optional<int64_t> idOf(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int64_t id = std::stoll(text);
    return id > 0 ? std::optional<int64_t>(id) : std::nullopt;
}

bool blank(const std::optional<std::string>& s) {
    return !s || s->find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

std::variant<std::pair<std::string, int64_t>, CodeRetour> ExchangeService::submitterAndId(
    const std::optional<std::string>& text, const char* parameter) {
    auto who = submitter();
    if (auto* refused = std::get_if<CodeRetour>(&who)) return *refused;
    if (blank(text)) return codeRetour(ReturnCode::ParametreObligatoire, parameter);
    const auto id = idOf(*text);
    if (!id) return codeRetour(ReturnCode::FormatParametre, parameter);
    return std::pair{std::get<std::string>(who), *id};
}

CodeRetour ExchangeService::unidentified(const Status& why) {
    failure_ = why.message();
    return codeRetour(ReturnCode::ErreurNonIdentifiee);
}

std::variant<std::string, CodeRetour> ExchangeService::submitter() {
    auto app = ApplicationRegistry(conn_).identify(caller_, kServiceExchange, cache_);
    if (!app) return unidentified(app.status());
    if (!*app) return codeRetour(ReturnCode::ApplicationNonAutorisee);
    return "ws:" + (*app)->name;
}

DeposerDocumentResponse ExchangeService::deposerDocument(const DeposerDocumentRequest& req) {
    DeposerDocumentResponse out;
    auto who = submitter();
    if (auto* refused = std::get_if<CodeRetour>(&who)) {
        out.CodeRetour = *refused;
        return out;
    }
    for (const auto& [name, value] : {std::pair{"Flux", &req.Flux}, std::pair{"NomFichier", &req.NomFichier}}) {
        if (blank(*value)) {
            out.CodeRetour = codeRetour(ReturnCode::ParametreObligatoire, name);
            return out;
        }
    }
    if (!req.Contenu) {
        out.CodeRetour = codeRetour(ReturnCode::ParametreObligatoire, "Contenu");
        return out;
    }
    const std::string& fileName = *req.NomFichier;
    if (fileName.size() > 255 || fileName.find_first_of("/\\") != std::string::npos || fileName == "." ||
        fileName == ".." || fileName.find('\0') != std::string::npos) {
        out.CodeRetour = codeRetour(ReturnCode::FormatIncompatible, "NomFichier (a file name without a folder, 255 bytes at most)");
        return out;
    }
    SubmitRequest submit;
    submit.flow = *req.Flux;
    submit.files.push_back(InputFile{fileName, "", *req.Contenu});
    submit.params = req.Parametres;
    submit.submittedBy = std::get<std::string>(who);
    auto id = JobQueue(conn_, store_).submit(submit);
    if (!id) {
        const Code c = id.status().code();
        if (c == Code::NotFound || c == Code::FailedPrecondition || c == Code::InvalidArgument)
            out.CodeRetour = codeRetour(ReturnCode::ValeurNonAutorisee, "Flux (" + id.status().message() + ")");
        else
            out.CodeRetour = unidentified(id.status());
        return out;
    }
    out.IdTraitement = *id;
    out.CodeRetour = codeRetour(ReturnCode::Succes);
    return out;
}

ConsulterStatutResponse ExchangeService::consulterStatut(const std::optional<std::string>& idTraitement) {
    ConsulterStatutResponse out;
    auto checked = submitterAndId(idTraitement, "IdTraitement");
    if (auto* refused = std::get_if<CodeRetour>(&checked)) {
        out.CodeRetour = *refused;
        return out;
    }
    const auto& [who, id] = std::get<std::pair<std::string, int64_t>>(checked);
    auto job = JobQueue(conn_, store_).get(id);
    if (!job) {
        out.CodeRetour = job.status().code() == Code::NotFound ? code("460", "Le traitement n'existe pas : " + *idTraitement)
                                                                : unidentified(job.status());
        return out;
    }
    if (job->submittedBy.value_or("") != who) {
        out.CodeRetour = codeRetour(ReturnCode::ActionNonAutorisee, "traitement " + *idTraitement);
        return out;
    }
    out.Statut = job->status;
    out.Flux = job->flow;
    out.Erreur = job->error;
    for (const auto& s : job->steps)
        out.Etapes.push_back(EtapeTraitement{s.position, s.activity, s.status, s.error});
    for (const auto& d : job->documents)
        out.Documents.push_back(
            DocumentTraitement{d.id, d.name, static_cast<int64_t>(d.size), d.direction == "in" ? "entree" : "sortie"});
    out.CodeRetour = codeRetour(ReturnCode::Succes);
    return out;
}

RecupererDocumentResponse ExchangeService::recupererDocument(const std::optional<std::string>& idDocument) {
    RecupererDocumentResponse out;
    auto checked = submitterAndId(idDocument, "IdDocument");
    if (auto* refused = std::get_if<CodeRetour>(&checked)) {
        out.CodeRetour = *refused;
        return out;
    }
    const auto& [who, id] = std::get<std::pair<std::string, int64_t>>(checked);
    JobQueue jobs(conn_, store_);
    auto doc = jobs.document(id);
    if (!doc) {
        out.CodeRetour = doc.status().code() == Code::NotFound ? code("460", "Le document n'existe pas : " + *idDocument)
                                                                : unidentified(doc.status());
        return out;
    }
    auto job = jobs.get(doc->jobId);
    if (!job || job->submittedBy.value_or("") != who) {
        out.CodeRetour = job ? codeRetour(ReturnCode::ActionNonAutorisee, "document " + *idDocument)
                             : unidentified(job.status());
        return out;
    }
    if (doc->size > kMaxExchangeDocumentBytes) {
        out.CodeRetour = codeRetour(ReturnCode::ValeurNonAutorisee,
                                    "document " + *idDocument + " (" + std::to_string(doc->size) + " bytes, more than " +
                                        std::to_string(kMaxExchangeDocumentBytes) + ")");
        return out;
    }
    std::ifstream in(store_.absolutePath(doc->storePath), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) {
        out.CodeRetour = unidentified(Status(Code::Io, "cannot read document " + *idDocument + " from the store"));
        return out;
    }
    out.NomFichier = doc->name;
    out.Contenu = bytes.str();
    out.CodeRetour = codeRetour(ReturnCode::Succes);
    return out;
}

std::optional<std::string> textFromJson(const nlohmann::json& wrapper, const char* key) {
    if (!wrapper.is_object()) return std::nullopt;
    auto it = wrapper.find(key);
    if (it == wrapper.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return std::nullopt;
}

DeposerDocumentRequest deposerDocumentFromJson(const nlohmann::json& wrapper) {
    DeposerDocumentRequest req;
    req.Flux = textFromJson(wrapper, "Flux");
    req.NomFichier = textFromJson(wrapper, "NomFichier");
    req.Contenu = textFromJson(wrapper, "Contenu");
    if (wrapper.is_object() && wrapper.contains("Parametres")) {
        JsonReadResult ignored;
        req.Parametres = dictionnaireFromJson(wrapper["Parametres"], ignored);
    }
    return req;
}

nlohmann::json responseJson(const DeposerDocumentResponse& r) {
    nlohmann::json resp = nlohmann::json::object();
    if (r.IdTraitement) resp["IdTraitement"] = *r.IdTraitement;
    resp["CodeRetour"] = toJson(r.CodeRetour);
    return {{"Response", resp}};
}

nlohmann::json responseJson(const ConsulterStatutResponse& r) {
    nlohmann::json resp = nlohmann::json::object();
    if (r.Statut) resp["Statut"] = *r.Statut;
    if (r.Flux) resp["Flux"] = *r.Flux;
    if (r.Erreur) resp["Erreur"] = *r.Erreur;
    nlohmann::json etapes = nlohmann::json::array(), documents = nlohmann::json::array();
    for (const auto& e : r.Etapes) {
        nlohmann::json j = {{"Numero", e.Numero}, {"Activite", e.Activite}, {"Statut", e.Statut}};
        if (e.Erreur) j["Erreur"] = *e.Erreur;
        etapes.push_back(std::move(j));
    }
    for (const auto& d : r.Documents)
        documents.push_back({{"IdDocument", d.IdDocument}, {"Nom", d.Nom}, {"Taille", d.Taille}, {"Sens", d.Sens}});
    if (!etapes.empty()) resp["Etapes"] = {{"Etape", etapes}};
    if (!documents.empty()) resp["Documents"] = {{"Document", documents}};
    resp["CodeRetour"] = toJson(r.CodeRetour);
    return {{"Response", resp}};
}

nlohmann::json responseJson(const RecupererDocumentResponse& r) {
    nlohmann::json resp = nlohmann::json::object();
    if (r.NomFichier) resp["NomFichier"] = *r.NomFichier;
    if (r.Contenu) resp["Contenu"] = *r.Contenu;
    resp["CodeRetour"] = toJson(r.CodeRetour);
    return {{"Response", resp}};
}

}  // namespace relais::ws
