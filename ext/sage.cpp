// Relais\Sage\Connector: the core's SageConnector (engine/sage/) for PHP;
// Relais\Sage\Exports: the core's ExportFolder of [sage] export_dir.
// Arguments are checked here (TypeError/ValueError, settings and criteria by
// the core's own parser); reports come back as the core's JSON, as arrays.
#include <climits>
#include <new>
#include <optional>

#include "php_relais.h"
#include "sage/export_folder.h"
#include "sage/sage_connector.h"

extern "C" {
#include "main/fopen_wrappers.h"
}

zend_class_entry* relais_ce_Sage_Connector;
zend_class_entry* relais_ce_Sage_Exports;

namespace {

// Relais\Sage\Connector owns one SageConnector (one ODBC connection);
// `core` is null until the constructor succeeds.
struct relais_sage_object {
    std::unique_ptr<relais::sage::SageConnector> core;
    zend_object std;  // last: the Zend object is allocated with our struct in front

    static relais_sage_object* from(zend_object* obj) {
        return reinterpret_cast<relais_sage_object*>(reinterpret_cast<char*>(obj) - XtOffsetOf(relais_sage_object, std));
    }
};

zend_object_handlers sageHandlers;

zend_object* sageCreate(zend_class_entry* ce) {
    auto* intern = static_cast<relais_sage_object*>(zend_object_alloc(sizeof(relais_sage_object), ce));
    new (&intern->core) std::unique_ptr<relais::sage::SageConnector>();
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->std.handlers = &sageHandlers;
    return &intern->std;
}

void sageFree(zend_object* obj) {
    auto* intern = relais_sage_object::from(obj);
    try {
        intern->core.reset();  // closes the ODBC connection
    } catch (...) {
    }
    intern->core.~unique_ptr();
    zend_object_std_dtor(obj);
}

relais::sage::SageConnector* thisConnector(zval* self) {
    auto* intern = relais_sage_object::from(Z_OBJ_P(self));
    if (!intern->core) {
        zend_throw_error(nullptr, "Relais\\Sage\\Connector object is not initialized (its constructor failed or was not called)");
        return nullptr;
    }
    return intern->core.get();
}

// A PHP array of settings (string keys; string, int or bool values) as the
// JSON object the core parses; false after throwing a TypeError.
bool arrayToJson(HashTable* arr, uint32_t arg, nlohmann::json& out) {
    out = nlohmann::json::object();
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(arr, index, key, value) {
        if (!key) {
            zend_argument_type_error(arg, "must have string keys, %lu given", static_cast<unsigned long>(index));
            return false;
        }
        const std::string k(ZSTR_VAL(key), ZSTR_LEN(key));
        ZVAL_DEREF(value);
        switch (Z_TYPE_P(value)) {
            case IS_STRING: out[k] = std::string(Z_STRVAL_P(value), Z_STRLEN_P(value)); break;
            case IS_LONG: out[k] = static_cast<int64_t>(Z_LVAL_P(value)); break;
            case IS_TRUE: out[k] = true; break;
            case IS_FALSE: out[k] = false; break;
            case IS_NULL: break;
            default:
                zend_argument_type_error(arg, "value for key \"%s\" must be of type string, int or bool, %s given", k.c_str(),
                                         zend_zval_type_name(value));
                return false;
        }
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

bool outsideOpenBasedir(const std::string& path) { return php_check_open_basedir_ex(path.c_str(), 0) != 0; }

// The connector of the [sage] section of `config` with `overrides` over it,
// connected; null after throwing (a bad override: ValueError of argument 1).
std::unique_ptr<relais::sage::SageConnector> configuredConnector(const relais::Config& config,
                                                                const nlohmann::json& overrides) {
    auto settings = relais::sage::sageSettingsFromConfig(config.ini, config.path, overrides);
    if (!settings) {
        // A bad option is the caller's (ValueError); a missing or bad [sage] section the configuration's.
        if (settings.status().code() == relais::Code::InvalidArgument)
            zend_argument_value_error(1, "%s", settings.status().message().c_str());
        else
            relais_throw_status(settings.status());
        return nullptr;
    }
    auto opened = relais::sage::SageConnector::open(*settings);
    if (!opened) {
        relais_throw_status(opened.status());
        return nullptr;
    }
    return std::move(opened).value();
}

// The export folder of the Client behind a Relais\Sage\Exports method's
// `this` (*core: that Client); nullopt after throwing.
std::optional<relais::sage::ExportFolder> thisExportFolder(zval* self, relais::Client** core) {
    *core = relais_service_core(Z_OBJ_P(self));
    if (!*core) return std::nullopt;
    auto folder = relais::sage::ExportFolder::fromConfig((*core)->config().ini, (*core)->config().path);
    if (!folder) {
        relais_throw_status(folder.status());
        return std::nullopt;
    }
    return std::move(folder).value();
}

}  // namespace

void relais_sage_class_init(zend_class_entry* ce) {
    ce->create_object = sageCreate;
    memcpy(&sageHandlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    sageHandlers.offset = XtOffsetOf(relais_sage_object, std);
    sageHandlers.free_obj = sageFree;
    sageHandlers.clone_obj = nullptr;  // one connection per object: no copies
}

void relais_sage_connector_from_config(zval* out, const relais::Config& config, HashTable* options) {
    nlohmann::json overrides = nlohmann::json::object();
    if (options && !arrayToJson(options, 1, overrides)) return;
    auto connector = configuredConnector(config, overrides);
    if (!connector) return;
    object_init_ex(out, relais_ce_Sage_Connector);
    relais_sage_object::from(Z_OBJ_P(out))->core = std::move(connector);
}

ZEND_METHOD(Relais_Sage_Connector, __construct) {
    zend_string* dsn;
    zend_string* user = nullptr;
    zend_string* password = nullptr;
    HashTable* options = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(dsn)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(user)
        Z_PARAM_STR_OR_NULL(password)
        Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        auto* intern = relais_sage_object::from(Z_OBJ_P(ZEND_THIS));
        if (intern->core) {
            zend_throw_error(nullptr, "Relais\\Sage\\Connector::__construct() cannot be called twice");
            RETURN_THROWS();
        }
        if (ZSTR_LEN(dsn) == 0 || zend_str_has_nul_byte(dsn)) {
            zend_argument_value_error(1, "must be an ODBC data source name or connection string");
            RETURN_THROWS();
        }
        nlohmann::json settings = nlohmann::json::object();
        if (options && !arrayToJson(options, 4, settings)) RETURN_THROWS();
        for (const char* own : {"dsn", "user", "password"})
            if (settings.contains(own)) {
                zend_argument_value_error(4, "must not hold \"%s\" (it is an argument of its own)", own);
                RETURN_THROWS();
            }
        settings["dsn"] = std::string(ZSTR_VAL(dsn), ZSTR_LEN(dsn));
        if (user) settings["user"] = std::string(ZSTR_VAL(user), ZSTR_LEN(user));
        if (password) settings["password"] = std::string(ZSTR_VAL(password), ZSTR_LEN(password));
        auto parsed = relais::sage::parseSageSettings(settings, relais::sage::SettingsUse::Connector);
        if (!parsed) {
            zend_argument_value_error(4, "%s", parsed.status().message().c_str());
            RETURN_THROWS();
        }
        auto opened = relais::sage::SageConnector::open(*parsed);
        if (!opened) {
            relais_throw_status(opened.status());
            RETURN_THROWS();
        }
        intern->core = std::move(opened).value();
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Connector, import) {
    zend_string* file;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_PATH_STR(file)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::sage::SageConnector* core = thisConnector(ZEND_THIS);
        if (!core) RETURN_THROWS();
        const std::string path(ZSTR_VAL(file), ZSTR_LEN(file));
        if (path.empty()) {
            zend_argument_value_error(1, "must not be empty");
            RETURN_THROWS();
        }
        if (outsideOpenBasedir(path)) {
            zend_throw_exception_ex(relais_ce_ValidationException, static_cast<zend_long>(relais::Code::InvalidArgument),
                                    "pivot file %s is outside the allowed path(s) (open_basedir)", path.c_str());
            RETURN_THROWS();
        }
        auto report = core->importFile(path);
        if (!report) {
            relais_throw_status(report.status());
            RETURN_THROWS();
        }
        relais_json_to_zval(return_value, report->toJson());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Connector, export) {
    HashTable* criteria;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(criteria)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::sage::SageConnector* core = thisConnector(ZEND_THIS);
        if (!core) RETURN_THROWS();
        nlohmann::json j;
        if (!arrayToJson(criteria, 1, j)) RETURN_THROWS();
        auto parsed = relais::sage::parseExportCriteria(j);
        if (!parsed) {
            zend_argument_value_error(1, "%s", parsed.status().message().c_str());
            RETURN_THROWS();
        }
        if (outsideOpenBasedir(parsed->outDir)) {
            zend_throw_exception_ex(relais_ce_ValidationException, static_cast<zend_long>(relais::Code::InvalidArgument),
                                    "export folder %s is outside the allowed path(s) (open_basedir)", parsed->outDir.c_str());
            RETURN_THROWS();
        }
        auto report = core->exportDocuments(*parsed);
        if (!report) {
            relais_throw_status(report.status());
            RETURN_THROWS();
        }
        relais_json_to_zval(return_value, report->toJson());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Exports, folder) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = nullptr;
        auto folder = thisExportFolder(ZEND_THIS, &core);
        if (!folder) RETURN_THROWS();
        RETURN_STR(relais_zstr(folder->path()));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Exports, run) {
    HashTable* criteria = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(criteria)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::Client* core = nullptr;
        auto folder = thisExportFolder(ZEND_THIS, &core);
        if (!folder) RETURN_THROWS();
        nlohmann::json j = nlohmann::json::object();
        if (criteria && !arrayToJson(criteria, 1, j)) RETURN_THROWS();
        auto parsed = relais::sage::parseExportCriteria(j, false);
        if (!parsed) {
            zend_argument_value_error(1, "%s", parsed.status().message().c_str());
            RETURN_THROWS();
        }
        auto connector = configuredConnector(core->config(), nlohmann::json::object());
        if (!connector) RETURN_THROWS();
        auto run = folder->exportRun(*connector, *parsed);
        RELAIS_RETURN_IF_FAILED(run);
        relais_json_to_zval(return_value, run->toJson());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Exports, latest) {
    zend_long limit = 10;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::Client* core = nullptr;
        auto folder = thisExportFolder(ZEND_THIS, &core);
        if (!folder) RETURN_THROWS();
        auto runs = folder->latestRuns(limit < INT_MIN || limit > INT_MAX ? 0 : static_cast<int>(limit));
        if (!runs && runs.status().code() == relais::Code::InvalidArgument) {
            zend_argument_value_error(1, "%s", runs.status().message().c_str());
            RETURN_THROWS();
        }
        RELAIS_RETURN_IF_FAILED(runs);
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& r : *runs) j.push_back({{"run", r.run}, {"files", r.files}});
        relais_json_to_zval(return_value, j);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Sage_Exports, open) {
    zend_string* run;
    zend_string* file;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(run)
        Z_PARAM_STR(file)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::Client* core = nullptr;
        auto folder = thisExportFolder(ZEND_THIS, &core);
        if (!folder) RETURN_THROWS();
        // The folder is the configuration's, like the content store: the
        // core confines the names to it; open_basedir does not apply.
        auto opened = folder->openFile(relais_str(run), relais_str(file));
        RELAIS_RETURN_IF_FAILED(opened);
        if (!relais_stream_from_fd(return_value, opened->release(), relais_str(run) + "/" + relais_str(file)))
            RETURN_THROWS();
    }
    RELAIS_CXX_CATCH
}
