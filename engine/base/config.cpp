// INI parsing and validation of the shared configuration file.
#include "base/config.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace relais {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string percentDecode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

Result<int> intSetting(const IniSections& ini, const std::string& section, const std::string& key,
                       int def, int min, int max, const std::string& origin) {
    auto s = ini.find(section);
    if (s == ini.end()) return def;
    auto k = s->second.find(key);
    if (k == s->second.end()) return def;
    try {
        size_t used = 0;
        int v = std::stoi(k->second, &used);
        if (used != k->second.size() || v < min || v > max) throw std::out_of_range("range");
        return v;
    } catch (const std::exception&) {
        return Status(Code::Config, origin + ": [" + section + "] " + key + " = '" + k->second +
                                        "' is not a number between " + std::to_string(min) +
                                        " and " + std::to_string(max));
    }
}

std::string strSetting(const IniSections& ini, const std::string& section, const std::string& key,
                       const std::string& def = "") {
    auto s = ini.find(section);
    if (s == ini.end()) return def;
    auto k = s->second.find(key);
    return k == s->second.end() ? def : k->second;
}

}  // namespace

std::string DatabaseDsn::redacted() const {
    std::string out = driver + "://" + user;
    if (!password.empty()) out += ":***";
    out += "@" + host;
    if (port) out += ":" + std::to_string(port);
    out += "/" + database;
    if (!socket.empty()) out += "?socket=" + socket;
    return out;
}

Result<DatabaseDsn> parseDsn(const std::string& dsn) {
    DatabaseDsn d;
    const auto scheme = dsn.find("://");
    if (scheme == std::string::npos)
        return Status(Code::Config,
                      "database dsn must look like mariadb://USER:PASSWORD@HOST[:PORT]/DB");
    d.driver = dsn.substr(0, scheme);
    if (d.driver != "mariadb" && d.driver != "mysql")
        return Status(Code::Config, "database dsn: unsupported driver '" + d.driver +
                                        "' (supported: mariadb)");
    d.driver = "mariadb";
    std::string rest = dsn.substr(scheme + 3);
    std::string query;
    if (auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    // The password may contain '@': the host part starts after the last one.
    if (auto at = rest.rfind('@'); at != std::string::npos) {
        std::string cred = rest.substr(0, at);
        rest = rest.substr(at + 1);
        if (auto colon = cred.find(':'); colon != std::string::npos) {
            d.user = percentDecode(cred.substr(0, colon));
            d.password = percentDecode(cred.substr(colon + 1));
        } else {
            d.user = percentDecode(cred);
        }
    }
    std::string hostport = rest;
    if (auto slash = rest.find('/'); slash != std::string::npos) {
        hostport = rest.substr(0, slash);
        d.database = percentDecode(rest.substr(slash + 1));
    }
    if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
        try {
            d.port = static_cast<unsigned>(std::stoul(hostport.substr(colon + 1)));
        } catch (const std::exception&) {
            return Status(Code::Config, "database dsn: port '" + hostport.substr(colon + 1) +
                                            "' is not a number");
        }
        hostport = hostport.substr(0, colon);
    }
    if (!hostport.empty()) d.host = hostport;
    std::istringstream qs(query);
    for (std::string kv; std::getline(qs, kv, '&');) {
        auto eq = kv.find('=');
        std::string key = kv.substr(0, eq);
        std::string val = eq == std::string::npos ? "" : percentDecode(kv.substr(eq + 1));
        if (key == "socket") d.socket = val;
        else if (!key.empty())
            return Status(Code::Config, "database dsn: unknown option '" + key + "' (known: socket)");
    }
    if (d.user.empty()) return Status(Code::Config, "database dsn: no user (mariadb://USER:PASSWORD@HOST/DB)");
    return d;
}

Result<IniSections> parseIni(const std::string& text, const std::string& origin) {
    IniSections out;
    std::string section;
    std::istringstream in(text);
    int lineNo = 0;
    for (std::string line; std::getline(in, line);) {
        ++lineNo;
        line = trim(line);
        if (line.empty() || line[0] == ';' || line[0] == '#') continue;
        if (line.front() == '[') {
            if (line.back() != ']')
                return Status(Code::Config, origin + ":" + std::to_string(lineNo) +
                                                ": section header lacks its closing ']'");
            section = trim(line.substr(1, line.size() - 2));
            out[section];
            continue;
        }
        auto eq = line.find('=');
        if (eq == std::string::npos)
            return Status(Code::Config, origin + ":" + std::to_string(lineNo) +
                                            ": expected 'key = value', got '" + line + "'");
        if (section.empty())
            return Status(Code::Config, origin + ":" + std::to_string(lineNo) +
                                            ": setting before any [section]");
        std::string value = trim(line.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        out[section][trim(line.substr(0, eq))] = value;
    }
    return out;
}

std::string resolveConfigPath(const std::string& explicitPath) {
    if (!explicitPath.empty()) return explicitPath;
    if (const char* env = std::getenv("RELAIS_CONFIG"); env && *env) return env;
    return "/etc/relais/relais.ini";
}

Result<Config> configFromIni(const IniSections& ini, const std::string& origin) {
    Config c;
    c.path = origin;
    const std::string dsn = strSetting(ini, "database", "dsn");
    if (dsn.empty()) return Status(Code::Config, origin + ": [database] dsn is missing");
    auto parsed = parseDsn(dsn);
    if (!parsed) return parsed.status().withContext(origin);
    c.database = parsed.value();
    c.migrationsDir = strSetting(ini, "database", "migrations");
    c.storePath = strSetting(ini, "store", "path");
    if (c.storePath.empty()) return Status(Code::Config, origin + ": [store] path is missing");
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    c.node = strSetting(ini, "engine", "node", host);
    RELAIS_ASSIGN_OR_RETURN(c.workers, intSetting(ini, "engine", "workers", 4, 1, 256, origin));
    RELAIS_ASSIGN_OR_RETURN(c.pollIntervalMs,
                            intSetting(ini, "engine", "poll_interval_ms", 500, 10, 60000, origin));
    RELAIS_ASSIGN_OR_RETURN(c.leaseSeconds,
                            intSetting(ini, "engine", "lease_seconds", 60, 5, 86400, origin));
    RELAIS_ASSIGN_OR_RETURN(c.claimBatch, intSetting(ini, "engine", "claim_batch", 4, 1, 64, origin));
    RELAIS_ASSIGN_OR_RETURN(c.shutdownTimeoutSeconds,
                            intSetting(ini, "engine", "shutdown_timeout_seconds", 30, 0, 86400, origin));
    c.logLevel = strSetting(ini, "log", "level", "info");
    // syslog severities 1..7, as journald shows them, map onto spdlog's names.
    static const char* syslogLevels[] = {"critical", "critical", "error", "warn", "info", "info", "debug"};
    if (c.logLevel.size() == 1 && c.logLevel[0] >= '1' && c.logLevel[0] <= '7')
        c.logLevel = syslogLevels[c.logLevel[0] - '1'];
    if (c.logLevel == "warning") c.logLevel = "warn";
    if (c.logLevel == "err") c.logLevel = "error";
    static const char* levels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
    bool known = false;
    for (auto* l : levels) known = known || c.logLevel == l;
    if (!known)
        return Status(Code::Config, origin + ": [log] level '" + c.logLevel +
                                        "' is not 1..7 nor one of trace, debug, info, warn, error, critical, off");
    c.logFile = strSetting(ini, "log", "file");
    RELAIS_ASSIGN_OR_RETURN(c.web.sessionIdleMinutes,
                            intSetting(ini, "web", "session_idle_minutes", 30, 1, 24 * 60, origin));
    RELAIS_ASSIGN_OR_RETURN(c.web.loginMaxFailures, intSetting(ini, "web", "login_max_failures", 5, 1, 1000, origin));
    RELAIS_ASSIGN_OR_RETURN(c.web.loginLockoutMinutes,
                            intSetting(ini, "web", "login_lockout_minutes", 15, 1, 7 * 24 * 60, origin));
    RELAIS_ASSIGN_OR_RETURN(c.ws.applicationCacheSeconds,
                            intSetting(ini, "ws", "application_cache_seconds", 5, 0, 300, origin));
    c.transfer.proxy = strSetting(ini, "transfer", "proxy");
    c.transfer.proxyUser = strSetting(ini, "transfer", "proxy_user");
    c.transfer.proxyPassword = strSetting(ini, "transfer", "proxy_password");
    c.transfer.caFile = strSetting(ini, "transfer", "ca_file");
    c.transfer.dumpDirectory = strSetting(ini, "transfer", "dump_directory");
    c.transfer.spoolDirectory = strSetting(ini, "transfer", "spool_directory", c.storePath + "/partial");
    RELAIS_ASSIGN_OR_RETURN(c.transfer.connectTimeoutSeconds,
                            intSetting(ini, "transfer", "connect_timeout_seconds", 30, 1, 3600, origin));
    RELAIS_ASSIGN_OR_RETURN(c.transfer.idleTimeoutSeconds,
                            intSetting(ini, "transfer", "idle_timeout_seconds", 60, 1, 86400, origin));
    RELAIS_ASSIGN_OR_RETURN(c.transfer.mssanteProofTimeoutSeconds,
                            intSetting(ini, "transfer", "mssante_proof_timeout_seconds", 25, 1, 3600, origin));
    c.ini = ini;
    return c;
}

IniSections Config::settingsForDisplay() const {
    IniSections out = ini;
    auto fill = [&out](const std::string& section, const std::string& key, const std::string& value) {
        out[section].emplace(key, value);  // keeps what the file says
    };
    out["database"]["dsn"] = database.redacted();
    fill("store", "path", storePath);
    fill("engine", "node", node);
    fill("engine", "workers", std::to_string(workers));
    fill("engine", "poll_interval_ms", std::to_string(pollIntervalMs));
    fill("engine", "lease_seconds", std::to_string(leaseSeconds));
    fill("engine", "claim_batch", std::to_string(claimBatch));
    fill("engine", "shutdown_timeout_seconds", std::to_string(shutdownTimeoutSeconds));
    fill("log", "level", logLevel);
    fill("web", "session_idle_minutes", std::to_string(web.sessionIdleMinutes));
    fill("web", "login_max_failures", std::to_string(web.loginMaxFailures));
    fill("web", "login_lockout_minutes", std::to_string(web.loginLockoutMinutes));
    fill("ws", "application_cache_seconds", std::to_string(ws.applicationCacheSeconds));
    fill("transfer", "spool_directory", transfer.spoolDirectory);
    fill("transfer", "connect_timeout_seconds", std::to_string(transfer.connectTimeoutSeconds));
    fill("transfer", "idle_timeout_seconds", std::to_string(transfer.idleTimeoutSeconds));
    fill("transfer", "mssante_proof_timeout_seconds", std::to_string(transfer.mssanteProofTimeoutSeconds));
    for (auto& [section, keys] : out) {
        for (auto& [key, value] : keys) {
            std::string lower;
            for (char ch : key) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            const bool secret = lower.find("password") != std::string::npos ||
                                lower.find("secret") != std::string::npos ||
                                lower.find("token") != std::string::npos ||
                                (lower.size() >= 3 && lower.compare(lower.size() - 3, 3, "key") == 0);
            if (secret && !value.empty()) value = "***";
        }
    }
    return out;
}

Result<Config> loadConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Status(Code::Config, "cannot read config file " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    auto ini = parseIni(buf.str(), path);
    if (!ini) return ini.status();
    return configFromIni(ini.value(), path);
}

}  // namespace relais
