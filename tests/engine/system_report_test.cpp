// The system page's checks against a real MariaDB and the local disks.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;

TEST(SystemReportTest, ReportsVersionsInnoDbSqlModeAndDisks) {
    std::unique_ptr<TestDatabase> db;
    RELAIS_REQUIRE_DATABASE(db);
    auto client = db->client();
    std::filesystem::create_directories(db->config().storePath);
    auto r = client->systemReport("/");
    ASSERT_TRUE(r.isOk()) << r.status().message();
    EXPECT_EQ(r->relaisVersion, std::string(version()));
    EXPECT_NE(r->databaseVersion.find("MariaDB"), std::string::npos) << r->databaseVersion;
    if (!db->config().database.password.empty()) {
        EXPECT_EQ(r->databaseServer.find(db->config().database.password), std::string::npos);
    }
    std::map<std::string, SystemCheck> byName;
    for (const auto& c : r->checks) byName[c.name.substr(0, c.name.find(' '))] = c;
    EXPECT_EQ(byName.at("InnoDB").level, "ok");
    EXPECT_TRUE(byName.count("sql_mode"));
    EXPECT_EQ(r->store.path, db->config().storePath);
    EXPECT_GT(r->store.totalBytes, 0u);
    EXPECT_LE(r->store.freeBytes, r->store.totalBytes);
    int disks = 0;
    for (const auto& c : r->checks) disks += c.name.rfind("free disk", 0) == 0;
    EXPECT_EQ(disks, 2);
}

TEST(SystemReportTest, MissingPathNamesIt) {
    auto d = diskUsage("/nonexistent/relais");
    ASSERT_FALSE(d.isOk());
    EXPECT_NE(d.status().message().find("/nonexistent/relais"), std::string::npos);
}

TEST(SystemReportTest, UnreadableStoreIsAFailedCheckNotAFailedReport) {
    std::unique_ptr<TestDatabase> db;
    RELAIS_REQUIRE_DATABASE(db);
    auto r = db->client()->systemReport("/nonexistent/relais");
    ASSERT_TRUE(r.isOk()) << r.status().message();
    const auto& software = r->checks.back();
    EXPECT_EQ(software.level, "fail");
    EXPECT_NE(software.found.find("/nonexistent/relais"), std::string::npos);
}
