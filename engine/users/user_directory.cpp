// User directory with bcrypt hashes.
#include "users/user_directory.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>

namespace relais {
namespace {

constexpr size_t kMinPasswordLength = 8;

Status checkLogin(const std::string& login) {
    if (login.empty() || login.size() > 190)
        return Status(Code::InvalidArgument, "login must be 1 to 190 characters");
    for (char c : login)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '@'))
            return Status(Code::InvalidArgument, "login '" + login + "' may only hold letters, digits, '.', '_', '-', '@'");
    return Status::ok();
}

Status checkPassword(const std::string& password) {
    if (password.size() < kMinPasswordLength)
        return Status(Code::InvalidArgument, "password must have at least " + std::to_string(kMinPasswordLength) + " characters");
    if (password.size() > 72)
        return Status(Code::InvalidArgument, "password must have at most 72 characters (bcrypt limit)");
    if (password.find('\0') != std::string::npos)
        return Status(Code::InvalidArgument, "password must not contain a NUL character");
    return Status::ok();
}

}  // namespace

std::string generatePassword(size_t length) {
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    unsigned char buf[64];
    while (out.size() < length) {
        if (RAND_bytes(buf, sizeof buf) != 1) continue;
        for (unsigned char b : buf) {
            if (b >= 57 * 4) continue;  // reject to keep the distribution uniform
            out += alphabet[b % 57];
            if (out.size() == length) break;
        }
    }
    return out;
}

Result<std::string> hashPassword(const std::string& password) {
    RELAIS_TRY(checkPassword(password));
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2y$", 10, nullptr, 0, salt, sizeof salt))
        return Status(Code::Internal, std::string("cannot make a bcrypt salt: ") + std::strerror(errno));
    auto data = std::make_unique<crypt_data>();
    const char* h = crypt_r(password.c_str(), salt, data.get());
    if (!h || h[0] == '*') return Status(Code::Internal, "bcrypt hashing failed");
    return std::string(h);
}

bool verifyPassword(const std::string& password, const std::string& hash) {
    if (hash.size() < 20 || password.find('\0') != std::string::npos) return false;
    auto data = std::make_unique<crypt_data>();
    const char* h = crypt_r(password.c_str(), hash.c_str(), data.get());
    if (!h || h[0] == '*') return false;
    const size_t n = std::strlen(h);
    return n == hash.size() && CRYPTO_memcmp(h, hash.data(), n) == 0;
}

Result<User> UserDirectory::create(const std::string& login, const std::string& password, const std::string& role) {
    RELAIS_TRY(checkLogin(login));
    if (role != "admin" && role != "operator" && role != "viewer")
        return Status(Code::InvalidArgument, "role '" + role + "' is not one of admin, operator, viewer");
    RELAIS_ASSIGN_OR_RETURN(std::string hash, hashPassword(password));
    auto r = conn_.execute("INSERT INTO app_user (login, password_hash, role) VALUES (?, ?, ?)", {login, hash, role});
    if (!r) {
        if (r.status().code() == Code::AlreadyExists)
            return Status(Code::AlreadyExists, "user '" + login + "' already exists");
        return r.status();
    }
    User u;
    u.id = static_cast<int64_t>(conn_.lastInsertId());
    u.login = login;
    u.role = role;
    return u;
}

Status UserDirectory::setPassword(const std::string& login, const std::string& password) {
    RELAIS_ASSIGN_OR_RETURN(std::string hash, hashPassword(password));
    auto r = conn_.execute("UPDATE app_user SET password_hash = ? WHERE login = ?", {hash, login});
    if (!r) return r.status();
    if (*r == 0) return Status(Code::NotFound, "unknown user '" + login + "'");
    return Status::ok();
}

Result<std::optional<User>> UserDirectory::authenticate(const std::string& login, const std::string& password) {
    auto rows = conn_.query(
        "SELECT id, login, role, enabled, password_hash, last_login_at FROM app_user WHERE login = ?", {login});
    if (!rows) return rows.status();
    // Hash even for an unknown login so that timing does not reveal which logins exist.
    static const std::string dummy = hashPassword(generatePassword()).value();
    const bool found = !rows->empty();
    const bool match = verifyPassword(password, found ? rows->front().str(4) : dummy);
    if (!found || !match || rows->front().i64(3) == 0) return std::optional<User>{};
    const auto& r = rows->front();
    User u{r.i64(0), r.str(1), r.str(2), true, r.opt(5)};
    auto upd = conn_.execute("UPDATE app_user SET last_login_at = NOW(3) WHERE id = ?", {u.id});
    if (!upd) return upd.status();
    return std::optional<User>(u);
}

Result<std::vector<User>> UserDirectory::list() {
    auto rows = conn_.query("SELECT id, login, role, enabled, last_login_at FROM app_user ORDER BY login");
    if (!rows) return rows.status();
    std::vector<User> out;
    for (const auto& r : *rows) out.push_back({r.i64(0), r.str(1), r.str(2), r.i64(3) != 0, r.opt(4)});
    return out;
}

}  // namespace relais
