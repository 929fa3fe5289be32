// Partners: GLN and SIRET checks, certificate reading, and the directory
// against a real MariaDB (save and update with contacts, duplicates,
// certificates with their expiry state).
#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "partners/identifiers.h"
#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;

namespace {

// A self-signed certificate valid from `fromDays` to `toDays` days from now, as PEM (or DER).
std::string makeCertificate(const std::string& cn, long fromDays, long toDays, long serial = 4242, bool der = false) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* x = X509_new();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), fromDays * 86400);
    X509_gmtime_adj(X509_getm_notAfter(x), toDays * 86400);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("FR"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509_sign(x, key, EVP_sha256());
    std::string out;
    if (der) {
        unsigned char* buf = nullptr;
        const int n = i2d_X509(x, &buf);
        out.assign(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
        OPENSSL_free(buf);
    } else {
        BIO* bio = BIO_new(BIO_s_mem());
        PEM_write_bio_X509(bio, x);
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        out.assign(data, static_cast<size_t>(n));
        BIO_free(bio);
    }
    X509_free(x);
    EVP_PKEY_free(key);
    return out;
}

std::vector<std::string> fields(const Status& s) {
    std::vector<std::string> out;
    for (const auto& e : s.fieldErrors()) out.push_back(e.field);
    return out;
}

}  // namespace

TEST(PartnerIdentifiersTest, GlnNeedsThirteenDigitsAndItsCheckDigit) {
    EXPECT_FALSE(glnProblem("5412345000013"));
    EXPECT_FALSE(glnProblem("3012345000017"));
    EXPECT_EQ(gs1CheckDigit("541234500001"), 3);
    EXPECT_NE(glnProblem("5412345000014").value_or("").find("wrong check digit (4; the first 12 digits give 3)"),
              std::string::npos);
    EXPECT_EQ(glnProblem("541234500001").value_or(""), "must be 13 digits");
    EXPECT_EQ(glnProblem("54123450000A3").value_or(""), "must be 13 digits");
}

TEST(PartnerIdentifiersTest, SiretNeedsFourteenDigitsAndLuhn) {
    EXPECT_FALSE(siretProblem("73282932000074"));
    EXPECT_TRUE(siretProblem("73282932000075"));
    EXPECT_TRUE(siretProblem("73282932000047")) << "two swapped digits";
    EXPECT_EQ(siretProblem("7328293200007").value_or(""), "must be 14 digits");
    // La Poste: digit sum a multiple of 5, though Luhn fails.
    EXPECT_FALSE(siretProblem("35600000000001"));
    EXPECT_FALSE(luhnValid("35600000000001"));
    EXPECT_TRUE(siretProblem("35600000000011")) << "La Poste, digit sum not a multiple of 5";
}

TEST(PartnerIdentifiersTest, ProblemsNameEachField) {
    Partner p;
    p.code = "bad code!";
    p.name = " ";
    p.gln = "1234567890123";
    p.siret = "12345678901234";
    p.contacts = {{"Alice", "alice@acme.fr", "+33 1 23 45 67 89", "EDI"}, {"", "not-an-email", "call me", ""}};
    auto errors = partnerProblems(p);
    std::vector<std::string> names;
    for (const auto& e : errors) names.push_back(e.field);
    EXPECT_EQ(names, (std::vector<std::string>{"code", "name", "gln", "siret", "contacts[1].name", "contacts[1].email",
                                               "contacts[1].phone"}));
}

TEST(PartnerCertificateTest, ReadsPemAndDer) {
    const std::string pem = makeCertificate("as2.acme.fr", -1, 365, 0x1A2B);
    auto c = parseCertificate(pem);
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(c->subject, "CN=as2.acme.fr,C=FR");
    EXPECT_EQ(c->issuer, c->subject);
    EXPECT_EQ(c->serial, "1A2B");
    EXPECT_EQ(c->sha256.size(), 64u);
    EXPECT_EQ(c->notAfter.size(), 19u);
    auto der = parseCertificate(makeCertificate("der.acme.fr", -1, 10, 7, true));
    ASSERT_TRUE(der.isOk()) << der.status().message();
    EXPECT_NE(der->pem.find("-----BEGIN CERTIFICATE-----"), std::string::npos);
}

TEST(PartnerCertificateTest, SomethingElseIsRefusedSayingWhat) {
    auto text = parseCertificate("hello");
    ASSERT_FALSE(text.isOk());
    EXPECT_NE(text.status().message().find("neither a PEM nor a DER"), std::string::npos);
    auto key = parseCertificate("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    ASSERT_FALSE(key.isOk());
    EXPECT_NE(key.status().message().find("a key or a request"), std::string::npos);
}

namespace {

class PartnerDirectoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
    }
    Partner acme() {
        Partner p;
        p.code = "ACME";
        p.name = "ACME Distribution";
        p.gln = "5412345000013";
        p.siret = "73282932000074";
        p.contacts = {{"Alice Martin", "alice@acme.fr", "01 23 45 67 89", "EDI"}, {"Bob", "", "", "accounting"}};
        return p;
    }
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
};

}  // namespace

TEST_F(PartnerDirectoryTest, SaveCreatesThenUpdatesWithContacts) {
    auto saved = client_->partners().save(acme());
    ASSERT_TRUE(saved.isOk()) << saved.status().message();
    EXPECT_EQ(saved->contacts.size(), 2u);
    EXPECT_EQ(saved->contacts[1].role, "accounting");
    Partner changed = acme();
    changed.name = "ACME France";
    changed.contacts = {{"Carol", "carol@acme.fr", "", ""}};
    changed.siret = std::nullopt;
    auto updated = client_->partners().save(changed);
    ASSERT_TRUE(updated.isOk()) << updated.status().message();
    EXPECT_EQ(updated->id, saved->id);
    EXPECT_EQ(updated->name, "ACME France");
    EXPECT_FALSE(updated->siret);
    ASSERT_EQ(updated->contacts.size(), 1u);
    EXPECT_EQ(updated->contacts[0].name, "Carol");
    auto all = client_->partners().list();
    ASSERT_TRUE(all.isOk());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->at(0).contacts.size(), 1u);
}

TEST_F(PartnerDirectoryTest, InvalidPartnerWritesNothingAndListsEveryProblem) {
    Partner p = acme();
    p.gln = "5412345000014";
    p.contacts[0].email = "alice";
    auto r = client_->partners().save(p);
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(fields(r.status()), (std::vector<std::string>{"gln", "contacts[0].email"}));
    EXPECT_TRUE(client_->partners().list()->empty());
}

TEST_F(PartnerDirectoryTest, TwoPartnersCannotShareAGln) {
    ASSERT_TRUE(client_->partners().save(acme()).isOk());
    Partner other = acme();
    other.code = "OTHER";
    auto r = client_->partners().save(other);
    ASSERT_FALSE(r.isOk());
    ASSERT_EQ(r.status().fieldErrors().size(), 1u);
    EXPECT_NE(r.status().fieldErrors()[0].message.find("already the GLN of partner 'ACME'"), std::string::npos);
}

TEST_F(PartnerDirectoryTest, DisableAndUnknownPartner) {
    ASSERT_TRUE(client_->partners().save(acme()).isOk());
    ASSERT_TRUE(client_->partners().setEnabled("ACME", false).isOk());
    EXPECT_FALSE(client_->partners().get("ACME")->enabled);
    EXPECT_EQ(client_->partners().setEnabled("NOPE", false).code(), Code::NotFound);
    EXPECT_EQ(client_->partners().get("NOPE").status().code(), Code::NotFound);
}

TEST_F(PartnerDirectoryTest, CertificatesCarryTheirExpiryState) {
    ASSERT_TRUE(client_->partners().save(acme()).isOk());
    auto dir = client_->partners();
    auto valid = dir.addCertificate("ACME", makeCertificate("valid", -10, 200, 1), "web:alice");
    ASSERT_TRUE(valid.isOk()) << valid.status().message();
    EXPECT_EQ(valid->state, "valid");
    EXPECT_GE(valid->daysLeft, 199);
    auto soon = dir.addCertificate("ACME", makeCertificate("soon", -10, 20, 2), "web:alice");
    ASSERT_TRUE(soon.isOk());
    EXPECT_EQ(soon->state, "expiring");
    EXPECT_EQ(soon->uploadedBy.value_or(""), "web:alice");
    auto gone = dir.addCertificate("ACME", makeCertificate("gone", -10, -1, 3), "");
    ASSERT_TRUE(gone.isOk());
    EXPECT_EQ(gone->state, "expired");
    EXPECT_LT(gone->daysLeft, 0);

    auto p = dir.get("ACME");
    ASSERT_EQ(p->certificates.size(), 3u);
    EXPECT_EQ(p->certificatesExpiring, 1);
    EXPECT_EQ(p->certificatesExpired, 1);
    EXPECT_EQ(dir.list()->at(0).certificatesExpiring, 1);

    auto expiring = dir.expiringCertificates(30);
    ASSERT_TRUE(expiring.isOk());
    ASSERT_EQ(expiring->size(), 2u);
    EXPECT_EQ(expiring->at(0).subject, "CN=gone,C=FR");
    EXPECT_EQ(expiring->at(1).partnerCode, "ACME");

    auto again = dir.addCertificate("ACME", p->certificates[0].pem, "");
    EXPECT_EQ(again.status().code(), Code::AlreadyExists);
    EXPECT_EQ(dir.addCertificate("NOPE", p->certificates[0].pem, "").status().code(), Code::NotFound);
    ASSERT_TRUE(dir.removeCertificate("ACME", gone->id).isOk());
    EXPECT_EQ(dir.removeCertificate("ACME", gone->id).code(), Code::NotFound);
    ASSERT_TRUE(dir.setEnabled("ACME", false).isOk());
    EXPECT_TRUE(dir.expiringCertificates(30)->empty()) << "a disabled partner's certificates do not warn";
}
