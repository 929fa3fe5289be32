// The one INI configuration file shared by relaisd, relais and the PHP
// extension: where it is found, how it is parsed, what each setting means.
// Thread-safety: a Config is an immutable value once loaded.
#pragma once

#include <map>
#include <string>

#include "base/status.h"

namespace relais {

// A parsed `[database] dsn`: mariadb://USER:PASSWORD@HOST[:PORT]/DB?socket=PATH
struct DatabaseDsn {
    std::string driver;  // "mariadb"
    std::string user;
    std::string password;
    std::string host = "localhost";
    unsigned port = 0;
    std::string database;
    std::string socket;

    // The DSN with the password masked, for messages and logs.
    std::string redacted() const;
};

Result<DatabaseDsn> parseDsn(const std::string& dsn);

// Raw INI contents: section -> key -> value.
using IniSections = std::map<std::string, std::map<std::string, std::string>>;

// Parses INI text. Errors name `origin` and the line number.
Result<IniSections> parseIni(const std::string& text, const std::string& origin);

// The admin site's session and login rules ([web] section).
struct WebSettings {
    int sessionIdleMinutes = 30;   // [web] session_idle_minutes: a session unused this long ends
    int loginMaxFailures = 5;      // [web] login_max_failures: wrong passwords in a row before a lockout
    int loginLockoutMinutes = 15;  // [web] login_lockout_minutes: how long a lockout lasts
};

// The SOAP services ([ws] section; docs/soap-services.md).
struct WsSettings {
    // [ws] application_cache_seconds: how long a worker process trusts a
    // partner application's credential it checked (0: check every call); a
    // disabled application or a replaced secret may pass that long on it.
    int applicationCacheSeconds = 5;
};

// The settings every transfer (FTP, SFTP, HTTP, SMTP, IMAP) shares
// ([transfer] section; docs/transfers.md). TLS certificates are always
// verified: there is no setting to turn that off.
struct TransferSettings {
    std::string proxy;          // [transfer] proxy: an HTTPS proxy (http://host:port), CONNECT tunnels
    std::string proxyUser;      // [transfer] proxy_user
    std::string proxyPassword;  // [transfer] proxy_password
    std::string caFile;         // [transfer] ca_file: PEM bundle trusted instead of the system's
    int connectTimeoutSeconds = 30;  // [transfer] connect_timeout_seconds
    int idleTimeoutSeconds = 60;     // [transfer] idle_timeout_seconds: no byte moved this long fails it
    // [transfer] mssante_proof_timeout_seconds: the whole MSSanté proof (both
    // sessions, every step) ends by then, so that a web request never waits
    // for a hung server for minutes.
    int mssanteProofTimeoutSeconds = 25;
    std::string dumpDirectory;  // [transfer] dump_directory: one file per exchange, secrets masked
    std::string spoolDirectory; // [transfer] spool_directory: partial downloads (default: [store] path/partial)
};

struct Config {
    std::string path;  // the file it was read from
    DatabaseDsn database;
    std::string migrationsDir;  // [database] migrations; empty: found next to the program
    std::string storePath;      // [store] path
    std::string node;           // [engine] node; default: host name
    int workers = 4;            // [engine] workers
    int pollIntervalMs = 500;   // [engine] poll_interval_ms
    int leaseSeconds = 60;      // [engine] lease_seconds
    int claimBatch = 4;         // [engine] claim_batch: jobs claimed per database round
    int shutdownTimeoutSeconds = 30;  // [engine] shutdown_timeout_seconds: drain time on SIGTERM
    std::string logLevel = "info";  // [log] level: a name (debug..critical, off) or syslog 1..7
    std::string logFile;            // [log] file: also log to this file (empty: stderr only)
    WebSettings web;
    WsSettings ws;
    TransferSettings transfer;
    IniSections ini;  // the file as read, for settingsForDisplay()

    // Every setting in use, for an administrator's eyes: the file's sections
    // and keys with the defaults of the settings above filled in, and every
    // secret masked ("***"): the database password inside the DSN and any key
    // whose name holds "password", "secret", "token" or ends in "key".
    IniSections settingsForDisplay() const;
};

// The file to read: `explicitPath` if not empty, else $RELAIS_CONFIG, else
// /etc/relais/relais.ini.
std::string resolveConfigPath(const std::string& explicitPath);

// Reads and validates the file. Every error names the file (and the line or
// the setting).
Result<Config> loadConfig(const std::string& path);
Result<Config> configFromIni(const IniSections& ini, const std::string& origin);

}  // namespace relais
