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
    Status s(code_, context + ": " + message_);
    s.errors_ = errors_;
    return s;
}

Status Status::invalid(const std::string& origin, std::vector<FieldError> errors) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "; ") + e.field + " " + e.message;
    Status s(Code::InvalidArgument, origin.empty() ? message : origin + ": " + message);
    s.errors_ = std::make_shared<const std::vector<FieldError>>(std::move(errors));
    return s;
}

const std::vector<FieldError>& Status::fieldErrors() const {
    static const std::vector<FieldError> none;
    return errors_ ? *errors_ : none;
}

}  // namespace relais
