// Times as operators type them: the forms accepted, what each names, and
// printing back in the database's format.
#include <gtest/gtest.h>

#include "base/utc_time.h"

using namespace relais;
using namespace std::chrono;

TEST(UtcTimeTest, DayMinuteAndSecondNameTheirWholeSpan) {
    auto day = parseTypedTime("2024-02-29");
    ASSERT_TRUE(day);
    EXPECT_EQ(sqlDateTime(day->start), "2024-02-29 00:00:00");
    EXPECT_EQ(sqlDateTime(day->end()), "2024-03-01 00:00:00");
    auto minute = parseTypedTime("2024-12-31T23:59");
    ASSERT_TRUE(minute);
    EXPECT_EQ(sqlDateTime(minute->end()), "2025-01-01 00:00:00");
    auto second = parseTypedTime("2024-03-15 10:30:15");
    ASSERT_TRUE(second);
    EXPECT_EQ(sqlDateTime(second->start), "2024-03-15 10:30:15");
    EXPECT_EQ(second->span, seconds(1));
}

TEST(UtcTimeTest, ImpossibleOrMalformedTimesAreRefused) {
    for (const char* bad : {"2023-02-29", "2024-04-31", "2024-00-10", "2024-01-00", "2024-01-15 24:00",
                            "2024-01-15 10:60", "2024-01-15 10:00:60", "2024/01/15", "2024-01-15 10:00:00Z",
                            "24-01-15", "2024-01-15_10:00", "0999-12-31", "", "+024-01-15"})
        EXPECT_FALSE(parseTypedTime(bad)) << bad;
}

TEST(UtcTimeTest, PrintingClampsToTheDatetimeRange) {
    EXPECT_EQ(sqlDateTime(sys_seconds::min()), "1000-01-01 00:00:00");
    EXPECT_EQ(sqlDateTime(sys_seconds::max()), "9999-12-31 23:59:59");
}
