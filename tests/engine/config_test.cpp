// Configuration file and DSN parsing.
#include <gtest/gtest.h>

#include <cstdlib>

#include "base/config.h"
#include "test_database.h"

using namespace relais;

TEST(ConfigTest, ParsesEverySetting) {
    auto ini = parseIni(
        "; comment\n[database]\ndsn = mariadb://u:p%40ss@db.example:3307/relais?socket=/run/m.sock\n"
        "[store]\npath = /var/lib/relais/store\n[engine]\nnode = n1\nworkers = 4\npoll_interval_ms = 250\n"
        "[log]\nlevel = debug\n",
        "relais.ini");
    ASSERT_TRUE(ini.isOk()) << ini.status().message();
    auto c = configFromIni(*ini, "relais.ini");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(c->database.user, "u");
    EXPECT_EQ(c->database.password, "p@ss");
    EXPECT_EQ(c->database.host, "db.example");
    EXPECT_EQ(c->database.port, 3307u);
    EXPECT_EQ(c->database.database, "relais");
    EXPECT_EQ(c->database.socket, "/run/m.sock");
    EXPECT_EQ(c->storePath, "/var/lib/relais/store");
    EXPECT_EQ(c->node, "n1");
    EXPECT_EQ(c->workers, 4);
    EXPECT_EQ(c->pollIntervalMs, 250);
    EXPECT_EQ(c->logLevel, "debug");
}

TEST(ConfigTest, RedactedDsnHidesThePassword) {
    auto d = parseDsn("mariadb://relais:s3cret@localhost/relais");
    ASSERT_TRUE(d.isOk());
    EXPECT_EQ(d->redacted().find("s3cret"), std::string::npos);
}

TEST(ConfigTest, MissingFileErrorNamesThePath) {
    auto c = loadConfig("/nonexistent/relais.ini");
    ASSERT_FALSE(c.isOk());
    EXPECT_EQ(c.status().code(), Code::Config);
    EXPECT_NE(c.status().message().find("/nonexistent/relais.ini"), std::string::npos);
}

TEST(ConfigTest, BadLineErrorNamesFileAndLine) {
    auto ini = parseIni("[database]\ndsn = x\nthis is not a setting\n", "bad.ini");
    ASSERT_FALSE(ini.isOk());
    EXPECT_NE(ini.status().message().find("bad.ini:3"), std::string::npos) << ini.status().message();
}

TEST(ConfigTest, WorkersOutOfRangeIsRefusedNamingTheSetting) {
    auto ini = parseIni("[database]\ndsn = mariadb://u@h/d\n[store]\npath = /s\n[engine]\nworkers = zero\n", "r.ini");
    ASSERT_TRUE(ini.isOk());
    auto c = configFromIni(*ini, "r.ini");
    ASSERT_FALSE(c.isOk());
    EXPECT_NE(c.status().message().find("[engine] workers"), std::string::npos) << c.status().message();
}

TEST(ConfigTest, MissingDsnIsRefused) {
    auto ini = parseIni("[store]\npath = /s\n", "r.ini");
    auto c = configFromIni(*ini, "r.ini");
    ASSERT_FALSE(c.isOk());
    EXPECT_NE(c.status().message().find("[database] dsn"), std::string::npos);
}

TEST(ConfigTest, UnknownDriverIsRefused) {
    auto d = parseDsn("postgres://u:p@h/d");
    ASSERT_FALSE(d.isOk());
    EXPECT_NE(d.status().message().find("postgres"), std::string::npos);
}

TEST(ConfigTest, PathResolutionPrefersExplicitThenEnvironment) {
    ::setenv("RELAIS_CONFIG", "/from/env.ini", 1);
    EXPECT_EQ(resolveConfigPath("/explicit.ini"), "/explicit.ini");
    EXPECT_EQ(resolveConfigPath(""), "/from/env.ini");
    ::unsetenv("RELAIS_CONFIG");
    EXPECT_EQ(resolveConfigPath(""), "/etc/relais/relais.ini");
}

TEST(ConfigTest, WebSettingsHaveDefaultsAndLimits) {
    auto ini = parseIni("[database]\ndsn = mariadb://u:p@h/d\n[store]\npath = /s\n[web]\nlogin_max_failures = 3\n", "r.ini");
    ASSERT_TRUE(ini.isOk());
    auto c = configFromIni(*ini, "r.ini");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(c->web.loginMaxFailures, 3);
    EXPECT_EQ(c->web.loginLockoutMinutes, 15);
    EXPECT_EQ(c->web.sessionIdleMinutes, 30);

    auto bad = parseIni("[database]\ndsn = mariadb://u:p@h/d\n[store]\npath = /s\n[web]\nsession_idle_minutes = 0\n", "r.ini");
    auto refused = configFromIni(*bad, "r.ini");
    ASSERT_FALSE(refused.isOk());
    EXPECT_NE(refused.status().message().find("[web] session_idle_minutes"), std::string::npos);
}

TEST(ConfigTest, SettingsForDisplayMaskSecretsAndFillDefaults) {
    auto ini = parseIni(
        "[database]\ndsn = mariadb://relais:s3cret@localhost/relais\n[store]\npath = /s\n"
        "[mail]\nsmtp_password = hunter22\napi_token = t0k\nprivate_key = k3y\nhost = smtp.example\n",
        "r.ini");
    ASSERT_TRUE(ini.isOk());
    auto c = configFromIni(*ini, "r.ini");
    ASSERT_TRUE(c.isOk()) << c.status().message();
    auto shown = c->settingsForDisplay();
    EXPECT_EQ(shown["database"]["dsn"].find("s3cret"), std::string::npos);
    EXPECT_NE(shown["database"]["dsn"].find("relais:***@localhost"), std::string::npos);
    EXPECT_EQ(shown["mail"]["smtp_password"], "***");
    EXPECT_EQ(shown["mail"]["api_token"], "***");
    EXPECT_EQ(shown["mail"]["private_key"], "***");
    EXPECT_EQ(shown["mail"]["host"], "smtp.example");
    EXPECT_EQ(shown["web"]["session_idle_minutes"], "30");
    EXPECT_EQ(shown["engine"]["workers"], "4");
}
