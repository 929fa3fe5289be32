// `relais mssante-proof FQDN`: the MSSanté deployment proof of an API
// LPS/DUI (net/mssante_proof.h), printed or written to --out. Exit codes: 0
// both listings complete, 1 a listing incomplete (the file still says what
// happened), 2 an error (bad configuration, file not writable).
#pragma once

#include <string>

#include "cli/commands.h"

namespace relais::cli {

int mssanteProof(const Globals& g, const std::string& fqdn, int imapPort, int smtpPort, const std::string& out);

}  // namespace relais::cli
