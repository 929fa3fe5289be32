// Private emulated Sage 100 databases.
#include "sage_test_database.h"

#include <unistd.h>

#include <cstdlib>
#include <random>

#include "base/config.h"
#include "test_database.h"

namespace relais::testing {
namespace {

Result<std::unique_ptr<db::Connection>> admin(const std::string& dsn, const std::string& database = "") {
    auto parsed = parseDsn(dsn);
    if (!parsed) return parsed.status();
    parsed->database = database;
    return db::connect(*parsed);
}

}  // namespace

std::unique_ptr<SageTestDatabase> SageTestDatabase::create(std::string* why, bool demo) {
    const char* adminEnv = std::getenv("RELAIS_TEST_ADMIN_DSN");
    const char* odbcEnv = std::getenv("RELAIS_TEST_SAGE_DSN");
    if (!adminEnv || !*adminEnv || !odbcEnv || !*odbcEnv) {
        *why = "RELAIS_TEST_ADMIN_DSN or RELAIS_TEST_SAGE_DSN is not set (tests/run.sh sets them)";
        return nullptr;
    }
    auto conn = admin(adminEnv);
    if (!conn) {
        ADD_FAILURE() << conn.status().message();
        *why = conn.status().message();
        return nullptr;
    }
    std::random_device rd;
    auto t = std::unique_ptr<SageTestDatabase>(new SageTestDatabase());
    t->name_ = "sage_gt_" + std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000);
    t->adminDsn_ = adminEnv;
    auto made = (*conn)->execute("CREATE DATABASE " + t->name_ + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    if (!made) {
        ADD_FAILURE() << made.status().message();
        *why = made.status().message();
        return nullptr;
    }
    auto db = admin(adminEnv, t->name_);
    if (!db) {
        ADD_FAILURE() << db.status().message();
        *why = db.status().message();
        return nullptr;
    }
    std::vector<std::string> files = {"schema.sql", "relais_connector.sql"};
    if (demo) files.push_back("demo.sql");
    for (const auto& f : files) {
        Status s = (*db)->executeScript(readFile(RELAIS_SOURCE_DIR "/sql/sage100/" + f));
        if (!s) ADD_FAILURE() << f << ": " << s.message();
    }
    auto parsed = parseDsn(adminEnv);
    t->source_.dsn = std::string("DSN=") + odbcEnv + ";DATABASE=" + t->name_;
    t->source_.user = parsed->user;
    t->source_.password = parsed->password;
    return t;
}

SageTestDatabase::~SageTestDatabase() {
    auto conn = admin(adminDsn_);
    if (!conn) return;
    (*conn)->execute("DROP DATABASE IF EXISTS " + name_);
    for (const auto& u : users_)
        for (const char* host : {"localhost", "127.0.0.1"}) (*conn)->execute("DROP USER IF EXISTS '" + u + "'@'" + host + "'");
}

std::unique_ptr<db::Connection> SageTestDatabase::connect() const {
    auto c = db::connectOdbc(source_);
    EXPECT_TRUE(c.isOk()) << c.status().message();
    return c ? std::move(c).value() : nullptr;
}

void SageTestDatabase::sql(const std::string& statement) const {
    auto conn = admin(adminDsn_, name_);
    ASSERT_TRUE(conn.isOk()) << conn.status().message();
    Status s = (*conn)->executeScript(statement);
    ASSERT_TRUE(s.isOk()) << s.message();
}

std::string SageTestDatabase::scalar(const std::string& query) const {
    auto conn = admin(adminDsn_, name_);
    EXPECT_TRUE(conn.isOk()) << conn.status().message();
    if (!conn) return "";
    auto rows = (*conn)->query(query);
    EXPECT_TRUE(rows.isOk()) << rows.status().message();
    if (!rows || rows->empty()) return "";
    return (*rows)[0].str(0);
}

std::unique_ptr<db::Connection> SageTestDatabase::lockPieceCounter(int domain, int col) const {
    auto conn = admin(adminDsn_, name_);
    EXPECT_TRUE(conn.isOk()) << conn.status().message();
    if (!conn) return nullptr;
    EXPECT_TRUE((*conn)->begin().isOk());
    auto locked = (*conn)->execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = DC_Piece WHERE DC_Domaine = ? AND DC_IdCol = ?",
                                   {int64_t{domain}, int64_t{col}});
    EXPECT_TRUE(locked.isOk()) << locked.status().message();
    return std::move(conn).value();
}

void SageTestDatabase::createUser(const std::string& user, const std::string& password) const {
    users_.push_back(user);
    for (const char* host : {"localhost", "127.0.0.1"})
        sql("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'; GRANT ALL ON " +
            name_ + ".* TO '" + user + "'@'" + host + "'");
}

}  // namespace relais::testing
