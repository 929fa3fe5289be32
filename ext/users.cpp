// Relais\Users: what the admin site needs to authenticate its users and
// manage them (roles admin, operator, viewer), and the audit log. Passwords
// are bcrypt hashes in the format of PHP's password_hash(), made and checked
// by the core (UserDirectory).
#include "php_relais.h"

#include "users/permissions.h"

namespace {

void userToArray(zval* out, const relais::User& u) {
    array_init(out);
    relais_add_long(out, "id", u.id);
    relais_add_string(out, "login", u.login);
    relais_add_string(out, "role", u.role);
    add_assoc_bool(out, "enabled", u.enabled);
    relais_add_opt_string(out, "last_login_at", u.lastLoginAt);
    relais_add_string(out, "language", u.language);
    relais_add_long(out, "failed_logins", u.failedLogins);
    relais_add_opt_string(out, "locked_until", u.lockedUntil);
    relais_add_opt_string(out, "cert_subject", u.certSubject);
    relais_add_opt_string(out, "cert_serial", u.certSerial);
}

// What authenticate() and authenticateCertificate() return for a user.
void loginToArray(zval* out, const std::optional<relais::User>& user) {
    if (!user) {
        ZVAL_NULL(out);
        return;
    }
    array_init(out);
    relais_add_string(out, "login", user->login);
    relais_add_string(out, "role", user->role);
    relais_add_string(out, "language", user->language);
}

void stringList(zval* out, const std::vector<std::string>& items) {
    array_init_size(out, static_cast<uint32_t>(items.size()));
    for (const auto& item : items) add_next_index_stringl(out, item.data(), item.size());
}

// A login or password argument with a null byte could only be checked on
// its prefix by C code: refuse it.
bool checkText(uint32_t arg, zend_string* s, bool mayBeEmpty = false) {
    if ((!mayBeEmpty && ZSTR_LEN(s) == 0) || zend_str_has_nul_byte(s)) {
        zend_argument_value_error(arg, "must be a non-empty string without null bytes");
        return false;
    }
    return true;
}

// setRole, enable, setPassword: one login and one value.
template <class Apply>
void updateUser(INTERNAL_FUNCTION_PARAMETERS, zend_string* login, Apply apply) {
    RELAIS_CXX_TRY {
        if (!checkText(1, login)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto users = core->users();
        relais::Status s = apply(users, relais_str(login));
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

}  // namespace

ZEND_METHOD(Relais_Users, authenticate) {
    zend_string* login;
    zend_string* password;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(login)
        Z_PARAM_STR(password)
    ZEND_PARSE_PARAMETERS_END();

    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        // bcrypt reads a C string: a password with a null byte would be
        // checked on its prefix only, so it can never match.
        if (zend_str_has_nul_byte(password) || zend_str_has_nul_byte(login)) RETURN_NULL();
        auto user = core->users().authenticate(relais_str(login), relais_str(password), core->loginPolicy());
        RELAIS_RETURN_IF_FAILED(user);
        loginToArray(return_value, user.value());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, authenticateCertificate) {
    zend_string* subject;
    zend_string* serial;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(subject)
        Z_PARAM_STR(serial)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        if (zend_str_has_nul_byte(subject) || zend_str_has_nul_byte(serial)) RETURN_NULL();
        auto user = core->users().authenticateCertificate(relais_str(subject), relais_str(serial));
        RELAIS_RETURN_IF_FAILED(user);
        loginToArray(return_value, user.value());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, bindCertificate) {
    zend_string* login;
    zend_string* subject;
    zend_string* serial;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(login)
        Z_PARAM_STR(subject)
        Z_PARAM_STR(serial)
    ZEND_PARSE_PARAMETERS_END();
    if (!checkText(2, subject, true) || !checkText(3, serial, true)) RETURN_THROWS();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login, [&](relais::UserDirectory& users, const std::string& l) {
        return users.bindCertificate(l, relais_str(subject), relais_str(serial));
    });
}

ZEND_METHOD(Relais_Users, setLanguage) {
    zend_string* login;
    zend_string* language;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(login)
        Z_PARAM_STR(language)
    ZEND_PARSE_PARAMETERS_END();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login, [&](relais::UserDirectory& users, const std::string& l) {
        return users.setLanguage(l, relais_str(language));
    });
}

ZEND_METHOD(Relais_Users, unlock) {
    zend_string* login;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(login)
    ZEND_PARSE_PARAMETERS_END();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login,
               [&](relais::UserDirectory& users, const std::string& l) { return users.unlock(l); });
}

ZEND_METHOD(Relais_Users, roles) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        const auto roles = relais::knownRoles();
        RELAIS_ZEND_CALLS(stringList(return_value, roles););
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, permissions) {
    zend_string* role;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(role)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        const auto permissions = relais::rolePermissions(relais_str(role));
        RELAIS_ZEND_CALLS(stringList(return_value, permissions););
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        auto users = core->users().list();
        RELAIS_RETURN_IF_FAILED(users);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(users->size()));
            for (const auto& u : users.value()) {
                zval row;
                userToArray(&row, u);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, get) {
    zend_string* login;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(login)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (!checkText(1, login)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto user = core->users().get(relais_str(login));
        RELAIS_RETURN_IF_FAILED(user);
        userToArray(return_value, user.value());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, create) {
    zend_string* login;
    zend_string* password;
    zend_string* role = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(login)
        Z_PARAM_STR(password)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(role)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (!checkText(1, login) || !checkText(2, password)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto user = core->users().create(relais_str(login), relais_str(password),
                                         role ? relais_str(role) : std::string("viewer"));
        RELAIS_RETURN_IF_FAILED(user);
        userToArray(return_value, user.value());
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, setPassword) {
    zend_string* login;
    zend_string* password;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(login)
        Z_PARAM_STR(password)
    ZEND_PARSE_PARAMETERS_END();
    if (!checkText(2, password)) RETURN_THROWS();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login, [&](relais::UserDirectory& users, const std::string& l) {
        return users.setPassword(l, relais_str(password));
    });
}

ZEND_METHOD(Relais_Users, setRole) {
    zend_string* login;
    zend_string* role;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(login)
        Z_PARAM_STR(role)
    ZEND_PARSE_PARAMETERS_END();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login, [&](relais::UserDirectory& users, const std::string& l) {
        return users.setRole(l, relais_str(role));
    });
}

ZEND_METHOD(Relais_Users, enable) {
    zend_string* login;
    bool on = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(login)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(on)
    ZEND_PARSE_PARAMETERS_END();
    updateUser(INTERNAL_FUNCTION_PARAM_PASSTHRU, login, [&](relais::UserDirectory& users, const std::string& l) {
        return users.setEnabled(l, on);
    });
}

ZEND_METHOD(Relais_Users, audit) {
    zend_string* login;
    zend_string* action;
    zend_string* target = nullptr;
    zend_string* details = nullptr;
    zend_string* clientIp = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 5)
        Z_PARAM_STR(login)
        Z_PARAM_STR(action)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(target)
        Z_PARAM_STR_OR_NULL(details)
        Z_PARAM_STR_OR_NULL(clientIp)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (!checkText(1, login) || !checkText(2, action)) RETURN_THROWS();
        relais::AuditEntry e;
        e.login = relais_str(login);
        e.action = relais_str(action);
        if (target) e.target = relais_str(target);
        if (details) e.details = relais_str(details);
        if (clientIp) e.clientIp = relais_str(clientIp);
        RELAIS_SERVICE_CORE(core);
        relais::Status s = core->users().audit(e);
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Users, auditLog) {
    HashTable* filterIn = nullptr;
    zend_long limit = 100;
    zend_string* cursor = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 3)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(filterIn)
        Z_PARAM_LONG(limit)
        Z_PARAM_STR_OR_NULL(cursor)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::AuditFilter filter;
        if (filterIn) {
            zend_string* key;
            zend_ulong index;
            zval* value;
            ZEND_HASH_FOREACH_KEY_VAL(filterIn, index, key, value) {
                std::optional<std::string>* field = nullptr;
                if (key && zend_string_equals_literal(key, "login")) field = &filter.login;
                else if (key && zend_string_equals_literal(key, "action")) field = &filter.action;
                else if (key && zend_string_equals_literal(key, "from")) field = &filter.from;
                else if (key && zend_string_equals_literal(key, "to")) field = &filter.to;
                if (!field) {
                    zend_argument_value_error(1, "has an unknown key %s (known keys: \"login\", \"action\", \"from\", \"to\")",
                                              relais_key_text(key, index).c_str());
                    RETURN_THROWS();
                }
                if (!relais_filter_string(1, key, value, *field)) RETURN_THROWS();
            }
            ZEND_HASH_FOREACH_END();
        }
        if (limit < 1 || limit > 10000) {
            zend_argument_value_error(2, "must be between 1 and 10000");
            RETURN_THROWS();
        }
        filter.limit = static_cast<int>(limit);
        if (!relais_read_cursor(3, cursor, filter.before)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto page = core->users().auditLog(filter);
        RELAIS_RETURN_IF_FAILED(page);
        RELAIS_ZEND_CALLS({
            zval rows;
            array_init_size(&rows, static_cast<uint32_t>(page->rows.size()));
            for (const auto& e : page->rows) {
                zval row;
                array_init(&row);
                relais_add_long(&row, "id", e.id);
                relais_add_string(&row, "at", e.at);
                relais_add_string(&row, "login", e.login);
                relais_add_string(&row, "action", e.action);
                relais_add_string(&row, "target", e.target);
                relais_add_opt_string(&row, "details", e.details);
                relais_add_opt_string(&row, "client_ip", e.clientIp);
                add_next_index_zval(&rows, &row);
            }
            relais_page(return_value, &rows, page->nextCursor);
        });
    }
    RELAIS_CXX_CATCH
}
