// The one mapping from the core's error codes to PHP exception classes.
//
//   NotFound                                   -> Relais\NotFoundException
//   InvalidArgument                            -> Relais\ValidationException
//                                                 (getErrors(): each field in error)
//   FailedPrecondition, AlreadyExists          -> Relais\ConflictException
//   Unavailable                                -> Relais\ConnectionException
//   Config, Io, Internal (and anything new)    -> Relais\Exception
//
// The exception code is the numeric relais::Code, so a caller can tell a
// disabled flow from a duplicate without parsing the message.
#include "php_relais.h"

zend_class_entry* relais_ce_Exception;
zend_class_entry* relais_ce_NotFoundException;
zend_class_entry* relais_ce_ValidationException;
zend_class_entry* relais_ce_ConnectionException;
zend_class_entry* relais_ce_ConflictException;

namespace {

zend_class_entry* classFor(relais::Code code) {
    switch (code) {
        case relais::Code::NotFound:
            return relais_ce_NotFoundException;
        case relais::Code::InvalidArgument:
            return relais_ce_ValidationException;
        case relais::Code::FailedPrecondition:
        case relais::Code::AlreadyExists:
            return relais_ce_ConflictException;
        case relais::Code::Unavailable:
            return relais_ce_ConnectionException;
        case relais::Code::Ok:  // a caller bug; still better an exception than none
        case relais::Code::Io:
        case relais::Code::Config:
        case relais::Code::Internal:
            break;
    }
    return relais_ce_Exception;
}

}  // namespace

void relais_throw_status(const relais::Status& status) {
    std::string message = status.message();
    if (message.empty()) message = std::string("relais: ") + relais::codeName(status.code());
    zend_class_entry* ce = classFor(status.code());
    zend_object* ex = zend_throw_exception(ce, message.c_str(), static_cast<zend_long>(status.code()));
    if (ce != relais_ce_ValidationException || !ex) return;
    // The problems one by one; a plain invalid value is one problem without a field.
    zval errors;
    array_init(&errors);
    auto add = [&](const std::string& field, const std::string& text) {
        zval row;
        array_init(&row);
        relais_add_string(&row, "field", field);
        relais_add_string(&row, "message", text);
        add_next_index_zval(&errors, &row);
    };
    if (status.fieldErrors().empty()) add("", message);
    for (const auto& e : status.fieldErrors()) add(e.field, e.message);
    zend_update_property(relais_ce_ValidationException, ex, "errors", sizeof("errors") - 1, &errors);
    zval_ptr_dtor(&errors);
}

void relais_throw_cxx(const char* what) {
    if (EG(exception)) return;  // keep the first, more precise, exception
    zend_throw_exception_ex(relais_ce_Exception, static_cast<zend_long>(relais::Code::Internal),
                            "relais: internal error in the core: %s", what ? what : "unknown");
}

ZEND_METHOD(Relais_ValidationException, getErrors) {
    ZEND_PARSE_PARAMETERS_NONE();
    zval rv;
    zval* errors = zend_read_property(relais_ce_ValidationException, Z_OBJ_P(ZEND_THIS), "errors",
                                      sizeof("errors") - 1, 1, &rv);
    RETURN_COPY_DEREF(errors);
}
