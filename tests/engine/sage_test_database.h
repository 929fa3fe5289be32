// A private emulated Sage 100 database for one test: created with the MariaDB
// admin account (RELAIS_TEST_ADMIN_DSN) from sql/sage100/ (schema, the
// connector's tables, demo data), reached through ODBC only, via the DSN
// RELAIS_TEST_SAGE_DSN with DATABASE= overridden; dropped at the end.
// Tests skip when either variable is unset (tests/run.sh sets both).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/odbc_connection.h"

namespace relais::testing {

class SageTestDatabase {
public:
    // Returns nullptr (and the reason in *why) when no test server is configured.
    // `demo`: load the demo data (else the tables only).
    static std::unique_ptr<SageTestDatabase> create(std::string* why, bool demo = true);
    ~SageTestDatabase();

    const std::string& name() const { return name_; }
    // The ODBC source of this database (admin account, no password).
    const db::OdbcSource& source() const { return source_; }
    // A new ODBC connection to it (fails the test when it cannot connect).
    std::unique_ptr<db::Connection> connect() const;
    // Runs SQL through the MariaDB admin connection (test set-up and checks
    // outside the connector's own path).
    void sql(const std::string& statement) const;
    // The first column of the first row of `query`, "" when there is none.
    std::string scalar(const std::string& query) const;
    // Another session (the MariaDB admin's) in a transaction holding the row
    // lock of the piece counter (DC_Domaine, DC_IdCol), as Sage's own entry
    // does: the lock holds until its commit() (or the connection's end).
    std::unique_ptr<db::Connection> lockPieceCounter(int domain, int col) const;
    // Creates a user with `password` and every right on this database.
    void createUser(const std::string& user, const std::string& password) const;

private:
    std::string name_;
    std::string adminDsn_;
    db::OdbcSource source_;
    mutable std::vector<std::string> users_;  // dropped with the database
};

#define RELAIS_REQUIRE_SAGE_DATABASE(db, ...)                                      \
    do {                                                                            \
        std::string why_;                                                           \
        db = ::relais::testing::SageTestDatabase::create(&why_, ##__VA_ARGS__);      \
        if (!db) GTEST_SKIP() << why_;                                              \
    } while (0)

}  // namespace relais::testing
