// GLN and SIRET checks.
#include "partners/identifiers.h"

#include <algorithm>
#include <cctype>

namespace relais {
namespace {

bool allDigits(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// La Poste's SIREN: its establishments' SIRETs are valid when the sum of
// their digits is a multiple of 5 (INSEE's exception to the Luhn rule).
constexpr const char* kLaPosteSiren = "356000000";

}  // namespace

int gs1CheckDigit(const std::string& first12) {
    int sum = 0;
    for (size_t i = 0; i < first12.size(); ++i) sum += (first12[i] - '0') * (i % 2 == 0 ? 1 : 3);
    return (10 - sum % 10) % 10;
}

bool luhnValid(const std::string& digits) {
    int sum = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

std::optional<std::string> glnProblem(const std::string& gln) {
    if (gln.size() != 13 || !allDigits(gln)) return "must be 13 digits";
    const int expected = gs1CheckDigit(gln.substr(0, 12));
    if (gln[12] - '0' != expected)
        return "has a wrong check digit (" + std::string(1, gln[12]) + "; the first 12 digits give " +
               std::to_string(expected) + ")";
    return std::nullopt;
}

std::optional<std::string> siretProblem(const std::string& siret) {
    if (siret.size() != 14 || !allDigits(siret)) return "must be 14 digits";
    if (siret.compare(0, 9, kLaPosteSiren) == 0) {
        int sum = 0;
        for (char c : siret) sum += c - '0';
        if (sum % 5 == 0) return std::nullopt;
    }
    if (!luhnValid(siret)) return "fails the Luhn check (a digit is wrong or two are swapped)";
    return std::nullopt;
}

}  // namespace relais
