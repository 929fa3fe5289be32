// Status helpers.
#include "base/status.h"

namespace relais {

const char* codeName(Code code) {
    switch (code) {
        case Code::Ok: return "ok";
        case Code::InvalidArgument: return "invalid argument";
        case Code::NotFound: return "not found";
        case Code::AlreadyExists: return "already exists";
        case Code::FailedPrecondition: return "failed precondition";
        case Code::Unavailable: return "unavailable";
        case Code::Io: return "i/o error";
        case Code::Config: return "configuration error";
        case Code::Internal: return "internal error";
    }
    return "unknown";
}

Status Status::withContext(const std::string& context) const {
    if (isOk()) return *this;
    return Status(code_, context + ": " + message_);
}

}  // namespace relais
