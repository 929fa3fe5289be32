// Partners: who Relais exchanges with. A partner has a code (what jobs name it
// by, job.partner), a name, optional GLN and SIRET (checked: GS1 check digit,
// Luhn), contacts, and X.509 certificates whose expiry the admin site warns
// about kCertificateWarningDays ahead. Owns the partner, partner_contact and
// partner_certificate tables.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"

namespace relais {

// A certificate is "expiring" this many days before its end.
constexpr int kCertificateWarningDays = 30;

struct PartnerContact {
    std::string name;
    std::string email;
    std::string phone;
    std::string role;  // e.g. "EDI support", "accounting"
};

struct PartnerCertificate {
    int64_t id = 0;
    std::string subject;    // RFC 2253, e.g. "CN=as2.acme.fr,O=ACME,C=FR"
    std::string issuer;
    std::string serial;     // upper-case hex
    std::string notBefore;  // 'YYYY-MM-DD HH:MM:SS', UTC
    std::string notAfter;
    std::string sha256;     // fingerprint of the DER form, lower-case hex
    std::string pem;
    std::optional<std::string> uploadedBy;
    std::string uploadedAt;
    int daysLeft = 0;        // whole days until notAfter (negative once expired)
    std::string state;       // "valid", "expiring" (within kCertificateWarningDays) or "expired"
    std::string partnerCode; // filled by expiringCertificates()
};

struct Partner {
    int64_t id = 0;
    std::string code;
    std::string name;
    std::optional<std::string> gln;
    std::optional<std::string> siret;
    std::string notes;
    bool enabled = true;
    std::string createdAt;
    std::string updatedAt;
    std::vector<PartnerContact> contacts;
    std::vector<PartnerCertificate> certificates;  // newest first
    // For lists: how many certificates are expiring or expired.
    int certificatesExpiring = 0;
    int certificatesExpired = 0;
};

// The problems of `p` as field errors ("code", "gln", "contacts[1].email"...);
// empty when it can be saved.
std::vector<FieldError> partnerProblems(const Partner& p);

struct ParsedCertificate {
    std::string subject, issuer, serial, notBefore, notAfter, sha256, pem;
};

// Reads one X.509 certificate, PEM or DER. InvalidArgument when `bytes` is
// not one (the message says what was found instead).
Result<ParsedCertificate> parseCertificate(const std::string& bytes);

class PartnerDirectory {
public:
    explicit PartnerDirectory(db::Connection& conn) : conn_(conn) {}

    // Every partner by code, with contacts, without certificates but with their expiry counts.
    Result<std::vector<Partner>> list();
    // One partner with its contacts and certificates; NotFound names the code.
    Result<Partner> get(const std::string& code);
    // Creates the partner, or updates the one with this code (name,
    // identifiers, notes, enabled, and the contacts, which replace the old
    // ones). InvalidArgument lists every problem; AlreadyExists names the
    // partner that already has this GLN.
    Result<Partner> save(const Partner& p);
    Status setEnabled(const std::string& code, bool enabled);
    // Adds a certificate (PEM or DER) to the partner; AlreadyExists when it has it.
    Result<PartnerCertificate> addCertificate(const std::string& code, const std::string& bytes,
                                              const std::string& uploadedBy);
    Status removeCertificate(const std::string& code, int64_t certificateId);
    // Certificates of enabled partners that end within `days` days (or have
    // ended), soonest first.
    Result<std::vector<PartnerCertificate>> expiringCertificates(int days = kCertificateWarningDays);

private:
    Result<int64_t> partnerId(const std::string& code);
    Result<std::vector<PartnerCertificate>> certificates(const std::string& where, const db::Params& params);

    db::Connection& conn_;
};

}  // namespace relais
