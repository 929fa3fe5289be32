// Relais\Partners: the partners Relais exchanges with, their identifiers,
// contacts, certificates and EDIFACT settings. Arguments are checked here
// (TypeError / ValueError); the rules (GLN, SIRET, e-mail checks, certificate
// reading, expiry states, EDIFACT settings) are the core's PartnerDirectory
// and PartnerEdifactSettings.
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
bool readText(zval* value, const char* key, std::optional<std::string>& out, bool nullable, uint32_t arg = 1) {
    ZVAL_DEREF(value);
    if (nullable && Z_TYPE_P(value) == IS_NULL) {
        out.reset();
        return true;
    }
    if (Z_TYPE_P(value) != IS_STRING) {
        zend_argument_type_error(arg, "value of \"%s\" must be of type %sstring, %s given", key, nullable ? "?" : "",
                                 zend_zval_type_name(value));
        return false;
    }
    out = relais_str(Z_STR_P(value));
    return true;
}

// A key of an array argument that is none of `known`: throws, returns false.
bool unknownKey(uint32_t arg, zend_string* key, zend_ulong index, const char* known) {
    zend_argument_value_error(arg, "has an unknown key %s (known keys: %s)", relais_key_text(key, index).c_str(), known);
    return false;
}

// A bool value of an array argument; false after throwing.
bool readBool(zval* value, const char* key, bool& out, uint32_t arg) {
    ZVAL_DEREF(value);
    if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
        zend_argument_type_error(arg, "value of \"%s\" must be of type bool, %s given", key, zend_zval_type_name(value));
        return false;
    }
    out = Z_TYPE_P(value) == IS_TRUE;
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
            if (!readBool(value, "enabled", p.enabled, 1)) return false;
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
            return unknownKey(1, key, index, "\"code\", \"name\", \"gln\", \"siret\", \"notes\", \"enabled\", \"contacts\"");
        }
    }
    ZEND_HASH_FOREACH_END();
    if (!haveCode) {
        zend_argument_value_error(1, "must have a \"code\"");
        return false;
    }
    return true;
}

void edifactToArray(zval* out, const relais::PartnerEdifact& s) {
    array_init(out);
    relais_add_string(out, "syntax_level", s.syntaxLevel);
    relais_add_string(out, "separators", s.separators);
    add_assoc_bool(out, "test", s.test);
    if (s.unbId.empty()) add_assoc_null(out, "unb_id");
    else relais_add_string(out, "unb_id", s.unbId);
    relais_add_string(out, "unb_qualifier", s.unbQualifier);
    relais_add_long(out, "next_reference", s.nextReference);
    add_assoc_bool(out, "stored", s.stored);
}

// The settings array of saveEdifact(); false after throwing.
bool readEdifact(HashTable* in, relais::PartnerEdifact& s) {
    zend_string* key;
    zend_ulong index;
    zval* value;
    ZEND_HASH_FOREACH_KEY_VAL(in, index, key, value) {
        std::optional<std::string> text;
        std::string* target = nullptr;
        bool nullable = false;
        if (key && zend_string_equals_literal(key, "syntax_level")) target = &s.syntaxLevel;
        else if (key && zend_string_equals_literal(key, "separators")) target = &s.separators;
        else if (key && zend_string_equals_literal(key, "unb_id")) target = &s.unbId, nullable = true;
        else if (key && zend_string_equals_literal(key, "unb_qualifier")) target = &s.unbQualifier;
        if (target) {
            if (!readText(value, ZSTR_VAL(key), text, nullable, 2)) return false;
            *target = text.value_or("");
        } else if (key && zend_string_equals_literal(key, "test")) {
            if (!readBool(value, "test", s.test, 2)) return false;
        } else {
            return unknownKey(2, key, index, "\"syntax_level\", \"separators\", \"test\", \"unb_id\", \"unb_qualifier\"");
        }
    }
    ZEND_HASH_FOREACH_END();
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

ZEND_METHOD(Relais_Partners, edifact) {
    zend_string* code;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(code)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        RELAIS_SERVICE_CORE(core);
        auto settings = core->partnerEdifact().get(relais_str(code));
        RELAIS_RETURN_IF_FAILED(settings);
        RELAIS_ZEND_CALLS({ edifactToArray(return_value, settings.value()); });
    }
    RELAIS_CXX_CATCH
}

ZEND_METHOD(Relais_Partners, saveEdifact) {
    zend_string* code;
    HashTable* in;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(code)
        Z_PARAM_ARRAY_HT(in)
    ZEND_PARSE_PARAMETERS_END();
    RELAIS_CXX_TRY {
        RELAIS_CHECK_CODE(1, code);
        relais::PartnerEdifact s;
        if (!readEdifact(in, s)) RETURN_THROWS();
        RELAIS_SERVICE_CORE(core);
        relais::PartnerEdifactSettings settings = core->partnerEdifact();
        relais::Status saved = settings.save(relais_str(code), s);
        RELAIS_RETURN_IF_FAILED(saved);
        auto now = settings.get(relais_str(code));
        RELAIS_RETURN_IF_FAILED(now);
        RELAIS_ZEND_CALLS({ edifactToArray(return_value, now.value()); });
    }
    RELAIS_CXX_CATCH
}
