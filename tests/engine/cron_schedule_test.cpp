// Cron schedules in a time zone, across DST changes.
#include <gtest/gtest.h>

#include <ctime>

#include "flows/cron_schedule.h"

using namespace relais;
using Clock = std::chrono::system_clock;

namespace {

// A UTC time from its parts.
Clock::time_point utc(int y, int mo, int d, int h, int mi) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return Clock::from_time_t(timegm(&tm));
}

}  // namespace

TEST(CronScheduleTest, EveryFiveMinutes) {
    auto c = CronSchedule::parse("*/5 * * * *", "UTC");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(c->nextAfter(utc(2026, 3, 2, 10, 2)), utc(2026, 3, 2, 10, 5));
    EXPECT_EQ(c->nextAfter(utc(2026, 3, 2, 10, 5)), utc(2026, 3, 2, 10, 10));
}

TEST(CronScheduleTest, WeekdaysAtEightParisTimeFollowDaylightSaving) {
    auto c = CronSchedule::parse("0 8 * * mon-fri", "Europe/Paris");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    // Friday 2026-01-09 08:00 CET is 07:00 UTC; after it comes Monday the 12th.
    EXPECT_EQ(c->nextAfter(utc(2026, 1, 9, 6, 0)), utc(2026, 1, 9, 7, 0));
    EXPECT_EQ(c->nextAfter(utc(2026, 1, 9, 7, 0)), utc(2026, 1, 12, 7, 0));
    // In July (CEST) 08:00 is 06:00 UTC.
    EXPECT_EQ(c->nextAfter(utc(2026, 7, 1, 0, 0)), utc(2026, 7, 1, 6, 0));
}

TEST(CronScheduleTest, SkippedLocalTimeFiresAtTheTransition) {
    // 2026-03-29 02:30 does not exist in Paris (clocks jump 02:00 -> 03:00 = 01:00 UTC).
    auto c = CronSchedule::parse("30 2 * * *", "Europe/Paris");
    ASSERT_TRUE(c.isOk());
    EXPECT_EQ(c->nextAfter(utc(2026, 3, 28, 23, 0)), utc(2026, 3, 29, 1, 0));
}

TEST(CronScheduleTest, RepeatedLocalTimeFiresOnce) {
    // 2026-10-25 02:30 happens twice in Paris (00:30 and 01:30 UTC).
    auto c = CronSchedule::parse("30 2 * * *", "Europe/Paris");
    ASSERT_TRUE(c.isOk());
    const auto first = c->nextAfter(utc(2026, 10, 24, 23, 0));
    EXPECT_EQ(first, utc(2026, 10, 25, 0, 30));
    EXPECT_EQ(c->nextAfter(first), utc(2026, 10, 26, 1, 30));
}

TEST(CronScheduleTest, DayOfMonthOrDayOfWeekWhenBothAreSet) {
    auto c = CronSchedule::parse("0 0 1 * sun", "UTC");
    ASSERT_TRUE(c.isOk());
    // 2026-03-01 is a Sunday anyway; after it the next Sunday is the 8th.
    EXPECT_EQ(c->nextAfter(utc(2026, 3, 1, 0, 0)), utc(2026, 3, 8, 0, 0));
    // From 2026-03-29 (Sunday): next is 2026-04-01 (day 1, a Wednesday).
    EXPECT_EQ(c->nextAfter(utc(2026, 3, 29, 0, 0)), utc(2026, 4, 1, 0, 0));
}

TEST(CronScheduleTest, ErrorsNameTheField) {
    struct Case {
        const char* expr;
        const char* word;
    } cases[] = {{"61 * * * *", "minute"}, {"* 24 * * *", "hour"},  {"* * 0 * *", "day-of-month"},
                 {"* * * foo *", "month"}, {"* * * * 8", "day-of-week"}, {"* * *", "5 fields"},
                 {"*/0 * * * *", "step"}};
    for (const auto& c : cases) {
        auto r = CronSchedule::parse(c.expr, "UTC");
        ASSERT_FALSE(r.isOk()) << c.expr;
        EXPECT_NE(r.status().message().find(c.word), std::string::npos) << c.expr << ": " << r.status().message();
    }
    auto tz = CronSchedule::parse("* * * * *", "Mars/Olympus");
    ASSERT_FALSE(tz.isOk());
    EXPECT_NE(tz.status().message().find("Mars/Olympus"), std::string::npos);
}
