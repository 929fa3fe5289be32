// Transfer commands of the CLI.
#include "cli/transfer_commands.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "base/atomic_file.h"
#include "base/config.h"
#include "net/mssante_proof.h"

namespace relais::cli {

int mssanteProof(const Globals& g, const std::string& fqdn, int imapPort, int smtpPort, const std::string& out,
                 int timeoutSeconds) {
    if (Status s = net::checkMssanteProofTarget(fqdn, imapPort, smtpPort); !s) {
        std::cerr << "relais: " << s.message() << "\n";
        return kError;
    }
    // The [transfer] settings (proxy, timeouts) when a configuration is there;
    // the proof needs no database.
    TransferSettings settings;
    const std::string path = resolveConfigPath(g.config);
    const char* env = std::getenv("RELAIS_CONFIG");
    if (!g.config.empty() || (env && *env) || std::filesystem::exists(path)) {
        auto config = loadConfig(path);
        if (!config) {
            std::cerr << "relais: " << config.status().message() << "\n";
            return kError;
        }
        settings = config->transfer;
    }
    if (timeoutSeconds > 0) settings.mssanteProofTimeoutSeconds = timeoutSeconds;
    const auto proof = net::produceMssanteProof(settings, fqdn, imapPort, smtpPort);
    if (out.empty()) {
        std::cout << proof.text;
    } else if (Status s = writeFileAtomic(out, proof.text, 0644); !s) {
        std::cerr << "relais: cannot write " << out << ": " << s.message() << "\n";
        return kError;
    } else {
        std::cout << "wrote " << out << "\n";
    }
    std::cerr << "IMAP STARTTLS offered: " << (proof.imapStarttls ? "yes" : "no")
              << "; SMTP STARTTLS offered: " << (proof.smtpStarttls ? "yes" : "no") << "\n";
    if (!proof.problem.empty()) {
        std::cerr << "relais: incomplete proof: " << proof.problem << "\n";
        return kJobFailed;
    }
    return kOk;
}

}  // namespace relais::cli
