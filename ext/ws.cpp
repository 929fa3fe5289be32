// Relais\Ws: the SOAP services' native classes. PaService is the object PHP's
// SoapServer serves at /ws/pa (its methods are the WSDL's operations: the
// request comes in as SoapServer decoded it, goes to the core as JSON, and
// the typed response comes back as arrays SoapServer encodes); Envelope runs
// the core's checks on a raw request before SoapServer reads it; Directory is
// what the admin pages and the token redirect need. All rules are the core's
// (engine/ws, engine/soap).
#include "php_relais.h"

#include <type_traits>

#include "soap/envelope_guard.h"
#include "soap/mtom.h"
#include "ws/applications.h"
#include "ws/exchange_service.h"
#include "ws/pa_service.h"

zend_class_entry* relais_ce_Ws_PaService;
zend_class_entry* relais_ce_Ws_ExchangeService;
zend_class_entry* relais_ce_Ws_Envelope;
zend_class_entry* relais_ce_Ws_Directory;

namespace {

// PaService and Directory: a Client (counted reference) and, for PaService,
// what the transport knows of the caller.
struct WsObject {
    zend_object* client;
    relais::ws::Caller* caller;
    zend_object std;
};

zend_object_handlers wsHandlers;

WsObject* wsFromObj(zend_object* obj) {
    return reinterpret_cast<WsObject*>(reinterpret_cast<char*>(obj) - XtOffsetOf(WsObject, std));
}

zend_object* wsCreate(zend_class_entry* ce) {
    auto* intern = static_cast<WsObject*>(zend_object_alloc(sizeof(WsObject), ce));
    intern->client = nullptr;
    intern->caller = nullptr;
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->std.handlers = &wsHandlers;
    return &intern->std;
}

void wsFree(zend_object* obj) {
    auto* intern = wsFromObj(obj);
    if (intern->client) OBJ_RELEASE(intern->client);
    intern->client = nullptr;
    delete intern->caller;
    intern->caller = nullptr;
    zend_object_std_dtor(obj);
}

// The core client of `this`, or null after throwing.
relais::Client* wsCore(zval* self) {
    auto* intern = wsFromObj(Z_OBJ_P(self));
    relais::Client* core = intern->client ? relais_client_from_obj(intern->client)->core.get() : nullptr;
    if (!core)
        zend_throw_error(nullptr, "%s object is not initialized (its constructor failed or was not called)",
                         ZSTR_VAL(Z_OBJCE_P(self)->name));
    return core;
}

// Binds `this` to a Relais\Client argument; false after throwing.
bool wsBind(zval* self, zval* client) {
    auto* intern = wsFromObj(Z_OBJ_P(self));
    if (intern->client) {
        zend_throw_error(nullptr, "%s::__construct() cannot be called twice", ZSTR_VAL(Z_OBJCE_P(self)->name));
        return false;
    }
    if (!relais_client_from_obj(Z_OBJ_P(client))->core) {
        zend_argument_value_error(1, "must be an opened Relais\\Client");
        return false;
    }
    GC_ADDREF(Z_OBJ_P(client));
    intern->client = Z_OBJ_P(client);
    return true;
}

// A value SoapServer decoded (stdClass objects, arrays, scalars) as JSON.
nlohmann::json toJson(zval* v, int depth) {
    ZVAL_DEREF(v);
    if (depth > 64) return nullptr;  // deeper than any message of the WSDL
    switch (Z_TYPE_P(v)) {
        case IS_STRING: return std::string(Z_STRVAL_P(v), Z_STRLEN_P(v));
        case IS_LONG: return static_cast<int64_t>(Z_LVAL_P(v));
        case IS_DOUBLE: return Z_DVAL_P(v);
        case IS_TRUE: return true;
        case IS_FALSE: return false;
        case IS_ARRAY:
        case IS_OBJECT: {
            HashTable* ht = Z_TYPE_P(v) == IS_ARRAY ? Z_ARRVAL_P(v) : Z_OBJPROP_P(v);
            const bool list = Z_TYPE_P(v) == IS_ARRAY && zend_array_is_list(ht);
            nlohmann::json out = list ? nlohmann::json::array() : nlohmann::json::object();
            zend_string* key;
            zend_ulong index;
            zval* item;
            ZEND_HASH_FOREACH_KEY_VAL(ht, index, key, item) {
                if (list) out.push_back(toJson(item, depth + 1));
                else out[key ? relais_str(key) : std::to_string(index)] = toJson(item, depth + 1);
            }
            ZEND_HASH_FOREACH_END();
            return out;
        }
        default:
            return nullptr;
    }
}

// The caller array of PaService::__construct(); false after throwing.
bool readCaller(HashTable* in, relais::ws::Caller& c) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(in, index, key, value) {
        ZVAL_DEREF(value);
        if (key && zend_string_equals_literal(key, "tls")) {
            c.tls = zend_is_true(value);
            continue;
        }
        std::string* target = nullptr;
        if (key && zend_string_equals_literal(key, "client_certificate")) target = &c.clientCertificate;
        else if (key && zend_string_equals_literal(key, "username")) target = &c.username;
        else if (key && zend_string_equals_literal(key, "password")) target = &c.password;
        if (!target) {
            zend_argument_value_error(2, "has an unknown key %s (known keys: \"tls\", \"client_certificate\", "
                                         "\"username\", \"password\")",
                                      relais_key_text(key, index).c_str());
            return false;
        }
        if (Z_TYPE_P(value) == IS_NULL) continue;
        if (Z_TYPE_P(value) != IS_STRING) {
            zend_argument_type_error(2, "value of \"%s\" must be of type ?string, %s given", ZSTR_VAL(key),
                                     zend_zval_type_name(value));
            return false;
        }
        *target = relais_str(Z_STR_P(value));
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

void faultArray(zval* out, const relais::soap::SoapFault& f) {
    array_init(out);
    relais_add_long(out, "status", f.httpStatus);
    relais_add_string(out, "content_type", relais::soap::faultContentType(f));
    relais_add_string(out, "body", relais::soap::faultXml(f));
    relais_add_string(out, "reason", f.reason);
}

void applicationToArray(zval* out, const relais::ws::Application& a) {
    array_init(out);
    relais_add_long(out, "id", a.id);
    relais_add_string(out, "name", a.name);
    zval services;
    array_init(&services);
    for (const auto& s : a.services) add_next_index_stringl(&services, s.data(), s.size());
    add_assoc_zval(out, "services", &services);
    relais_add_opt_string(out, "cert_sha256", a.certSha256);
    relais_add_opt_string(out, "username", a.username);
    add_assoc_bool(out, "has_secret", a.hasSecret);
    add_assoc_bool(out, "enabled", a.enabled);
    relais_add_string(out, "created_at", a.createdAt);
}

}  // namespace

void relais_ws_class_init(zend_class_entry* paService, zend_class_entry* exchangeService, zend_class_entry* envelope,
                          zend_class_entry* directory) {
    relais_ce_Ws_PaService = paService;
    relais_ce_Ws_ExchangeService = exchangeService;
    relais_ce_Ws_Envelope = envelope;
    relais_ce_Ws_Directory = directory;
    memcpy(&wsHandlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    wsHandlers.offset = XtOffsetOf(WsObject, std);
    wsHandlers.free_obj = wsFree;
    wsHandlers.clone_obj = nullptr;
    paService->create_object = wsCreate;
    exchangeService->create_object = wsCreate;
    directory->create_object = wsCreate;
}

// ------------------------------------------------------------ PaService

namespace {

// PaService and ExchangeService: a Client and the caller.
void constructService(INTERNAL_FUNCTION_PARAMETERS) {
    zval* client;
    HashTable* caller = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_OBJECT_OF_CLASS(client, relais_ce_Client)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(caller)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        auto c = std::make_unique<relais::ws::Caller>();
        if (caller && !readCaller(caller, *c)) RETURN_THROWS();
        if (!wsBind(ZEND_THIS, client)) RETURN_THROWS();
        wsFromObj(Z_OBJ_P(ZEND_THIS))->caller = c.release();
    }
    RELAIS_CXX_CATCH
}

// How the services may remember a proven credential: [ws] application_cache_seconds, per database.
relais::ws::IdentifyCache identifyCache(const relais::Client& core) {
    return {core.config().database.redacted(), core.config().ws.applicationCacheSeconds};
}

// An operation of a service object: the request SoapServer decoded, as JSON,
// to `call`, whose JSON answer goes back to SoapServer as arrays. When the
// answer is code 000, why (the service's failure(), set by `call`) goes to
// PHP's error log for the operator: the caller only sees "Erreur non identifiée".
template <class Call>
void operation(INTERNAL_FUNCTION_PARAMETERS, Call call) {
    zval* request = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(request)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        const nlohmann::json in = request ? toJson(request, 0) : nlohmann::json();
        relais::Client* core = wsCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        std::string failure;
        const nlohmann::json out = call(*core, *wsFromObj(Z_OBJ_P(ZEND_THIS))->caller, in, failure);
        if (!failure.empty()) {
            const std::string line = std::string("relais ws: ") + ZSTR_VAL(EX(func)->common.function_name) +
                                     " answered 000: " + failure;
            php_log_err_with_severity(line.c_str(), LOG_ERR);
        }
        RELAIS_ZEND_CALLS({ relais_json_to_zval(return_value, out); });
    }
    RELAIS_CXX_CATCH
}

}  // namespace

ZEND_METHOD(Relais_Ws_PaService, __construct) { constructService(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
ZEND_METHOD(Relais_Ws_ExchangeService, __construct) { constructService(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

using relais::ws::Caller;
using nlohmann::json;

namespace {

// An operation of the service `Service`: `call` gets the service, made for
// this caller, and the request; its typed answer goes back as JSON, and the
// service's failure() (why a 000) to the error log.
template <class Service, class Call>
void serviceOperation(INTERNAL_FUNCTION_PARAMETERS, Call call) {
    operation(INTERNAL_FUNCTION_PARAM_PASSTHRU,
              [&call](relais::Client& core, const Caller& caller, const json& in, std::string& failure) {
                  Service service = [&]() {
                      if constexpr (std::is_same_v<Service, relais::ws::PaService>)
                          return Service(core.connection(), caller, identifyCache(core));
                      else
                          return Service(core.connection(), core.store(), caller, identifyCache(core));
                  }();
                  auto out = relais::ws::responseJson(call(service, in));
                  failure = service.failure();
                  return out;
              });
}

using Pa = relais::ws::PaService;
using Exchange = relais::ws::ExchangeService;

}  // namespace

ZEND_METHOD(Relais_Ws_PaService, CreerDossierPA) {
    serviceOperation<Pa>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Pa& service, const json& in) {
        relais::ws::JsonReadResult read;
        const auto req = relais::ws::creationDossierFromJson(in, read);
        return service.creerDossier(req, read);
    });
}

ZEND_METHOD(Relais_Ws_PaService, ConsulterDossierPA) {
    serviceOperation<Pa>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Pa& service, const json& in) {
        relais::ws::JsonReadResult read;
        const auto list = relais::ws::listeDossierFromJson(in, read);
        return service.consulterDossiers(list, read);
    });
}

ZEND_METHOD(Relais_Ws_PaService, GenererJetonSecuritePA) {
    serviceOperation<Pa>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Pa& service, const json& in) {
        relais::ws::JsonReadResult read;
        const auto req = relais::ws::accesDossierFromJson(in, "Dossier", read);
        return service.genererJeton(req, read);
    });
}

ZEND_METHOD(Relais_Ws_PaService, CreerDossier) {
    serviceOperation<Pa>(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                         [](Pa& service, const json&) { return service.operationNonImplementee(); });
}

ZEND_METHOD(Relais_Ws_ExchangeService, DeposerDocument) {
    serviceOperation<Exchange>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Exchange& service, const json& in) {
        return service.deposerDocument(relais::ws::deposerDocumentFromJson(in));
    });
}

ZEND_METHOD(Relais_Ws_ExchangeService, ConsulterStatut) {
    serviceOperation<Exchange>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Exchange& service, const json& in) {
        return service.consulterStatut(relais::ws::textFromJson(in, "IdTraitement"));
    });
}

ZEND_METHOD(Relais_Ws_ExchangeService, RecupererDocument) {
    serviceOperation<Exchange>(INTERNAL_FUNCTION_PARAM_PASSTHRU, [](Exchange& service, const json& in) {
        return service.recupererDocument(relais::ws::textFromJson(in, "IdDocument"));
    });
}

// ------------------------------------------------------------ Envelope

ZEND_METHOD(Relais_Ws_Envelope, check) {
    zend_string* body;
    zend_string* contentType;
    zend_long maxBytes;
    zend_string* ns;
    ZEND_PARSE_PARAMETERS_START(4, 4)
        Z_PARAM_STR(body)
        Z_PARAM_STR(contentType)
        Z_PARAM_LONG(maxBytes)
        Z_PARAM_STR(ns)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (maxBytes <= 0) {
            zend_argument_value_error(3, "must be greater than 0");
            RETURN_THROWS();
        }
        relais::soap::EnvelopeLimits limits;
        limits.maxBytes = static_cast<size_t>(maxBytes);
        limits.bodyNamespace = relais_str(ns);
        auto fault = relais::soap::checkEnvelope(std::string_view(ZSTR_VAL(body), ZSTR_LEN(body)),
                                                 std::string_view(ZSTR_VAL(contentType), ZSTR_LEN(contentType)), limits);
        if (!fault) RETURN_NULL();
        RELAIS_ZEND_CALLS({ faultArray(return_value, *fault); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Envelope, unpackMtom) {
    zend_string* body;
    zend_string* contentType;
    zend_long maxBytes;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(body)
        Z_PARAM_STR(contentType)
        Z_PARAM_LONG(maxBytes)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (maxBytes <= 0) {
            zend_argument_value_error(3, "must be greater than 0");
            RETURN_THROWS();
        }
        const std::string_view type(ZSTR_VAL(contentType), ZSTR_LEN(contentType));
        if (!relais::soap::isMultipartRelated(type)) RETURN_NULL();
        relais::soap::MtomLimits limits;
        limits.maxBytes = static_cast<size_t>(maxBytes);
        auto unpacked = relais::soap::unpackMtom(std::string_view(ZSTR_VAL(body), ZSTR_LEN(body)), type, limits);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            if (auto* fault = std::get_if<relais::soap::SoapFault>(&unpacked)) {
                zval f;
                faultArray(&f, *fault);
                add_assoc_zval(return_value, "fault", &f);
            } else {
                auto& u = std::get<relais::soap::UnpackedMtom>(unpacked);
                relais_add_string(return_value, "envelope", u.envelope);
                relais_add_string(return_value, "content_type", u.contentType);
                relais_add_long(return_value, "max_bytes", static_cast<int64_t>(u.maxEnvelopeBytes));
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Envelope, tooLarge) {
    zend_string* contentType;
    zend_long maxBytes;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(contentType)
        Z_PARAM_LONG(maxBytes)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        const auto fault = relais::soap::tooLarge(std::string_view(ZSTR_VAL(contentType), ZSTR_LEN(contentType)),
                                                  static_cast<size_t>(std::max<zend_long>(maxBytes, 0)));
        RELAIS_ZEND_CALLS({ faultArray(return_value, fault); });
    }
    RELAIS_CXX_CATCH
}

// ------------------------------------------------------------ Directory

ZEND_METHOD(Relais_Ws_Directory, __construct) {
    zval* client;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJECT_OF_CLASS(client, relais_ce_Client)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (!wsBind(ZEND_THIS, client)) RETURN_THROWS();
    }
    RELAIS_CXX_CATCH
}

#define RELAIS_WS_CORE(var)                      \
    relais::Client* var = wsCore(ZEND_THIS);     \
    if (!var) RETURN_THROWS()

ZEND_METHOD(Relais_Ws_Directory, dossiers) {
    zend_long limit = 50;
    zend_string* cursor = nullptr;
    zend_string* text = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(limit)
        Z_PARAM_STR_OR_NULL(cursor)
        Z_PARAM_STR_OR_NULL(text)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (limit < 1 || limit > 1000) {
            zend_argument_value_error(1, "must be between 1 and 1000");
            RETURN_THROWS();
        }
        std::optional<int64_t> before;
        if (!relais_read_cursor(2, cursor, before)) RETURN_THROWS();
        RELAIS_WS_CORE(core);
        auto page = relais::ws::DossierStore(core->connection()).list(static_cast<int>(limit), before,
                                                                      text ? relais_str(text) : "");
        RELAIS_RETURN_IF_FAILED(page);
        RELAIS_ZEND_CALLS({
            zval rows;
            array_init(&rows);
            for (const auto& d : page->rows) {
                zval row;
                array_init(&row);
                relais_add_long(&row, "id", d.id);
                relais_add_string(&row, "application", d.application);
                relais_add_string(&row, "id_local", d.idLocal);
                relais_add_string(&row, "nom_naissance", d.nomNaissance);
                relais_add_string(&row, "prenom", d.prenom);
                relais_add_string(&row, "date_naissance", d.dateNaissance);
                relais_add_string(&row, "statut", d.statut);
                add_assoc_bool(&row, "est_annule", d.estAnnule);
                relais_add_long(&row, "demandes", d.demandes);
                relais_add_string(&row, "created_at", d.createdAt);
                add_next_index_zval(&rows, &row);
            }
            relais_page(return_value, &rows, page->nextCursor);
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, dossier) {
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_ID(1, id);
        RELAIS_WS_CORE(core);
        auto dossier = relais::ws::DossierStore(core->connection()).load(static_cast<int64_t>(id));
        RELAIS_RETURN_IF_FAILED(dossier);
        const auto out = relais::ws::toJson(dossier.value());
        RELAIS_ZEND_CALLS({ relais_json_to_zval(return_value, out); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, dossierCount) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto n = relais::ws::DossierStore(core->connection()).count();
        RELAIS_RETURN_IF_FAILED(n);
        RETVAL_LONG(static_cast<zend_long>(n.value()));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, redeemToken) {
    zend_string* token;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(token)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto id = relais::ws::DossierStore(core->connection()).redeemToken(relais_str(token));
        RELAIS_RETURN_IF_FAILED(id);
        if (!id.value()) RETURN_NULL();
        RETVAL_LONG(static_cast<zend_long>(*id.value()));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, applications) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto apps = relais::ws::ApplicationRegistry(core->connection()).list();
        RELAIS_RETURN_IF_FAILED(apps);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            for (const auto& a : apps.value()) {
                zval row;
                applicationToArray(&row, a);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, application) {
    zend_string* name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto app = relais::ws::ApplicationRegistry(core->connection()).get(relais_str(name));
        RELAIS_RETURN_IF_FAILED(app);
        RELAIS_ZEND_CALLS({ applicationToArray(return_value, app.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, saveApplication) {
    zend_string* name;
    HashTable* services;
    zend_string* username = nullptr;
    bool enabled = true;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_STR(name)
        Z_PARAM_ARRAY_HT(services)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(username)
        Z_PARAM_BOOL(enabled)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::ws::Application a;
        a.name = relais_str(name);
        zval* s;
        ZEND_HASH_FOREACH_VAL(services, s) {
            ZVAL_DEREF(s);
            if (Z_TYPE_P(s) != IS_STRING) {
                zend_argument_type_error(2, "must hold strings, %s given", zend_zval_type_name(s));
                RETURN_THROWS();
            }
            a.services.push_back(relais_str(Z_STR_P(s)));
        }
        ZEND_HASH_FOREACH_END();
        if (username && ZSTR_LEN(username) > 0) a.username = relais_str(username);
        a.enabled = enabled;
        RELAIS_WS_CORE(core);
        auto saved = relais::ws::ApplicationRegistry(core->connection()).save(a);
        RELAIS_RETURN_IF_FAILED(saved);
        RELAIS_ZEND_CALLS({ applicationToArray(return_value, saved.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, setApplicationCertificate) {
    zend_string* name;
    zend_string* certificate;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_STR(certificate)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto app = relais::ws::ApplicationRegistry(core->connection()).setCertificate(relais_str(name), relais_str(certificate));
        RELAIS_RETURN_IF_FAILED(app);
        RELAIS_ZEND_CALLS({ applicationToArray(return_value, app.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, newApplicationSecret) {
    zend_string* name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        auto secret = relais::ws::ApplicationRegistry(core->connection()).newSecret(relais_str(name));
        RELAIS_RETURN_IF_FAILED(secret);
        RETVAL_STRINGL(secret->data(), secret->size());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Ws_Directory, removeApplication) {
    zend_string* name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_WS_CORE(core);
        relais::Status s = relais::ws::ApplicationRegistry(core->connection()).remove(relais_str(name));
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}
