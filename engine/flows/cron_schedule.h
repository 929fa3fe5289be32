// Cron schedules for `schedule` triggers: the five classic fields
// (minute hour day-of-month month day-of-week) with *, lists, ranges, steps
// and names (jan..dec, sun..sat), evaluated in an IANA time zone (default
// Europe/Paris) so "0 8 * * mon-fri" means 08:00 Paris time all year.
// When both day fields are restricted a day matches either (as in Vixie
// cron). A local time skipped by a DST change fires at the first minute
// after it; a repeated one fires once.
// Thread-safety: an immutable value once parsed.
#pragma once

#include <bitset>
#include <chrono>
#include <string>

#include "base/status.h"

namespace relais {

class CronSchedule {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // Errors name the field ("minute", "hour"...) and the bad part.
    static Result<CronSchedule> parse(const std::string& expression, const std::string& timeZone = "Europe/Paris");
    // True when cctz knows timeZone (an IANA name such as Europe/Paris, or UTC).
    static bool knownTimeZone(const std::string& timeZone);

    // The first fire time strictly after `after`.
    TimePoint nextAfter(TimePoint after) const;
    const std::string& expression() const { return expression_; }
    const std::string& timeZone() const { return timeZone_; }

private:
    std::string expression_;
    std::string timeZone_;
    std::bitset<60> minutes_;
    std::bitset<24> hours_;
    std::bitset<32> daysOfMonth_;  // 1..31
    std::bitset<13> months_;       // 1..12
    std::bitset<7> daysOfWeek_;    // 0 = Sunday
    bool domRestricted_ = false;
    bool dowRestricted_ = false;
};

}  // namespace relais
