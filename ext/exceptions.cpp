// The one mapping from the core's error codes to PHP exception classes.
//
//   NotFound                                   -> Relais\NotFoundException
//   InvalidArgument, FailedPrecondition,
//   AlreadyExists                              -> Relais\InvalidArgumentException
//   Unavailable                                -> Relais\UnavailableException
//   Config, Io, Internal (and anything new)    -> Relais\Exception
//
// The exception code is the numeric relais::Code, so a caller can tell a
// disabled flow (FailedPrecondition) from a malformed value (InvalidArgument)
// without parsing the message.
#include "php_relais.h"

zend_class_entry* relais_ce_Exception;
zend_class_entry* relais_ce_NotFoundException;
zend_class_entry* relais_ce_InvalidArgumentException;
zend_class_entry* relais_ce_UnavailableException;

namespace {

zend_class_entry* classFor(relais::Code code) {
    switch (code) {
        case relais::Code::NotFound:
            return relais_ce_NotFoundException;
        case relais::Code::InvalidArgument:
        case relais::Code::FailedPrecondition:
        case relais::Code::AlreadyExists:
            return relais_ce_InvalidArgumentException;
        case relais::Code::Unavailable:
            return relais_ce_UnavailableException;
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
    zend_throw_exception(classFor(status.code()), message.c_str(), static_cast<zend_long>(status.code()));
}

void relais_throw_cxx(const char* what) {
    if (EG(exception)) return;  // keep the first, more precise, exception
    zend_throw_exception_ex(relais_ce_Exception, static_cast<zend_long>(relais::Code::Internal),
                            "relais: internal error in the core: %s", what ? what : "unknown");
}
