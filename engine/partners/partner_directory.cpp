// Partners, their contacts and certificates in the partner* tables.
#include "partners/partner_directory.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <memory>

#include "partners/identifiers.h"

namespace relais {
namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? std::string(data, static_cast<size_t>(n)) : std::string();
}

std::string nameText(const X509_NAME* name) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
    return bioText(bio.get());
}

std::string timeText(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return "";
    char buf[96];  // room for any int, so that the compiler sees no truncation
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

bool validCode(const std::string& code) {
    if (code.empty() || code.size() > 64) return false;
    for (char c : code)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

bool plausibleEmail(const std::string& email) {
    const auto at = email.find('@');
    return at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
           email.find_first_of(" \t<>,;") == std::string::npos && email.back() != '.';
}

bool plausiblePhone(const std::string& phone) {
    int digits = 0;
    for (char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
        else if (c != ' ' && c != '+' && c != '.' && c != '-' && c != '(' && c != ')') return false;
    }
    return digits >= 4;
}

constexpr const char* kPartnerColumns = "id, code, name, gln, siret, COALESCE(notes, ''), enabled, created_at, updated_at";

Partner partnerFromRow(const db::Row& r) {
    Partner p;
    p.id = r.i64(0);
    p.code = r.str(1);
    p.name = r.str(2);
    p.gln = r.opt(3);
    p.siret = r.opt(4);
    p.notes = r.str(5);
    p.enabled = r.i64(6) != 0;
    p.createdAt = r.str(7);
    p.updatedAt = r.str(8);
    return p;
}

// The seconds left before not_after, from which daysLeft and state follow.
constexpr const char* kCertificateColumns =
    "c.id, c.subject, c.issuer, c.serial, c.not_before, c.not_after, c.sha256, c.pem, c.uploaded_by, c.uploaded_at, "
    "TIMESTAMPDIFF(SECOND, NOW(), c.not_after), p.code";

PartnerCertificate certificateFromRow(const db::Row& r) {
    PartnerCertificate c;
    c.id = r.i64(0);
    c.subject = r.str(1);
    c.issuer = r.str(2);
    c.serial = r.str(3);
    c.notBefore = r.str(4);
    c.notAfter = r.str(5);
    c.sha256 = r.str(6);
    c.pem = r.str(7);
    c.uploadedBy = r.opt(8);
    c.uploadedAt = r.str(9);
    const int64_t seconds = r.i64(10);
    c.daysLeft = static_cast<int>(seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400));
    c.state = seconds <= 0 ? "expired" : seconds <= int64_t{kCertificateWarningDays} * 86400 ? "expiring" : "valid";
    c.partnerCode = r.str(11);
    return c;
}

db::Value optionalIdentifier(const std::optional<std::string>& v) {
    return v && !v->empty() ? db::Value(*v) : db::nullValue();
}

}  // namespace

std::vector<FieldError> partnerProblems(const Partner& p) {
    std::vector<FieldError> errors;
    if (!validCode(p.code))
        errors.push_back({"code", "must be 1 to 64 letters, digits, '.', '_' or '-' (jobs name the partner by it)"});
    if (p.name.find_first_not_of(" \t") == std::string::npos || p.name.size() > 255)
        errors.push_back({"name", "must be 1 to 255 characters"});
    if (p.gln && !p.gln->empty())
        if (auto why = glnProblem(*p.gln)) errors.push_back({"gln", "'" + *p.gln + "' " + *why});
    if (p.siret && !p.siret->empty())
        if (auto why = siretProblem(*p.siret)) errors.push_back({"siret", "'" + *p.siret + "' " + *why});
    if (p.notes.size() > 65535) errors.push_back({"notes", "must be at most 65535 bytes"});
    for (size_t i = 0; i < p.contacts.size(); ++i) {
        const auto& c = p.contacts[i];
        const std::string at = "contacts[" + std::to_string(i) + "]";
        if (c.name.find_first_not_of(" \t") == std::string::npos || c.name.size() > 255)
            errors.push_back({at + ".name", "must be 1 to 255 characters"});
        if (!c.email.empty() && (!plausibleEmail(c.email) || c.email.size() > 255))
            errors.push_back({at + ".email", "'" + c.email + "' is not an e-mail address"});
        if (!c.phone.empty() && (!plausiblePhone(c.phone) || c.phone.size() > 64))
            errors.push_back({at + ".phone", "'" + c.phone + "' is not a phone number (digits, spaces, + . - ( ))"});
        if (c.role.size() > 255) errors.push_back({at + ".role", "must be at most 255 characters"});
    }
    return errors;
}

Result<ParsedCertificate> parseCertificate(const std::string& bytes) {
    X509Ptr cert;
    if (bytes.find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
        BioPtr in(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
        cert.reset(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    } else {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        cert.reset(d2i_X509(nullptr, &p, static_cast<long>(bytes.size())));
    }
    if (!cert) {
        const std::string what = bytes.find("-----BEGIN") != std::string::npos
                                     ? "a PEM file without a readable certificate (a key or a request?)"
                                     : "neither a PEM nor a DER X.509 certificate";
        return Status(Code::InvalidArgument, "the file is " + what);
    }
    ParsedCertificate out;
    out.subject = nameText(X509_get_subject_name(cert.get()));
    out.issuer = nameText(X509_get_issuer_name(cert.get()));
    BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert.get()), nullptr));
    if (serial) {
        char* hex = BN_bn2hex(serial.get());
        out.serial = hex ? hex : "";
        OPENSSL_free(hex);
    }
    out.notBefore = timeText(X509_get0_notBefore(cert.get()));
    out.notAfter = timeText(X509_get0_notAfter(cert.get()));
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    X509_digest(cert.get(), EVP_sha256(), md, &n);
    static const char* digits = "0123456789abcdef";
    for (unsigned int i = 0; i < n; ++i) {
        out.sha256 += digits[md[i] >> 4];
        out.sha256 += digits[md[i] & 0xF];
    }
    BioPtr pem(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(pem.get(), cert.get());
    out.pem = bioText(pem.get());
    if (out.notAfter.empty() || out.notBefore.empty())
        return Status(Code::InvalidArgument, "the certificate has no readable validity dates");
    return out;
}

Result<int64_t> PartnerDirectory::partnerId(const std::string& code) {
    auto rows = conn_.query("SELECT id FROM partner WHERE code = ?", {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    return rows->front().i64(0);
}

Result<std::vector<PartnerCertificate>> PartnerDirectory::certificates(const std::string& where,
                                                                       const db::Params& params) {
    auto rows = conn_.query(std::string("SELECT ") + kCertificateColumns +
                                " FROM partner_certificate c JOIN partner p ON p.id = c.partner_id WHERE " + where,
                            params);
    if (!rows) return rows.status();
    std::vector<PartnerCertificate> out;
    for (const auto& r : *rows) out.push_back(certificateFromRow(r));
    return out;
}

Result<std::vector<Partner>> PartnerDirectory::list() {
    auto rows = conn_.query(
        std::string("SELECT ") + kPartnerColumns +
        ", (SELECT COUNT(*) FROM partner_certificate c WHERE c.partner_id = partner.id AND c.not_after > NOW() "
        "AND c.not_after <= NOW() + INTERVAL ? DAY), "
        "(SELECT COUNT(*) FROM partner_certificate c WHERE c.partner_id = partner.id AND c.not_after <= NOW()) "
        "FROM partner ORDER BY code",
        {int64_t{kCertificateWarningDays}});
    if (!rows) return rows.status();
    std::vector<Partner> out;
    for (const auto& r : *rows) {
        Partner p = partnerFromRow(r);
        p.certificatesExpiring = static_cast<int>(r.i64(9));
        p.certificatesExpired = static_cast<int>(r.i64(10));
        out.push_back(std::move(p));
    }
    auto contacts = conn_.query(
        "SELECT p.code, c.name, c.email, c.phone, c.role FROM partner_contact c JOIN partner p ON p.id = c.partner_id "
        "ORDER BY p.code, c.position");
    if (!contacts) return contacts.status();
    size_t i = 0;
    for (const auto& r : *contacts) {
        while (i < out.size() && out[i].code < r.str(0)) ++i;
        if (i < out.size() && out[i].code == r.str(0))
            out[i].contacts.push_back({r.str(1), r.str(2), r.str(3), r.str(4)});
    }
    return out;
}

Result<Partner> PartnerDirectory::get(const std::string& code) {
    auto rows = conn_.query(std::string("SELECT ") + kPartnerColumns + " FROM partner WHERE code = ?", {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    Partner p = partnerFromRow(rows->front());
    auto contacts = conn_.query(
        "SELECT name, email, phone, role FROM partner_contact WHERE partner_id = ? ORDER BY position", {p.id});
    if (!contacts) return contacts.status();
    for (const auto& r : *contacts) p.contacts.push_back({r.str(0), r.str(1), r.str(2), r.str(3)});
    RELAIS_ASSIGN_OR_RETURN(p.certificates, certificates("c.partner_id = ? ORDER BY c.not_after DESC, c.id DESC", {p.id}));
    for (const auto& c : p.certificates) {
        p.certificatesExpiring += c.state == "expiring";
        p.certificatesExpired += c.state == "expired";
    }
    return p;
}

Result<Partner> PartnerDirectory::save(const Partner& p) {
    auto errors = partnerProblems(p);
    if (!errors.empty()) return Status::invalid("partner '" + p.code + "'", std::move(errors));
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    auto existing = conn_.query("SELECT id FROM partner WHERE code = ? FOR UPDATE", {p.code});
    if (!existing) return existing.status();
    int64_t id = 0;
    Result<uint64_t> written = uint64_t{0};
    if (existing->empty()) {
        written = conn_.execute("INSERT INTO partner (code, name, gln, siret, notes, enabled) VALUES (?, ?, ?, ?, ?, ?)",
                                {p.code, p.name, optionalIdentifier(p.gln), optionalIdentifier(p.siret), p.notes,
                                 int64_t{p.enabled ? 1 : 0}});
        id = static_cast<int64_t>(conn_.lastInsertId());
    } else {
        id = existing->front().i64(0);
        written = conn_.execute("UPDATE partner SET name = ?, gln = ?, siret = ?, notes = ?, enabled = ? WHERE id = ?",
                                {p.name, optionalIdentifier(p.gln), optionalIdentifier(p.siret), p.notes,
                                 int64_t{p.enabled ? 1 : 0}, id});
    }
    if (!written) {
        if (written.status().code() != Code::AlreadyExists) return written.status();
        auto owner = conn_.query("SELECT code FROM partner WHERE gln = ?", {optionalIdentifier(p.gln)});
        const std::string who = owner && !owner->empty() ? owner->front().str(0) : "another partner";
        return Status::invalid("partner '" + p.code + "'", {{"gln", "'" + p.gln.value_or("") +
                                                                        "' is already the GLN of partner '" + who + "'"}});
    }
    auto del = conn_.execute("DELETE FROM partner_contact WHERE partner_id = ?", {id});
    if (!del) return del.status();
    for (size_t i = 0; i < p.contacts.size(); ++i) {
        const auto& c = p.contacts[i];
        auto ins = conn_.execute(
            "INSERT INTO partner_contact (partner_id, position, name, email, phone, role) VALUES (?, ?, ?, ?, ?, ?)",
            {id, static_cast<int64_t>(i), c.name, c.email, c.phone, c.role});
        if (!ins) return ins.status();
    }
    RELAIS_TRY(tx.commit());
    return get(p.code);
}

Status PartnerDirectory::setEnabled(const std::string& code, bool enabled) {
    auto r = conn_.execute("UPDATE partner SET enabled = ? WHERE code = ?", {int64_t{enabled ? 1 : 0}, code});
    if (!r) return r.status();
    return *r == 0 ? Status(Code::NotFound, "unknown partner '" + code + "'") : Status::ok();
}

Result<PartnerCertificate> PartnerDirectory::addCertificate(const std::string& code, const std::string& bytes,
                                                            const std::string& uploadedBy) {
    RELAIS_ASSIGN_OR_RETURN(int64_t id, partnerId(code));
    auto parsed = parseCertificate(bytes);
    if (!parsed) return parsed.status().withContext("certificate for partner '" + code + "'");
    const auto& c = parsed.value();
    auto ins = conn_.execute(
        "INSERT INTO partner_certificate (partner_id, subject, issuer, serial, not_before, not_after, sha256, pem, "
        "uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, c.subject.substr(0, 1024), c.issuer.substr(0, 1024), c.serial.substr(0, 128), c.notBefore, c.notAfter,
         c.sha256, c.pem, uploadedBy.empty() ? db::nullValue() : db::Value(uploadedBy)});
    if (!ins) {
        if (ins.status().code() == Code::AlreadyExists)
            return Status(Code::AlreadyExists, "partner '" + code + "' already has the certificate " + c.sha256.substr(0, 16) +
                                                   "… (" + c.subject + ")");
        return ins.status();
    }
    const int64_t certId = static_cast<int64_t>(conn_.lastInsertId());
    RELAIS_ASSIGN_OR_RETURN(auto rows, certificates("c.id = ?", {certId}));
    return rows.at(0);
}

Status PartnerDirectory::removeCertificate(const std::string& code, int64_t certificateId) {
    RELAIS_ASSIGN_OR_RETURN(int64_t id, partnerId(code));
    auto r = conn_.execute("DELETE FROM partner_certificate WHERE id = ? AND partner_id = ?", {certificateId, id});
    if (!r) return r.status();
    return *r == 0 ? Status(Code::NotFound, "partner '" + code + "' has no certificate #" + std::to_string(certificateId))
                   : Status::ok();
}

Result<std::vector<PartnerCertificate>> PartnerDirectory::expiringCertificates(int days) {
    if (days < 0 || days > 3650)
        return Status(Code::InvalidArgument, "days " + std::to_string(days) + " must be from 0 to 3650");
    return certificates("p.enabled = 1 AND c.not_after <= NOW() + INTERVAL ? DAY ORDER BY c.not_after, c.id",
                        {int64_t{days}});
}

}  // namespace relais
