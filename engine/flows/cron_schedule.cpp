// Cron expression parsing and next-fire computation with CCTZ.
#include "flows/cron_schedule.h"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <cctype>
#include <sstream>
#include <vector>

namespace relais {
namespace {

struct FieldSpec {
    const char* name;
    int min;
    int max;
    std::vector<std::string> names;  // names[i] stands for min + i
};

const FieldSpec kFields[] = {
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day-of-month", 1, 31, {}},
    {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day-of-week", 0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
};

Result<int> parseValue(const std::string& text, const FieldSpec& f) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (size_t i = 0; i < f.names.size(); ++i)
        if (lower == f.names[i]) return f.min + static_cast<int>(i);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 3)
        return Status(Code::InvalidArgument, std::string(f.name) + " field: '" + text + "' is not a number" +
                                                 (f.names.empty() ? "" : " or a name"));
    int v = std::stoi(text);
    if (v < f.min || v > f.max)
        return Status(Code::InvalidArgument, std::string(f.name) + " field: " + text + " is outside " +
                                                 std::to_string(f.min) + "-" + std::to_string(f.max));
    return v;
}

// Parses one field into `bits` (indexed by value). Returns whether it was restricted (not '*').
Result<bool> parseField(const std::string& field, const FieldSpec& f, std::vector<bool>& bits) {
    bits.assign(static_cast<size_t>(f.max) + 1, false);
    std::stringstream parts(field);
    bool restricted = field != "*" && field != "?";
    for (std::string part; std::getline(parts, part, ',');) {
        int step = 1;
        if (auto slash = part.find('/'); slash != std::string::npos) {
            const std::string s = part.substr(slash + 1);
            if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 3 || std::stoi(s) == 0)
                return Status(Code::InvalidArgument, std::string(f.name) + " field: step '" + s + "' must be a positive number");
            step = std::stoi(s);
            part = part.substr(0, slash);
        }
        int lo = f.min, hi = f.max;
        if (part != "*" && part != "?") {
            if (auto dash = part.find('-'); dash != std::string::npos) {
                RELAIS_ASSIGN_OR_RETURN(lo, parseValue(part.substr(0, dash), f));
                RELAIS_ASSIGN_OR_RETURN(hi, parseValue(part.substr(dash + 1), f));
                if (lo > hi)
                    return Status(Code::InvalidArgument, std::string(f.name) + " field: range '" + part + "' is backwards");
            } else {
                RELAIS_ASSIGN_OR_RETURN(lo, parseValue(part, f));
                hi = step > 1 ? f.max : lo;
            }
        }
        for (int v = lo; v <= hi; v += step) bits[static_cast<size_t>(v)] = true;
    }
    return restricted;
}

}  // namespace

bool CronSchedule::knownTimeZone(const std::string& timeZone) {
    cctz::time_zone tz;
    return cctz::load_time_zone(timeZone, &tz);
}

Result<CronSchedule> CronSchedule::parse(const std::string& expression, const std::string& timeZone) {
    std::istringstream in(expression);
    std::vector<std::string> fields;
    for (std::string f; in >> f;) fields.push_back(f);
    if (fields.size() != 5)
        return Status(Code::InvalidArgument, "cron '" + expression +
                                                 "' must have 5 fields: minute hour day-of-month month day-of-week");
    cctz::time_zone tz;
    if (!cctz::load_time_zone(timeZone, &tz))
        return Status(Code::InvalidArgument, "time zone '" + timeZone + "' is unknown (use an IANA name like Europe/Paris)");
    CronSchedule c;
    c.expression_ = expression;
    c.timeZone_ = timeZone;
    std::vector<bool> bits;
    for (int i = 0; i < 5; ++i) {
        auto restricted = parseField(fields[static_cast<size_t>(i)], kFields[i], bits);
        if (!restricted) return restricted.status().withContext("cron '" + expression + "'");
        for (size_t v = 0; v < bits.size(); ++v) {
            if (!bits[v]) continue;
            switch (i) {
                case 0: c.minutes_.set(v); break;
                case 1: c.hours_.set(v); break;
                case 2: c.daysOfMonth_.set(v); break;
                case 3: c.months_.set(v); break;
                case 4: c.daysOfWeek_.set(v % 7); break;  // 7 is Sunday too
            }
        }
        if (i == 2) c.domRestricted_ = *restricted;
        if (i == 4) c.dowRestricted_ = *restricted;
    }
    return c;
}

CronSchedule::TimePoint CronSchedule::nextAfter(TimePoint after) const {
    cctz::time_zone tz;
    cctz::load_time_zone(timeZone_, &tz);
    auto dayMatches = [&](const cctz::civil_day& d) {
        const bool dom = daysOfMonth_.test(static_cast<size_t>(d.day()));
        const int wd = (static_cast<int>(cctz::get_weekday(d)) + 1) % 7;  // cctz: Monday = 0
        const bool dow = daysOfWeek_.test(static_cast<size_t>(wd));
        if (domRestricted_ && dowRestricted_) return dom || dow;
        if (domRestricted_) return dom;
        if (dowRestricted_) return dow;
        return true;
    };
    const auto local = cctz::convert(std::chrono::time_point_cast<cctz::seconds>(after), tz);
    cctz::civil_minute m = cctz::civil_minute(local) + 1;
    // At most about 4 years of days: enough for any valid expression (29 Feb).
    for (int guard = 0; guard < 1500 * 24 * 60; ) {
        const cctz::civil_day day(m);
        if (!months_.test(static_cast<size_t>(m.month())) || !dayMatches(day)) {
            m = cctz::civil_minute(day + 1);
            guard += 24 * 60;
            continue;
        }
        if (!hours_.test(static_cast<size_t>(m.hour()))) {
            m = cctz::civil_minute(cctz::civil_hour(m) + 1);
            guard += 60;
            continue;
        }
        if (!minutes_.test(static_cast<size_t>(m.minute()))) {
            m += 1;
            ++guard;
            continue;
        }
        const auto lookup = tz.lookup(cctz::civil_second(m));
        // A skipped local time (spring forward) maps to the transition instant.
        const auto when = lookup.kind == cctz::time_zone::civil_lookup::SKIPPED ? lookup.trans : lookup.pre;
        if (when > after) return std::chrono::time_point_cast<std::chrono::system_clock::duration>(when);
        m += 1;
        ++guard;
    }
    return TimePoint::max();
}

}  // namespace relais
