// Module entry of the relais extension: ini settings, module globals (the
// process's core clients), MINIT (classes, the core's logger), MINFO
// (`php --ri relais`).
#include "php_relais.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

// gen_stub.php writes C: for #[\SensitiveParameter] it passes the void* of
// zend_hash_str_find_ptr() as a zend_function*, which C++ refuses. A typed
// lookup stands in while the generated file is read.
static inline zend_function* relais_find_method(const HashTable* ht, const char* name, size_t len) {
    return static_cast<zend_function*>(zend_hash_str_find_ptr(ht, name, len));
}
#define zend_hash_str_find_ptr relais_find_method
#include "relais_arginfo.h"
#undef zend_hash_str_find_ptr

zend_class_entry* relais_ce_Client;
zend_class_entry* relais_ce_Jobs;
zend_class_entry* relais_ce_Flows;
zend_class_entry* relais_ce_Nodes;
zend_class_entry* relais_ce_Users;
zend_class_entry* relais_ce_Partners;

ZEND_DECLARE_MODULE_GLOBALS(relais)

static PHP_GINIT_FUNCTION(relais) {
#if defined(COMPILE_DL_RELAIS) && defined(ZTS)
    ZEND_TSRMLS_CACHE_UPDATE();
#endif
    relais_client_cache_create(&relais_globals->clients);
}

static PHP_GSHUTDOWN_FUNCTION(relais) { relais_client_cache_destroy(&relais_globals->clients); }

PHP_INI_BEGIN()
    // Not PHP_INI_ALL: the file holds the database credentials, and which
    // file a site uses is the administrator's choice (php.ini, vhost,
    // .htaccess), not a script's.
    PHP_INI_ENTRY(PHP_RELAIS_INI_CONFIG, "", PHP_INI_SYSTEM | PHP_INI_PERDIR, nullptr)
PHP_INI_END()

std::string relais_default_config_path() {
    const char* ini = INI_STR(PHP_RELAIS_INI_CONFIG);
    return relais::resolveConfigPath(ini ? ini : "");
}

static PHP_MINIT_FUNCTION(relais) {
    REGISTER_INI_ENTRIES();

    // The core logs through spdlog's default logger, which writes to stdout:
    // under mod_php that is the HTTP response. Nothing the extension calls
    // needs to log; failures come back as exceptions.
    try {
        spdlog::set_level(spdlog::level::off);
    } catch (...) {
    }

    relais_ce_Exception = register_class_Relais_Exception(spl_ce_RuntimeException);
    relais_ce_NotFoundException = register_class_Relais_NotFoundException(relais_ce_Exception);
    relais_ce_ValidationException = register_class_Relais_ValidationException(relais_ce_Exception);
    relais_ce_ConnectionException = register_class_Relais_ConnectionException(relais_ce_Exception);
    relais_ce_ConflictException = register_class_Relais_ConflictException(relais_ce_Exception);

    relais_ce_Client = register_class_Relais_Client();
    relais_client_class_init(relais_ce_Client);
    relais_ce_Jobs = register_class_Relais_Jobs();
    relais_ce_Flows = register_class_Relais_Flows();
    relais_ce_Nodes = register_class_Relais_Nodes();
    relais_ce_Users = register_class_Relais_Users();
    relais_ce_Partners = register_class_Relais_Partners();
    relais_ce_Sage_Connector = register_class_Relais_Sage_Connector();
    relais_sage_class_init(relais_ce_Sage_Connector);
    relais_ce_Sage_Exports = register_class_Relais_Sage_Exports();
    relais_services_class_init(
        {relais_ce_Jobs, relais_ce_Flows, relais_ce_Nodes, relais_ce_Users, relais_ce_Partners, relais_ce_Sage_Exports});
    relais_ws_class_init(register_class_Relais_Ws_PaService(), register_class_Relais_Ws_ExchangeService(),
                         register_class_Relais_Ws_Envelope(), register_class_Relais_Ws_Directory());
    return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(relais) {
    UNREGISTER_INI_ENTRIES();
    return SUCCESS;
}

static PHP_MINFO_FUNCTION(relais) {
    php_info_print_table_start();
    php_info_print_table_row(2, "relais support", "enabled");
    php_info_print_table_row(2, "Relais version", relais::version());
    try {
        const std::string path = relais_default_config_path();
        const char* state = "missing";
        if (::access(path.c_str(), F_OK) == 0) state = ::access(path.c_str(), R_OK) == 0 ? "readable" : "not readable";
        php_info_print_table_row(2, "Configuration file", path.c_str());
        php_info_print_table_row(2, "Configuration file state", state);
        // The database the file points at (password masked), without connecting:
        // phpinfo() must not wait on a database that is down.
        if (std::string(state) == "readable") {
            auto config = relais::loadConfig(path);
            if (config) php_info_print_table_row(2, "Database", config->database.redacted().c_str());
            else php_info_print_table_row(2, "Configuration error", config.status().message().c_str());
        }
        // This process's connections (a fresh CLI process has none yet).
        const std::string connections = std::to_string(relais_client_cache_size()) + " open in this process";
        php_info_print_table_row(2, "Database connections", connections.c_str());
    } catch (...) {
        php_info_print_table_row(2, "Configuration file", "(cannot be resolved)");
    }
    php_info_print_table_end();
    DISPLAY_INI_ENTRIES();
}

static const zend_module_dep relais_deps[] = {
    ZEND_MOD_REQUIRED("spl")
    ZEND_MOD_REQUIRED("json")
    ZEND_MOD_END
};

zend_module_entry relais_module_entry = {
    STANDARD_MODULE_HEADER_EX,
    nullptr,
    relais_deps,
    PHP_RELAIS_EXTNAME,
    nullptr,  // functions: the API is classes only
    PHP_MINIT(relais),
    PHP_MSHUTDOWN(relais),
    nullptr,  // RINIT
    nullptr,  // RSHUTDOWN
    PHP_MINFO(relais),
    PHP_RELAIS_VERSION,
    PHP_MODULE_GLOBALS(relais),
    PHP_GINIT(relais),
    PHP_GSHUTDOWN(relais),
    nullptr,  // post deactivate
    STANDARD_MODULE_PROPERTIES_EX,
};

#ifdef COMPILE_DL_RELAIS
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(relais)
#endif
