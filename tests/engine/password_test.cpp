// bcrypt hashes in PHP's password_hash() format.
#include <gtest/gtest.h>

#include "users/user_directory.h"

using namespace relais;

TEST(PasswordTest, HashVerifiesAndHasThePhpFormat) {
    auto h = hashPassword("correct horse battery");
    ASSERT_TRUE(h.isOk()) << h.status().message();
    EXPECT_EQ(h->substr(0, 7), "$2y$10$");
    EXPECT_EQ(h->size(), 60u);
    EXPECT_TRUE(verifyPassword("correct horse battery", *h));
    EXPECT_FALSE(verifyPassword("correct horse batterY", *h));
}

TEST(PasswordTest, VerifiesAHashMadeByPhp) {
    // Made by: php -r 'echo password_hash("relais-secret", PASSWORD_DEFAULT);'
    const std::string php = "$2y$10$DUs8drR00XTuWRcul9qNY.laqr1YC5E.JENIkbbSXDmOJbysaq4Pe";
    EXPECT_TRUE(verifyPassword("relais-secret", php));
    EXPECT_FALSE(verifyPassword("relais-secreT", php));
}

TEST(PasswordTest, ShortPasswordIsRefused) {
    auto h = hashPassword("short");
    ASSERT_FALSE(h.isOk());
    EXPECT_NE(h.status().message().find("at least 8"), std::string::npos);
}

TEST(PasswordTest, GeneratedPasswordsDiffer) {
    EXPECT_EQ(generatePassword(20).size(), 20u);
    EXPECT_NE(generatePassword(), generatePassword());
}
