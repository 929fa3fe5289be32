// Admin site users: create, change password, authenticate (with a lockout
// after repeated failures), log in by client certificate, language, and the
// audit log. Passwords are stored as bcrypt hashes in the $2y$ format of
// PHP's password_hash(), made and checked here with libxcrypt. Owns the
// app_user and audit_log tables.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/keyset_page.h"

namespace relais {

struct User {
    int64_t id = 0;
    std::string login;
    std::string role;
    bool enabled = true;
    std::optional<std::string> lastLoginAt;
    std::string language = "fr";              // "fr" or "en": the language of the user's pages
    int failedLogins = 0;                     // wrong passwords since the last success or lockout
    std::optional<std::string> lockedUntil = {};  // set while a lockout lasts (UTC)
    std::optional<std::string> certSubject = {};  // the bound client certificate, if any
    std::optional<std::string> certSerial = {};
};

// The languages a user may choose.
bool isKnownLanguage(const std::string& language);

// When repeated wrong passwords lock a user out ([web] settings).
struct LoginPolicy {
    int maxFailures = 5;       // wrong passwords in a row that lock the user
    int lockoutSeconds = 900;  // how long the lockout lasts
};

// A certificate serial as Apache's SSL_CLIENT_M_SERIAL gives it (upper-case
// hex): colons and spaces dropped, lower case raised, leading zeros removed.
// Empty when `serial` is not hexadecimal.
std::string normalizeCertSerial(const std::string& serial);

// One line of the audit log.
struct AuditEntry {
    int64_t id = 0;
    std::string at;
    std::string login;   // who ("cli:root" for the command line, the admin's login for the site)
    std::string action;  // e.g. "login", "login.failed", "flow.save", "job.retry", "user.create"
    std::string target;  // what it was done to, e.g. "job #42", "flow orders-in"
    std::optional<std::string> details;
    std::optional<std::string> clientIp;
};

struct AuditFilter {
    std::optional<std::string> login = {};
    std::optional<std::string> action = {};   // exact, or a prefix ending with '.' ("job.")
    // A period, UTC, as 'YYYY-MM-DD[ HH:MM[:SS]]': `from` inclusive, `to`
    // including the whole day, minute or second it names.
    std::optional<std::string> from = {};
    std::optional<std::string> to = {};
    std::optional<int64_t> before = {};       // keyset cursor: entries with an id below this
    int limit = 100;
};

// Newest first; its nextCursor is the `before` of the next page.
using AuditPage = db::KeysetPage<AuditEntry>;

// A bcrypt hash of `password` (cost 10, $2y$).
Result<std::string> hashPassword(const std::string& password);
// True if `password` matches `hash` (constant-time comparison).
bool verifyPassword(const std::string& password, const std::string& hash);
// A random password of `length` letters and digits.
std::string generatePassword(size_t length = 20);

class UserDirectory {
public:
    explicit UserDirectory(db::Connection& conn) : conn_(conn) {}

    // Creates a user; AlreadyExists if the login is taken.
    Result<User> create(const std::string& login, const std::string& password, const std::string& role = "admin");
    Status setPassword(const std::string& login, const std::string& password);
    // The user when the login exists, is enabled and the password matches.
    // A wrong password counts a failure; the `policy.maxFailures`th in a row
    // locks the user for `policy.lockoutSeconds`. A locked user is refused
    // with FailedPrecondition (saying until when) without checking the
    // password, so guessing stops; a success clears the count.
    Result<std::optional<User>> authenticate(const std::string& login, const std::string& password,
                                             const LoginPolicy& policy = {});
    // The enabled user bound to this client certificate (as Apache verified
    // it: SSL_CLIENT_S_DN and SSL_CLIENT_M_SERIAL), or nullopt. A password
    // lockout does not apply: the card is not guessed.
    Result<std::optional<User>> authenticateCertificate(const std::string& subject, const std::string& serial);
    // Binds a client certificate to the user (AlreadyExists when another user
    // has it); empty subject and serial unbind it.
    Status bindCertificate(const std::string& login, const std::string& subject, const std::string& serial);
    // "fr" or "en".
    Status setLanguage(const std::string& login, const std::string& language);
    // Ends a lockout and clears the failure count.
    Status unlock(const std::string& login);
    Result<std::vector<User>> list();
    // One user; NotFound names the login.
    Result<User> get(const std::string& login);
    Status setRole(const std::string& login, const std::string& role);
    Status setEnabled(const std::string& login, bool enabled);

    // Appends to the audit log (action: 1-64 characters).
    Status audit(const AuditEntry& entry);
    // Audit entries, newest first, a page of at most filter.limit (1 to 10000).
    Result<AuditPage> auditLog(const AuditFilter& filter);

private:
    Status updateUser(const std::string& login, const char* assignment, const db::Value& value);
    // Until when the user is locked, or nullopt when not locked.
    Result<std::optional<std::string>> lockedUntil(int64_t id);

    db::Connection& conn_;
};

}  // namespace relais
