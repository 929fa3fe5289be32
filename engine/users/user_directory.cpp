// User directory with bcrypt hashes.
#include "users/user_directory.h"

#include "base/utc_time.h"
#include "users/permissions.h"

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

// The columns userFromRow reads, in its order. A lockout that has run out reads as none.
constexpr const char* kUserColumns =
    "id, login, role, enabled, last_login_at, language, failed_logins, "
    "IF(locked_until > NOW(3), locked_until, NULL), cert_subject, cert_serial";

User userFromRow(const db::Row& r) {
    User u{r.i64(0), r.str(1), r.str(2), r.i64(3) != 0, r.opt(4)};
    u.language = r.str(5);
    u.failedLogins = static_cast<int>(r.i64(6));
    u.lockedUntil = r.opt(7);
    u.certSubject = r.opt(8);
    u.certSerial = r.opt(9);
    return u;
}

Status checkRole(const std::string& role) {
    if (!isKnownRole(role))
        return Status(Code::InvalidArgument, "role '" + role + "' is not one of admin, operator, viewer");
    return Status::ok();
}

Status lockedStatus(const std::string& login, const std::string& until) {
    return Status(Code::FailedPrecondition, "user '" + login + "' is locked after repeated failed logins until " +
                                                until.substr(0, 19) +
                                                " UTC; try again later or ask an administrator to unlock it");
}

}  // namespace

bool isKnownLanguage(const std::string& language) { return language == "fr" || language == "en"; }

std::string normalizeCertSerial(const std::string& serial) {
    std::string out;
    for (char c : serial) {
        if (c == ':' || c == ' ') continue;
        if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    const auto first = out.find_first_not_of('0');
    if (first == std::string::npos) return out.empty() ? "" : "0";
    return out.substr(first);
}

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
    RELAIS_TRY(checkRole(role));
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

Result<std::optional<User>> UserDirectory::authenticate(const std::string& login, const std::string& password,
                                                        const LoginPolicy& policy) {
    auto rows = conn_.query(std::string("SELECT ") + kUserColumns + ", password_hash FROM app_user WHERE login = ?",
                            {login});
    if (!rows) return rows.status();
    // Hash even for an unknown login so that timing does not reveal which logins exist.
    static const std::string dummy = hashPassword(generatePassword()).value();
    const bool found = !rows->empty();
    if (found && rows->front().opt(7)) return lockedStatus(login, rows->front().str(7));
    const bool match = verifyPassword(password, found ? rows->front().str(10) : dummy);
    if (!found) return std::optional<User>{};
    User u = userFromRow(rows->front());
    if (!match) {
        // MariaDB assigns left to right, each assignment seeing the ones before:
        // locked_until reads the count before it is reset.
        auto upd = conn_.execute(
            "UPDATE app_user SET locked_until = IF(failed_logins + 1 >= ?, NOW(3) + INTERVAL ? SECOND, locked_until), "
            "failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1) WHERE id = ?",
            {int64_t{policy.maxFailures}, int64_t{policy.lockoutSeconds}, int64_t{policy.maxFailures}, u.id});
        if (!upd) return upd.status();
        // Decided from the row after the update, not from the read before
        // it: parallel guesses each count, and the one that locks says so.
        RELAIS_ASSIGN_OR_RETURN(std::optional<std::string> until, lockedUntil(u.id));
        if (until) return lockedStatus(login, *until);
        return std::optional<User>{};
    }
    if (!u.enabled) return std::optional<User>{};
    // Only while not locked: a right password guessed in parallel with the
    // failures that locked the account neither logs in nor lifts the lock.
    auto upd = conn_.execute(
        "UPDATE app_user SET last_login_at = NOW(3), failed_logins = 0, locked_until = NULL "
        "WHERE id = ? AND (locked_until IS NULL OR locked_until <= NOW(3))",
        {u.id});
    if (!upd) return upd.status();
    if (*upd == 0) {
        RELAIS_ASSIGN_OR_RETURN(std::optional<std::string> until, lockedUntil(u.id));
        return lockedStatus(login, until.value_or(""));
    }
    u.failedLogins = 0;
    return std::optional<User>(u);
}

Result<std::optional<std::string>> UserDirectory::lockedUntil(int64_t id) {
    auto rows = conn_.query("SELECT IF(locked_until > NOW(3), locked_until, NULL) FROM app_user WHERE id = ?", {id});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<std::string>{};
    return rows->front().opt(0);
}

Result<std::optional<User>> UserDirectory::authenticateCertificate(const std::string& subject,
                                                                   const std::string& serial) {
    const std::string normalized = normalizeCertSerial(serial);
    if (subject.empty() || normalized.empty()) return std::optional<User>{};
    auto rows = conn_.query(std::string("SELECT ") + kUserColumns +
                                " FROM app_user WHERE cert_serial = ? AND cert_subject = ? AND enabled = 1",
                            {normalized, subject});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<User>{};
    User u = userFromRow(rows->front());
    auto upd = conn_.execute("UPDATE app_user SET last_login_at = NOW(3) WHERE id = ?", {u.id});
    if (!upd) return upd.status();
    return std::optional<User>(u);
}

Status UserDirectory::bindCertificate(const std::string& login, const std::string& subject,
                                      const std::string& serial) {
    if (subject.empty() && serial.empty()) {
        auto r = conn_.execute("UPDATE app_user SET cert_subject = NULL, cert_serial = NULL WHERE login = ?", {login});
        if (!r) return r.status();
        return *r == 0 ? Status(Code::NotFound, "unknown user '" + login + "'") : Status::ok();
    }
    std::vector<FieldError> errors;
    const std::string normalized = normalizeCertSerial(serial);
    if (subject.empty() || subject.size() > 255)
        errors.push_back({"subject", "must be the certificate's subject, 1 to 255 characters"});
    if (normalized.empty() || normalized.size() > 64)
        errors.push_back({"serial", "must be the certificate's serial number in hexadecimal (at most 64 digits)"});
    if (!errors.empty()) return Status::invalid("certificate of user '" + login + "'", std::move(errors));
    auto r = conn_.execute("UPDATE app_user SET cert_subject = ?, cert_serial = ? WHERE login = ?",
                           {subject, normalized, login});
    if (!r) {
        if (r.status().code() != Code::AlreadyExists) return r.status();
        auto owner = conn_.query("SELECT login FROM app_user WHERE cert_serial = ? AND cert_subject = ?",
                                 {normalized, subject});
        const std::string who = owner && !owner->empty() ? owner->front().str(0) : "another user";
        return Status(Code::AlreadyExists, "the certificate " + normalized + " is already bound to user '" + who + "'");
    }
    if (*r == 0) return Status(Code::NotFound, "unknown user '" + login + "'");
    return Status::ok();
}

Status UserDirectory::setLanguage(const std::string& login, const std::string& language) {
    if (!isKnownLanguage(language))
        return Status(Code::InvalidArgument, "language '" + language + "' is not one of fr, en");
    return updateUser(login, "language = ?", language);
}

Status UserDirectory::unlock(const std::string& login) {
    return updateUser(login, "locked_until = NULL, failed_logins = ?", int64_t{0});
}

Result<std::vector<User>> UserDirectory::list() {
    auto rows = conn_.query(std::string("SELECT ") + kUserColumns + " FROM app_user ORDER BY login");
    if (!rows) return rows.status();
    std::vector<User> out;
    for (const auto& r : *rows) out.push_back(userFromRow(r));
    return out;
}

Result<User> UserDirectory::get(const std::string& login) {
    auto rows = conn_.query(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE login = ?", {login});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown user '" + login + "'");
    return userFromRow(rows->front());
}

Status UserDirectory::setRole(const std::string& login, const std::string& role) {
    RELAIS_TRY(checkRole(role));
    return updateUser(login, "role = ?", role);
}

Status UserDirectory::setEnabled(const std::string& login, bool enabled) {
    return updateUser(login, "enabled = ?", int64_t{enabled ? 1 : 0});
}

Status UserDirectory::updateUser(const std::string& login, const char* assignment, const db::Value& value) {
    // CLIENT_FOUND_ROWS: the count is of matched rows, so a no-op change is not "unknown user".
    auto r = conn_.execute(std::string("UPDATE app_user SET ") + assignment + " WHERE login = ?", {value, login});
    if (!r) return r.status();
    if (*r == 0) return Status(Code::NotFound, "unknown user '" + login + "'");
    return Status::ok();
}

Status UserDirectory::audit(const AuditEntry& e) {
    if (e.action.empty() || e.action.size() > 64)
        return Status(Code::InvalidArgument, "audit action '" + e.action + "' must be 1 to 64 characters");
    if (e.login.empty() || e.login.size() > 190)
        return Status(Code::InvalidArgument, "audit login must be 1 to 190 characters");
    auto r = conn_.execute(
        "INSERT INTO audit_log (login, action, target, details, client_ip) VALUES (?, ?, ?, ?, ?)",
        {e.login, e.action, e.target.substr(0, 255), db::optionalValue(e.details), db::optionalValue(e.clientIp)});
    return r ? Status::ok() : r.status();
}

Result<AuditPage> UserDirectory::auditLog(const AuditFilter& f) {
    if (f.limit < 1 || f.limit > 10000)
        return Status(Code::InvalidArgument, "audit limit " + std::to_string(f.limit) + " must be from 1 to 10000");
    std::string sql = "SELECT id, at, login, action, target, details, client_ip FROM audit_log WHERE 1 = 1";
    db::Params params;
    if (f.login) {
        sql += " AND login = ?";
        params.emplace_back(*f.login);
    }
    if (f.action) {
        if (!f.action->empty() && f.action->back() == '.') {
            // A family of actions ("job."): a prefix, with LIKE's wildcards taken literally.
            std::string like;
            for (char c : *f.action) {
                if (c == '%' || c == '_' || c == '\\') like += '\\';
                like += c;
            }
            sql += " AND action LIKE ?";
            params.emplace_back(like + "%");
        } else {
            sql += " AND action = ?";
            params.emplace_back(*f.action);
        }
    }
    RELAIS_ASSIGN_OR_RETURN(auto from, parseTimeFilter("from", f.from));
    RELAIS_ASSIGN_OR_RETURN(auto to, parseTimeFilter("to", f.to));
    if (from) {
        sql += " AND at >= ?";
        params.emplace_back(sqlDateTime(from->start));
    }
    if (to) {
        sql += " AND at < ?";
        params.emplace_back(sqlDateTime(to->end()));
    }
    if (f.before) {
        sql += " AND id < ?";
        params.emplace_back(*f.before);
    }
    sql += " ORDER BY id DESC LIMIT ?";
    params.emplace_back(db::keysetFetchLimit(f.limit));
    auto rows = conn_.query(sql, params);
    if (!rows) return rows.status();
    return db::keysetPage(
        *rows, f.limit,
        [](const db::Row& r) {
            return AuditEntry{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.opt(5), r.opt(6)};
        },
        &AuditEntry::id);
}

}  // namespace relais
