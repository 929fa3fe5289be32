// The code lists behind the PA services' nomenclatures (seed 2.2.2 Commune,
// 2.3.1 CodePostal): every INSEE commune code (current communes, delegated and
// associated ones, municipal districts, codes before a merger) and every postal
// code of La Poste's base, made by tools/nomenclatures/update.sh from the COG
// data published by Etalab (nomenclature_lists.cpp, generated and committed).
// Read-only data in the binary: shared by every process, nothing to load.
#pragma once

#include <cstddef>

namespace relais::ws::lists {

extern const char* const kSource;  // the package and version the lists come from

// kCount codes of 5 characters each, one after the other, sorted by bytes.
extern const size_t kCommuneCount;
extern const char kCommunes[];
extern const size_t kPostalCodeCount;
extern const char kPostalCodes[];

}  // namespace relais::ws::lists
