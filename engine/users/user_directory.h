// Admin site users: create, change password, authenticate. Passwords are
// stored as bcrypt hashes in the $2y$ format of PHP's password_hash(), made
// and checked here with libxcrypt. Owns the app_user table.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace relais {

struct User {
    int64_t id = 0;
    std::string login;
    std::string role;
    bool enabled = true;
    std::optional<std::string> lastLoginAt;
};

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
    std::optional<int64_t> before = {};       // keyset cursor: entries with an id below this
    int limit = 100;
};

struct AuditPage {
    std::vector<AuditEntry> rows;
    std::optional<int64_t> nextCursor;  // the `before` of the next page; nullopt on the last
};

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
    Result<std::optional<User>> authenticate(const std::string& login, const std::string& password);
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

    db::Connection& conn_;
};

}  // namespace relais
