// French and GS1 identifiers of partners: GLN (Global Location Number, 13
// digits with a GS1 check digit) and SIRET (14 digits, Luhn; La Poste's
// establishments use their own rule). Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>

namespace relais {

// Why `gln` is not a valid GLN, or nullopt when it is.
std::optional<std::string> glnProblem(const std::string& gln);
// Why `siret` is not a valid SIRET, or nullopt when it is.
std::optional<std::string> siretProblem(const std::string& siret);

// The GS1 check digit of the first 12 digits of a GLN (weights 1, 3 from the left).
int gs1CheckDigit(const std::string& first12);
// True when the Luhn sum of `digits` is a multiple of 10.
bool luhnValid(const std::string& digits);

}  // namespace relais
