// The system page's facts and checks: versions, the database's InnoDB and
// sql_mode, free disk space against the minimums of the Use it Flow
// prerequisites (2 GB for the software, 10 GB for the data). The PHP side
// adds what only PHP can see (its modules and settings).
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/config.h"
#include "db/connection.h"

namespace relais {

constexpr uint64_t kGiB = 1024ull * 1024 * 1024;
constexpr uint64_t kMinSoftwareFreeBytes = 2 * kGiB;  // prerequisites 2.2.1: 2 GB for the software
constexpr uint64_t kMinDataFreeBytes = 10 * kGiB;     // and 10 GB for the data

// The file system holding `path`.
struct DiskUsage {
    std::string path;
    uint64_t totalBytes = 0;
    uint64_t freeBytes = 0;       // free for an unprivileged user (what the site and engine may use)
    uint64_t usedBytes = 0;
};

// statvfs of `path`; Io naming the path when it cannot be read.
Result<DiskUsage> diskUsage(const std::string& path);

struct SystemCheck {
    std::string name;      // what was checked, e.g. "InnoDB", "sql_mode", "free disk (data)"
    std::string found;     // what is there
    std::string expected;  // what is needed or advised
    std::string level;     // "ok", "warn" (works, not as advised) or "fail"
};

struct SystemReport {
    std::string relaisVersion;    // filled by Client::systemReport
    std::string databaseVersion;
    std::string databaseServer;   // the DSN, password masked
    std::vector<SystemCheck> checks;
    DiskUsage store;              // the content store's file system (zeros when unreadable)
    DiskUsage software;           // the file system of `softwarePath` (idem)
};

// Checks the database and the disks. `softwarePath`: where Relais is
// installed (the site passes its document root). A disk that cannot be read
// is a failed check; a database error fails the report.
Result<SystemReport> systemReport(db::Connection& conn, const Config& config, const std::string& softwarePath);

}  // namespace relais
