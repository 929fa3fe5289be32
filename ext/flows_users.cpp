// Relais\Flows (the current version of every flow) and Relais\Users (admin
// site login check).
#include "php_relais.h"

ZEND_METHOD(Relais_Flows, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        relais::Client* core = relais_service_core(Z_OBJ_P(ZEND_THIS));
        if (!core) RETURN_THROWS();
        auto flows = core->flows().list();
        if (!flows) {
            relais_throw_status(flows.status());
            RETURN_THROWS();
        }
        array_init_size(return_value, static_cast<uint32_t>(flows->size()));
        for (const auto& f : flows.value()) {
            zval row;
            array_init(&row);
            relais_add_string(&row, "name", f.name);
            relais_add_long(&row, "version", f.version);
            relais_add_string(&row, "description", f.description);
            add_assoc_bool(&row, "enabled", f.enabled);
            relais_add_string(&row, "trigger", f.trigger);
            relais_add_long(&row, "steps", f.steps);
            relais_add_string(&row, "created_at", f.createdAt);
            add_next_index_zval(return_value, &row);
        }
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, authenticate) {
    zend_string* login;
    zend_string* password;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(login)
        Z_PARAM_STR(password)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        relais::Client* core = relais_service_core(Z_OBJ_P(ZEND_THIS));
        if (!core) RETURN_THROWS();
        // bcrypt reads a C string: a password with a null byte would be
        // checked on its prefix only, so it can never match.
        if (zend_str_has_nul_byte(password) || zend_str_has_nul_byte(login)) RETURN_NULL();
        auto user = core->users().authenticate(std::string(ZSTR_VAL(login), ZSTR_LEN(login)),
                                               std::string(ZSTR_VAL(password), ZSTR_LEN(password)));
        if (!user) {
            relais_throw_status(user.status());
            RETURN_THROWS();
        }
        if (!user.value()) RETURN_NULL();
        array_init(return_value);
        relais_add_string(return_value, "login", user.value()->login);
        relais_add_string(return_value, "role", user.value()->role);
    }
    RELAIS_CXX_CATCH
}
