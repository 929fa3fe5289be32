// relais_ui_bench: the admin UI's job queries at scale, for tests/bench/ui_queries.sh.
//   load    --jobs N --logs M   fill an empty, migrated database: N jobs over 90 days
//                               across 50 flows and 200 partners, 1 or 2 documents and
//                               2 steps each, M log lines; all INSERT ... SELECT from
//                               MariaDB's sequence tables, in chunks
//   measure --runs R            time each UI query R times through JobQueue (values varied
//                               by a fixed seed), print p50/p95/max and the rows each read
// It measures; it asserts nothing.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "base/utc_time.h"
#include "bench_report.h"
#include "client/client.h"

using namespace relais;
using Clock = std::chrono::steady_clock;

namespace {

// The shape of the loaded data, shared by `load` and `measure`.
constexpr int kFlows = 50;
constexpr int kPartners = 200;  // partner-001 ... partner-200; about 5% of jobs have none
constexpr int kHistoryDays = 90;
constexpr const char* kDocumentTypes[] = {"ORDERS", "INVOIC", "DESADV", "PRICAT", "RECADV"};
constexpr const char* kStatuses[] = {"queued", "running", "succeeded", "failed", "retry_wait", "cancelled", "paused"};
constexpr int64_t kChunk = 50000;  // jobs per INSERT ... SELECT

using bench::die;
using bench::percentile;

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string flowName(int n) { return "bench-flow-" + twoDigits(n); }
std::string partnerName(int n) {
    std::string digits = std::to_string(n);
    return "partner-" + std::string(3 - std::min<size_t>(3, digits.size()), '0') + digits;
}

// ---------------------------------------------------------------- load

// Per job (id = s.seq): flow, partner and status from CRC32 hashes of the id,
// so that every run loads the same data; created_at grows with the id, evenly
// over the history. Status mix: succeeded 90%, failed 5%, cancelled 2%, 1% each
// retry_wait and queued, 0.5% each running and paused.
constexpr const char* kInsertJobs = R"SQL(
INSERT INTO job (id, flow_id, flow_name, flow_version, status, priority, attempt, max_attempts, run_at, node,
                 params, error, submitted_by, partner, created_at, started_at, finished_at)
SELECT t.seq, f.id, f.name, f.version, t.status, 0, IF(t.status = 'queued', 0, 1), 3, t.created,
       IF(t.status = 'running', 'bench-node', NULL),
       IF(t.partner IS NULL, JSON_OBJECT('ref', CONCAT('R', t.seq)),
          JSON_OBJECT('ref', CONCAT('R', t.seq), 'partner', t.partner)),
       IF(t.status IN ('failed', 'retry_wait'), CONCAT('connection refused by ', COALESCE(t.partner, 'the server')), NULL),
       'bench', t.partner, t.created,
       IF(t.status = 'queued', NULL, t.created + INTERVAL 1 SECOND),
       IF(t.status IN ('succeeded', 'failed', 'cancelled'), t.created + INTERVAL 3 SECOND, NULL)
FROM (SELECT seq,
             CONCAT('bench-flow-', LPAD(1 + CRC32(CONCAT('f', seq)) % ?, 2, '0')) AS flow,
             IF(CRC32(CONCAT('p', seq)) % 210 < ?,
                CONCAT('partner-', LPAD(1 + CRC32(CONCAT('p', seq)) % 210, 3, '0')), NULL) AS partner,
             CASE WHEN CRC32(CONCAT('s', seq)) % 1000 < 900 THEN 'succeeded'
                  WHEN CRC32(CONCAT('s', seq)) % 1000 < 950 THEN 'failed'
                  WHEN CRC32(CONCAT('s', seq)) % 1000 < 970 THEN 'cancelled'
                  WHEN CRC32(CONCAT('s', seq)) % 1000 < 980 THEN 'retry_wait'
                  WHEN CRC32(CONCAT('s', seq)) % 1000 < 990 THEN 'queued'
                  WHEN CRC32(CONCAT('s', seq)) % 1000 < 995 THEN 'running'
                  ELSE 'paused' END AS status,
             CAST(? AS DATETIME(3)) + INTERVAL ((seq - 1) * ?) MICROSECOND AS created
      FROM seq_1_to_%JOBS% WHERE seq BETWEEN ? AND ?) t
JOIN flow f ON f.name = t.flow AND f.version = 1
)SQL";

// One input document a job, named TYPE_PARTNER_ID.edi; one output for each succeeded job.
constexpr const char* kInsertDocuments = R"SQL(
INSERT INTO document (job_id, direction, position, name, size, sha256, store_path, created_at)
SELECT j.id, d.direction, IF(d.direction = 'out', 1, NULL),
       IF(d.direction = 'in',
          CONCAT(ELT(1 + j.id % 5, 'ORDERS', 'INVOIC', 'DESADV', 'PRICAT', 'RECADV'), '_',
                 COALESCE(j.partner, 'unknown'), '_', LPAD(j.id, 8, '0'), '.edi'),
          CONCAT('PIVOT_', LPAD(j.id, 8, '0'), '.xml')),
       1000 + j.id % 50000, SHA2(CONCAT(d.direction, j.id), 256),
       CONCAT(LEFT(SHA2(CONCAT(d.direction, j.id), 256), 2), '/', SHA2(CONCAT(d.direction, j.id), 256)),
       j.created_at
FROM job j JOIN (SELECT 'in' AS direction UNION ALL SELECT 'out') d
  ON d.direction = 'in' OR j.status = 'succeeded'
WHERE j.id BETWEEN ? AND ?
)SQL";

// Two steps for every job that started.
constexpr const char* kInsertSteps = R"SQL(
INSERT INTO job_step (job_id, attempt, position, activity, status, error, outputs, started_at, finished_at)
SELECT j.id, 1, k.seq - 1, IF(k.seq = 1, 'exec', 'dir_deposit'),
       CASE WHEN k.seq = 1 OR j.status = 'succeeded' THEN 'succeeded'
            WHEN j.status = 'running' THEN 'running' ELSE 'failed' END,
       IF(k.seq = 2 AND j.status IN ('failed', 'retry_wait'), j.error, NULL),
       IF(k.seq = 2 AND j.status = 'succeeded', '[]', NULL),
       j.started_at + INTERVAL (k.seq - 1) SECOND,
       IF(j.status = 'running' AND k.seq = 2, NULL, j.started_at + INTERVAL k.seq SECOND)
FROM job j JOIN seq_1_to_2 k
WHERE j.id BETWEEN ? AND ? AND j.started_at IS NOT NULL
)SQL";

// Even jobs get `few` log lines, odd ones `many`.
constexpr const char* kInsertLogs = R"SQL(
INSERT INTO job_log (job_id, position, level, message, at)
SELECT j.id, IF(k.seq = 1, NULL, (k.seq - 2) % 2),
       IF(k.seq = 2 AND j.status = 'failed', 'error', 'info'),
       CONCAT(ELT(1 + k.seq % 4, 'connected to ', 'converted the document for ', 'delivered to ', 'checked receipt of '),
              COALESCE(j.partner, 'the server'), ' (line ', k.seq, ' of job ', j.id, ')'),
       j.created_at + INTERVAL (k.seq * 100000) MICROSECOND
FROM job j JOIN seq_1_to_%MANY% k ON k.seq <= IF(j.id % 2 = 0, ?, ?)
WHERE j.id BETWEEN ? AND ?
)SQL";

std::string withNumbers(std::string sql, const std::string& mark, int64_t n) {
    for (size_t at; (at = sql.find(mark)) != std::string::npos;) sql.replace(at, mark.size(), std::to_string(n));
    return sql;
}

// Runs `sql` for each chunk of job ids, `before` bound ahead of the chunk's ends.
Status inChunks(db::Connection& conn, const char* what, const std::string& sql, int64_t jobs,
                const db::Params& before = {}) {
    const auto start = Clock::now();
    uint64_t rows = 0;
    for (int64_t first = 1; first <= jobs; first += kChunk) {
        db::Params p = before;
        p.emplace_back(first);
        p.emplace_back(std::min(jobs, first + kChunk - 1));
        auto n = conn.execute(sql, p);
        if (!n) return n.status().withContext(std::string("loading ") + what);
        rows += *n;
    }
    std::printf("loaded %llu %s in %.1f s\n", static_cast<unsigned long long>(rows), what,
                std::chrono::duration<double>(Clock::now() - start).count());
    std::fflush(stdout);
    return Status::ok();
}

int load(const std::string& config, int64_t jobs, int64_t logs) {
    auto c = Client::open(config);
    if (!c) return die(c.status());
    auto& conn = (*c)->connection();
    auto existing = (*c)->jobs().count();
    if (!existing) return die(existing.status());
    if (*existing > 0) return die(Status(Code::FailedPrecondition, "the database already holds jobs; load wants it empty"));
    for (int f = 1; f <= kFlows; ++f) {
        auto r = (*c)->importFlow(R"({"name":")" + flowName(f) + R"(","steps":[{"activity":"noop"}]})", "bench");
        if (!r) return die(r.status());
    }
    // Bulk load: the rows are consistent by construction.
    if (Status s = conn.executeScript("SET SESSION foreign_key_checks = 0, SESSION unique_checks = 0"); !s) return die(s);
    auto now = conn.query("SELECT NOW(3) - INTERVAL ? DAY - INTERVAL 1 HOUR", {int64_t{kHistoryDays}});
    if (!now) return die(now.status());
    const int64_t stepMicros = int64_t{kHistoryDays} * 86400 * 1000000 / jobs;
    const int64_t few = std::max<int64_t>(1, logs / jobs / 2), many = std::max<int64_t>(few, 2 * logs / jobs - few);
    Status s = inChunks(conn, "jobs", withNumbers(kInsertJobs, "%JOBS%", jobs), jobs,
                        {int64_t{kFlows}, int64_t{kPartners}, now->front().str(0), stepMicros});
    if (s) s = inChunks(conn, "documents", kInsertDocuments, jobs);
    if (s) s = inChunks(conn, "steps", kInsertSteps, jobs);
    if (s) s = inChunks(conn, "log lines", withNumbers(kInsertLogs, "%MANY%", many), jobs, {few, many});
    if (s) s = conn.executeScript("ANALYZE TABLE job, document, job_step, job_log");
    if (!s) return die(s);
    return 0;
}

// ---------------------------------------------------------------- measure

// The session's row reads and sorted rows so far (SHOW STATUS itself reads a
// few rows; `measure` subtracts that).
struct Reads {
    int64_t rows = 0;
    int64_t sorted = 0;
};

Result<Reads> sessionReads(db::Connection& conn) {
    auto r = conn.query(
        "SELECT SUM(IF(VARIABLE_NAME LIKE 'HANDLER_READ%', VARIABLE_VALUE, 0)), "
        "SUM(IF(VARIABLE_NAME = 'SORT_ROWS', VARIABLE_VALUE, 0)) FROM information_schema.SESSION_STATUS "
        "WHERE VARIABLE_NAME LIKE 'HANDLER_READ%' OR VARIABLE_NAME = 'SORT_ROWS'");
    if (!r) return r.status();
    return Reads{r->front().i64(0), r->front().i64(1)};
}

// One timed call: returns how many rows it listed.
using Timed = std::function<Result<size_t>()>;

struct Query {
    std::string name;
    // Draws the values of one run and does its untimed part (page 1 before
    // page 2); returns the call to time.
    std::function<Result<Timed>(std::mt19937&)> prepare;
};

int measure(const std::string& config, int runs) {
    auto c = Client::open(config);
    if (!c) return die(c.status());
    auto& conn = (*c)->connection();
    auto q = (*c)->jobs();
    auto span = conn.query("SELECT MIN(id), MAX(id), UNIX_TIMESTAMP(MIN(created_at)) FROM job");
    if (!span) return die(span.status());
    if (span->front().isNull(0)) return die(Status(Code::FailedPrecondition, "no jobs: run `relais_ui_bench load` first"));
    const int64_t firstId = span->front().i64(0), lastId = span->front().i64(1);
    const auto historyStart = std::chrono::sys_seconds(std::chrono::seconds(span->front().i64(2)));

    auto pick = [](std::mt19937& rng, int64_t lo, int64_t hi) {
        return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
    };
    auto flow = [&](std::mt19937& rng) { return flowName(static_cast<int>(pick(rng, 1, kFlows))); };
    auto partner = [&](std::mt19937& rng) { return partnerName(static_cast<int>(pick(rng, 1, kPartners))); };
    auto status = [&](std::mt19937& rng) { return std::string(kStatuses[pick(rng, 0, 6)]); };
    // A day in the middle third of the history.
    auto day = [&](std::mt19937& rng) {
        const auto d = std::chrono::floor<std::chrono::days>(historyStart) +
                       std::chrono::days(pick(rng, kHistoryDays / 3, 2 * kHistoryDays / 3));
        return sqlDateTime(d).substr(0, 10);
    };
    auto listing = [&q](JobFilter f) -> Result<Timed> {
        return Timed([&q, f]() -> Result<size_t> {
            auto page = q.listPage(f);
            if (!page) return page.status();
            return page->rows.size();
        });
    };

    const std::vector<Query> queries = {
        {"newest", [&](std::mt19937&) { return listing({}); }},
        {"by status", [&](std::mt19937& r) { return listing({.status = status(r)}); }},
        {"by flow", [&](std::mt19937& r) { return listing({.flow = flow(r)}); }},
        {"by partner", [&](std::mt19937& r) { return listing({.partner = partner(r)}); }},
        {"by day (middle of history)",
         [&](std::mt19937& r) {
             const std::string d = day(r);
             return listing({.from = d, .to = d});
         }},
        {"by document name (a whole name)",
         [&](std::mt19937& r) -> Result<Timed> {
             auto d = conn.query("SELECT name FROM document WHERE job_id = ? AND direction = 'in'",
                                 {pick(r, firstId, lastId)});
             if (!d) return d.status();
             return listing({.document = d->empty() ? "none" : d->front().str(0)});
         }},
        {"by document prefix (~1000 documents)",
         [&](std::mt19937& r) {
             return listing({.document = std::string(kDocumentTypes[pick(r, 0, 4)]) + "_" + partner(r) + "_"});
         }},
        {"by document prefix (~10,000 documents)",
         [&](std::mt19937& r) {
             return listing({.document = std::string(kDocumentTypes[pick(r, 0, 4)]) + "_partner-0" +
                                         std::to_string(pick(r, 0, 9))});
         }},
        {"by document type prefix (~200,000 documents)",
         [&](std::mt19937& r) { return listing({.document = std::string(kDocumentTypes[pick(r, 0, 4)]) + "_"}); }},
        {"status + flow", [&](std::mt19937& r) { return listing({.status = status(r), .flow = flow(r)}); }},
        {"status + partner", [&](std::mt19937& r) { return listing({.status = status(r), .partner = partner(r)}); }},
        {"flow + partner", [&](std::mt19937& r) { return listing({.flow = flow(r), .partner = partner(r)}); }},
        {"flow + day",
         [&](std::mt19937& r) {
             const std::string d = day(r);
             return listing({.flow = flow(r), .from = d, .to = d});
         }},
        {"page 2 by keyset cursor (by flow)",
         [&](std::mt19937& r) -> Result<Timed> {
             JobFilter f{.flow = flow(r)};
             auto first = q.listPage(f);
             if (!first) return first.status();
             f.before = first->nextCursor;
             return listing(f);
         }},
        {"page at a random depth (by status)",
         [&](std::mt19937& r) { return listing({.status = status(r), .before = pick(r, firstId, lastId)}); }},
        {"job detail (get: steps, documents, log)",
         [&](std::mt19937& r) -> Result<Timed> {
             const int64_t id = pick(r, firstId, lastId);
             return Timed([&q, id]() -> Result<size_t> {
                 auto j = q.get(id);
                 if (!j) return j.status();
                 return j->log.size();
             });
         }},
    };

    auto idle0 = sessionReads(conn);
    auto idle1 = sessionReads(conn);
    if (!idle0 || !idle1) return die(idle0 ? idle1.status() : idle0.status());
    const int64_t overhead = idle1->rows - idle0->rows;

    std::printf("%-46s %8s %8s %8s %7s %9s %7s\n", "query (50 a page, values varied)", "p50 ms", "p95 ms",
                "max ms", "rows", "read max", "sorted");
    for (const auto& query : queries) {
        // The runs draw the same values each time through: once to warm up,
        // once timed, once counting what the server read.
        auto pass = [&](int n, const std::function<Status(const Timed&)>& each) -> Status {
            std::mt19937 rng(42);
            for (int i = 0; i < n; ++i) {
                auto call = query.prepare(rng);
                if (!call) return call.status();
                RELAIS_TRY(each(*call));
            }
            return Status::ok();
        };
        std::vector<double> ms;
        size_t rows = 0;
        int64_t readMax = 0, sortedMax = 0;
        Status s = pass(std::min(runs, 20), [](const Timed& call) { return call().status(); });
        if (s) s = pass(runs, [&](const Timed& call) -> Status {
            const auto t0 = Clock::now();
            auto n = call();
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            if (!n) return n.status();
            rows += *n;
            return Status::ok();
        });
        if (s) s = pass(runs, [&](const Timed& call) -> Status {
            auto before = sessionReads(conn);
            if (!before) return before.status();
            RELAIS_TRY(call());
            auto after = sessionReads(conn);
            if (!after) return after.status();
            readMax = std::max(readMax, after->rows - before->rows - overhead);
            sortedMax = std::max(sortedMax, after->sorted - before->sorted);
            return Status::ok();
        });
        if (!s) return die(s.withContext(query.name));
        std::printf("%-46s %8.2f %8.2f %8.2f %7.1f %9lld %7lld\n", query.name.c_str(), percentile(ms, 50),
                    percentile(ms, 95), percentile(ms, 100), static_cast<double>(rows) / runs,
                    static_cast<long long>(readMax), static_cast<long long>(sortedMax));
        std::fflush(stdout);
    }
    std::printf("(rows: average rows listed, or log lines for the detail; read max: most rows the server read for\n"
                " one query, index entries included; sorted: most rows a query sorted, 0 = no filesort)\n");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"relais_ui_bench: the admin UI's job queries at scale"};
    app.require_subcommand(1);
    std::string config;
    int64_t jobs = 1000000, logs = 10000000;
    int runs = 200, rc = 0;
    app.add_option("--config", config)->required();
    auto* ld = app.add_subcommand("load", "fill an empty database");
    ld->add_option("--jobs", jobs)->check(CLI::Range(int64_t{1000}, int64_t{100000000}));
    ld->add_option("--logs", logs)->check(CLI::Range(int64_t{1000}, int64_t{1000000000}));
    ld->callback([&] { rc = load(config, jobs, logs); });
    auto* m = app.add_subcommand("measure", "time the UI queries");
    m->add_option("--runs", runs)->check(CLI::Range(1, 100000));
    m->callback([&] { rc = measure(config, runs); });
    CLI11_PARSE(app, argc, argv);
    return rc;
}
