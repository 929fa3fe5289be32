// sage.import and sage.export as flow steps run by the job runner, against a
// private Relais database and a private emulated Sage database (ODBC).
#include <gtest/gtest.h>

#include "activities/job_runner.h"
#include "sage_test_database.h"
#include "test_database.h"

using namespace relais;
using relais::testing::SageTestDatabase;
using relais::testing::TestDatabase;
using relais::testing::writeFile;

namespace {

const char* kOrder =
    "PIVOT;1;UTF-8\nDOC;ORDERS;CMD-JOB-1;2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n"
    "LIN;1;3760000000017\nQTY;21;6\nPRI;AAA;1.95\nEND;1\n";

class SageActivitiesTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_SAGE_DATABASE(sage_);
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
    }
    // The connection settings of the test's Sage database, as JSON members.
    std::string source() const {
        return "\"dsn\":\"" + sage_->source().dsn + "\",\"user\":\"" + sage_->source().user + "\"";
    }
    JobDetail run(const std::string& flow, const std::string& input = "") {
        std::vector<InputFile> files;
        if (!input.empty()) {
            writeFile(db_->dir() + "/order.pivot", input);
            files = {{"order.pivot", db_->dir() + "/order.pivot"}};
        }
        return relais::testing::runFlowJob(*client_, flow, std::move(files));
    }
    static bool logHas(const JobDetail& j, const std::string& level, const std::string& text) {
        for (const auto& l : j.log)
            if (l.level == level && l.message.find(text) != std::string::npos) return true;
        return false;
    }

    std::unique_ptr<SageTestDatabase> sage_;
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
};

}  // namespace

TEST_F(SageActivitiesTest, AnImportStepImportsItsInputAndLogsThePiece) {
    auto j = run(R"({"name":"sage-in","steps":[{"activity":"sage.import","with":{)" + source() + "}}]}", kOrder);
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    EXPECT_TRUE(logHas(j, "info", "imported ORDERS CMD-JOB-1 as BC00001 for C0001 (1 lines, 11.70 excl. tax)"));
    EXPECT_EQ(sage_->scalar("SELECT DO_Ref FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'"), "CMD-JOB-1");
}

TEST_F(SageActivitiesTest, AnImportStepWithAnUnknownEanFailsForGoodNamingIt) {
    std::string order = kOrder;
    order.replace(order.find("3760000000017"), 13, "3760000000222");
    auto j = run(R"({"name":"sage-in2","retry":{"max_attempts":3},"steps":[{"activity":"sage.import","with":{)" + source() + "}}]}",
                 order);
    EXPECT_EQ(j.status, "failed") << "a permanent failure is not retried";
    EXPECT_NE(j.error.value_or("").find("1 document(s) could not be imported; the first: order.pivot line 2 (ORDERS CMD-JOB-1): "
                                        "line 5 (LIN 1): unknown item EAN 3760000000222"),
              std::string::npos)
        << j.error.value_or("");
}

TEST_F(SageActivitiesTest, AnImportStepWithABadPivotNamesTheDocumentLineAndField) {
    std::string order = kOrder;
    order.replace(order.find("QTY;21;6"), 8, "QTY;21;six");
    auto j = run(R"({"name":"sage-in3","steps":[{"activity":"sage.import","with":{)" + source() + "}}]}", order);
    EXPECT_EQ(j.status, "failed");
    EXPECT_NE(j.error.value_or("").find("order.pivot line 6: QTY value (field 3) 'six' is not a number"), std::string::npos)
        << j.error.value_or("");
}

TEST_F(SageActivitiesTest, AnImportStepThatCannotReachSageFailsNamingTheDataSource) {
    auto j = run(R"({"name":"sage-in4","steps":[{"activity":"sage.import","with":{"dsn":"relais_no_such_dsn","password":"pw-x1"}}]})",
                 kOrder);
    EXPECT_EQ(j.status, "failed");
    EXPECT_NE(j.error.value_or("").find("ODBC data source 'relais_no_such_dsn'"), std::string::npos) << j.error.value_or("");
    EXPECT_EQ(j.error.value_or("").find("pw-x1"), std::string::npos);
}

TEST_F(SageActivitiesTest, AnExportStepOutputsOnePivotFilePerInvoice) {
    auto j = run(R"({"name":"sage-out","steps":[{"activity":"sage.export","with":{)" + source() +
                 R"(,"own_gln":"3012345000000","type":"invoice"}}]})");
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    std::vector<std::string> outputs;
    for (const auto& d : j.documents)
        if (d.direction == "out") outputs.push_back(d.name);
    EXPECT_EQ(outputs, (std::vector<std::string>{"INVOIC_FA00001.pivot", "INVOIC_FA00002.pivot"}));
    EXPECT_TRUE(logHas(j, "info", "exported INVOIC FA00001 of C0001 (2 lines) in INVOIC_FA00001.pivot"));
    EXPECT_EQ(sage_->scalar("SELECT GROUP_CONCAT(DISTINCT RE_Run) FROM RELAIS_EXPORT"), "job-" + std::to_string(j.id));
}

TEST_F(SageActivitiesTest, ARecordLockedInSageSendsTheJobToWaitAndRetry) {
    // Another Sage session holds the order counter; the step's own session gives up after 1 s.
    auto holder = sage_->lockPieceCounter(0, 1);
    ASSERT_TRUE(holder);
    const std::string dsn = sage_->source().dsn + ";INITSTMT=SET SESSION innodb_lock_wait_timeout=1";
    auto j = run(R"({"name":"sage-locked","retry":{"max_attempts":3,"backoff_seconds":60},"steps":[{"activity":"sage.import",)"
                 R"("with":{"dsn":")" + dsn + R"(","user":")" + sage_->source().user + R"("}}]})",
                 kOrder);
    EXPECT_EQ(j.status, "retry_wait") << j.error.value_or("");
    EXPECT_NE(j.error.value_or("").find("1205"), std::string::npos) << j.error.value_or("");
    EXPECT_EQ(sage_->scalar("SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Ref = 'CMD-JOB-1'"), "0");
}

TEST_F(SageActivitiesTest, AnExportStepOfPurchasesOutputsTheSuppliersDocuments) {
    auto j = run(R"({"name":"sage-purchases","steps":[{"activity":"sage.export","with":{)" + source() +
                 R"(,"own_gln":"3012345000000","domain":"purchases","type":"order,credit_note"}}]})");
    EXPECT_EQ(j.status, "succeeded") << j.error.value_or("");
    std::vector<std::string> outputs;
    for (const auto& d : j.documents)
        if (d.direction == "out") outputs.push_back(d.name);
    EXPECT_EQ(outputs, (std::vector<std::string>{"ORDERS_CF00001.pivot", "INVOIC_AF00001.pivot"}));
    auto again = run(R"({"name":"sage-purchases-2","steps":[{"activity":"sage.export","with":{)" + source() +
                     R"(,"own_gln":"3012345000000","domain":"purchases","type":"order"}}]})");
    EXPECT_TRUE(logHas(again, "info", "no purchase order to export"));
}

TEST_F(SageActivitiesTest, TheNextJobOfTheSameStepReusesTheConnectionAndAFailedOneDropsIt) {
    // Sessions on the test's Sage database: this query's own, and any the steps kept.
    auto sessions = [&] {
        return sage_->scalar("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + sage_->name() + "'");
    };
    const std::string flow = R"({"name":"sage-kept","steps":[{"activity":"sage.import","with":{)" + source() + "}}]}";
    EXPECT_EQ(run(flow, kOrder).status, "succeeded");
    EXPECT_EQ(sessions(), "2") << "the step keeps its connection for the next job";
    EXPECT_EQ(run(flow, kOrder).status, "succeeded");
    EXPECT_EQ(sessions(), "2") << "the next job used it rather than opening another";
    auto holder = sage_->lockPieceCounter(0, 1);
    ASSERT_TRUE(holder);
    const std::string locking = R"({"name":"sage-kept-2","retry":{"max_attempts":2,"backoff_seconds":60},"steps":[{"activity":"sage.import",)"
                                R"("with":{"dsn":")" + sage_->source().dsn + R"(;INITSTMT=SET SESSION innodb_lock_wait_timeout=1","user":")" +
                                sage_->source().user + R"("}}]})";
    std::string other(kOrder);
    other.replace(other.find("CMD-JOB-1"), 9, "CMD-JOB-2");
    EXPECT_EQ(run(locking, other).status, "retry_wait");
    ASSERT_TRUE(holder->commit().isOk());
    holder.reset();
    EXPECT_EQ(sessions(), "2") << "the failed step's connection is closed, the first flow's still kept";
}

TEST_F(SageActivitiesTest, BadStepSettingsAreRefusedWhenTheFlowIsImported) {
    auto bad = client_->importFlow(R"({"name":"bad","steps":[{"activity":"sage.import","with":{"dsn":"x","prices":"cheap"}}]})",
                                   "bad.json");
    ASSERT_FALSE(bad.isOk());
    EXPECT_EQ(bad.status().message(), "bad.json: steps[0].with.prices 'cheap' is not one of \"pivot\", \"sage\"");
    auto noGln = client_->importFlow(R"({"name":"bad2","steps":[{"activity":"sage.export","with":{"dsn":"x"}}]})", "b2.json");
    ASSERT_FALSE(noGln.isOk());
    EXPECT_NE(noGln.status().message().find("steps[0].with.own_gln is missing"), std::string::npos) << noGln.status().message();
}
