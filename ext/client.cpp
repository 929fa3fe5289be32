// Relais\Client: the process's core client for a configuration file
// (configuration + one database connection), and the Jobs, Flows, Nodes and
// Users services bound to it.
//
// One connection per PHP process: the core clients live in the module
// globals, by configuration file, for the life of the process (an Apache
// worker serves many requests with one connection). A client is reused when
// its file has not changed since it was read and its connection is usable
// (db::Connection::usable(): no round trip when it answered moments ago and
// the server has not closed it, else a ping); the ping reconnects when the
// server had closed the connection (a restart, wait_timeout), which the core
// never does inside an open transaction, and no transaction stays open
// between two calls.
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <map>
#include <new>

#include "net/mssante_proof.h"
#include "sage/export_folder.h"
#include "php_relais.h"

extern "C" {
#include "main/fopen_wrappers.h"
}

struct relais_client_cache {
    struct Entry {
        std::shared_ptr<relais::Client> client;
        struct timespec mtime {};
        off_t size = 0;
    };
    std::map<std::string, Entry> byPath;
};

void relais_client_cache_create(relais_client_cache** cache) {
    try {
        *cache = new relais_client_cache();
    } catch (...) {
        *cache = nullptr;
    }
}

void relais_client_cache_destroy(relais_client_cache** cache) {
    try {
        delete *cache;  // closes the connections
    } catch (...) {
    }
    *cache = nullptr;
}

size_t relais_client_cache_size() { return RELAIS_G(clients) ? RELAIS_G(clients)->byPath.size() : 0; }

namespace {

zend_object_handlers clientHandlers;

zend_object* clientCreate(zend_class_entry* ce) {
    auto* intern = static_cast<relais_client_object*>(zend_object_alloc(sizeof(relais_client_object), ce));
    new (&intern->core) std::shared_ptr<relais::Client>();
    zend_object_std_init(&intern->std, ce);
    object_properties_init(&intern->std, ce);
    intern->std.handlers = &clientHandlers;
    return &intern->std;
}

void clientFree(zend_object* obj) {
    auto* intern = relais_client_from_obj(obj);
    intern->core.~shared_ptr();  // the process's cache keeps the connection
    zend_object_std_dtor(obj);
}

// The core client of `this`, or null after throwing an Error.
relais::Client* thisCore(zval* self) {
    auto* intern = relais_client_from_obj(Z_OBJ_P(self));
    if (!intern->core) {
        zend_throw_error(nullptr, "Relais\\Client object is not initialized (its constructor failed or was not called)");
        return nullptr;
    }
    return intern->core.get();
}

void service(INTERNAL_FUNCTION_PARAMETERS, zend_class_entry* ce) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        if (!thisCore(ZEND_THIS)) RETURN_THROWS();
        relais_service_create(return_value, ce, Z_OBJ_P(ZEND_THIS));
    }
    RELAIS_CXX_CATCH
}

// The process's client for `path`: the cached one while its file is
// unchanged and its connection answers, else a new one (which replaces it).
relais::Result<std::shared_ptr<relais::Client>> sharedClient(const std::string& path) {
    struct stat st {};
    const bool statted = ::stat(path.c_str(), &st) == 0;
    relais_client_cache* cache = RELAIS_G(clients);
    if (cache && statted) {
        auto it = cache->byPath.find(path);
        if (it != cache->byPath.end()) {
            const auto& e = it->second;
            if (e.mtime.tv_sec == st.st_mtim.tv_sec && e.mtime.tv_nsec == st.st_mtim.tv_nsec &&
                e.size == st.st_size && e.client->connection().usable())
                return e.client;
            cache->byPath.erase(it);
        }
    }
    auto opened = relais::Client::open(path);
    if (!opened) return opened.status();
    std::shared_ptr<relais::Client> client(std::move(opened).value());
    if (cache && statted) cache->byPath[path] = {client, st.st_mtim, st.st_size};
    return client;
}

}  // namespace

void relais_client_class_init(zend_class_entry* ce) {
    ce->create_object = clientCreate;
    memcpy(&clientHandlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    clientHandlers.offset = XtOffsetOf(relais_client_object, std);
    clientHandlers.free_obj = clientFree;
    clientHandlers.clone_obj = nullptr;  // no copies: get another Client instead
}

ZEND_METHOD(Relais_Client, __construct) {
    zend_string* configFile = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_PATH_STR_OR_NULL(configFile)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        auto* intern = relais_client_from_obj(Z_OBJ_P(ZEND_THIS));
        if (intern->core) {
            zend_throw_error(nullptr, "Relais\\Client::__construct() cannot be called twice");
            RETURN_THROWS();
        }
        if (configFile && ZSTR_LEN(configFile) == 0) {
            zend_argument_value_error(1, "must not be empty (pass null to use the default configuration file)");
            RETURN_THROWS();
        }
        // A file named by the script obeys open_basedir like any file PHP
        // opens; the default one is the administrator's (ini or environment).
        if (configFile && php_check_open_basedir_ex(ZSTR_VAL(configFile), 0) != 0) {
            zend_throw_exception_ex(relais_ce_Exception, static_cast<zend_long>(relais::Code::Config),
                                    "configuration file %s is outside the allowed path(s) (open_basedir)",
                                    ZSTR_VAL(configFile));
            RETURN_THROWS();
        }
        const std::string path = configFile ? relais_str(configFile) : relais_default_config_path();
        auto client = sharedClient(path);
        RELAIS_RETURN_IF_FAILED(client);
        intern->core = std::move(client).value();
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, configFile) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        RETURN_STR(relais_zstr(core->config().path));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, ping) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        RETURN_BOOL(core->connection().ping());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, version) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_STRING(relais::version());
}

ZEND_METHOD(Relais_Client, jobs) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Jobs); }

ZEND_METHOD(Relais_Client, flows) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Flows); }

ZEND_METHOD(Relais_Client, nodes) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Nodes); }

ZEND_METHOD(Relais_Client, users) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Users); }

ZEND_METHOD(Relais_Client, partners) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Partners); }

namespace {

void diskToArray(zval* out, const relais::DiskUsage& d) {
    array_init(out);
    relais_add_string(out, "path", d.path);
    relais_add_long(out, "total_bytes", static_cast<int64_t>(d.totalBytes));
    relais_add_long(out, "free_bytes", static_cast<int64_t>(d.freeBytes));
    relais_add_long(out, "used_bytes", static_cast<int64_t>(d.usedBytes));
}

}  // namespace

ZEND_METHOD(Relais_Client, sage) {
    HashTable* options = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        relais_sage_connector_from_config(return_value, core->config(), options);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, sageExports) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        auto folder = relais::sage::ExportFolder::fromConfig(core->config().ini, core->config().path);
        RELAIS_RETURN_IF_FAILED(folder);
        relais_service_create(return_value, relais_ce_Sage_Exports, Z_OBJ_P(ZEND_THIS));
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, settings) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        const relais::IniSections settings = core->config().settingsForDisplay();
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            for (const auto& [section, keys] : settings) {
                zval values;
                array_init(&values);
                for (const auto& [key, value] : keys) relais_add_string(&values, key.c_str(), value);
                zend_symtable_str_update(Z_ARRVAL_P(return_value), section.data(), section.size(), &values);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, system) {
    zend_string* softwarePath = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_PATH_STR_OR_NULL(softwarePath)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        auto report = core->systemReport(softwarePath ? relais_str(softwarePath) : std::string("/"));
        RELAIS_RETURN_IF_FAILED(report);
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            relais_add_string(return_value, "version", report->relaisVersion);
            relais_add_string(return_value, "database_version", report->databaseVersion);
            relais_add_string(return_value, "database", report->databaseServer);
            zval checks;
            array_init_size(&checks, static_cast<uint32_t>(report->checks.size()));
            for (const auto& c : report->checks) {
                zval row;
                array_init(&row);
                relais_add_string(&row, "name", c.name);
                relais_add_string(&row, "found", c.found);
                relais_add_string(&row, "expected", c.expected);
                relais_add_string(&row, "level", c.level);
                add_next_index_zval(&checks, &row);
            }
            add_assoc_zval(return_value, "checks", &checks);
            zval disk, store, software;
            array_init(&disk);
            diskToArray(&store, report->store);
            add_assoc_zval(&disk, "store", &store);
            diskToArray(&software, report->software);
            add_assoc_zval(&disk, "software", &software);
            add_assoc_zval(return_value, "disk", &disk);
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, storeUsage) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        auto usage = core->storeUsage();
        RELAIS_RETURN_IF_FAILED(usage);
        RELAIS_ZEND_CALLS({ diskToArray(return_value, usage.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Client, mssanteProof) {
    zend_string* fqdn = nullptr;
    zend_long imapPort = 143, smtpPort = 587;
    zend_string* producedBy = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(fqdn)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(imapPort)
        Z_PARAM_LONG(smtpPort)
        Z_PARAM_STR(producedBy)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::Client* core = thisCore(ZEND_THIS);
        if (!core) RETURN_THROWS();
        // The core's check refuses out-of-range ports by field.
        auto port = [](zend_long p) { return static_cast<int>(std::clamp<zend_long>(p, INT_MIN, INT_MAX)); };
        const std::string host = relais_str(fqdn);
        if (relais::Status s = relais::net::checkMssanteProofTarget(host, port(imapPort), port(smtpPort)); !s) {
            relais_throw_status(s);
            RETURN_THROWS();
        }
        const auto proof = relais::net::produceMssanteProof(core->config().transfer, host, port(imapPort), port(smtpPort),
                                                            producedBy ? relais_str(producedBy) : "extension PHP");
        RELAIS_ZEND_CALLS({
            array_init(return_value);
            relais_add_string(return_value, "text", proof.text);
            add_assoc_bool(return_value, "imap_starttls", proof.imapStarttls);
            add_assoc_bool(return_value, "smtp_starttls", proof.smtpStarttls);
            add_assoc_bool(return_value, "imap_complete", proof.imapComplete);
            add_assoc_bool(return_value, "smtp_complete", proof.smtpComplete);
            relais_add_string(return_value, "problem", proof.problem);
        });
    }
    RELAIS_CXX_CATCH
}
