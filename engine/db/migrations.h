// The migration runner: applies sql/<dialect>/NNNN_*.sql in order, once each,
// recording them in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace relais::db {

struct MigrationReport {
    std::vector<std::string> applied;  // versions applied by this run
    std::vector<std::string> present;  // versions already recorded before
};

// Applies every migration of `dir` not yet recorded. Safe to run again and
// from several processes (a named lock serialises them).
Result<MigrationReport> migrate(Connection& conn, const std::string& dir);

// The folder holding the dialect's migrations: `configured` if not empty,
// else next to the program (../../sql/<dialect> from build/engine, or
// ../share/relais/sql/<dialect>), else /usr/share/relais/sql/<dialect>.
std::string findMigrationsDir(const std::string& configured, const std::string& dialect);

}  // namespace relais::db
