// `relais edifact check|to-pivot|from-pivot`: the EDIFACT translation for
// integrators (docs/edifact.md). check needs no database; from-pivot reads
// the partner's EDIFACT settings from it. Exit codes: check 0 valid, 1
// invalid (the errors printed); the others 0 done, 2 an error (one line on
// stderr naming the file, the place and what is wrong).
#pragma once

#include <string>

#include "cli/commands.h"

namespace relais::cli {

int edifactCheck(const std::string& file, bool json);
// `messages`: comma-separated types to translate (default ORDERS).
int edifactToPivot(const std::string& file, const std::string& outDir, const std::string& messages);
int edifactFromPivot(const Globals& g, const std::string& file, const std::string& type, const std::string& partner,
                     const std::string& outDir, const std::string& ownGln);

}  // namespace relais::cli
