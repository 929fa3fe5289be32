// Versions, database settings and disk space for the system page.
#include "system/system_report.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace relais {

namespace {

std::string gib(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / static_cast<double>(kGiB));
    return buf;
}

// Fills `usage` and says whether it leaves `minimum` free; a path that
// cannot be read is a failed check naming it.
SystemCheck diskCheck(const std::string& what, const std::string& path, uint64_t minimum, DiskUsage& usage) {
    const std::string name = "free disk (" + what + ", " + path + ")";
    auto d = diskUsage(path);
    if (!d) {
        usage.path = path;
        return {name, d.status().message(), "at least " + gib(minimum), "fail"};
    }
    usage = d.value();
    return {name, gib(usage.freeBytes), "at least " + gib(minimum), usage.freeBytes >= minimum ? "ok" : "fail"};
}

}  // namespace

Result<DiskUsage> diskUsage(const std::string& path) {
    struct statvfs st{};
    if (statvfs(path.c_str(), &st) != 0)
        return Status(Code::Io, "cannot read the disk space of " + path + ": " + std::strerror(errno));
    DiskUsage d;
    d.path = path;
    d.totalBytes = static_cast<uint64_t>(st.f_blocks) * st.f_frsize;
    d.freeBytes = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
    d.usedBytes = d.totalBytes - static_cast<uint64_t>(st.f_bfree) * st.f_frsize;
    return d;
}

Result<SystemReport> systemReport(db::Connection& conn, const Config& config, const std::string& softwarePath) {
    SystemReport r;
    r.databaseServer = config.database.redacted();
    auto vars = conn.query(
        "SELECT VERSION(), @@GLOBAL.sql_mode, @@GLOBAL.character_set_server, "
        "(SELECT SUPPORT FROM information_schema.ENGINES WHERE ENGINE = 'InnoDB'), @@GLOBAL.default_storage_engine");
    if (!vars) return vars.status();
    const auto& v = vars->front();
    r.databaseVersion = v.str(0);
    const std::string sqlMode = v.str(1), innodb = v.str(3);
    r.checks.push_back({"InnoDB", innodb.empty() ? "absent" : innodb, "YES or DEFAULT",
                        innodb == "YES" || innodb == "DEFAULT" ? "ok" : "fail"});
    // The prerequisites advise ALLOW_INVALID_DATES and no STRICT mode for the
    // server; Relais's own sessions set the sql_mode they need, so this only
    // warns about what other applications on the server would see.
    const bool strict = sqlMode.find("STRICT_") != std::string::npos;
    r.checks.push_back({"sql_mode (server)", sqlMode.empty() ? "(empty)" : sqlMode,
                        "ALLOW_INVALID_DATES[,NO_ENGINE_SUBSTITUTION], no STRICT mode (Relais sets its own per session)",
                        strict ? "warn" : "ok"});
    r.checks.push_back({"character_set_server", v.str(2), "any (Relais tables are utf8mb4)", "ok"});
    r.checks.push_back(diskCheck("data", config.storePath, kMinDataFreeBytes, r.store));
    r.checks.push_back(diskCheck("software", softwarePath.empty() ? "/" : softwarePath, kMinSoftwareFreeBytes,
                                 r.software));
    return r;
}

}  // namespace relais
