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

private:
    db::Connection& conn_;
};

}  // namespace relais
