// Decimal: an exact decimal number with six decimal places, for quantities,
// prices and amounts (Sage stores them as numeric(24,6)); never a double.
// Range: about +/- 9.2e12. Thread-safety: a value type.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relais {

class Decimal {
public:
    static constexpr int kPlaces = 6;
    static constexpr int64_t kScale = 1'000'000;

    constexpr Decimal() = default;
    static constexpr Decimal fromUnits(int64_t units) { return Decimal(units); }
    static constexpr Decimal fromInt(int64_t n) { return Decimal(n * kScale); }

    // Parses "-12", "12.5", "12,5" (decimal comma), ".5", "3." . No exponent,
    // no thousands separator, at most 6 decimals. nullopt when malformed or
    // out of range; `why` (if given) says what is wrong.
    static std::optional<Decimal> parse(std::string_view text, std::string* why = nullptr);

    int64_t units() const { return units_; }
    bool isZero() const { return units_ == 0; }
    bool isNegative() const { return units_ < 0; }

    // The shortest text with '.' (or `point`): "12", "12.5", "-0.000001".
    std::string toString(char point = '.') const;
    // Exactly `places` decimals (0..6), rounded half away from zero.
    std::string toFixed(int places) const;

    // Rounded half away from zero to `places` decimals (0..6).
    Decimal rounded(int places) const;

    Decimal operator+(Decimal o) const { return Decimal(units_ + o.units_); }
    Decimal operator-(Decimal o) const { return Decimal(units_ - o.units_); }
    Decimal operator-() const { return Decimal(-units_); }
    Decimal& operator+=(Decimal o) {
        units_ += o.units_;
        return *this;
    }
    // Products and quotients keep 6 decimals, rounded half away from zero.
    Decimal operator*(Decimal o) const;
    // Division by zero gives zero (callers check the divisor first).
    Decimal operator/(Decimal o) const;

    auto operator<=>(const Decimal&) const = default;

private:
    constexpr explicit Decimal(int64_t units) : units_(units) {}
    int64_t units_ = 0;
};

}  // namespace relais
