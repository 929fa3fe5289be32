// A private database for one test: created from RELAIS_TEST_ADMIN_DSN with a
// unique name, migrated, with its own content store folder; dropped at the
// end. Tests that need it skip when the variable is unset.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "client/client.h"

namespace relais::testing {

class TestDatabase {
public:
    // Returns nullptr (and the reason in *why) when no test server is configured.
    static std::unique_ptr<TestDatabase> create(std::string* why);
    ~TestDatabase();

    const Config& config() const { return config_; }
    std::unique_ptr<Client> client();
    const std::string& dir() const { return dir_; }

private:
    Config config_;
    std::string dir_;
    DatabaseDsn admin_;
};

// A temporary folder removed at the end of the test.
std::string makeTempDir();
void writeFile(const std::string& path, const std::string& content);
std::string readFile(const std::string& path);

// Imports `flowJson`, submits a job with `files` and `params` to it, claims
// it and runs it to its end with the built-in activities; returns the job.
JobDetail runFlowJob(Client& client, const std::string& flowJson, std::vector<InputFile> files,
                     std::map<std::string, std::string> params = {});

// For test fixtures: creates the database or skips the test.
#define RELAIS_REQUIRE_DATABASE(db)                         \
    do {                                                    \
        std::string why_;                                   \
        db = ::relais::testing::TestDatabase::create(&why_); \
        if (!db) GTEST_SKIP() << why_;                      \
    } while (0)

}  // namespace relais::testing
