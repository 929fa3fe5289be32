// Relais\Partners: the partners Relais exchanges with, their identifiers,
// contacts and certificates. Arguments are checked here (TypeError /
// ValueError); the rules (GLN, SIRET, e-mail checks, certificate reading,
// expiry states) are the core's PartnerDirectory.
#include "php_relais.h"

namespace {

void contactsToArray(zval* out, const std::vector<relais::PartnerContact>& contacts) {
    array_init_size(out, static_cast<uint32_t>(contacts.size()));
    for (const auto& c : contacts) {
        zval row;
        array_init(&row);
        relais_add_string(&row, "name", c.name);
        relais_add_string(&row, "email", c.email);
        relais_add_string(&row, "phone", c.phone);
        relais_add_string(&row, "role", c.role);
        add_next_index_zval(out, &row);
    }
}

void certificateToArray(zval* out, const relais::PartnerCertificate& c) {
    array_init(out);
    relais_add_long(out, "id", c.id);
    relais_add_string(out, "partner", c.partnerCode);
    relais_add_string(out, "subject", c.subject);
    relais_add_string(out, "issuer", c.issuer);
    relais_add_string(out, "serial", c.serial);
    relais_add_string(out, "not_before", c.notBefore);
    relais_add_string(out, "not_after", c.notAfter);
    relais_add_long(out, "days_left", c.daysLeft);
    relais_add_string(out, "state", c.state);
    relais_add_string(out, "sha256", c.sha256);
    relais_add_string(out, "pem", c.pem);
    relais_add_opt_string(out, "uploaded_by", c.uploadedBy);
    relais_add_string(out, "uploaded_at", c.uploadedAt);
}

void certificatesToArray(zval* out, const std::vector<relais::PartnerCertificate>& certs) {
    array_init_size(out, static_cast<uint32_t>(certs.size()));
    for (const auto& c : certs) {
        zval row;
        certificateToArray(&row, c);
        add_next_index_zval(out, &row);
    }
}

void partnerToArray(zval* out, const relais::Partner& p, bool withCertificates) {
    array_init(out);
    relais_add_long(out, "id", p.id);
    relais_add_string(out, "code", p.code);
    relais_add_string(out, "name", p.name);
    relais_add_opt_string(out, "gln", p.gln);
    relais_add_opt_string(out, "siret", p.siret);
    relais_add_string(out, "notes", p.notes);
    add_assoc_bool(out, "enabled", p.enabled);
    relais_add_string(out, "created_at", p.createdAt);
    relais_add_string(out, "updated_at", p.updatedAt);
    zval contacts;
    contactsToArray(&contacts, p.contacts);
    add_assoc_zval(out, "contacts", &contacts);
    relais_add_long(out, "certificates_expiring", p.certificatesExpiring);
    relais_add_long(out, "certificates_expired", p.certificatesExpired);
    if (withCertificates) {
        zval certs;
        certificatesToArray(&certs, p.certificates);
        add_assoc_zval(out, "certificates", &certs);
    }
}

// A string (or, when `nullable`, null) value of the partner array; false after throwing.
bool readText(zval* value, const char* key, std::optional<std::string>& out, bool nullable) {
    ZVAL_DEREF(value);
    if (nullable && Z_TYPE_P(value) == IS_NULL) {
        out.reset();
        return true;
    }
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(1, "value of \"%s\" must be of type %sstring, %s given", key, nullable ? "?" : "",
                                 zend_zval_type_name(value));
        return false;
    }
    out = relais_str(Z_STR_P(value));
    return true;
}

// One contact ['name', 'email', 'phone', 'role'] (each optional but name); false after throwing.
bool readContact(zval* value, zend_ulong index, relais::PartnerContact& c) {
    ZVAL_DEREF(value);
    if (Z_TYPE_P(value) != IS_ARRAY) {
        zend_argument_type_error(1, "contact %lu must be an array, %s given", static_cast<unsigned long>(index),
                                 zend_zval_type_name(value));
        return false;
    }
    zend_string* key;
    zend_ulong i;
    zval* field;
    ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(value), i, key, field) {
        std::string* target = nullptr;
        if (key && zend_string_equals_literal(key, "name")) target = &c.name;
        else if (key && zend_string_equals_literal(key, "email")) target = &c.email;
        else if (key && zend_string_equals_literal(key, "phone")) target = &c.phone;
        else if (key && zend_string_equals_literal(key, "role")) target = &c.role;
        if (!target) {
            zend_argument_value_error(1, "contact %lu has an unknown key %s (known keys: \"name\", \"email\", \"phone\", \"role\")",
                                      static_cast<unsigned long>(index), relais_key_text(key, i).c_str());
            return false;
        }
        std::optional<std::string> text;
        if (!readText(field, ZSTR_VAL(key), text, true)) return false;
        *target = text.value_or("");
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// The partner array of save(); false after throwing.
bool readPartner(HashTable* in, relais::Partner& p) {
    bool haveCode = false;
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(in, index, key, value) {
        std::optional<std::string> text;
        if (key && zend_string_equals_literal(key, "code")) {
            if (!readText(value, "code", text, false)) return false;
            p.code = *text;
            haveCode = true;
        } else if (key && zend_string_equals_literal(key, "name")) {
            if (!readText(value, "name", text, false)) return false;
            p.name = *text;
        } else if (key && zend_string_equals_literal(key, "gln")) {
            if (!readText(value, "gln", p.gln, true)) return false;
        } else if (key && zend_string_equals_literal(key, "siret")) {
            if (!readText(value, "siret", p.siret, true)) return false;
        } else if (key && zend_string_equals_literal(key, "notes")) {
            if (!readText(value, "notes", text, true)) return false;
            p.notes = text.value_or("");
        } else if (key && zend_string_equals_literal(key, "enabled")) {
            ZVAL_DEREF(value);
            if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
                zend_argument_type_error(1, "value of \"enabled\" must be of type bool, %s given", zend_zval_type_name(value));
                return false;
            }
            p.enabled = Z_TYPE_P(value) == IS_TRUE;
        } else if (key && zend_string_equals_literal(key, "contacts")) {
            ZVAL_DEREF(value);
            if (Z_TYPE_P(value) != IS_ARRAY) {
                zend_argument_type_error(1, "value of \"contacts\" must be of type array, %s given", zend_zval_type_name(value));
                return false;
            }
            zend_ulong i = 0;
            zval* contact;
            ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), contact) {
                relais::PartnerContact c;
                if (!readContact(contact, i++, c)) return false;
                p.contacts.push_back(std::move(c));
            }
            ZEND_HASH_FOREACH_END();
        } else {
            zend_argument_value_error(1, "has an unknown key %s (known keys: \"code\", \"name\", \"gln\", \"siret\", "
                                         "\"notes\", \"enabled\", \"contacts\")",
                                      relais_key_text(key, index).c_str());
            return false;
        }
    }
    ZEND_HASH_FOREACH_END();
    if (!haveCode) {
        zend_argument_value_error(1, "must have a \"code\"");
        return false;
    }
    return true;
}

// A partner code argument: non-empty, else ValueError.
#define RELAIS_CHECK_CODE(arg, code)                            \
    if (ZSTR_LEN(code) == 0) {                                  \
        zend_argument_value_error((arg), "must not be empty");  \
        RETURN_THROWS();                                        \
    }

}  // namespace

ZEND_METHOD(Relais_Partners, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    RELAIS_CXX_TRY {
        RELAIS_SERVICE_CORE(core);
        auto partners = core->partners().list();
        RELAIS_RETURN_IF_FAILED(partners);
        RELAIS_ZEND_CALLS({
            array_init_size(return_value, static_cast<uint32_t>(partners->size()));
            for (const auto& p : partners.value()) {
                zval row;
                partnerToArray(&row, p, false);
                add_next_index_zval(return_value, &row);
            }
        });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, get) {
    zend_string* code;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(code)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        RELAIS_SERVICE_CORE(core);
        auto partner = core->partners().get(relais_str(code));
        RELAIS_RETURN_IF_FAILED(partner);
        RELAIS_ZEND_CALLS({ partnerToArray(return_value, partner.value(), true); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, save) {
    HashTable* in;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(in)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        relais::Partner p;
        if (!readPartner(in, p)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        auto saved = core->partners().save(p);
        RELAIS_RETURN_IF_FAILED(saved);
        RELAIS_ZEND_CALLS({ partnerToArray(return_value, saved.value(), true); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, enable) {
    zend_string* code;
    bool on = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(code)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(on)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        RELAIS_SERVICE_CORE(core);
        relais::Status s = core->partners().setEnabled(relais_str(code), on);
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, addCertificate) {
    zend_string* code;
    zend_string* certificate;
    zend_string* by = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(code)
        Z_PARAM_STR(certificate)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(by)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        RELAIS_SERVICE_CORE(core);
        auto cert = core->partners().addCertificate(relais_str(code), relais_str(certificate), by ? relais_str(by) : "");
        RELAIS_RETURN_IF_FAILED(cert);
        RELAIS_ZEND_CALLS({ certificateToArray(return_value, cert.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, removeCertificate) {
    zend_string* code;
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(code)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        RELAIS_CHECK_ID(2, id);
        RELAIS_SERVICE_CORE(core);
        relais::Status s = core->partners().removeCertificate(relais_str(code), static_cast<int64_t>(id));
        RELAIS_RETURN_IF_FAILED(s);
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, expiringCertificates) {
    zend_long days = relais::kCertificateWarningDays;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(days)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        if (days < 0 || days > 3650) {
            zend_argument_value_error(1, "must be between 0 and 3650");
            RETURN_THROWS();
        }
        RELAIS_SERVICE_CORE(core);
        auto certs = core->partners().expiringCertificates(static_cast<int>(days));
        RELAIS_RETURN_IF_FAILED(certs);
        RELAIS_ZEND_CALLS({ certificatesToArray(return_value, certs.value()); });
    }
    RELAIS_CXX_CATCH
}
