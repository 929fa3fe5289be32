// `relais mssante-proof FQDN`: the MSSanté deployment proof of an API
// LPS/DUI (net/mssante_proof.h), printed or written to --out. Exit codes: 0
// both listings complete, 1 a listing incomplete (the file still says what
// happened, a step cut by the time limit included), 2 an error (bad
// configuration, file not writable). `timeoutSeconds` (0: [transfer]
// mssante_proof_timeout_seconds) bounds the whole proof.
#pragma once

#include <string>

#include "cli/commands.h"

namespace relais::cli {

int mssanteProof(const Globals& g, const std::string& fqdn, int imapPort, int smtpPort, const std::string& out,
                 int timeoutSeconds);

}  // namespace relais::cli
