// Job queue against a real MariaDB: submit, claim, finish, lists, and bad
// input that must write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;
using relais::testing::writeFile;

namespace {

class JobQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
        auto r = client_->importFlow(R"({"name":"f1","steps":[{"activity":"noop"}]})", "f1.json");
        ASSERT_TRUE(r.isOk()) << r.status().message();
    }
    int64_t submit(const std::string& flow = "f1") {
        const std::string path = db_->dir() + "/in-" + std::to_string(++n_) + ".txt";
        writeFile(path, "doc " + std::to_string(n_));
        auto id = client_->jobs().submit({flow, {{"in.txt", path}}, {{"k", "v"}}, "test", 0, ""});
        EXPECT_TRUE(id.isOk()) << id.status().message();
        return id ? *id : 0;
    }
    // A job of f1 with one input document named `document`.
    int64_t submitDocument(const std::string& document, const std::string& partner = "") {
        const std::string path = db_->dir() + "/in-" + std::to_string(++n_) + ".txt";
        writeFile(path, "doc " + std::to_string(n_));
        SubmitRequest req{"f1", {{document, path}}, {}, "test", 0, ""};
        req.partner = partner;
        auto id = client_->jobs().submit(req);
        EXPECT_TRUE(id.isOk()) << id.status().message();
        return id ? *id : 0;
    }
    void setCreatedAt(int64_t job, const std::string& at) {
        ASSERT_TRUE(client_->connection().execute("UPDATE job SET created_at = ? WHERE id = ?", {at, job}).isOk());
    }
    // The ids `filter` lists, or the error message.
    std::vector<int64_t> ids(const JobFilter& filter) {
        auto page = client_->jobs().list(filter);
        EXPECT_TRUE(page.isOk()) << page.status().message();
        std::vector<int64_t> out;
        if (page)
            for (const auto& j : *page) out.push_back(j.id);
        return out;
    }
    // The message of the error `filter` gives, which must be InvalidArgument.
    std::string refusal(const JobFilter& filter) {
        auto page = client_->jobs().listPage(filter);
        EXPECT_FALSE(page.isOk());
        EXPECT_EQ(page.status().code(), Code::InvalidArgument);
        return page.status().message();
    }
    int64_t rows(const std::string& table) {
        auto r = client_->connection().query("SELECT COUNT(*) FROM " + table);
        return r ? r->front().i64(0) : -1;
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
    int n_ = 0;
};

}  // namespace

TEST_F(JobQueueTest, SubmitStoresJobAndDocumentTogether) {
    const int64_t id = submit();
    auto j = client_->jobs().get(id);
    ASSERT_TRUE(j.isOk()) << j.status().message();
    EXPECT_EQ(j->status, "queued");
    EXPECT_EQ(j->flow, "f1");
    EXPECT_EQ(j->flowVersion, 1);
    EXPECT_EQ(j->params.at("k"), "v");
    ASSERT_EQ(j->documents.size(), 1u);
    EXPECT_EQ(j->documents[0].name, "in.txt");
    EXPECT_EQ(j->documents[0].direction, "in");
    EXPECT_EQ(relais::testing::readFile(client_->store().absolutePath(j->documents[0].storePath)), "doc 1");
}

TEST_F(JobQueueTest, UnknownFlowIsRefusedAndWritesNothing) {
    auto id = client_->jobs().submit({"nope", {}, {}, "test", 0, ""});
    ASSERT_FALSE(id.isOk());
    EXPECT_EQ(id.status().code(), Code::NotFound);
    EXPECT_NE(id.status().message().find("'nope'"), std::string::npos);
    EXPECT_EQ(rows("job"), 0);
}

TEST_F(JobQueueTest, DisabledFlowIsRefused) {
    ASSERT_TRUE(client_->flows().setEnabled("f1", false).isOk());
    auto id = client_->jobs().submit({"f1", {}, {}, "test", 0, ""});
    ASSERT_FALSE(id.isOk());
    EXPECT_EQ(id.status().code(), Code::FailedPrecondition);
    EXPECT_NE(id.status().message().find("disabled"), std::string::npos);
    EXPECT_EQ(rows("job"), 0);
}

TEST_F(JobQueueTest, UnreadableFileIsRefusedAndWritesNothing) {
    writeFile(db_->dir() + "/ok.txt", "fine");
    auto id = client_->jobs().submit(
        {"f1", {{"ok.txt", db_->dir() + "/ok.txt"}, {"gone.txt", db_->dir() + "/gone.txt"}}, {}, "test", 0, ""});
    ASSERT_FALSE(id.isOk());
    EXPECT_NE(id.status().message().find("gone.txt"), std::string::npos);
    EXPECT_EQ(rows("job"), 0);
    EXPECT_EQ(rows("document"), 0);
}

TEST_F(JobQueueTest, DocumentNameWithSlashIsRefused) {
    writeFile(db_->dir() + "/ok.txt", "fine");
    auto id = client_->jobs().submit({"f1", {{"../evil", db_->dir() + "/ok.txt"}}, {}, "test", 0, ""});
    ASSERT_FALSE(id.isOk());
    EXPECT_EQ(id.status().code(), Code::InvalidArgument);
    EXPECT_EQ(rows("job"), 0);
}

TEST_F(JobQueueTest, ClaimTakesHighestPriorityOldestFirstAndOnlyOnce) {
    const int64_t a = submit();
    const int64_t b = submit();
    ASSERT_TRUE(client_->connection().execute("UPDATE job SET priority = 5 WHERE id = ?", {b}).isOk());
    auto q = client_->jobs();
    auto c1 = q.claim("n1", 60);
    ASSERT_TRUE(c1.isOk() && *c1);
    EXPECT_EQ((*c1)->id, b);
    EXPECT_EQ((*c1)->attempt, 1);
    auto c2 = q.claim("n1", 60);
    ASSERT_TRUE(c2.isOk() && *c2);
    EXPECT_EQ((*c2)->id, a);
    auto c3 = q.claim("n1", 60);
    ASSERT_TRUE(c3.isOk());
    EXPECT_FALSE(*c3);
    auto j = q.get(a);
    EXPECT_EQ(j->status, "running");
    EXPECT_EQ(j->node.value_or(""), "n1");
}

TEST_F(JobQueueTest, ClaimSkipsJobsLockedByAnotherNode) {
    const int64_t a = submit();
    const int64_t b = submit();
    // Another node holds a's row lock in an open transaction.
    auto other = db_->client();
    ASSERT_TRUE(other->connection().begin().isOk());
    ASSERT_TRUE(other->connection().query("SELECT id FROM job WHERE id = ? FOR UPDATE", {a}).isOk());
    auto c = client_->jobs().claim("n2", 60);
    ASSERT_TRUE(c.isOk() && *c) << c.status().message();
    EXPECT_EQ((*c)->id, b);
    ASSERT_TRUE(other->connection().rollback().isOk());
}

TEST_F(JobQueueTest, TransientFailureWaitsForRetryUntilAttemptsRunOut) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","retry":{"max_attempts":2,"backoff_seconds":0},
        "steps":[{"activity":"noop"}]})", "f2.json").isOk());
    const int64_t id = submit("f2");
    auto q = client_->jobs();
    auto c = q.claim("n1", 60);
    ASSERT_TRUE(c.isOk() && *c);
    ASSERT_TRUE(q.finishFailed(**c, "network down", true, {2, 0, 0}).isOk());
    EXPECT_EQ(q.get(id)->status, "retry_wait");
    auto again = q.claim("n1", 60);
    ASSERT_TRUE(again.isOk() && *again);
    EXPECT_EQ((*again)->attempt, 2);
    ASSERT_TRUE(q.finishFailed(**again, "network down", true, {2, 0, 0}).isOk());
    auto j = q.get(id);
    EXPECT_EQ(j->status, "failed");
    EXPECT_EQ(j->error.value_or(""), "network down");
}

TEST_F(JobQueueTest, ExpiredLeaseIsQueuedAgain) {
    const int64_t id = submit();
    auto q = client_->jobs();
    ASSERT_TRUE(q.claim("dead-node", 60).isOk());
    ASSERT_TRUE(client_->connection()
                    .execute("UPDATE job SET lease_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", {id})
                    .isOk());
    auto n = q.recoverExpiredLeases();
    ASSERT_TRUE(n.isOk());
    EXPECT_EQ(*n, 1);
    EXPECT_EQ(q.get(id)->status, "queued");
}

TEST_F(JobQueueTest, HeartbeatRenewsOnlyTheLeasesTheNodeStillHolds) {
    const int64_t held = submit();
    const int64_t lost = submit();
    auto q = client_->jobs();
    auto claimed = q.claimBatch("n1", 60, 2);
    ASSERT_TRUE(claimed.isOk() && claimed->size() == 2u);
    ASSERT_TRUE(client_->connection()
                    .execute("UPDATE job SET lease_until = NOW(3) - INTERVAL 1 SECOND WHERE id IN (?, ?)", {held, lost})
                    .isOk());
    // The node's worker lost track of `lost` (its database connection broke while recording).
    ASSERT_TRUE(q.heartbeat("n1", 60, {held}).isOk());
    auto n = q.recoverExpiredLeases();
    ASSERT_TRUE(n.isOk());
    EXPECT_EQ(*n, 1);
    EXPECT_EQ(q.get(held)->status, "running");
    EXPECT_EQ(q.get(lost)->status, "queued");
}

TEST_F(JobQueueTest, RunThatLostItsLeaseDoesNotEndTheJobAnotherNodeHolds) {
    const int64_t id = submit();
    auto q = client_->jobs();
    auto first = q.claim("n1", 60);
    ASSERT_TRUE(first.isOk() && *first);
    ASSERT_TRUE(client_->connection()
                    .execute("UPDATE job SET lease_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?", {id})
                    .isOk());
    ASSERT_TRUE(q.recoverExpiredLeases().isOk());
    auto second = q.claim("n2", 60);
    ASSERT_TRUE(second.isOk() && *second);
    // n1 comes back late: neither its failure nor its success nor a release counts.
    ASSERT_TRUE(q.finishFailed(**first, "late failure", false, {}).isOk());
    ASSERT_TRUE(q.finishSucceeded(**first).isOk());
    ASSERT_TRUE(q.release(**first, "late release").isOk());
    auto j = q.get(id);
    EXPECT_EQ(j->status, "running");
    EXPECT_EQ(j->node.value_or(""), "n2");
    bool noted = false;
    for (const auto& l : j->log) noted = noted || l.message.find("after its lease had run out") != std::string::npos;
    EXPECT_TRUE(noted) << "the job log must say that n1's late result was dropped";
    ASSERT_TRUE(q.finishSucceeded(**second).isOk());
    EXPECT_EQ(q.get(id)->status, "succeeded");
}

TEST_F(JobQueueTest, ListFiltersByStatusAndFlowNewestFirst) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","steps":[{"activity":"noop"}]})", "f2.json").isOk());
    const int64_t a = submit("f1");
    const int64_t b = submit("f2");
    const int64_t c = submit("f1");
    auto q = client_->jobs();
    auto all = q.list({});
    ASSERT_TRUE(all.isOk());
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].id, c);
    auto f1 = q.list({.flow = "f1"});
    ASSERT_EQ(f1->size(), 2u);
    EXPECT_EQ((*f1)[1].id, a);
    ASSERT_TRUE(client_->connection().execute("UPDATE job SET status = 'failed' WHERE id = ?", {b}).isOk());
    auto failed = q.list({.status = "failed"});
    ASSERT_EQ(failed->size(), 1u);
    EXPECT_EQ((*failed)[0].id, b);
    auto bad = q.list({.status = "sleeping"});
    ASSERT_FALSE(bad.isOk());
    EXPECT_NE(bad.status().message().find("sleeping"), std::string::npos);
}

TEST_F(JobQueueTest, SubmitRecordsThePartnerOrTakesItFromTheParameter) {
    const int64_t given = submitDocument("a.edi", "ACME");
    auto q = client_->jobs();
    auto fromParam = q.submit({"f1", {}, {{"partner", "Globex"}}, "test", 0, ""});
    SubmitRequest both{"f1", {}, {{"partner", "Globex"}}, "test", 0, ""};
    both.partner = "Initech";
    auto explicitWins = q.submit(both);
    const int64_t none = submit();
    ASSERT_TRUE(fromParam.isOk() && explicitWins.isOk());
    EXPECT_EQ(q.get(given)->partner.value_or("-"), "ACME");
    EXPECT_EQ(q.get(*fromParam)->partner.value_or("-"), "Globex");
    EXPECT_EQ(q.get(*explicitWins)->partner.value_or("-"), "Initech");
    EXPECT_FALSE(q.get(none)->partner.has_value());
    SubmitRequest tooLong{"f1", {}, {}, "test", 0, ""};
    tooLong.partner = std::string(191, 'p');
    auto refused = q.submit(tooLong);
    ASSERT_FALSE(refused.isOk());
    EXPECT_EQ(refused.status().code(), Code::InvalidArgument);
    EXPECT_NE(refused.status().message().find("partner"), std::string::npos);
}

TEST_F(JobQueueTest, ListFiltersByPartnerAlsoWithStatusAndFlow) {
    const int64_t a = submitDocument("a.edi", "ACME");
    const int64_t b = submitDocument("b.edi", "Globex");
    const int64_t c = submitDocument("c.edi", "ACME");
    submit();
    EXPECT_EQ(ids({.partner = "ACME"}), (std::vector<int64_t>{c, a}));
    EXPECT_EQ(ids({.partner = "Globex"}), (std::vector<int64_t>{b}));
    EXPECT_TRUE(ids({.partner = "Nobody"}).empty());
    ASSERT_TRUE(client_->connection().execute("UPDATE job SET status = 'failed' WHERE id = ?", {a}).isOk());
    EXPECT_EQ(ids({.status = "failed", .flow = "f1", .partner = "ACME"}), (std::vector<int64_t>{a}));
    EXPECT_TRUE(ids({.status = "failed", .flow = "f2", .partner = "ACME"}).empty());
}

TEST_F(JobQueueTest, ListFiltersByCreationTimeWithToTakingTheWholeDayOrMinute) {
    const int64_t a = submit(), b = submit(), c = submit();
    setCreatedAt(a, "2024-01-10 10:00:00");
    setCreatedAt(b, "2024-01-15 12:30:15.250");
    setCreatedAt(c, "2024-01-20 00:00:00");
    EXPECT_EQ(ids({.from = "2024-01-15", .to = "2024-01-15"}), (std::vector<int64_t>{b}));
    EXPECT_EQ(ids({.from = "2024-01-15 12:30", .to = "2024-01-15T12:30"}), (std::vector<int64_t>{b}));
    EXPECT_EQ(ids({.from = "2024-01-15 12:30:15", .to = "2024-01-15 12:30:15"}), (std::vector<int64_t>{b}));
    EXPECT_EQ(ids({.to = "2024-01-15 12:30:14"}), (std::vector<int64_t>{a}));
    EXPECT_EQ(ids({.from = "2024-01-15 12:30:16"}), (std::vector<int64_t>{c}));
    EXPECT_EQ(ids({.from = "2024-01-10", .to = "2024-01-19"}), (std::vector<int64_t>{b, a}));
    EXPECT_TRUE(ids({.from = "2024-01-21"}).empty());
    EXPECT_TRUE(ids({.to = "2024-01-09"}).empty());
    EXPECT_TRUE(ids({.flow = "f1", .from = "2024-01-20", .before = c}).empty());
}

TEST_F(JobQueueTest, ListFindsJobsNumberedOutOfCreationOrderWithinTheSkew) {
    // Two submits racing: b got the higher id but the earlier time.
    const int64_t early = submit(), a = submit(), b = submit(), late = submit();
    setCreatedAt(early, "2024-01-15 09:00:00");
    setCreatedAt(a, "2024-01-15 10:00:30");
    setCreatedAt(b, "2024-01-15 10:00:10");
    setCreatedAt(late, "2024-01-15 11:00:00");
    EXPECT_EQ(ids({.from = "2024-01-15 10:00:20"}), (std::vector<int64_t>{late, a}));
    EXPECT_EQ(ids({.to = "2024-01-15 10:00:20"}), (std::vector<int64_t>{b, early}));
    EXPECT_EQ(ids({.from = "2024-01-15 10:00:05", .to = "2024-01-15 10:00:40"}), (std::vector<int64_t>{b, a}));
}

TEST_F(JobQueueTest, BadFilterValuesAreRefusedNamingTheFilter) {
    for (const char* bad : {"2024-02-30", "2024-13-01", "yesterday", "2024-01-15 24:00", "2024-1-5", "2024-01-15 10",
                            "0999-01-01", "2024-01-15 10:00:00.5"}) {
        const std::string fromMsg = refusal({.from = bad});
        EXPECT_EQ(fromMsg.rfind("from '" + std::string(bad) + "'", 0), 0u) << fromMsg;
        const std::string toMsg = refusal({.to = bad});
        EXPECT_EQ(toMsg.rfind("to '" + std::string(bad) + "'", 0), 0u) << toMsg;
    }
    EXPECT_NE(refusal({.from = "2024-01-16", .to = "2024-01-15"}).find("after to '2024-01-15'"), std::string::npos);
    EXPECT_NE(refusal({.document = ""}).find("document"), std::string::npos);
    EXPECT_NE(refusal({.before = 0}).find("before"), std::string::npos);
    EXPECT_NE(refusal({.limit = 0}).find("limit"), std::string::npos);
}

TEST_F(JobQueueTest, ListFiltersByDocumentNamePrefix) {
    const int64_t inv1 = submitDocument("INVOIC_0001.edi");
    const int64_t orders = submitDocument("ORDERS_0002.edi");
    const int64_t inv2 = submitDocument("INVOIC_0003.edi");
    EXPECT_EQ(ids({.document = "INVOIC_"}), (std::vector<int64_t>{inv2, inv1}));
    EXPECT_EQ(ids({.document = "invoic_0001"}), (std::vector<int64_t>{inv1}));
    EXPECT_EQ(ids({.document = "ORDERS_0002.edi"}), (std::vector<int64_t>{orders}));
    EXPECT_TRUE(ids({.document = "ORDERS_0002.edi.bak"}).empty());
    EXPECT_EQ(ids({.status = "queued", .document = "INVOIC", .before = inv2}), (std::vector<int64_t>{inv1}));
    // An output document counts as well as an input.
    ASSERT_TRUE(client_->jobs().addOutputDocument(orders, 0, "INVOIC_9999.edi", {std::string(64, 'a'), 0, "aa/aa"}).isOk());
    EXPECT_EQ(ids({.document = "INVOIC_9"}), (std::vector<int64_t>{orders}));
}

TEST_F(JobQueueTest, DocumentFilterTakesPercentUnderscoreAndBangLiterally) {
    const int64_t percent = submitDocument("100%_done.txt");
    const int64_t digit = submitDocument("1000_done.txt");
    const int64_t letter = submitDocument("100x_done.txt");
    const int64_t bang = submitDocument("a!b.txt");
    EXPECT_EQ(ids({.document = "100%"}), (std::vector<int64_t>{percent}));
    EXPECT_TRUE(ids({.document = "100_"}).empty());
    EXPECT_TRUE(ids({.document = "%"}).empty());
    EXPECT_EQ(ids({.document = "100"}), (std::vector<int64_t>{letter, digit, percent}));
    EXPECT_EQ(ids({.document = "a!b"}), (std::vector<int64_t>{bang}));
    EXPECT_EQ(ids({.document = "a!"}), (std::vector<int64_t>{bang}));
}

TEST_F(JobQueueTest, KeysetPagesVisitEveryJobOnceNewestFirst) {
    std::vector<int64_t> all;
    for (int i = 0; i < 7; ++i) all.insert(all.begin(), submit());
    auto q = client_->jobs();
    std::vector<int64_t> seen;
    JobFilter f{.limit = 3};
    int pages = 0;
    for (;;) {
        auto page = q.listPage(f);
        ASSERT_TRUE(page.isOk()) << page.status().message();
        ++pages;
        for (const auto& j : page->rows) seen.push_back(j.id);
        if (!page->nextCursor) break;
        EXPECT_EQ(*page->nextCursor, page->rows.back().id);
        f.before = page->nextCursor;
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, all);
    // A page that ends exactly at the last job says there is no next one.
    auto whole = q.listPage({.limit = 7});
    ASSERT_TRUE(whole.isOk());
    EXPECT_EQ(whole->rows.size(), 7u);
    EXPECT_FALSE(whole->nextCursor);
    auto rest = q.listPage({.before = all[3], .limit = 3});
    ASSERT_TRUE(rest.isOk());
    EXPECT_EQ(rest->rows.size(), 3u);
    EXPECT_FALSE(rest->nextCursor);
}

TEST_F(JobQueueTest, ReimportingAChangedFlowMakesANewVersion) {
    auto same = client_->importFlow(R"({"name":"f1","steps":[{"activity":"noop"}]})", "f1.json");
    ASSERT_TRUE(same.isOk());
    EXPECT_FALSE(same->changed);
    EXPECT_EQ(same->version, 1);
    auto changed = client_->importFlow(R"({"name":"f1","description":"v2","steps":[{"activity":"noop"}]})", "f1.json");
    ASSERT_TRUE(changed.isOk());
    EXPECT_TRUE(changed->changed);
    EXPECT_EQ(changed->version, 2);
    EXPECT_EQ(client_->jobs().get(submit())->flowVersion, 2);
}

TEST_F(JobQueueTest, MigrateTwiceIsANoOp) {
    auto m = client_->migrate();
    ASSERT_TRUE(m.isOk()) << m.status().message();
    EXPECT_TRUE(m->applied.empty());
    EXPECT_FALSE(m->present.empty());
}

TEST_F(JobQueueTest, UsersAuthenticateWithTheRightPasswordOnly) {
    auto users = client_->users();
    ASSERT_TRUE(users.create("alice", "s3cret-pass").isOk());
    auto dup = users.create("alice", "another-pass");
    ASSERT_FALSE(dup.isOk());
    EXPECT_EQ(dup.status().code(), Code::AlreadyExists);
    auto ok = users.authenticate("alice", "s3cret-pass");
    ASSERT_TRUE(ok.isOk());
    ASSERT_TRUE(ok->has_value());
    EXPECT_EQ((*ok)->role, "admin");
    EXPECT_FALSE(users.authenticate("alice", "wrong-pass")->has_value());
    EXPECT_FALSE(users.authenticate("bob", "s3cret-pass")->has_value());
}

TEST_F(JobQueueTest, CancelQueuedJobAtOnceAndRefuseCancelOfFinishedJob) {
    const int64_t id = submit();
    auto q = client_->jobs();
    ASSERT_TRUE(q.cancel(id, "test").isOk());
    auto j = q.get(id);
    EXPECT_EQ(j->status, "cancelled");
    EXPECT_TRUE(j->finishedAt.has_value());
    Status again = q.cancel(id, "test");
    ASSERT_FALSE(again.isOk());
    EXPECT_EQ(again.code(), Code::FailedPrecondition);
    EXPECT_NE(again.message().find("is cancelled"), std::string::npos) << again.message();
    EXPECT_EQ(q.cancel(999999, "test").code(), Code::NotFound);
}

TEST_F(JobQueueTest, CancelOfRunningJobIsARequest) {
    const int64_t id = submit();
    auto q = client_->jobs();
    ASSERT_TRUE(q.claim("n1", 60).isOk());
    ASSERT_TRUE(q.cancel(id, "test").isOk());
    EXPECT_EQ(q.get(id)->status, "running");
    auto req = q.pendingRequest(id);
    ASSERT_TRUE(req.isOk() && *req);
    EXPECT_EQ(**req, "cancel");
}

TEST_F(JobQueueTest, RequestMadeDuringARunAppliesWhenTheRunEndsWaitingOrGivenBack) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","retry":{"max_attempts":3,"backoff_seconds":0},
        "steps":[{"activity":"noop"}]})", "f2.json").isOk());
    auto q = client_->jobs();
    // A cancel asked while the run ends with a transient error: not retried.
    const int64_t a = submit("f2");
    auto c = q.claim("n1", 60);
    ASSERT_TRUE(c.isOk() && *c);
    ASSERT_TRUE(q.cancel(a, "alice").isOk());
    ASSERT_TRUE(q.finishFailed(**c, "network down", true, {3, 0, 0}).isOk());
    EXPECT_EQ(q.get(a)->status, "cancelled");
    auto pending = q.pendingRequest(a);
    ASSERT_TRUE(pending.isOk());
    EXPECT_FALSE(*pending);
    // A pause asked while the run is given back (shutdown): paused, not queued.
    const int64_t b = submit("f2");
    auto d = q.claim("n1", 60);
    ASSERT_TRUE(d.isOk() && *d);
    ASSERT_TRUE(q.pause(b, "alice").isOk());
    ASSERT_TRUE(q.release(**d, "engine shutting down").isOk());
    EXPECT_EQ(q.get(b)->status, "paused");
    auto none = q.claim("n1", 60);
    ASSERT_TRUE(none.isOk());
    EXPECT_FALSE(*none) << "a paused job is not claimed";
    // A cancel that arrives as the job succeeds is dropped with the run.
    const int64_t e = submit("f2");
    auto f = q.claim("n1", 60);
    ASSERT_TRUE(f.isOk() && *f);
    ASSERT_TRUE(q.cancel(e, "alice").isOk());
    ASSERT_TRUE(q.finishLastStep(**f, 0, {}).isOk());
    EXPECT_EQ(q.get(e)->status, "succeeded");
    pending = q.pendingRequest(e);
    ASSERT_TRUE(pending.isOk());
    EXPECT_FALSE(*pending);
}

TEST_F(JobQueueTest, PausedJobIsNotClaimedUntilResumed) {
    const int64_t id = submit();
    auto q = client_->jobs();
    ASSERT_TRUE(q.pause(id, "test").isOk());
    EXPECT_EQ(q.get(id)->status, "paused");
    auto none = q.claim("n1", 60);
    ASSERT_TRUE(none.isOk());
    EXPECT_FALSE(*none);
    ASSERT_TRUE(q.resume(id, "test").isOk());
    auto c = q.claim("n1", 60);
    ASSERT_TRUE(c.isOk() && *c);
    EXPECT_EQ((*c)->id, id);
}

TEST(RetryDelayTest, GrowsExponentiallyWithJitterAndIsCapped) {
    RetryPolicy p{10, 10, 100};
    for (int i = 0; i < 50; ++i) {
        int first = retryDelaySeconds(p, 1);
        EXPECT_GE(first, 8);
        EXPECT_LE(first, 12);
        int third = retryDelaySeconds(p, 3);
        EXPECT_GE(third, 32);
        EXPECT_LE(third, 48);
        EXPECT_LE(retryDelaySeconds(p, 9), 120);
    }
}

TEST_F(JobQueueTest, PurgeRemovesOldFinishedJobsAndUnsharedFilesOnly) {
    const int64_t oldDone = submit();   // doc 1: only this job uses it
    const int64_t recent = submit();    // doc 2
    const int64_t oldQueued = submit(); // doc 3, not finished: kept
    auto& conn = client_->connection();
    ASSERT_TRUE(conn.execute("UPDATE job SET status = 'succeeded', finished_at = NOW(3) - INTERVAL 40 DAY "
                             "WHERE id = ?", {oldDone}).isOk());
    ASSERT_TRUE(conn.execute("UPDATE job SET status = 'failed', finished_at = NOW(3) WHERE id = ?", {recent}).isOk());
    const std::string oldFile =
        client_->store().absolutePath(client_->jobs().get(oldDone)->documents.at(0).storePath);

    PurgeRequest dry;
    dry.olderThanDays = 30;
    dry.dryRun = true;
    auto counted = client_->jobs().purge(dry);
    ASSERT_TRUE(counted.isOk()) << counted.status().message();
    EXPECT_EQ(counted->jobs, 1);
    EXPECT_EQ(counted->documents, 1);
    EXPECT_EQ(counted->files, 1);
    EXPECT_TRUE(std::filesystem::exists(oldFile)) << "a dry run removes nothing";
    EXPECT_EQ(rows("job"), 3);

    PurgeRequest real = dry;
    real.dryRun = false;
    real.fileGraceSeconds = 0;
    auto removed = client_->jobs().purge(real);
    ASSERT_TRUE(removed.isOk()) << removed.status().message();
    EXPECT_EQ(removed->jobs, 1);
    EXPECT_GE(removed->logLines, 1);
    EXPECT_EQ(removed->files, 1);
    EXPECT_FALSE(std::filesystem::exists(oldFile));
    EXPECT_EQ(client_->jobs().get(oldDone).status().code(), Code::NotFound);
    EXPECT_TRUE(client_->jobs().get(recent).isOk());
    EXPECT_TRUE(client_->jobs().get(oldQueued).isOk());
}

TEST_F(JobQueueTest, PurgeKeepsAFileAnotherJobStillUses) {
    const std::string path = db_->dir() + "/shared.txt";
    writeFile(path, "shared bytes");
    auto a = client_->jobs().submit({"f1", {{"s.txt", path}}, {}, "test", 0, ""});
    auto b = client_->jobs().submit({"f1", {{"s.txt", path}}, {}, "test", 0, ""});
    ASSERT_TRUE(a.isOk() && b.isOk());
    ASSERT_TRUE(client_->connection().execute("UPDATE job SET status = 'succeeded', finished_at = NOW(3) - "
                                              "INTERVAL 40 DAY WHERE id = ?", {*a}).isOk());
    PurgeRequest req;
    req.olderThanDays = 30;
    req.fileGraceSeconds = 0;
    auto r = client_->jobs().purge(req);
    ASSERT_TRUE(r.isOk());
    EXPECT_EQ(r->jobs, 1);
    EXPECT_EQ(r->files, 0);
    auto j = client_->jobs().get(*b);
    EXPECT_EQ(relais::testing::readFile(client_->store().absolutePath(j->documents.at(0).storePath)), "shared bytes");
}

TEST_F(JobQueueTest, BulkRetryActsOnEachJobAndListsTheRefused) {
    const int64_t failed1 = submit(), failed2 = submit(), queued = submit();
    for (int64_t id : {failed1, failed2})
        ASSERT_TRUE(client_->connection().execute("UPDATE job SET status = 'failed' WHERE id = ?", {id}).isOk());
    auto out = client_->jobs().retryMany({failed1, queued, failed2, 999999}, "test");
    ASSERT_TRUE(out.isOk()) << out.status().message();
    EXPECT_EQ(out->done, (std::vector<int64_t>{failed1, failed2}));
    ASSERT_EQ(out->refused.size(), 2u);
    EXPECT_EQ(out->refused[0].first, queued);
    EXPECT_NE(out->refused[0].second.find("#" + std::to_string(queued)), std::string::npos) << out->refused[0].second;
    EXPECT_EQ(out->refused[1].first, 999999);
    EXPECT_EQ(client_->jobs().get(failed1)->status, "queued");
}

TEST_F(JobQueueTest, BulkCancelCancelsQueuedJobs) {
    const int64_t a = submit(), b = submit();
    auto out = client_->jobs().cancelMany({a, b}, "test");
    ASSERT_TRUE(out.isOk()) << out.status().message();
    EXPECT_EQ(out->done.size(), 2u);
    EXPECT_TRUE(out->refused.empty());
    EXPECT_EQ(client_->jobs().get(b)->status, "cancelled");
    auto again = client_->jobs().cancelMany({a}, "test");
    ASSERT_TRUE(again.isOk());
    EXPECT_EQ(again->refused.size(), 1u) << "a cancelled job cannot be cancelled again";
}

TEST_F(JobQueueTest, BulkOfTooManyJobsIsRefused) {
    std::vector<int64_t> ids(kMaxBulkJobs + 1, 1);
    auto out = client_->jobs().retryMany(ids, "test");
    ASSERT_FALSE(out.isOk());
    EXPECT_EQ(out.status().code(), Code::InvalidArgument);
}

TEST_F(JobQueueTest, FailuresByFlowCountsTheWindowMostFailedFirst) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","steps":[{"activity":"noop"}]})", "f2.json").isOk());
    const int64_t a = submit("f1"), b = submit("f2"), c = submit("f2"), old = submit("f1");
    submit("f2");
    for (int64_t id : {a, b, c, old})
        ASSERT_TRUE(client_->connection().execute("UPDATE job SET status = 'failed' WHERE id = ?", {id}).isOk());
    setCreatedAt(old, "2020-01-01 00:00:00");
    auto rows = client_->jobs().failuresByFlow(24, 5);
    ASSERT_TRUE(rows.isOk()) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].flow, "f2");
    EXPECT_EQ((*rows)[0].failed, 2);
    EXPECT_EQ((*rows)[0].total, 3);
    EXPECT_EQ((*rows)[1].flow, "f1");
    EXPECT_EQ((*rows)[1].failed, 1);
    EXPECT_FALSE(client_->jobs().failuresByFlow(0, 5).isOk());
}

TEST_F(JobQueueTest, LastJobByFlowIsTheNewestOfEach) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","steps":[{"activity":"noop"}]})", "f2.json").isOk());
    ASSERT_TRUE(client_->importFlow(R"({"name":"idle","steps":[{"activity":"noop"}]})", "idle.json").isOk());
    submit("f1");
    const int64_t f1 = submit("f1"), f2 = submit("f2");
    auto last = client_->jobs().lastJobByFlow();
    ASSERT_TRUE(last.isOk()) << last.status().message();
    EXPECT_EQ(last->size(), 2u);
    EXPECT_EQ(last->at("f1").id, f1);
    EXPECT_EQ(last->at("f2").id, f2);
    EXPECT_EQ(last->at("f2").status, "queued");
    EXPECT_FALSE(last->count("idle"));
}

TEST_F(JobQueueTest, DocumentKnowsItsJob) {
    const int64_t id = submit();
    auto docs = client_->jobs().documents(id);
    ASSERT_TRUE(docs.isOk());
    auto doc = client_->jobs().document(docs->at(0).id);
    ASSERT_TRUE(doc.isOk());
    EXPECT_EQ(doc->jobId, id);
    auto preview = client_->previewDocument(doc->id, 3);
    ASSERT_TRUE(preview.isOk()) << preview.status().message();
    EXPECT_EQ(preview->kind, "text");
    EXPECT_EQ(preview->lines.at(0), "doc");
    EXPECT_TRUE(preview->truncated);
    EXPECT_EQ(client_->previewDocument(doc->id, 0).status().code(), Code::InvalidArgument);
    EXPECT_EQ(client_->previewDocument(987654, 10).status().code(), Code::NotFound);
}

TEST(JobActionsTest, EachStatusOffersWhatItsTransitionsAllow) {
    EXPECT_EQ(jobActions("queued"), (std::vector<std::string>{"pause", "cancel"}));
    EXPECT_EQ(jobActions("running"), (std::vector<std::string>{"pause", "cancel"}));
    EXPECT_EQ(jobActions("paused"), (std::vector<std::string>{"resume", "cancel"}));
    EXPECT_EQ(jobActions("retry_wait"), (std::vector<std::string>{"pause", "cancel"}));
    EXPECT_EQ(jobActions("failed"), (std::vector<std::string>{"retry"}));
    EXPECT_EQ(jobActions("cancelled"), (std::vector<std::string>{"retry"}));
    EXPECT_TRUE(jobActions("succeeded").empty());
}

TEST_F(JobQueueTest, CollectJournalKeepsEachDocumentWithItsItemUntilMarkedDone) {
    const int64_t job = submit();
    auto jobs = client_->jobs();
    auto a = jobs.addCollectedDocument(job, 1, "ftp://h/out/a.txt", "a.txt", {std::string(64, 'a'), 3, "aa/aa"});
    auto m1 = jobs.addCollectedDocument(job, 1, "imap://h/INBOX;UIDVALIDITY=7/;UID=4", "message-4.eml",
                                        {std::string(64, 'b'), 5, "bb/bb"});
    auto m2 = jobs.addCollectedDocument(job, 1, "imap://h/INBOX;UIDVALIDITY=7/;UID=4", "cda.xml",
                                        {std::string(64, 'c'), 7, "cc/cc"});
    ASSERT_TRUE(a && m1 && m2) << a.status().message();
    ASSERT_TRUE(jobs.markCollected(job, 1, "ftp://h/out/a.txt"));
    auto journal = jobs.collectJournal(job, 1);
    ASSERT_TRUE(journal) << journal.status().message();
    ASSERT_EQ(journal->size(), 3u);
    EXPECT_EQ((*journal)[0].document.id, *a);
    EXPECT_EQ((*journal)[0].document.name, "a.txt");
    EXPECT_TRUE((*journal)[0].done);
    EXPECT_EQ((*journal)[1].item, "imap://h/INBOX;UIDVALIDITY=7/;UID=4");
    EXPECT_FALSE((*journal)[1].done);
    EXPECT_EQ((*journal)[2].document.sha256, std::string(64, 'c'));
    EXPECT_FALSE((*journal)[2].done);
    // Another step, or another job, has a journal of its own.
    EXPECT_TRUE(jobs.collectJournal(job, 0)->empty());
    EXPECT_TRUE(jobs.collectJournal(submit(), 1)->empty());
    // The documents are the step's outputs like any other.
    auto docs = jobs.documents(job);
    ASSERT_TRUE(docs);
    EXPECT_EQ(std::count_if(docs->begin(), docs->end(), [](const Document& d) { return d.direction == "out"; }), 3);
}

TEST_F(JobQueueTest, SubmitManyWritesEveryJobInOrderWithItsDocuments) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"f2","steps":[{"activity":"noop"}]})", "f2.json").isOk());
    writeFile(db_->dir() + "/a.txt", "file a");
    // More jobs than one multi-row statement holds, two flows, zero to two files.
    std::vector<SubmitRequest> reqs;
    for (int i = 0; i < 1203; ++i) {
        SubmitRequest r{i % 3 ? "f1" : "f2", {}, {{"i", std::to_string(i)}}, "test", 0, ""};
        if (i % 2) r.files.push_back({"a.txt", db_->dir() + "/a.txt"});
        if (i % 5 == 0) r.files.push_back({"up-" + std::to_string(i) + ".txt", "", "upload " + std::to_string(i)});
        reqs.push_back(r);
    }
    auto ids = client_->jobs().submitMany(reqs);
    ASSERT_TRUE(ids.isOk()) << ids.status().message();
    ASSERT_EQ(ids->size(), reqs.size());
    EXPECT_EQ(rows("job"), 1203);
    EXPECT_EQ(rows("job_log"), 1203);
    for (size_t i : {size_t{0}, size_t{1}, size_t{499}, size_t{500}, size_t{501}, size_t{1000}, size_t{1202}}) {
        auto j = client_->jobs().get((*ids)[i]);
        ASSERT_TRUE(j.isOk()) << i << ": " << j.status().message();
        EXPECT_EQ(j->flow, i % 3 ? "f1" : "f2") << i;
        EXPECT_EQ(j->params.at("i"), std::to_string(i)) << i;
        EXPECT_EQ(j->status, "queued");
        const size_t files = (i % 2 ? 1 : 0) + (i % 5 == 0 ? 1 : 0);
        ASSERT_EQ(j->documents.size(), files) << i;
        if (i % 5 == 0) {
            const auto& up = j->documents.back();
            EXPECT_EQ(up.name, "up-" + std::to_string(i) + ".txt");
            EXPECT_EQ(relais::testing::readFile(client_->store().absolutePath(up.storePath)),
                      "upload " + std::to_string(i));
        }
    }
    auto docs = client_->connection().query(
        "SELECT COUNT(*) FROM document d JOIN job j ON j.id = d.job_id WHERE d.name = 'a.txt' "
        "AND JSON_VALUE(j.params, '$.i') % 2 = 1");
    ASSERT_TRUE(docs.isOk());
    EXPECT_EQ(docs->front().i64(0), 601) << "each a.txt belongs to the job that asked for it";
    EXPECT_TRUE(client_->jobs().submitMany({}).isOk());
}

TEST_F(JobQueueTest, SubmitManyIsAllOrNothingAndNamesTheBadJob) {
    writeFile(db_->dir() + "/ok.txt", "fine");
    const SubmitRequest good{"f1", {{"ok.txt", db_->dir() + "/ok.txt"}}, {}, "test", 0, ""};
    auto unknown = client_->jobs().submitMany({good, good, {"nope", {}, {}, "test", 0, ""}});
    ASSERT_FALSE(unknown.isOk());
    EXPECT_EQ(unknown.status().code(), Code::NotFound);
    EXPECT_NE(unknown.status().message().find("job [2]"), std::string::npos) << unknown.status().message();
    auto missing = client_->jobs().submitMany({good, {"f1", {{"gone.txt", db_->dir() + "/gone.txt"}}, {}, "t", 0, ""}});
    ASSERT_FALSE(missing.isOk());
    EXPECT_NE(missing.status().message().find("job [1]"), std::string::npos) << missing.status().message();
    EXPECT_NE(missing.status().message().find("gone.txt"), std::string::npos);
    std::vector<SubmitRequest> tooMany(JobQueue::kMaxSubmitBatch + 1, good);
    auto big = client_->jobs().submitMany(tooMany);
    EXPECT_EQ(big.status().code(), Code::InvalidArgument);
    EXPECT_EQ(rows("job"), 0);
    EXPECT_EQ(rows("document"), 0);
    EXPECT_EQ(rows("job_log"), 0);
}

TEST_F(JobQueueTest, SubmitManyWithKeysNamesTheDuplicateAndWritesNothing) {
    SubmitRequest first{"f1", {}, {}, "test", 0, "key-1"};
    ASSERT_TRUE(client_->jobs().submit(first).isOk());
    SubmitRequest second{"f1", {}, {}, "test", 0, "key-2"};
    auto dup = client_->jobs().submitMany({second, first});
    ASSERT_FALSE(dup.isOk());
    EXPECT_EQ(dup.status().code(), Code::AlreadyExists);
    EXPECT_NE(dup.status().message().find("job [1]"), std::string::npos) << dup.status().message();
    EXPECT_NE(dup.status().message().find("key-1"), std::string::npos);
    EXPECT_EQ(rows("job"), 1);
    // Keyed jobs go in one by one, and their ids are still those of their rows.
    SubmitRequest third{"f1", {}, {{"n", "3"}}, "test", 0, "key-3"};
    auto ok = client_->jobs().submitMany({second, third});
    ASSERT_TRUE(ok.isOk()) << ok.status().message();
    auto j = client_->jobs().get((*ok)[1]);
    ASSERT_TRUE(j.isOk());
    EXPECT_EQ(j->params.at("n"), "3");
    EXPECT_EQ(rows("job"), 3);
}

TEST_F(JobQueueTest, SubmitManyIdsAreTheRowsOwnWhateverTheIncrement) {
    // As on a Galera or multi-primary set-up: ids spaced by 3.
    ASSERT_TRUE(client_->connection().execute("SET SESSION auto_increment_increment = 3").isOk());
    std::vector<SubmitRequest> reqs;
    for (int i = 0; i < 700; ++i) reqs.push_back({"f1", {}, {{"i", std::to_string(i)}}, "test", 0, ""});
    auto ids = client_->jobs().submitMany(reqs);
    ASSERT_TRUE(ids.isOk()) << ids.status().message();
    auto rows = client_->connection().query("SELECT id, JSON_VALUE(params, '$.i') FROM job ORDER BY id");
    ASSERT_TRUE(rows.isOk());
    ASSERT_EQ(rows->size(), 700u);
    std::map<int64_t, std::string> byId;
    for (const auto& r : *rows) byId[r.i64(0)] = r.str(1);
    for (size_t i = 0; i < ids->size(); ++i) EXPECT_EQ(byId[(*ids)[i]], std::to_string(i)) << "job [" << i << "]";
    auto logs = client_->connection().query(
        "SELECT COUNT(*) FROM job_log l JOIN job j ON j.id = l.job_id");
    ASSERT_TRUE(logs.isOk());
    EXPECT_EQ(logs->front().i64(0), 700) << "each log line is on its own job";
}

TEST_F(JobQueueTest, SubmitManyFailingAfterItsJobRowsRollsThemBack) {
    // The jobs and documents are in; the log lines fail: nothing may stay.
    ASSERT_TRUE(client_->connection()
                    .execute("CREATE TRIGGER refuse_log BEFORE INSERT ON job_log FOR EACH ROW "
                             "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'log refused by the test'")
                    .isOk());
    writeFile(db_->dir() + "/a.txt", "file a");
    std::vector<SubmitRequest> reqs;
    for (int i = 0; i < 40; ++i) reqs.push_back({"f1", {{"a.txt", db_->dir() + "/a.txt"}}, {}, "test", 0, ""});
    auto ids = client_->jobs().submitMany(reqs);
    ASSERT_FALSE(ids.isOk());
    EXPECT_NE(ids.status().message().find("log refused by the test"), std::string::npos) << ids.status().message();
    EXPECT_EQ(rows("job"), 0);
    EXPECT_EQ(rows("document"), 0);
    EXPECT_TRUE(std::filesystem::is_empty(client_->store().root() + "/tmp"));
    ASSERT_TRUE(client_->connection().execute("DROP TRIGGER refuse_log").isOk());
}
