// Schedule and directory triggers with two nodes on one database.
#include <gtest/gtest.h>

#include <filesystem>

#include "daemon/triggers.h"
#include "test_database.h"

using namespace relais;
using relais::testing::readFile;
using relais::testing::TestDatabase;
using relais::testing::writeFile;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

class TriggersTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        a_ = db_->client();
        b_ = db_->client();
        ASSERT_TRUE(a_ && b_);
        inbox_ = db_->dir() + "/inbox";
        fs::create_directories(inbox_);
    }
    void importFlow(const std::string& json) {
        auto r = a_->importFlow(json, "t.json");
        ASSERT_TRUE(r.isOk()) << r.status().message();
    }
    void importWatchFlow() {
        importFlow(R"({"name":"watch","trigger":{"type":"directory","path":")" + inbox_ +
                   R"(","pattern":"*.edi","stable_seconds":2},"steps":[{"activity":"noop"}]})");
    }
    int64_t jobs() { return a_->jobs().count().value(); }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> a_, b_;
    std::string inbox_;
    Triggers::TimePoint t0_ = std::chrono::system_clock::now();
};

}  // namespace

TEST_F(TriggersTest, StableFileBecomesExactlyOneJobWithTwoNodes) {
    importWatchFlow();
    writeFile(inbox_ + "/order.edi", "UNA:+.? 'UNB+UNOC:3'");
    writeFile(inbox_ + "/ignored.txt", "not matching the pattern");
    Triggers n1("n1"), n2("n2");
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    ASSERT_TRUE(n2.refresh(*b_, t0_).isOk());
    EXPECT_EQ(n1.tick(*a_, t0_).value(), 0) << "a file seen for the first time is not yet stable";
    EXPECT_EQ(n2.tick(*b_, t0_).value(), 0);
    const int fired = n1.tick(*a_, t0_ + 3s).value() + n2.tick(*b_, t0_ + 3s).value();
    EXPECT_EQ(fired, 1);
    EXPECT_EQ(jobs(), 1);
    EXPECT_FALSE(fs::exists(inbox_ + "/order.edi"));
    EXPECT_TRUE(fs::exists(inbox_ + "/ignored.txt"));
    auto j = a_->jobs().list({}).value().at(0);
    auto detail = a_->jobs().get(j.id).value();
    ASSERT_EQ(detail.documents.size(), 1u);
    EXPECT_EQ(detail.documents[0].name, "order.edi");
    EXPECT_EQ(readFile(a_->store().absolutePath(detail.documents[0].storePath)), "UNA:+.? 'UNB+UNOC:3'");
    EXPECT_EQ(detail.params.at("source_file"), "order.edi");
}

TEST_F(TriggersTest, FileStillBeingWrittenIsNotTaken) {
    importWatchFlow();
    Triggers n1("n1");
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    writeFile(inbox_ + "/big.edi", "part 1");
    EXPECT_EQ(n1.tick(*a_, t0_).value(), 0);
    writeFile(inbox_ + "/big.edi", "part 1, part 2");  // grew since the last look
    EXPECT_EQ(n1.tick(*a_, t0_ + 3s).value(), 0);
    EXPECT_TRUE(fs::exists(inbox_ + "/big.edi"));
    EXPECT_EQ(n1.tick(*a_, t0_ + 6s).value(), 1);
    auto j = a_->jobs().list({}).value().at(0);
    auto detail = a_->jobs().get(j.id).value();
    EXPECT_EQ(readFile(a_->store().absolutePath(detail.documents.at(0).storePath)), "part 1, part 2");
}

TEST_F(TriggersTest, FileLeftTakenByAStoppedNodeIsSubmittedOnceAtItsNextScan) {
    importWatchFlow();
    fs::create_directories(inbox_ + "/.relais-taken");
    writeFile(inbox_ + "/.relais-taken/n1--left.edi", "left behind");
    writeFile(inbox_ + "/.relais-taken/other--theirs.edi", "another node's");
    Triggers n1("n1");
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    ASSERT_TRUE(n1.tick(*a_, t0_).isOk());
    EXPECT_EQ(jobs(), 1);
    EXPECT_FALSE(fs::exists(inbox_ + "/.relais-taken/n1--left.edi"));
    EXPECT_TRUE(fs::exists(inbox_ + "/.relais-taken/other--theirs.edi")) << "only this node's leftovers";
}

TEST_F(TriggersTest, ScheduleFiresOncePerDueTimeWithTwoNodes) {
    importFlow(R"({"name":"every-minute","trigger":{"type":"schedule","cron":"* * * * *","timezone":"UTC"},
                   "steps":[{"activity":"noop"}]})");
    Triggers n1("n1"), n2("n2");
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    ASSERT_TRUE(n2.refresh(*b_, t0_).isOk());
    EXPECT_EQ(n1.tick(*a_, t0_).value() + n2.tick(*b_, t0_).value(), 0) << "nothing is due yet";
    const auto due = t0_ + 61s;
    EXPECT_EQ(n1.tick(*a_, due).value() + n2.tick(*b_, due).value(), 1);
    EXPECT_EQ(n1.tick(*a_, due + 1s).value() + n2.tick(*b_, due + 1s).value(), 0);
    EXPECT_EQ(jobs(), 1);
    const auto later = t0_ + 121s;
    EXPECT_EQ(n2.tick(*b_, later).value() + n1.tick(*a_, later).value(), 1);
    EXPECT_EQ(jobs(), 2);
    auto j = a_->jobs().list({}).value().at(0);
    EXPECT_EQ(j.submittedBy.value_or("").rfind("schedule:", 0), 0u);
    EXPECT_TRUE(j.params.count("scheduled_for"));
}

TEST_F(TriggersTest, DisabledFlowStopsItsTrigger) {
    importWatchFlow();
    Triggers n1("n1");
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    ASSERT_TRUE(a_->flows().setEnabled("watch", false).isOk());
    ASSERT_TRUE(n1.refresh(*a_, t0_).isOk());
    writeFile(inbox_ + "/late.edi", "x");
    EXPECT_EQ(n1.tick(*a_, t0_).value(), 0);
    EXPECT_EQ(n1.tick(*a_, t0_ + 10s).value(), 0);
    EXPECT_TRUE(fs::exists(inbox_ + "/late.edi"));
}

TEST(TriggerDefinitionTest, BadTriggersAreRefusedNamingTheField) {
    auto bad = parseFlow(R"({"name":"x","trigger":{"type":"schedule","cron":"70 * * * *"},"steps":[{"activity":"noop"}]})", "x.json");
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("trigger.cron"), std::string::npos) << bad.status().message();
    auto rel = parseFlow(R"({"name":"x","trigger":{"type":"directory","path":"in"},"steps":[{"activity":"noop"}]})", "x.json");
    ASSERT_FALSE(rel.isOk());
    EXPECT_NE(rel.status().message().find("trigger.path"), std::string::npos);
    auto extra = parseFlow(R"({"name":"x","trigger":{"type":"manual","cron":"* * * * *"},"steps":[{"activity":"noop"}]})", "x.json");
    ASSERT_FALSE(extra.isOk());
    EXPECT_NE(extra.status().message().find("trigger.cron"), std::string::npos);
}

TEST(TriggerDefinitionTest, UnknownTimeZoneIsRefusedNamingTheTimezoneField) {
    auto bad = parseFlow(
        R"({"name":"x","trigger":{"type":"schedule","cron":"0 2 * * *","timezone":"Europe/Pariss"},"steps":[{"activity":"noop"}]})",
        "x.json");
    ASSERT_FALSE(bad.isOk());
    const std::string& m = bad.status().message();
    EXPECT_NE(m.find("trigger.timezone 'Europe/Pariss' is not a known time zone"), std::string::npos) << m;
    EXPECT_EQ(m.find("trigger.cron"), std::string::npos) << m;
    EXPECT_TRUE(parseFlow(
        R"({"name":"x","trigger":{"type":"schedule","cron":"0 2 * * *","timezone":"UTC"},"steps":[{"activity":"noop"}]})",
        "x.json").isOk());
}
