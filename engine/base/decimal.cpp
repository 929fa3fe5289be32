// Decimal arithmetic on integers scaled by 10^6 (128-bit intermediates).
#include "base/decimal.h"

#include <cstdlib>

namespace relais {
namespace {

// Rounds n / d half away from zero (d > 0).
__int128 divRound(__int128 n, __int128 d) {
    const __int128 q = n / d;
    const __int128 r = n % d;
    if (r * 2 >= d) return q + 1;
    if (r * 2 <= -d) return q - 1;
    return q;
}

constexpr __int128 kMax = INT64_MAX;

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view t, std::string* why) {
    auto fail = [&](const char* reason) -> std::optional<Decimal> {
        if (why) *why = reason;
        return std::nullopt;
    };
    if (t.empty()) return fail("empty");
    size_t i = 0;
    bool negative = false;
    if (t[0] == '-' || t[0] == '+') {
        negative = t[0] == '-';
        ++i;
    }
    __int128 whole = 0;
    int digits = 0, decimals = 0;
    int64_t fraction = 0;
    bool point = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '.' || c == ',') {
            if (point) return fail("has two decimal separators");
            point = true;
        } else if (c >= '0' && c <= '9') {
            ++digits;
            if (point) {
                if (++decimals > kPlaces) return fail("has more than 6 decimals");
                fraction = fraction * 10 + (c - '0');
            } else {
                whole = whole * 10 + (c - '0');
                if (whole > kMax / kScale) return fail("is too large");
            }
        } else {
            return fail("is not a number (digits, one '.' or ',' and an optional leading '-')");
        }
    }
    if (digits == 0) return fail("is not a number (no digit)");
    for (int k = decimals; k < kPlaces; ++k) fraction *= 10;
    const __int128 units = whole * kScale + fraction;
    return Decimal(static_cast<int64_t>(negative ? -units : units));
}

std::string Decimal::toString(char point) const {
    std::string s = toFixed(kPlaces);
    const auto dot = s.find('.');
    size_t end = s.find_last_not_of('0');
    if (end == dot) end = dot - 1;  // "12.000000" -> "12"
    s.resize(end + 1);
    if (point != '.' && s.find('.') != std::string::npos) s[s.find('.')] = point;
    return s;
}

std::string Decimal::toFixed(int places) const {
    const int64_t units = rounded(places).units_;
    const uint64_t mag = units < 0 ? static_cast<uint64_t>(-(units + 1)) + 1 : static_cast<uint64_t>(units);
    std::string whole = std::to_string(mag / kScale);
    std::string frac = std::to_string(mag % kScale);
    frac.insert(0, kPlaces - frac.size(), '0');
    std::string out = (units < 0 ? "-" : "") + whole;
    if (places > 0) out += "." + frac.substr(0, static_cast<size_t>(places));
    return out;
}

Decimal Decimal::rounded(int places) const {
    if (places >= kPlaces) return *this;
    __int128 step = 1;
    for (int k = places; k < kPlaces; ++k) step *= 10;
    return Decimal(static_cast<int64_t>(divRound(units_, step) * step));
}

Decimal Decimal::operator*(Decimal o) const {
    return Decimal(static_cast<int64_t>(divRound(static_cast<__int128>(units_) * o.units_, kScale)));
}

Decimal Decimal::operator/(Decimal o) const {
    if (o.units_ == 0) return Decimal();
    __int128 n = static_cast<__int128>(units_) * kScale;
    __int128 d = o.units_;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    return Decimal(static_cast<int64_t>(divRound(n, d)));
}

}  // namespace relais
