// Partner applications: who may call the SOAP services, which services each
// may call, and its credential: a TLS client certificate (Apache verifies the
// chain; the application is found by the SHA-256 fingerprint of the
// certificate) or a user name and a secret over TLS (HTTP Basic). Secrets are
// generated here (144 random bits, shown once) and stored as a salted
// SHA-256, cheap to check on every call and useless to a thief of the table.
// Owns the ws_application table.
// Thread-safety: uses the caller's connection, one thread at a time; the
// memory of proven credentials (IdentifyCache) is the process's, locked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace relais::ws {

inline constexpr const char* kServicePa = "pa";
inline constexpr const char* kServiceExchange = "exchange";
// `bytes` random bytes (OpenSSL's generator) as lower-case hex; empty when
// the generator fails. For secrets and tokens.
std::string randomHex(size_t bytes);

// Every service an application may be allowed.
const std::vector<std::string>& knownServices();

struct Application {
    int64_t id = 0;
    std::string name;
    std::vector<std::string> services;        // "pa", "exchange"
    std::optional<std::string> certSha256;    // lower-case hex of the DER certificate's SHA-256
    std::optional<std::string> username;
    bool hasSecret = false;
    bool enabled = true;
    std::string createdAt;

    bool allows(const std::string& service) const;
};

// What the transport knows of the caller (filled by the PHP endpoint from
// Apache's variables).
struct Caller {
    bool tls = false;                 // the request came over HTTPS
    std::string clientCertificate;    // PEM, only when Apache verified it (SSL_CLIENT_VERIFY=SUCCESS)
    std::string username;             // HTTP Basic
    std::string password;
};

// How identify() may take a credential it proved moments ago from the
// process's memory instead of the database, so that a partner's calls in a
// row cost no round trip to learn who calls. The price: a disabled
// application, a replaced secret or certificate still passes, for at most
// `seconds`, on a process that proved it before (a change made through this
// registry clears the memory of the process that made it at once).
struct IdentifyCache {
    std::string database;  // the database's identity (its DSN, password masked): an entry serves it only
    int seconds = 0;       // [ws] application_cache_seconds; 0: ask the database every time
};

class ApplicationRegistry {
public:
    explicit ApplicationRegistry(db::Connection& conn) : conn_(conn) {}

    Result<std::vector<Application>> list();
    // NotFound names the application.
    Result<Application> get(const std::string& name);
    // Creates the application or updates the one of this name (services,
    // user name, enabled). InvalidArgument lists every problem by field;
    // AlreadyExists names who has the user name.
    Result<Application> save(const Application& a);
    // Binds a client certificate (PEM or DER) by its fingerprint; empty
    // bytes unbind it. AlreadyExists when another application has it.
    Result<Application> setCertificate(const std::string& name, const std::string& bytes);
    // Makes a new secret for the application's user name and returns it (the
    // only time it is seen). FailedPrecondition without a user name.
    Result<std::string> newSecret(const std::string& name);
    Status remove(const std::string& name);

    // The enabled application that the caller's credential proves and that
    // may call `service`, or nullopt (return code 100). A certificate wins
    // over a password; a password counts only over TLS. With cache.seconds
    // > 0 a credential proven by this process within that time is not asked
    // of the database again (refusals are never remembered). Safe to call
    // from several threads, each with its own connection.
    Result<std::optional<Application>> identify(const Caller& caller, const std::string& service,
                                                const IdentifyCache& cache = {});

private:
    Result<std::optional<Application>> findBy(const char* column, const std::string& value);
    db::Connection& conn_;
};

}  // namespace relais::ws
