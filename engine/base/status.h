// Status and Result: how every core function reports failure. No exception
// crosses a module boundary; callers test ok() and read message(), which names
// the thing that failed so an operator can act on it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <utility>
#include <variant>

namespace relais {

enum class Code {
    Ok = 0,
    InvalidArgument,  // bad input: a malformed flow, an unknown option, a bad value
    NotFound,         // an unknown flow, job, user or file
    AlreadyExists,
    FailedPrecondition,  // the thing exists but is not usable now (disabled flow)
    Unavailable,      // the database or a remote server cannot be reached; retry later
    Io,               // a local file operation failed
    Config,           // the configuration file is missing or wrong
    Internal,
};

const char* codeName(Code code);

// One problem of a structured input (a flow, a form): where, and what is wrong.
struct FieldError {
    std::string field;    // a path such as "steps[1].with.path"
    std::string message;  // e.g. "must be absolute"
};

class Status {
public:
    Status() = default;
    Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

    static Status ok() { return {}; }

    bool isOk() const { return code_ == Code::Ok; }
    explicit operator bool() const { return isOk(); }
    Code code() const { return code_; }
    // So that RELAIS_TRY accepts a Status as well as a Result.
    const Status& status() const { return *this; }
    const std::string& message() const { return message_; }

    // Returns a copy whose message starts with `context: `.
    Status withContext(const std::string& context) const;

    // An InvalidArgument listing every problem of `origin`; the message is
    // "origin: field message; field message...".
    static Status invalid(const std::string& origin, std::vector<FieldError> errors);
    // The problems of an invalid(...) status (empty for any other status).
    const std::vector<FieldError>& fieldErrors() const;

private:
    Code code_ = Code::Ok;
    std::string message_;
    std::shared_ptr<const std::vector<FieldError>> errors_;
};

// A value or the Status explaining why there is none.
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
    Result(Status status) : v_(std::move(status)) {}  // NOLINT

    bool isOk() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return isOk(); }
    const Status& status() const {
        static const Status okStatus;
        return isOk() ? okStatus : std::get<Status>(v_);
    }
    T& value() & { return std::get<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

private:
    std::variant<T, Status> v_;
};

}  // namespace relais

// Propagate a failed Status/Result from the current function.
#define RELAIS_TRY(expr)                                   \
    do {                                                   \
        auto relais_try_s_ = (expr);                       \
        if (!relais_try_s_) return relais_try_s_.status(); \
    } while (0)

#define RELAIS_CONCAT_(a, b) a##b
#define RELAIS_CONCAT(a, b) RELAIS_CONCAT_(a, b)
#define RELAIS_ASSIGN_OR_RETURN_(tmp, lhs, expr) \
    auto tmp = (expr);                           \
    if (!tmp) return tmp.status();               \
    lhs = std::move(tmp).value()
#define RELAIS_ASSIGN_OR_RETURN(lhs, expr) \
    RELAIS_ASSIGN_OR_RETURN_(RELAIS_CONCAT(relais_r_, __LINE__), lhs, expr)
