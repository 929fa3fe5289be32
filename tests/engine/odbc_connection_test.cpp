// The unixODBC driver against the emulated Sage database, through the real
// MariaDB ODBC driver and the DSN tests/run.sh configures.
#include <gtest/gtest.h>

#include "db/odbc_connection.h"
#include "db/sql_dialect.h"
#include "sage_test_database.h"

using namespace relais;
using relais::testing::SageTestDatabase;

TEST(OdbcSource, ConnectionStringQuotesValuesAndDescribeHidesThePassword) {
    db::OdbcSource s{"sage", "edi", "p;w}d"};
    EXPECT_EQ(s.connectionString(), "DSN=sage;UID=edi;PWD={p;w}}d};");
    EXPECT_EQ(s.describe(), "ODBC data source 'sage'");
    db::OdbcSource cs{"Driver=MariaDB;Server=db1;PWD=hidden;Database=sage", "", ""};
    EXPECT_EQ(cs.describe(), "ODBC connection 'Driver=MariaDB;Server=db1;Database=sage'");
}

TEST(SqlDialect, PortableTimestampUsesTheIsoFormWithT) {
    EXPECT_EQ(db::portableTimestamp("2024-03-05"), "2024-03-05T00:00:00");
    EXPECT_EQ(db::portableTimestamp("2024-03-05 10:30"), "2024-03-05T10:30:00");
    EXPECT_EQ(db::portableTimestamp("2024-03-05T10:30:15"), "2024-03-05T10:30:15");
    EXPECT_EQ(db::dialectFromDbmsName("MariaDB"), "mariadb");
    EXPECT_EQ(db::dialectFromDbmsName("Microsoft SQL Server"), "sqlserver");
}

TEST(SqlDialect, SplitSqlScriptSkipsCommentsAndKeepsQuotedSemicolons) {
    auto parts = db::splitSqlScript("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n"
                                    "INSERT INTO a VALUES ('1;2');  \n-- end\n");
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0], "CREATE TABLE a (x INT)");
    EXPECT_EQ(parts[1], "INSERT INTO a VALUES ('1;2')");
}

class OdbcConnectionTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_SAGE_DATABASE(sage_);
        conn_ = sage_->connect();
        ASSERT_TRUE(conn_);
    }
    std::unique_ptr<SageTestDatabase> sage_;
    std::unique_ptr<db::Connection> conn_;
};

TEST_F(OdbcConnectionTest, ReadsRowsWithBoundParametersAndReportsTheDialect) {
    auto rows = conn_->query("SELECT CT_Num, CT_Intitule, N_CatTarif FROM F_COMPTET WHERE CT_EdiCode = ? AND CT_Type = ?",
                             {std::string("3012345100021"), int64_t{0}});
    ASSERT_TRUE(rows.isOk()) << rows.status().message();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].str(0), "C0002");
    EXPECT_EQ((*rows)[0].str(1), "SUPERMARCHÉ DU LAC");
    EXPECT_EQ((*rows)[0].i64(2), 2);
    EXPECT_EQ(conn_->dialect(), "mariadb");
    EXPECT_TRUE(conn_->ping());
}

TEST_F(OdbcConnectionTest, NullsLongTextsAndDecimalsRoundTrip) {
    ASSERT_TRUE(conn_->executeScript("CREATE TABLE T_ODBC (id INT NOT NULL, txt TEXT NULL, amount NUMERIC(24,6) NULL, "
                                     "at DATETIME NULL)").isOk());
    const std::string longText(3000, 'x');
    auto ins = conn_->execute("INSERT INTO T_ODBC (id, txt, amount, at) VALUES (?, ?, ?, ?)",
                              {int64_t{1}, longText, std::string("1234.5"), db::portableTimestamp("2024-03-05 10:30")});
    ASSERT_TRUE(ins.isOk()) << ins.status().message();
    EXPECT_EQ(*ins, 1u);
    ASSERT_TRUE(conn_->execute("INSERT INTO T_ODBC (id, txt, amount, at) VALUES (?, ?, ?, ?)",
                               {int64_t{2}, db::nullValue(), db::nullValue(), db::nullValue()}).isOk());
    auto rows = conn_->query("SELECT txt, amount, at FROM T_ODBC ORDER BY id");
    ASSERT_TRUE(rows.isOk()) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].str(0), longText);
    EXPECT_EQ((*rows)[0].str(1), "1234.500000");
    EXPECT_EQ((*rows)[0].str(2).substr(0, 19), "2024-03-05 10:30:00");
    EXPECT_TRUE((*rows)[1].isNull(0));
    EXPECT_TRUE((*rows)[1].isNull(1));
}

TEST_F(OdbcConnectionTest, RollbackLeavesNothingAndCommitKeepsTheRows) {
    {
        db::Transaction tx(*conn_);
        ASSERT_TRUE(tx.begin().isOk());
        ASSERT_TRUE(conn_->execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = ? WHERE DC_Domaine = 0 AND DC_IdCol = 1",
                                   {std::string("BC09999")}).isOk());
    }  // rolled back
    EXPECT_EQ(sage_->scalar("SELECT DC_Piece FROM F_DOCCURRENTPIECE WHERE DC_Domaine = 0 AND DC_IdCol = 1"), "BC00001");
    db::Transaction tx(*conn_);
    ASSERT_TRUE(tx.begin().isOk());
    ASSERT_TRUE(conn_->execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = ? WHERE DC_Domaine = 0 AND DC_IdCol = 1",
                               {std::string("BC00007")}).isOk());
    ASSERT_TRUE(tx.commit().isOk());
    EXPECT_EQ(sage_->scalar("SELECT DC_Piece FROM F_DOCCURRENTPIECE WHERE DC_Domaine = 0 AND DC_IdCol = 1"), "BC00007");
    // Autocommit is back on after the transaction.
    ASSERT_TRUE(conn_->execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = 'BC00008' WHERE DC_Domaine = 0 AND DC_IdCol = 1").isOk());
    EXPECT_EQ(sage_->scalar("SELECT DC_Piece FROM F_DOCCURRENTPIECE WHERE DC_Domaine = 0 AND DC_IdCol = 1"), "BC00008");
}

TEST_F(OdbcConnectionTest, AMissingTableIsNotFoundWithItsSqlstate) {
    auto r = conn_->query("SELECT 1 FROM NO_SUCH_TABLE WHERE 1 = 0");
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Code::NotFound);
    EXPECT_NE(r.status().message().find("SQLSTATE 42S02"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find(sage_->name()), std::string::npos) << r.status().message();
}

TEST_F(OdbcConnectionTest, ADuplicateKeyIsAlreadyExists) {
    auto r = conn_->execute("INSERT INTO F_DOCCURRENTPIECE (DC_Domaine, DC_IdCol, DC_Souche, DC_Piece) VALUES (0, 1, 0, 'X')");
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Code::AlreadyExists) << r.status().message();
    EXPECT_NE(r.status().message().find("SQLSTATE 23000"), std::string::npos) << r.status().message();
}

TEST_F(OdbcConnectionTest, AnUnknownDsnIsAConfigErrorNamingIt) {
    auto c = db::connectOdbc({"relais_no_such_dsn", "edi", "secret-pw-1"});
    ASSERT_FALSE(c.isOk());
    EXPECT_EQ(c.status().code(), Code::Config);
    const std::string& m = c.status().message();
    EXPECT_NE(m.find("relais_no_such_dsn"), std::string::npos) << m;
    EXPECT_NE(m.find("IM002"), std::string::npos) << m;
    EXPECT_EQ(m.find("secret-pw-1"), std::string::npos) << m;
}

TEST_F(OdbcConnectionTest, AWrongPasswordIsAConfigErrorNamingTheUserNotThePassword) {
    sage_->createUser("sage_gt_user", "right-pw");
    db::OdbcSource source = sage_->source();
    source.user = "sage_gt_user";
    source.password = "wrong-pw-42";
    auto c = db::connectOdbc(source);
    ASSERT_FALSE(c.isOk());
    EXPECT_EQ(c.status().code(), Code::Config);
    const std::string& m = c.status().message();
    EXPECT_NE(m.find("'sage_gt_user'"), std::string::npos) << m;
    EXPECT_NE(m.find("28000"), std::string::npos) << m;
    EXPECT_EQ(m.find("wrong-pw-42"), std::string::npos) << m;
    source.password = "right-pw";
    auto ok = db::connectOdbc(source);
    EXPECT_TRUE(ok.isOk()) << ok.status().message();
}
