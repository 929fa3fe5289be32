// Relais\Client: opens the core client (configuration file + one database
// connection, kept for the object's lifetime) and hands out the Jobs, Flows
// and Users services bound to it.
#include "php_relais.h"

extern "C" {
#include "main/fopen_wrappers.h"
}

namespace {

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

}  // namespace

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
        const std::string path = configFile ? std::string(ZSTR_VAL(configFile), ZSTR_LEN(configFile))
                                            : relais_default_config_path();
        auto opened = relais::Client::open(path);
        if (!opened) {
            relais_throw_status(opened.status());
            RETURN_THROWS();
        }
        intern->core = std::move(opened).value();
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

ZEND_METHOD(Relais_Client, jobs) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Jobs); }

ZEND_METHOD(Relais_Client, flows) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Flows); }

ZEND_METHOD(Relais_Client, users) { service(INTERNAL_FUNCTION_PARAM_PASSTHRU, relais_ce_Users); }
