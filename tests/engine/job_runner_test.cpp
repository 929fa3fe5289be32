// The job runner with real activities: deposit, exec success and failure.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <filesystem>

#include "activities/job_runner.h"
#include "test_database.h"

using namespace relais;
using relais::testing::readFile;
using relais::testing::TestDatabase;
using relais::testing::writeFile;

namespace {

class JobRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
    }
    // Imports `flow`, submits one document and runs the job once.
    JobDetail runOnce(const std::string& flow, const std::string& name = "a.txt") {
        auto imp = client_->importFlow(flow, "test.json");
        EXPECT_TRUE(imp.isOk()) << imp.status().message();
        const std::string in = db_->dir() + "/input";
        writeFile(in, "payload");
        auto def = parseFlow(flow, "test.json");
        auto id = client_->jobs().submit({def->name, {{name, in}}, {}, "test", 0, ""});
        EXPECT_TRUE(id.isOk()) << id.status().message();
        auto claimed = client_->jobs().claim("n1", 60);
        EXPECT_TRUE(claimed.isOk() && *claimed);
        JobRunner runner(client_->connection(), client_->store(), ActivityRegistry::builtin(), control_);
        Status s = runner.run(**claimed);
        EXPECT_TRUE(s.isOk()) << s.message();
        return client_->jobs().get(*id).value();
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
    RunControl control_;
};

}  // namespace

TEST_F(JobRunnerTest, DepositWritesTheDocumentAndSucceeds) {
    const std::string out = db_->dir() + "/outbox";
    auto j = runOnce(R"({"name":"dep","steps":[{"activity":"noop"},{"activity":"dir.deposit","with":{"path":")" +
                     out + R"("}}]})");
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    EXPECT_EQ(readFile(out + "/a.txt"), "payload");
    ASSERT_EQ(j.steps.size(), 2u);
    EXPECT_EQ(j.steps[1].status, "succeeded");
    for (const auto& e : std::filesystem::directory_iterator(out))
        EXPECT_EQ(e.path().filename().string(), "a.txt") << "no temporary file may remain";
}

TEST_F(JobRunnerTest, DepositRefusesToOverwriteWhenAsked) {
    const std::string out = db_->dir() + "/outbox2";
    std::filesystem::create_directories(out);
    writeFile(out + "/a.txt", "older");
    auto j = runOnce(R"({"name":"dep2","steps":[{"activity":"dir.deposit","with":{"path":")" + out +
                     R"(","overwrite":false}}]})");
    EXPECT_EQ(j.status, "failed");
    EXPECT_NE(j.error.value_or("").find("already exists with other content"), std::string::npos) << j.error.value_or("");
    EXPECT_EQ(readFile(out + "/a.txt"), "older");
}

TEST_F(JobRunnerTest, DepositRunAgainFindsItsOwnFileAndSucceeds) {
    // A node died after the rename: the recovered step finds the same bytes there.
    const std::string out = db_->dir() + "/outbox3";
    std::filesystem::create_directories(out);
    writeFile(out + "/a.txt", "payload");
    auto j = runOnce(R"({"name":"dep3","steps":[{"activity":"dir.deposit","with":{"path":")" + out +
                     R"(","overwrite":false}}]})");
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    EXPECT_EQ(readFile(out + "/a.txt"), "payload");
}

TEST_F(JobRunnerTest, ExecOutputGoesToTheJobLog) {
    auto j = runOnce(R"({"name":"ex","steps":[{"activity":"exec","with":{"program":"/bin/cat"}}]})");
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    bool found = false;
    for (const auto& l : j.log) found = found || l.message.find("payload") != std::string::npos;
    EXPECT_TRUE(found) << "the program's output must be in the job log";
}

TEST_F(JobRunnerTest, ExecNonZeroExitFailsTheJobWithTheStatus) {
    auto j = runOnce(R"({"name":"exf","steps":[{"activity":"exec","with":{"program":"/bin/false"}}]})");
    EXPECT_EQ(j.status, "failed");
    EXPECT_NE(j.error.value_or("").find("exited with status 1"), std::string::npos) << j.error.value_or("");
    ASSERT_EQ(j.steps.size(), 1u);
    EXPECT_EQ(j.steps[0].status, "failed");
}

TEST_F(JobRunnerTest, ExecMissingProgramFailsNamingIt) {
    auto j = runOnce(R"({"name":"exm","steps":[{"activity":"exec","with":{"program":"/nonexistent/tool"}}]})");
    EXPECT_EQ(j.status, "failed");
    EXPECT_NE(j.error.value_or("").find("/nonexistent/tool"), std::string::npos) << j.error.value_or("");
}

TEST_F(JobRunnerTest, StopRequestBeforeAStepQueuesTheJobAgain) {
    control_.draining = true;
    auto j = runOnce(R"({"name":"stop","steps":[{"activity":"noop"}]})");
    EXPECT_EQ(j.status, "queued");
    EXPECT_EQ(j.attempt, 0);
}

TEST_F(JobRunnerTest, RetryOfAFailedJobResumesAtTheFailedStep) {
    // Step 0 appends a line to a counter file each time it runs; step 1 fails
    // until the marker file exists.
    const std::string dir = db_->dir();
    writeFile(dir + "/count.sh", "#!/bin/sh\necho run >> " + dir + "/count\n");
    writeFile(dir + "/gate.sh", "#!/bin/sh\ntest -f " + dir + "/open\n");
    std::filesystem::permissions(dir + "/count.sh", std::filesystem::perms::owner_all);
    std::filesystem::permissions(dir + "/gate.sh", std::filesystem::perms::owner_all);
    auto j = runOnce(R"({"name":"resume","steps":[{"activity":"exec","with":{"program":")" + dir +
                     R"(/count.sh"}},{"activity":"exec","with":{"program":")" + dir + R"(/gate.sh"}}]})");
    ASSERT_EQ(j.status, "failed");
    writeFile(dir + "/open", "");
    ASSERT_TRUE(client_->jobs().retry(j.id, "test").isOk());
    auto claimed = client_->jobs().claim("n1", 60);
    ASSERT_TRUE(claimed.isOk() && *claimed);
    EXPECT_EQ((*claimed)->attempt, 2);
    JobRunner runner(client_->connection(), client_->store(), ActivityRegistry::builtin(), control_);
    ASSERT_TRUE(runner.run(**claimed).isOk());
    auto after = client_->jobs().get(j.id);
    EXPECT_EQ(after->status, "succeeded") << after->error.value_or("");
    EXPECT_EQ(readFile(dir + "/count"), "run\n") << "step 0 succeeded before and must not run again";
}

TEST_F(JobRunnerTest, CancelRequestStopsALongExecAndCancelsTheJob) {
    auto imp = client_->importFlow(
        R"({"name":"long","steps":[{"activity":"exec","with":{"program":"/bin/sleep","args":["30"]}}]})", "l.json");
    ASSERT_TRUE(imp.isOk()) << imp.status().message();
    auto id = client_->jobs().submit({"long", {}, {}, "test", 0, ""});
    ASSERT_TRUE(id.isOk());
    auto claimed = client_->jobs().claim("n1", 60);
    ASSERT_TRUE(claimed.isOk() && *claimed);
    auto other = db_->client();
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        EXPECT_TRUE(other->jobs().cancel(*id, "test").isOk());
    });
    const auto start = std::chrono::steady_clock::now();
    JobRunner runner(client_->connection(), client_->store(), ActivityRegistry::builtin(), control_);
    ASSERT_TRUE(runner.run(**claimed).isOk());
    canceller.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(client_->jobs().get(*id)->status, "cancelled");
}
