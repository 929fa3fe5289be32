// A job's log as the job page reads it, against a real MariaDB: keyset pages
// newest first, the level filter in the database, the count of every line,
// the newest lines in JobQueue::get, and bad arguments refused.
#include <gtest/gtest.h>

#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;

namespace {

class JobLogTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
        auto flow = client_->importFlow(R"({"name":"f1","steps":[{"activity":"noop"}]})", "f1.json");
        ASSERT_TRUE(flow.isOk()) << flow.status().message();
        auto id = client_->jobs().submit({"f1", {}, {}, "test", 0, ""});
        ASSERT_TRUE(id.isOk()) << id.status().message();
        job_ = *id;  // its first line: "submitted to flow f1 ..."
    }
    // Adds lines "line 0" .. "line n-1"; every third (0, 3, 6...) is a warning.
    void addLines(int n) {
        for (int i = 0; i < n; ++i) {
            auto s = client_->jobs().log(job_, std::nullopt, i % 3 == 0 ? "warn" : "info", "line " + std::to_string(i));
            ASSERT_TRUE(s.isOk()) << s.message();
        }
    }
    std::vector<std::string> messages(const std::vector<LogRecord>& lines) {
        std::vector<std::string> out;
        for (const auto& l : lines) out.push_back(l.message);
        return out;
    }
    // Every page of `filter` from the newest, each checked for order and size;
    // the messages oldest first.
    std::vector<std::string> allPages(LogFilter filter, int64_t expectedTotal) {
        std::vector<std::string> out;
        for (int pages = 0; pages < 100; ++pages) {
            auto page = client_->jobs().logPage(job_, filter);
            EXPECT_TRUE(page.isOk()) << page.status().message();
            if (!page) break;
            EXPECT_EQ(page->total, expectedTotal);
            EXPECT_LE(page->lines.size(), static_cast<size_t>(filter.limit));
            for (size_t i = 1; i < page->lines.size(); ++i) EXPECT_LT(page->lines[i - 1].id, page->lines[i].id);
            auto m = messages(page->lines);
            out.insert(out.begin(), m.begin(), m.end());
            if (!page->older) break;
            EXPECT_EQ(page->lines.size(), static_cast<size_t>(filter.limit)) << "only the oldest page may be short";
            EXPECT_EQ(*page->older, page->lines.front().id);
            filter.before = page->older;
        }
        return out;
    }
    std::string refusal(const LogFilter& filter, int64_t job = 0) {
        auto page = client_->jobs().logPage(job ? job : job_, filter);
        EXPECT_FALSE(page.isOk());
        return page ? "" : page.status().message();
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
    int64_t job_ = 0;
};

}  // namespace

TEST_F(JobLogTest, PagesGoNewestFirstAndVisitEveryLineOnce) {
    addLines(24);
    auto first = client_->jobs().logPage(job_, {.limit = 10});
    ASSERT_TRUE(first.isOk()) << first.status().message();
    EXPECT_EQ(first->total, 25);
    ASSERT_EQ(first->lines.size(), 10u);
    EXPECT_EQ(first->lines.front().message, "line 14");
    EXPECT_EQ(first->lines.back().message, "line 23");
    ASSERT_TRUE(first->older.has_value());

    auto all = allPages({.limit = 10}, 25);
    ASSERT_EQ(all.size(), 25u);
    EXPECT_EQ(all.front().rfind("submitted to flow f1", 0), 0u) << all.front();
    for (int i = 0; i < 24; ++i) EXPECT_EQ(all[i + 1], "line " + std::to_string(i));
}

TEST_F(JobLogTest, LevelFilterCountsAndPagesOnlyThatLevel) {
    addLines(24);  // warnings: lines 0, 3, ..., 21
    auto all = allPages({.level = "warn", .limit = 3}, 8);
    std::vector<std::string> expected;
    for (int i = 0; i < 24; i += 3) expected.push_back("line " + std::to_string(i));
    EXPECT_EQ(all, expected);

    auto errors = client_->jobs().logPage(job_, {.level = "error"});
    ASSERT_TRUE(errors.isOk()) << errors.status().message();
    EXPECT_EQ(errors->total, 0);
    EXPECT_TRUE(errors->lines.empty());
    EXPECT_FALSE(errors->older.has_value());
}

TEST_F(JobLogTest, GetHoldsTheNewestThousandLinesAndCountsThemAll) {
    addLines(1004);
    auto job = client_->jobs().get(job_);
    ASSERT_TRUE(job.isOk()) << job.status().message();
    EXPECT_EQ(job->logTotal, 1005);
    ASSERT_EQ(job->log.size(), static_cast<size_t>(JobQueue::kDetailLogLines));
    EXPECT_EQ(job->log.front().message, "line 4");
    EXPECT_EQ(job->log.back().message, "line 1003");
    ASSERT_TRUE(job->logOlder.has_value());

    auto older = client_->jobs().logPage(job_, {.before = job->logOlder, .limit = 1000});
    ASSERT_TRUE(older.isOk()) << older.status().message();
    EXPECT_EQ(messages(older->lines).back(), "line 3");
    EXPECT_EQ(older->lines.size(), 5u);
    EXPECT_FALSE(older->older.has_value());
}

TEST_F(JobLogTest, ShortLogFitsOnePageWithoutCursor) {
    auto job = client_->jobs().get(job_);
    ASSERT_TRUE(job.isOk()) << job.status().message();
    EXPECT_EQ(job->logTotal, 1);
    EXPECT_EQ(job->log.size(), 1u);
    EXPECT_FALSE(job->logOlder.has_value());
}

TEST_F(JobLogTest, GetWithoutLogLeavesTheLogToLogPage) {
    addLines(3);
    auto job = client_->jobs().get(job_, false);
    ASSERT_TRUE(job.isOk()) << job.status().message();
    EXPECT_EQ(job->status, "queued");
    EXPECT_TRUE(job->log.empty());
    EXPECT_EQ(job->logTotal, 0);
    EXPECT_FALSE(job->logOlder.has_value());
}

TEST_F(JobLogTest, BadLevelCursorLimitAndUnknownJobAreRefusedNamingThem) {
    EXPECT_EQ(refusal({.level = "fatal"}), "log level \"fatal\" must be debug, info, warn or error");
    EXPECT_EQ(refusal({.level = "WARN"}), "log level \"WARN\" must be debug, info, warn or error");
    EXPECT_EQ(refusal({.before = 0}), "log cursor 0 must be a line number of at least 1");
    EXPECT_EQ(refusal({.limit = 0}), "log limit 0 must be from 1 to 100000");
    EXPECT_EQ(refusal({.limit = 100001}), "log limit 100001 must be from 1 to 100000");
    EXPECT_EQ(refusal({}, 424242), "no job #424242");
    EXPECT_EQ(client_->jobs().logPage(424242, {}).status().code(), Code::NotFound);
    EXPECT_EQ(client_->jobs().logPage(job_, {.level = "fatal"}).status().code(), Code::InvalidArgument);
}
