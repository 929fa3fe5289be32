// Partner applications of the SOAP services (see applications.h).
#include "ws/applications.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "base/sha256.h"
#include "partners/partner_directory.h"

namespace relais::ws {
namespace {

constexpr const char* kColumns =
    "id, name, services, cert_sha256, username, secret_sha256 IS NOT NULL, enabled, created_at";

Application fromRow(const db::Row& r) {
    Application a;
    a.id = r.i64(0);
    a.name = r.str(1);
    std::stringstream in(r.str(2));
    for (std::string s; std::getline(in, s, ',');)
        if (!s.empty()) a.services.push_back(s);
    a.certSha256 = r.opt(3);
    a.username = r.opt(4);
    a.hasSecret = r.i64(5) != 0;
    a.enabled = r.i64(6) != 0;
    a.createdAt = r.str(7);
    return a;
}

bool validName(const std::string& s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
}

std::string secretDigest(const std::string& salt, const std::string& secret) { return sha256Hex(salt + ":" + secret); }

// The credentials identify() proved lately, by a keyed hash (HMAC-SHA-256
// under a random key of the process) of all it looked at: the memory holds no
// password and its keys mean nothing outside the process.
class ProvenCredentials {
public:
    static ProvenCredentials& process() {
        static ProvenCredentials proven;
        return proven;
    }

    // Empty when the process has no key (no random bytes): nothing is remembered.
    std::string key(const IdentifyCache& cache, const Caller& c, const std::string& service) const {
        if (!keyed_) return "";
        // One keyed context a thread, reset at each call: HMAC() would fetch
        // the algorithm and make a context every time (a fifth of a call's CPU).
        thread_local MacContext mac(secret_, sizeof secret_);
        if (!mac.ready || EVP_MAC_init(mac.ctx, nullptr, 0, nullptr) != 1) return "";
        bool ok = true;
        const auto add = [&](const void* data, size_t size) {
            ok = ok && EVP_MAC_update(mac.ctx, static_cast<const unsigned char*>(data), size) == 1;
        };
        for (const std::string* part : {&cache.database, &service, &c.clientCertificate, &c.username, &c.password}) {
            const std::string length = std::to_string(part->size()) + ":";
            add(length.data(), length.size());
            add(part->data(), part->size());
        }
        add(c.tls ? "T" : "F", 1);
        unsigned char out[EVP_MAX_MD_SIZE];
        size_t size = 0;
        if (!ok || EVP_MAC_final(mac.ctx, out, &size, sizeof out) != 1) return "";
        return std::string(reinterpret_cast<const char*>(out), size);
    }

    std::optional<Application> find(const std::string& key) {
        std::lock_guard lock(mutex_);
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        if (Clock::now() >= it->second.expires) {
            entries_.erase(it);
            return std::nullopt;
        }
        return it->second.app;
    }

    void remember(const std::string& key, const Application& app, int seconds) {
        std::lock_guard lock(mutex_);
        if (entries_.size() >= kMaxEntries) {
            const auto now = Clock::now();
            std::erase_if(entries_, [now](const auto& e) { return now >= e.second.expires; });
            if (entries_.size() >= kMaxEntries) entries_.clear();
        }
        entries_[key] = {app, Clock::now() + std::chrono::seconds(seconds)};
    }

    void forget() {
        std::lock_guard lock(mutex_);
        entries_.clear();
    }

private:
    using Clock = std::chrono::steady_clock;
    // An HMAC-SHA-256 context with its key set.
    struct MacContext {
        EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
        bool ready = false;
        MacContext(const unsigned char* key, size_t size) {
            char digest[] = "SHA256";
            const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
            ready = ctx && EVP_MAC_init(ctx, key, size, params) == 1;
        }
        ~MacContext() {
            EVP_MAC_CTX_free(ctx);
            EVP_MAC_free(mac);
        }
        MacContext(const MacContext&) = delete;
        MacContext& operator=(const MacContext&) = delete;
    };
    struct Entry {
        Application app;
        Clock::time_point expires;
    };
    static constexpr size_t kMaxEntries = 1024;

    ProvenCredentials() { keyed_ = RAND_bytes(secret_, sizeof secret_) == 1; }

    unsigned char secret_[32] = {};
    bool keyed_ = false;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace

std::string randomHex(size_t bytes) {
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) return "";
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : raw) {
        hex += digits[c >> 4];
        hex += digits[c & 0xF];
    }
    return hex;
}

const std::vector<std::string>& knownServices() {
    static const std::vector<std::string> all = {kServicePa, kServiceExchange};
    return all;
}

bool Application::allows(const std::string& service) const {
    return std::find(services.begin(), services.end(), service) != services.end();
}

Result<std::vector<Application>> ApplicationRegistry::list() {
    auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM ws_application ORDER BY name");
    if (!rows) return rows.status();
    std::vector<Application> out;
    for (const auto& r : *rows) out.push_back(fromRow(r));
    return out;
}

Result<std::optional<Application>> ApplicationRegistry::findBy(const char* column, const std::string& value) {
    auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM ws_application WHERE " + column + " = ?", {value});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<Application>();
    return std::optional<Application>(fromRow(rows->front()));
}

Result<Application> ApplicationRegistry::get(const std::string& name) {
    RELAIS_ASSIGN_OR_RETURN(auto found, findBy("name", name));
    if (!found) return Status(Code::NotFound, "unknown partner application '" + name + "'");
    return *found;
}

Result<Application> ApplicationRegistry::save(const Application& a) {
    std::vector<FieldError> errors;
    if (!validName(a.name))
        errors.push_back({"name", "must be 1 to 64 letters, digits, '.', '_' or '-'"});
    for (const auto& s : a.services)
        if (std::find(knownServices().begin(), knownServices().end(), s) == knownServices().end())
            errors.push_back({"services", "unknown service '" + s + "' (known: pa, exchange)"});
    if (a.username && !a.username->empty() && !validName(*a.username))
        errors.push_back({"username", "must be 1 to 64 letters, digits, '.', '_' or '-'"});
    if (!errors.empty()) return Status::invalid("partner application '" + a.name + "'", std::move(errors));
    std::string services;
    for (const auto& s : knownServices())
        if (a.allows(s)) services += (services.empty() ? "" : ",") + s;
    const db::Value username = a.username && !a.username->empty() ? db::Value(*a.username) : db::nullValue();
    if (a.username && !a.username->empty()) {
        RELAIS_ASSIGN_OR_RETURN(auto holder, findBy("username", *a.username));
        if (holder && holder->name != a.name)
            return Status(Code::AlreadyExists, "the user name '" + *a.username + "' belongs to the application '" +
                                                   holder->name + "'");
    }
    RELAIS_ASSIGN_OR_RETURN(auto existing, findBy("name", a.name));
    if (existing) {
        // A new user name invalidates the old secret.
        const bool sameUser = existing->username.value_or("") == a.username.value_or("");
        RELAIS_TRY(conn_.execute(std::string("UPDATE ws_application SET services = ?, username = ?, enabled = ?") +
                                     (sameUser ? "" : ", secret_salt = NULL, secret_sha256 = NULL") + " WHERE id = ?",
                                 {services, username, int64_t{a.enabled}, existing->id}));
    } else {
        RELAIS_TRY(conn_.execute("INSERT INTO ws_application (name, services, username, enabled) VALUES (?, ?, ?, ?)",
                                 {a.name, services, username, int64_t{a.enabled}}));
    }
    ProvenCredentials::process().forget();
    return get(a.name);
}

Result<Application> ApplicationRegistry::setCertificate(const std::string& name, const std::string& bytes) {
    RELAIS_ASSIGN_OR_RETURN(Application app, get(name));
    db::Value fingerprint = db::nullValue();
    if (!bytes.empty()) {
        auto cert = parseCertificate(bytes);
        if (!cert) return cert.status().withContext("certificate of the application '" + name + "'");
        RELAIS_ASSIGN_OR_RETURN(auto holder, findBy("cert_sha256", cert->sha256));
        if (holder && holder->id != app.id)
            return Status(Code::AlreadyExists, "this certificate belongs to the application '" + holder->name + "'");
        fingerprint = cert->sha256;
    }
    RELAIS_TRY(conn_.execute("UPDATE ws_application SET cert_sha256 = ? WHERE id = ?", {fingerprint, app.id}));
    ProvenCredentials::process().forget();
    return get(name);
}

Result<std::string> ApplicationRegistry::newSecret(const std::string& name) {
    RELAIS_ASSIGN_OR_RETURN(Application app, get(name));
    if (!app.username)
        return Status(Code::FailedPrecondition, "the application '" + name + "' has no user name to give a secret to");
    const std::string secret = randomHex(18), salt = randomHex(16);
    if (secret.empty() || salt.empty()) return Status(Code::Internal, "no random bytes for a secret (OpenSSL RAND_bytes)");
    RELAIS_TRY(conn_.execute("UPDATE ws_application SET secret_salt = ?, secret_sha256 = ? WHERE id = ?",
                             {salt, secretDigest(salt, secret), app.id}));
    ProvenCredentials::process().forget();
    return secret;
}

Status ApplicationRegistry::remove(const std::string& name) {
    auto n = conn_.execute("DELETE FROM ws_application WHERE name = ?", {name});
    ProvenCredentials::process().forget();
    if (!n) {
        if (n.status().message().find("foreign key") != std::string::npos)
            return Status(Code::FailedPrecondition,
                          "the application '" + name + "' has dossiers: disable it instead of removing it");
        return n.status();
    }
    if (*n == 0) return Status(Code::NotFound, "unknown partner application '" + name + "'");
    return Status::ok();
}

Result<std::optional<Application>> ApplicationRegistry::identify(const Caller& caller, const std::string& service,
                                                                 const IdentifyCache& cache) {
    const std::string key = cache.seconds > 0 ? ProvenCredentials::process().key(cache, caller, service) : "";
    if (!key.empty())
        if (auto proven = ProvenCredentials::process().find(key)) return proven;
    std::optional<Application> app;
    if (!caller.clientCertificate.empty()) {
        auto cert = parseCertificate(caller.clientCertificate);
        if (!cert) return std::optional<Application>();
        RELAIS_ASSIGN_OR_RETURN(app, findBy("cert_sha256", cert->sha256));
    } else if (!caller.username.empty() && caller.tls) {
        auto rows = conn_.query(std::string("SELECT ") + kColumns +
                                    ", secret_salt, secret_sha256 FROM ws_application WHERE username = ?",
                                {caller.username});
        if (!rows) return rows.status();
        if (rows->empty() || rows->front().isNull(8)) return std::optional<Application>();
        const std::string expected = rows->front().str(9);
        const std::string given = secretDigest(rows->front().str(8), caller.password);
        if (expected.size() != given.size() || CRYPTO_memcmp(expected.data(), given.data(), given.size()) != 0)
            return std::optional<Application>();
        app = fromRow(rows->front());
    }
    if (!app || !app->enabled || !app->allows(service)) return std::optional<Application>();
    if (!key.empty()) ProvenCredentials::process().remember(key, *app, cache.seconds);
    return app;
}

}  // namespace relais::ws
