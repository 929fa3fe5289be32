// Migration runner.
#include "db/migrations.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace relais::db {

std::string findMigrationsDir(const std::string& configured, const std::string& dialect) {
    if (!configured.empty()) return configured;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path bin = exe.parent_path();
        for (fs::path cand : {bin / ".." / ".." / "sql" / dialect, bin / ".." / "share" / "relais" / "sql" / dialect}) {
            if (fs::is_directory(cand, ec)) return fs::weakly_canonical(cand, ec).string();
        }
    }
    return "/usr/share/relais/sql/" + dialect;
}

Result<MigrationReport> migrate(Connection& conn, const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Status(Code::Config, "migrations folder " + dir + " does not exist");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".sql") files.push_back(e.path());
    if (ec) return Status(Code::Io, "cannot list " + dir + ": " + ec.message());
    std::sort(files.begin(), files.end());

    RELAIS_TRY(conn.executeScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version VARCHAR(190) NOT NULL PRIMARY KEY,"
        " applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"));
    auto locked = conn.query("SELECT GET_LOCK('relais_migrate', 60)");
    if (!locked) return locked.status();
    if (locked->empty() || locked->front().i64(0) != 1)
        return Status(Code::Unavailable, "another process holds the migration lock for 60 s");
    struct Unlock {
        Connection& c;
        ~Unlock() { c.query("SELECT RELEASE_LOCK('relais_migrate')"); }
    } unlock{conn};

    auto rows = conn.query("SELECT version FROM schema_migrations");
    if (!rows) return rows.status();
    std::set<std::string> done;
    for (const auto& r : *rows) done.insert(r.str(0));

    MigrationReport report;
    for (const auto& f : files) {
        std::string version = f.stem().string();
        if (done.count(version)) {
            report.present.push_back(version);
            continue;
        }
        std::ifstream in(f);
        if (!in) return Status(Code::Io, "cannot read migration " + f.string());
        std::stringstream sql;
        sql << in.rdbuf();
        Status s = conn.executeScript(sql.str());
        if (!s) return s.withContext("migration " + f.string());
        auto rec = conn.execute("INSERT INTO schema_migrations (version) VALUES (?)", {version});
        if (!rec) return rec.status().withContext("recording migration " + version);
        report.applied.push_back(version);
    }
    return report;
}

}  // namespace relais::db
