// Parsing and printing UTC times.
#include "base/utc_time.h"

#include <algorithm>
#include <cstdio>

namespace relais {
namespace {

using namespace std::chrono;

// The digits of text[pos, pos + n) as a number, or -1.
int digits(const std::string& text, size_t pos, size_t n) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

}  // namespace

std::optional<TypedTime> parseTypedTime(const std::string& text) {
    const size_t n = text.size();
    if (n != 10 && n != 16 && n != 19) return std::nullopt;
    if (text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 1000 || mo < 1 || d < 1) return std::nullopt;
    const year_month_day day{year{y}, month{static_cast<unsigned>(mo)}, std::chrono::day{static_cast<unsigned>(d)}};
    if (!day.ok()) return std::nullopt;
    TypedTime t{sys_days(day), days(1)};
    if (n == 10) return t;
    if ((text[10] != ' ' && text[10] != 'T') || text[13] != ':') return std::nullopt;
    const int h = digits(text, 11, 2), m = digits(text, 14, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    t.start += hours(h) + minutes(m);
    t.span = minutes(1);
    if (n == 16) return t;
    if (text[16] != ':') return std::nullopt;
    const int s = digits(text, 17, 2);
    if (s < 0 || s > 59) return std::nullopt;
    t.start += seconds(s);
    t.span = seconds(1);
    return t;
}

std::string sqlDateTime(sys_seconds t) {
    static const sys_seconds first = sys_days(year{1000} / January / 1);
    static const sys_seconds last = sys_days(year{9999} / December / 31) + hours(23) + minutes(59) + seconds(59);
    t = std::clamp(t, first, last);
    const auto day = floor<days>(t);
    const year_month_day ymd(day);
    const hh_mm_ss hms(t - day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

Result<std::optional<TypedTime>> parseTimeFilter(const char* field, const std::optional<std::string>& text) {
    if (!text) return std::optional<TypedTime>{};
    auto t = parseTypedTime(*text);
    if (!t)
        return Status(Code::InvalidArgument, std::string(field) + " '" + *text +
                                                 "' is not a date: expected YYYY-MM-DD, YYYY-MM-DD HH:MM or "
                                                 "YYYY-MM-DD HH:MM:SS (UTC)");
    return t;
}

}  // namespace relais
