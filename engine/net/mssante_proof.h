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

namespace relais::net {

struct MssanteProof {
    std::string text;             // the whole proof, ready for a .txt file
    bool imapComplete = false;    // the IMAP listing went from greeting to closing
    bool smtpComplete = false;
    bool imapStarttls = false;    // STARTTLS among the IMAP capabilities
    bool smtpStarttls = false;    // STARTTLS among the EHLO keywords
    std::string problem;          // what went wrong, when a listing is incomplete
};

MssanteProof produceMssanteProof(const TransferSettings& settings, const std::string& fqdn, int imapPort = 143,
                                 int smtpPort = 587);

}  // namespace relais::net
