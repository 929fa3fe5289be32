// Admin users against a real MariaDB: lockout after failed logins, client
// certificates, language, audit log periods.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;

namespace {

class UsersTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
        auto u = client_->users().create("alice", "correct-horse", "operator");
        ASSERT_TRUE(u.isOk()) << u.status().message();
    }
    Result<std::optional<User>> login(const std::string& password, LoginPolicy policy = {3, 60}) {
        return client_->users().authenticate("alice", password, policy);
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
};

}  // namespace

TEST_F(UsersTest, NewUserIsFrenchAndUnlocked) {
    auto u = client_->users().get("alice");
    ASSERT_TRUE(u.isOk());
    EXPECT_EQ(u->language, "fr");
    EXPECT_EQ(u->failedLogins, 0);
    EXPECT_FALSE(u->lockedUntil);
    EXPECT_FALSE(u->certSerial);
}

TEST_F(UsersTest, RepeatedWrongPasswordsLockTheUserEvenForTheRightOne) {
    for (int i = 0; i < 2; ++i) {
        auto r = login("wrong-password");
        ASSERT_TRUE(r.isOk()) << r.status().message();
        EXPECT_FALSE(r.value());
    }
    EXPECT_EQ(client_->users().get("alice")->failedLogins, 2);
    auto third = login("wrong-password");
    ASSERT_FALSE(third.isOk());
    EXPECT_EQ(third.status().code(), Code::FailedPrecondition);
    EXPECT_NE(third.status().message().find("user 'alice' is locked"), std::string::npos) << third.status().message();

    auto right = login("correct-horse");
    ASSERT_FALSE(right.isOk()) << "a locked user does not get in, even with the right password";
    EXPECT_EQ(right.status().code(), Code::FailedPrecondition);
    EXPECT_TRUE(client_->users().get("alice")->lockedUntil);
}

TEST_F(UsersTest, RightPasswordRacingTheLockDoesNotGetIn) {
    // Another request holds alice's row (as the failures that lock her do)
    // while the right password is checked; it locks her and commits.
    auto other = db_->client();
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->connection().begin().isOk());
    ASSERT_TRUE(other->connection().query("SELECT id FROM app_user WHERE login = 'alice' FOR UPDATE").isOk());
    Result<std::optional<User>> right = Status(Code::Internal, "not run");
    std::thread guess([&] { right = login("correct-horse"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // it read alice unlocked and waits on the row
    ASSERT_TRUE(other->connection()
                    .execute("UPDATE app_user SET locked_until = NOW(3) + INTERVAL 60 SECOND WHERE login = 'alice'")
                    .isOk());
    ASSERT_TRUE(other->connection().commit().isOk());
    guess.join();
    ASSERT_FALSE(right.isOk()) << "the lock taken meanwhile holds";
    EXPECT_EQ(right.status().code(), Code::FailedPrecondition);
    EXPECT_TRUE(client_->users().get("alice")->lockedUntil) << "and is not lifted";
}

TEST_F(UsersTest, LockoutEndsByItselfOrByUnlock) {
    for (int i = 0; i < 3; ++i) (void)login("wrong-password");
    ASSERT_FALSE(login("correct-horse").isOk());
    // As if the lockout had run out.
    ASSERT_TRUE(client_->connection()
                    .execute("UPDATE app_user SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE login = 'alice'")
                    .isOk());
    EXPECT_FALSE(client_->users().get("alice")->lockedUntil);
    auto r = login("correct-horse");
    ASSERT_TRUE(r.isOk()) << r.status().message();
    ASSERT_TRUE(r.value());

    for (int i = 0; i < 3; ++i) (void)login("wrong-password");
    ASSERT_TRUE(client_->users().unlock("alice").isOk());
    auto again = login("correct-horse");
    ASSERT_TRUE(again.isOk()) << again.status().message();
    EXPECT_TRUE(again.value());
}

TEST_F(UsersTest, SuccessClearsTheFailureCount) {
    (void)login("wrong-password");
    (void)login("wrong-password");
    ASSERT_TRUE(login("correct-horse")->has_value());
    EXPECT_EQ(client_->users().get("alice")->failedLogins, 0);
    (void)login("wrong-password");
    (void)login("wrong-password");
    EXPECT_TRUE(login("correct-horse").isOk()) << "two failures after a success do not lock";
}

TEST_F(UsersTest, UnknownLoginIsNullNotAnError) {
    auto r = client_->users().authenticate("nobody", "whatever-pass", {1, 60});
    ASSERT_TRUE(r.isOk());
    EXPECT_FALSE(r.value());
}

TEST_F(UsersTest, CertificateLogsInItsBoundUserOnly) {
    const std::string subject = "CN=ALICE MARTIN,OU=899700000000,O=Hopital,C=FR";
    ASSERT_TRUE(client_->users().bindCertificate("alice", subject, "0a:1b:2C").isOk());
    auto u = client_->users().get("alice");
    EXPECT_EQ(u->certSerial.value_or(""), "A1B2C");
    EXPECT_EQ(u->certSubject.value_or(""), subject);

    auto in = client_->users().authenticateCertificate(subject, "A1B2C");
    ASSERT_TRUE(in.isOk()) << in.status().message();
    ASSERT_TRUE(in.value());
    EXPECT_EQ((*in)->login, "alice");
    EXPECT_FALSE(client_->users().authenticateCertificate(subject, "A1B2D")->has_value());
    EXPECT_FALSE(client_->users().authenticateCertificate("CN=MALLORY", "A1B2C")->has_value());

    ASSERT_TRUE(client_->users().setEnabled("alice", false).isOk());
    EXPECT_FALSE(client_->users().authenticateCertificate(subject, "A1B2C")->has_value()) << "disabled";
}

TEST_F(UsersTest, OneCertificateBelongsToOneUser) {
    ASSERT_TRUE(client_->users().create("bob", "bobs-password", "viewer").isOk());
    ASSERT_TRUE(client_->users().bindCertificate("alice", "CN=A", "01").isOk());
    Status s = client_->users().bindCertificate("bob", "CN=A", "1");
    EXPECT_EQ(s.code(), Code::AlreadyExists);
    EXPECT_NE(s.message().find("already bound to user 'alice'"), std::string::npos) << s.message();
    ASSERT_TRUE(client_->users().bindCertificate("alice", "", "").isOk());
    EXPECT_FALSE(client_->users().get("alice")->certSerial);
    EXPECT_TRUE(client_->users().bindCertificate("bob", "CN=A", "1").isOk());
}

TEST_F(UsersTest, BadCertificateListsEachField) {
    Status s = client_->users().bindCertificate("alice", "", "not-hex");
    ASSERT_EQ(s.code(), Code::InvalidArgument);
    ASSERT_EQ(s.fieldErrors().size(), 2u);
    EXPECT_EQ(s.fieldErrors()[0].field, "subject");
    EXPECT_EQ(s.fieldErrors()[1].field, "serial");
    EXPECT_EQ(client_->users().bindCertificate("nobody", "CN=X", "1").code(), Code::NotFound);
}

TEST_F(UsersTest, LanguageIsFrenchOrEnglish) {
    ASSERT_TRUE(client_->users().setLanguage("alice", "en").isOk());
    EXPECT_EQ(client_->users().get("alice")->language, "en");
    auto in = login("correct-horse");
    EXPECT_EQ((*in)->language, "en");
    EXPECT_EQ(client_->users().setLanguage("alice", "de").code(), Code::InvalidArgument);
}

TEST_F(UsersTest, AuditLogFiltersByPeriod) {
    auto& conn = client_->connection();
    for (const char* at : {"2024-03-14 23:59:59", "2024-03-15 00:00:00", "2024-03-15 23:59:59", "2024-03-16 00:00:00"}) {
        ASSERT_TRUE(conn.execute("INSERT INTO audit_log (at, login, action, target) VALUES (?, 'alice', 'job.retry', ?)",
                                 {std::string(at), std::string(at)})
                        .isOk());
    }
    AuditFilter f;
    f.from = "2024-03-15";
    f.to = "2024-03-15";
    auto page = client_->users().auditLog(f);
    ASSERT_TRUE(page.isOk()) << page.status().message();
    ASSERT_EQ(page->rows.size(), 2u);
    EXPECT_EQ(page->rows[0].target, "2024-03-15 23:59:59");
    EXPECT_EQ(page->rows[1].target, "2024-03-15 00:00:00");

    f.from = "15/03/2024";
    auto bad = client_->users().auditLog(f);
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("from '15/03/2024' is not a date"), std::string::npos);
}
