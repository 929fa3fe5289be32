// The MSSanté deployment proof of an API LPS/DUI (the ANS procedure in
// shared/seeds/mssante-api-lps-dui-deployment-proof.txt): the IMAP listing
// (greeting, C01 CAPABILITY, C02 LOGOUT) and the SMTP listing (greeting,
// EHLO <fqdn>, QUIT), captured as a telnet session shows them, under clear
// headings with the date and the FQDN, and whether each server offers
// STARTTLS. The exchange is plain TCP through libcurl (through the HTTPS
// proxy of the [transfer] settings when one is set, like the professionals'
// workstations). Thread-safety: a free function; safe from any thread.
#pragma once

#include <string>

#include "base/config.h"
#include "base/status.h"

namespace relais::net {

struct MssanteProof {
    std::string text;             // the whole proof, ready for a .txt file
    bool imapComplete = false;    // the IMAP listing went from greeting to closing
    bool smtpComplete = false;
    bool imapStarttls = false;    // STARTTLS among the IMAP capabilities
    bool smtpStarttls = false;    // STARTTLS among the EHLO keywords
    std::string problem;          // what went wrong, when a listing is incomplete or the time limit ran out
};

// Checks what the proof would be asked for: `fqdn` a host name (letters,
// digits, hyphens, dots; labels of 1 to 63 characters, 253 at most) or an
// IPv4 address, each port from 1 to 65535. An invalid(...) status naming the
// fields "fqdn", "imap_port" and "smtp_port" otherwise.
Status checkMssanteProofTarget(const std::string& fqdn, int imapPort, int smtpPort);

// Holds both sessions (check the target first). `producedBy` names the face
// in the proof's header ("relais mssante-proof", "page d'administration").
// Returns within settings.mssanteProofTimeoutSeconds (about; the time limit
// of the whole proof, both sessions, on top of the connect and idle
// timeouts): the step it cuts ends its listing with "Connection closed by
// Relais: ...", `problem` names that step and how long it had run, the
// connection is closed, and a session not begun by then is not run (its
// listing and `problem` say so).
MssanteProof produceMssanteProof(const TransferSettings& settings, const std::string& fqdn, int imapPort = 143,
                                 int smtpPort = 587, const std::string& producedBy = "relais mssante-proof");

}  // namespace relais::net
