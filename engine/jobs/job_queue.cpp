// Job queue over the job, job_step, job_log and document tables.
#include "jobs/job_queue.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>

#include "base/text.h"
#include "base/utc_time.h"
#include "flows/flow_repository.h"

namespace relais {
namespace {

constexpr const char* kStatusNames[] = {"queued", "running", "succeeded", "failed",
                                        "retry_wait", "cancelled", "paused"};

constexpr const char* kSummaryColumns =
    "id, flow_id, flow_name, flow_version, status, priority, attempt, max_attempts, node, error, params, "
    "submitted_by, created_at, started_at, finished_at, run_at, partner";

std::map<std::string, std::string> paramsFromJson(const std::string& text) {
    std::map<std::string, std::string> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return out;
    for (const auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    return out;
}

JobSummary summaryFromRow(const db::Row& r) {
    JobSummary s;
    s.id = r.i64(0);
    s.flowId = r.i64(1);
    s.flow = r.str(2);
    s.flowVersion = static_cast<int>(r.i64(3));
    s.status = r.str(4);
    s.priority = static_cast<int>(r.i64(5));
    s.attempt = static_cast<int>(r.i64(6));
    s.maxAttempts = static_cast<int>(r.i64(7));
    s.node = r.opt(8);
    s.error = r.opt(9);
    s.params = paramsFromJson(r.str(10));
    s.submittedBy = r.opt(11);
    s.createdAt = r.str(12);
    s.startedAt = r.opt(13);
    s.finishedAt = r.opt(14);
    s.runAt = r.str(15);
    s.partner = r.opt(16);
    return s;
}

std::optional<int> optInt(const db::Row& r, size_t i) {
    if (r.isNull(i)) return std::nullopt;
    return static_cast<int>(r.i64(i));
}

constexpr const char* kLogColumns = "at, level, position, message, id";

LogRecord logFromRow(const db::Row& r) { return {r.str(0), r.str(1), optInt(r, 2), r.str(3), r.i64(4)}; }

bool isLogLevel(const std::string& level) {
    return level == "debug" || level == "info" || level == "warn" || level == "error";
}

// Every job status, as an IN list: a range per status of an index that starts
// with status.
constexpr const char* kAllStatuses =
    "('queued', 'running', 'succeeded', 'failed', 'retry_wait', 'cancelled', 'paused')";

constexpr const char* kDocumentColumns = "id, name, size, sha256, store_path, direction, position, job_id";

// The document of a row whose kDocumentColumns start at column `at`.
Document documentFromRow(const db::Row& r, size_t at = 0) {
    return {r.i64(at), r.str(at + 1), static_cast<uint64_t>(r.i64(at + 2)), r.str(at + 3), r.str(at + 4),
            r.str(at + 5), optInt(r, at + 6), r.i64(at + 7)};
}

// "?, ?, ?" for an IN list of n values.
std::string placeholders(size_t n) {
    std::string marks;
    for (size_t i = 0; i < n; ++i) marks += i == 0 ? "?" : ", ?";
    return marks;
}

// The condition that the run `claimed` still holds its job (appended to an
// UPDATE ... WHERE id = ?; binds the node and the attempt after the id). The
// attempt tells this run from a later claim of the same job by the same node.
// Messages and errors go to TEXT columns (65,535 bytes).
constexpr size_t kMaxText = 65535;

constexpr const char* kStillHeld = " AND status = 'running' AND node = ? AND attempt = ?";

}  // namespace

const char* jobStatusName(JobStatus s) { return kStatusNames[static_cast<int>(s)]; }

std::optional<JobStatus> parseJobStatus(const std::string& s) {
    for (int i = 0; i < 7; ++i)
        if (s == kStatusNames[i]) return static_cast<JobStatus>(i);
    return std::nullopt;
}

namespace {

// A submission checked and with its files in the store, ready for its rows.
struct CheckedSubmit {
    FlowHead flow;
    std::string partner;
    std::string params;  // JSON
    std::vector<std::pair<std::string, StoredFile>> stored;
};

// Checks `req` against its flow (looked up once per name in `flows`): the
// flow exists and is enabled, parameter, partner and document names are
// valid. Writes nothing.
Result<CheckedSubmit> checkSubmit(const SubmitRequest& req, FlowRepository& repo,
                                  std::map<std::string, FlowHead>& flows) {
    auto known = flows.find(req.flow);
    if (known == flows.end()) {
        auto head = repo.head(req.flow);
        if (!head) return head.status();
        known = flows.emplace(req.flow, std::move(head).value()).first;
    }
    CheckedSubmit out;
    out.flow = known->second;
    if (!out.flow.enabled) return Status(Code::FailedPrecondition, "flow '" + req.flow + "' is disabled");
    for (const auto& [k, _] : req.params)
        if (k.empty() || k.size() > 64)
            return Status(Code::InvalidArgument, "parameter name '" + k + "' must be 1 to 64 characters");
    out.partner = req.partner;
    if (auto p = req.params.find("partner"); out.partner.empty() && p != req.params.end()) out.partner = p->second;
    if (out.partner.size() > 190)
        return Status(Code::InvalidArgument,
                      "partner '" + out.partner.substr(0, 40) + "...' is longer than 190 characters");
    for (const auto& f : req.files)
        if (f.name.empty() || f.name.size() > 255 || f.name.find('/') != std::string::npos || f.name == "." ||
            f.name == "..")
            return Status(Code::InvalidArgument, "document name '" + f.name + "' is not a plain file name");
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [k, v] : req.params) params[k] = v;
    out.params = params.dump();
    return out;
}

// Stores the files of the `n` checked requests `reqs` (ContentStore::putMany:
// one flush for a batch of them). Files go in before any row: the store is
// write-once, so a transaction failing later leaves at worst an unreferenced
// file, never a row without its file. Errors name the file, after `where(i)`
// (the request, in a batch) unless that is empty.
template <class Where>
Status storeFiles(const ContentStore& store, const SubmitRequest* reqs, CheckedSubmit* checked, size_t n,
                  Where where) {
    std::vector<ContentStore::Input> inputs;
    for (size_t i = 0; i < n; ++i) {
        const std::string named = where(i);
        const std::string prefix = named.empty() ? "" : named + ": ";
        for (const auto& f : reqs[i].files)
            inputs.push_back(f.content ? ContentStore::Input{"", *f.content, true, prefix + "uploaded document " + f.name}
                                       : ContentStore::Input{f.path, {}, false, prefix + "input file " + f.path});
    }
    RELAIS_ASSIGN_OR_RETURN(std::vector<StoredFile> files, store.putMany(inputs));
    size_t next = 0;
    for (size_t i = 0; i < n; ++i)
        for (const auto& f : reqs[i].files) checked[i].stored.emplace_back(f.name, std::move(files[next++]));
    return Status::ok();
}

constexpr const char* kInsertJob =
    "INSERT INTO job (flow_id, flow_name, flow_version, priority, max_attempts, params, submitted_by, dedup_key, "
    "partner) VALUES ";
constexpr size_t kJobColumns = 9;
constexpr const char* kInsertDocument = "INSERT INTO document (job_id, direction, name, size, sha256, store_path) VALUES ";
constexpr const char* kDocumentRow = "(?, 'in', ?, ?, ?, ?)";
constexpr const char* kInsertLog = "INSERT INTO job_log (job_id, level, message) VALUES ";
constexpr const char* kLogRow = "(?, 'info', ?)";
// A multi-row statement ends at 500 rows or 1 MiB of bound values, whichever
// comes first: well under max_allowed_packet (16 MiB by default) and the
// placeholder limit (65,535), whatever the size of the jobs' parameters.
constexpr size_t kRowsPerStatement = 500;
constexpr size_t kBytesPerStatement = 1 << 20;

size_t valueBytes(const db::Value& v) {
    if (const auto* text = std::get_if<std::string>(&v)) return text->size() + 8;
    return 8;
}

// How many of the rows of `width` values from row `from` on go in one statement.
size_t rowsInStatement(const db::Params& values, size_t width, size_t from, size_t rows) {
    size_t n = 0;
    size_t bytes = 0;
    while (from + n < rows && n < kRowsPerStatement) {
        size_t row = 0;
        for (size_t k = 0; k < width; ++k) row += valueBytes(values[(from + n) * width + k]);
        if (n > 0 && bytes + row > kBytesPerStatement) break;
        bytes += row;
        ++n;
    }
    return n;
}

void addJobValues(db::Params& p, const SubmitRequest& req, const CheckedSubmit& c) {
    p.insert(p.end(), {c.flow.id, c.flow.name, int64_t{c.flow.version}, int64_t{req.priority},
                       int64_t{c.flow.maxAttempts}, c.params,
                       req.submittedBy.empty() ? db::nullValue() : db::Value(req.submittedBy),
                       req.dedupKey.empty() ? db::nullValue() : db::Value(req.dedupKey),
                       c.partner.empty() ? db::nullValue() : db::Value(c.partner)});
}

std::string submittedMessage(const SubmitRequest& req, const CheckedSubmit& c) {
    return "submitted to flow " + c.flow.name + " version " + std::to_string(c.flow.version) + " with " +
           std::to_string(c.stored.size()) + " document(s)" +
           (req.submittedBy.empty() ? "" : " by " + req.submittedBy);
}

// "INSERT ... VALUES row, row, ..." with `n` copies of `row`.
std::string multiRow(const char* insert, const std::string& row, size_t n) {
    std::string sql = insert;
    sql.reserve(sql.size() + n * (row.size() + 2));
    for (size_t i = 0; i < n; ++i) {
        if (i) sql += ", ";
        sql += row;
    }
    return sql;
}

// Runs `insert` for `rows` rows of `width` values taken from `values`, in
// statements of at most kRowsPerStatement rows.
Status insertRows(db::Connection& conn, const char* insert, const std::string& row, size_t width,
                  const db::Params& values) {
    const size_t rows = width ? values.size() / width : 0;
    for (size_t from = 0, n = 0; from < rows; from += n) {
        n = rowsInStatement(values, width, from, rows);
        db::Params chunk(values.begin() + static_cast<std::ptrdiff_t>(from * width),
                         values.begin() + static_cast<std::ptrdiff_t>((from + n) * width));
        auto done = conn.execute(multiRow(insert, row, n), chunk);
        if (!done) return done.status();
    }
    return Status::ok();
}

}  // namespace

Result<int64_t> JobQueue::submit(const SubmitRequest& req) {
    FlowRepository repo(conn_);
    std::map<std::string, FlowHead> flows;
    RELAIS_ASSIGN_OR_RETURN(CheckedSubmit c, checkSubmit(req, repo, flows));
    RELAIS_TRY(storeFiles(store_, &req, &c, 1, [](size_t) { return std::string(); }));

    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    db::Params values;
    addJobValues(values, req, c);
    auto ins = conn_.execute(std::string(kInsertJob) + "(" + placeholders(kJobColumns) + ")", values);
    if (!ins) {
        if (ins.status().code() == Code::AlreadyExists)
            return Status(Code::AlreadyExists, "a job for '" + req.dedupKey + "' was already submitted");
        return ins.status().withContext("submitting a job to flow '" + req.flow + "'");
    }
    const auto id = static_cast<int64_t>(conn_.lastInsertId());
    for (const auto& [name, f] : c.stored) {
        auto doc = conn_.execute(std::string(kInsertDocument) + kDocumentRow,
                                 {id, name, static_cast<int64_t>(f.size), f.sha256, f.relPath});
        if (!doc) return doc.status().withContext("recording document " + name);
    }
    auto logged = conn_.execute(std::string(kInsertLog) + kLogRow, {id, submittedMessage(req, c)});
    if (!logged) return logged.status();
    RELAIS_TRY(tx.commit());
    return id;
}

Result<std::vector<int64_t>> JobQueue::submitMany(const std::vector<SubmitRequest>& reqs) {
    std::vector<int64_t> ids;
    if (reqs.empty()) return ids;
    if (reqs.size() > kMaxSubmitBatch)
        return Status(Code::InvalidArgument, std::to_string(reqs.size()) + " jobs in one batch: at most " +
                                                 std::to_string(kMaxSubmitBatch) + " are allowed");
    const auto where = [](size_t i) { return "job [" + std::to_string(i) + "]"; };
    FlowRepository repo(conn_);
    std::map<std::string, FlowHead> flows;
    std::vector<CheckedSubmit> checked;
    checked.reserve(reqs.size());
    bool dedup = false;
    for (size_t i = 0; i < reqs.size(); ++i) {
        auto c = checkSubmit(reqs[i], repo, flows);
        if (!c) return c.status().withContext(where(i));
        checked.push_back(std::move(c).value());
        dedup = dedup || !reqs[i].dedupKey.empty();
    }
    // Every request is valid: now the files, with one flush of the file
    // system for all of them (an unreadable one still stops all).
    RELAIS_TRY(storeFiles(store_, reqs.data(), checked.data(), reqs.size(), where));

    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    // The jobs go in with multi-row INSERTs. InnoDB gives the rows of one
    // such "simple insert" consecutive ids, spaced by auto_increment_increment,
    // unless it interleaves concurrent inserts (innodb_autoinc_lock_mode 2, as
    // Galera requires); then, and when a deduplication key must be named, one
    // job a statement. (INSERT ... RETURNING would give the ids outright, but
    // a prepared one failing on a duplicate key hung Connector/C 3.3 against
    // MariaDB 10.11 here: the client waited for packets that never came.)
    bool multiRowIds = false;
    int64_t step = 1;
    if (!dedup) {
        auto mode = conn_.query("SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment");
        if (mode && !mode->empty() && mode->front().i64(0) != 2) {
            multiRowIds = true;
            step = std::max<int64_t>(1, mode->front().i64(1));
        }
    }
    db::Params jobs;
    jobs.reserve(reqs.size() * kJobColumns);
    for (size_t i = 0; i < reqs.size(); ++i) addJobValues(jobs, reqs[i], checked[i]);
    const std::string jobRow = "(" + placeholders(kJobColumns) + ")";
    ids.reserve(reqs.size());
    for (size_t from = 0, n = 0; from < reqs.size(); from += n) {
        n = multiRowIds ? rowsInStatement(jobs, kJobColumns, from, reqs.size()) : 1;
        db::Params chunk(jobs.begin() + static_cast<std::ptrdiff_t>(from * kJobColumns),
                         jobs.begin() + static_cast<std::ptrdiff_t>((from + n) * kJobColumns));
        auto inserted = conn_.execute(multiRow(kInsertJob, jobRow, n), chunk);
        if (!inserted) {
            if (dedup && inserted.status().code() == Code::AlreadyExists)
                return Status(Code::AlreadyExists,
                              where(from) + ": a job for '" + reqs[from].dedupKey + "' was already submitted");
            return inserted.status().withContext("submitting " + std::to_string(reqs.size()) + " jobs");
        }
        if (*inserted != n)
            return Status(Code::Internal, "inserted " + std::to_string(*inserted) + " jobs instead of " +
                                              std::to_string(n));
        const auto first = static_cast<int64_t>(conn_.lastInsertId());
        for (size_t k = 0; k < n; ++k) ids.push_back(first + static_cast<int64_t>(k) * step);
    }
    db::Params documents;
    db::Params logs;
    logs.reserve(reqs.size() * 2);
    for (size_t i = 0; i < reqs.size(); ++i) {
        for (const auto& [name, f] : checked[i].stored)
            documents.insert(documents.end(), {ids[i], name, static_cast<int64_t>(f.size), f.sha256, f.relPath});
        logs.insert(logs.end(), {ids[i], submittedMessage(reqs[i], checked[i])});
    }
    Status s = insertRows(conn_, kInsertDocument, kDocumentRow, 5, documents);
    if (!s) return s.withContext("recording the documents of " + std::to_string(reqs.size()) + " jobs");
    RELAIS_TRY(insertRows(conn_, kInsertLog, kLogRow, 2, logs));
    RELAIS_TRY(tx.commit());
    return ids;
}

Result<std::optional<ClaimedJob>> JobQueue::claim(const std::string& node, int leaseSeconds) {
    auto batch = claimBatch(node, leaseSeconds, 1);
    if (!batch) return batch.status();
    if (batch->empty()) return std::optional<ClaimedJob>{};
    return std::optional<ClaimedJob>(batch->front());
}

Result<std::vector<ClaimedJob>> JobQueue::claimBatch(const std::string& node, int leaseSeconds, int max) {
    max = std::clamp(max, 1, 64);
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    // One status per query, so that ix_job_claim delivers rows in order and
    // LIMIT reads only those rows; IN ('queued', 'retry_wait') would sort them all.
    db::Rows rows;
    for (const char* status : {"queued", "retry_wait"}) {
        auto found = conn_.query(
            "SELECT id, flow_id, attempt, max_attempts, params FROM job FORCE INDEX (ix_job_claim) "
            "WHERE status = ? AND run_at <= NOW(3) "
            "ORDER BY priority DESC, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
            {std::string(status), int64_t{max}});
        if (!found) return found.status();
        if (!found->empty()) {
            rows = std::move(found).value();
            break;
        }
    }
    std::vector<ClaimedJob> out;
    if (rows.empty()) {
        RELAIS_TRY(tx.commit());
        return out;
    }
    // "IN (?, ?, ...)" with one SQL text per batch size, so the prepared
    // statements are reused.
    const std::string marks = placeholders(rows.size());
    db::Params ids;
    for (const auto& r : rows) ids.emplace_back(r.i64(0));
    db::Params upd{node, int64_t{leaseSeconds}};
    upd.insert(upd.end(), ids.begin(), ids.end());
    auto claimed = conn_.execute(
        "UPDATE job SET status = 'running', node = ?, attempt = attempt + 1, error = NULL, "
        "lease_until = NOW(3) + INTERVAL ? SECOND, started_at = NOW(3), finished_at = NULL WHERE id IN (" + marks + ")",
        upd);
    if (!claimed) return claimed.status();
    auto stepped = conn_.query("SELECT DISTINCT job_id FROM job_step WHERE job_id IN (" + marks + ")", ids);
    if (!stepped) return stepped.status();
    std::set<int64_t> withSteps;
    for (const auto& r : *stepped) withSteps.insert(r.i64(0));
    // The first step of a job that never ran starts with its claim, in the
    // same commit: one flush of the redo log fewer per job.
    db::Params fresh;
    for (const auto& r : rows)
        if (!withSteps.count(r.i64(0))) fresh.emplace_back(r.i64(0));
    if (!fresh.empty()) {
        auto started = conn_.execute(
            "INSERT INTO job_step (job_id, attempt, position, activity) "
            "SELECT j.id, j.attempt, 0, f.first_activity "
            "FROM job j JOIN flow f ON f.id = j.flow_id WHERE j.id IN (" + placeholders(fresh.size()) + ")",
            fresh);
        if (!started) return started.status();
    }
    // The input documents of the jobs that never ran, in one read: their
    // first step needs nothing else from the database.
    std::map<int64_t, std::vector<Document>> inputsByJob;
    if (!fresh.empty()) {
        auto docs = conn_.query(std::string("SELECT ") + kDocumentColumns + " FROM document WHERE job_id IN (" +
                                    placeholders(fresh.size()) + ") AND direction = 'in' ORDER BY id",
                                fresh);
        if (!docs) return docs.status();
        for (const auto& d : *docs) inputsByJob[d.i64(7)].push_back(documentFromRow(d));
    }
    for (const auto& r : rows) {
        ClaimedJob c;
        c.id = r.i64(0);
        c.node = node;
        c.flowId = r.i64(1);
        c.attempt = static_cast<int>(r.i64(2)) + 1;
        c.maxAttempts = static_cast<int>(r.i64(3));
        c.params = paramsFromJson(r.str(4));
        c.hasSteps = withSteps.count(c.id) > 0;
        c.firstStepStarted = !c.hasSteps;
        if (auto in = inputsByJob.find(c.id); in != inputsByJob.end()) c.inputs = std::move(in->second);
        // The first attempt's start is in the job row (started_at, node); later
        // ones get a log line so that the history of attempts stays readable.
        if (c.attempt > 1) {
            auto lg = conn_.execute("INSERT INTO job_log (job_id, level, message) VALUES (?, 'info', ?)",
                                    {c.id, "attempt " + std::to_string(c.attempt) + " started on node " + node});
            if (!lg) return lg.status();
        }
        out.push_back(std::move(c));
    }
    RELAIS_TRY(tx.commit());
    const auto now = std::chrono::steady_clock::now();
    for (auto& c : out) c.claimedAt = now;
    return out;
}

Status JobQueue::heartbeat(const std::string& node, int leaseSeconds, const std::vector<int64_t>& held) {
    if (held.empty()) return Status::ok();
    db::Params params{int64_t{leaseSeconds}, node};
    params.insert(params.end(), held.begin(), held.end());
    auto upd = conn_.execute("UPDATE job SET lease_until = NOW(3) + INTERVAL ? SECOND "
                             "WHERE status = 'running' AND node = ? AND id IN (" + placeholders(held.size()) + ")",
                             params);
    return upd ? Status::ok() : upd.status();
}

Result<int> JobQueue::recoverExpiredLeases() {
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    auto rows = conn_.query(
        "SELECT id, node FROM job WHERE status = 'running' AND lease_until < NOW(3) FOR UPDATE SKIP LOCKED");
    if (!rows) return rows.status();
    for (const auto& r : *rows) {
        auto upd = conn_.execute(
            "UPDATE job SET status = 'queued', node = NULL, lease_until = NULL WHERE id = ?", {r.i64(0)});
        if (!upd) return upd.status();
        auto lg = conn_.execute(
            "INSERT INTO job_log (job_id, level, message) VALUES (?, 'warn', ?)",
            {r.i64(0), "node " + r.str(1) + " stopped renewing its lease; job queued again"});
        if (!lg) return lg.status();
    }
    RELAIS_TRY(tx.commit());
    return static_cast<int>(rows->size());
}

Status JobQueue::stepStarted(int64_t job, int attempt, int position, const std::string& activity) {
    // A step re-run after recovery replaces the record of its interrupted run.
    auto r = conn_.execute(
        "INSERT INTO job_step (job_id, attempt, position, activity) VALUES (?, ?, ?, ?) "
        "ON DUPLICATE KEY UPDATE status = 'running', error = NULL, started_at = NOW(3), finished_at = NULL",
        {job, int64_t{attempt}, int64_t{position}, activity});
    return r ? Status::ok() : r.status();
}

Status JobQueue::stepFinished(int64_t job, int attempt, int position, bool ok, const std::string& error,
                              const std::vector<int64_t>& outputs) {
    auto r = conn_.execute(
        "UPDATE job_step SET status = ?, error = ?, outputs = ?, finished_at = NOW(3) "
        "WHERE job_id = ? AND attempt = ? AND position = ?",
        {std::string(ok ? "succeeded" : "failed"), ok ? db::nullValue() : db::Value(truncateUtf8(error, kMaxText)),
         ok ? db::Value(nlohmann::json(outputs).dump()) : db::nullValue(), job, int64_t{attempt},
         int64_t{position}});
    return r ? Status::ok() : r.status();
}

Result<ResumePoint> JobQueue::resumePoint(const ClaimedJob& claimed) {
    if (!claimed.hasSteps) {
        ResumePoint p;
        p.documents = claimed.inputs;  // read with the claim
        return p;
    }
    return resumePoint(claimed.id);
}

Result<ResumePoint> JobQueue::resumePoint(int64_t job) {
    // The latest record of each position, in order; the run resumes after
    // the leading run of succeeded ones.
    auto rows = conn_.query(
        "SELECT s.position, s.status, s.outputs FROM job_step s "
        "WHERE s.job_id = ? AND s.attempt = (SELECT MAX(t.attempt) FROM job_step t "
        "  WHERE t.job_id = s.job_id AND t.position = s.position) ORDER BY s.position",
        {job});
    if (!rows) return rows.status();
    ResumePoint p;
    std::string outputs;
    for (const auto& r : *rows) {
        if (r.i64(0) != p.position || r.str(1) != "succeeded") break;
        outputs = r.str(2);
        ++p.position;
    }
    if (p.position == 0) {
        auto in = inputs(job);
        if (!in) return in.status();
        p.documents = std::move(in).value();
        return p;
    }
    auto ids = nlohmann::json::parse(outputs.empty() ? "[]" : outputs, nullptr, false);
    for (const auto& id : ids) {
        auto d = conn_.query(std::string("SELECT ") + kDocumentColumns + " FROM document WHERE id = ? AND job_id = ?",
                             {id.get<int64_t>(), job});
        if (!d) return d.status();
        if (!d->empty()) p.documents.push_back(documentFromRow(d->front()));
    }
    return p;
}

Status JobQueue::log(int64_t job, std::optional<int> position, const std::string& level,
                     const std::string& message) {
    auto r = conn_.execute("INSERT INTO job_log (job_id, position, level, message) VALUES (?, ?, ?, ?)",
                           {job, position ? db::Value(int64_t{*position}) : db::nullValue(), level,
                            truncateUtf8(message, kMaxText)});
    return r ? Status::ok() : r.status();
}

Result<int64_t> JobQueue::addOutputDocument(int64_t job, int position, const std::string& name,
                                            const StoredFile& f) {
    auto r = conn_.execute(
        "INSERT INTO document (job_id, direction, position, name, size, sha256, store_path) "
        "VALUES (?, 'out', ?, ?, ?, ?, ?)",
        {job, int64_t{position}, name, static_cast<int64_t>(f.size), f.sha256, f.relPath});
    if (!r) return r.status();
    return static_cast<int64_t>(conn_.lastInsertId());
}

Result<int64_t> JobQueue::addCollectedDocument(int64_t job, int position, const std::string& item,
                                               const std::string& name, const StoredFile& f) {
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    auto id = addOutputDocument(job, position, name, f);
    if (!id) return id.status();
    auto r = conn_.execute("INSERT INTO step_journal (document_id, job_id, position, item) VALUES (?, ?, ?, ?)",
                           {*id, job, int64_t{position}, item});
    if (!r) return r.status();
    RELAIS_TRY(tx.commit());
    return id;
}

Status JobQueue::markCollected(int64_t job, int position, const std::string& item) {
    auto r = conn_.execute("UPDATE step_journal SET state = 'done' WHERE job_id = ? AND position = ? AND item = ?",
                           {job, int64_t{position}, item});
    return r ? Status::ok() : r.status();
}

Result<std::vector<CollectedDocument>> JobQueue::collectJournal(int64_t job, int position) {
    auto rows = conn_.query("SELECT j.item, j.state, d.id, d.name, d.size, d.sha256, d.store_path, d.direction, "
                            "d.position, d.job_id FROM step_journal j JOIN document d ON d.id = j.document_id "
                            "WHERE j.job_id = ? AND j.position = ? ORDER BY j.document_id",
                            {job, int64_t{position}});
    if (!rows) return rows.status();
    std::vector<CollectedDocument> out;
    for (const auto& r : *rows) {
        CollectedDocument c;
        c.item = r.str(0);
        c.done = r.str(1) == "done";
        c.document = documentFromRow(r, 2);
        out.push_back(std::move(c));
    }
    return out;
}

Status JobQueue::finishSucceeded(const ClaimedJob& claimed) {
    auto r = conn_.execute(std::string("UPDATE job SET status = 'succeeded', error = NULL, request = NULL, lease_until = NULL, "
                                       "finished_at = NOW(3) WHERE id = ?") + kStillHeld,
                           {claimed.id, claimed.node, int64_t{claimed.attempt}});
    if (!r) return r.status();
    return *r == 0 ? noteLostJob(claimed, "its success") : Status::ok();
}

Status JobQueue::noteLostJob(const ClaimedJob& claimed, const std::string& what) {
    return log(claimed.id, std::nullopt, "warn",
               "node " + claimed.node + " ended attempt " + std::to_string(claimed.attempt) +
                   " after its lease had run out; " + what + " is not recorded (the job was queued again)");
}

int retryDelaySeconds(const RetryPolicy& policy, int attempt) {
    double delay = policy.backoffSeconds;
    for (int i = 1; i < attempt && delay < policy.maxBackoffSeconds; ++i) delay *= 2;
    delay = std::min<double>(delay, policy.maxBackoffSeconds);
    static thread_local std::mt19937 rng{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.8, 1.2);
    return static_cast<int>(delay * jitter(rng) + 0.5);
}

Status JobQueue::finishLastStep(const ClaimedJob& claimed, int position, const std::vector<int64_t>& outputs) {
    // One transaction, so one flush of the redo log for the two rows: the
    // hot path of every job. (Not one multi-table UPDATE: MariaDB runs that
    // through a temporary table, and its lock order, step then job, deadlocked
    // with the heartbeat's renewal of the same job rows.)
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    RELAIS_TRY(stepFinished(claimed.id, claimed.attempt, position, true, "", outputs));
    RELAIS_TRY(finishSucceeded(claimed));
    return tx.commit();
}

Status JobQueue::finishFailed(const ClaimedJob& claimed, const std::string& error, bool transient,
                              const RetryPolicy& policy) {
    const int64_t job = claimed.id;
    const bool retry = transient && claimed.attempt < claimed.maxAttempts;
    if (retry) {
        const int delay = retryDelaySeconds(policy, claimed.attempt);
        auto r = conn_.execute(std::string("UPDATE job SET status = 'retry_wait', error = ?, lease_until = NULL, "
                                           "node = NULL, run_at = NOW(3) + INTERVAL ? SECOND WHERE id = ?") +
                                   kStillHeld,
                               {truncateUtf8(error, kMaxText), int64_t{delay}, job, claimed.node,
                                int64_t{claimed.attempt}});
        if (!r) return r.status();
        if (*r == 0) return noteLostJob(claimed, "its transient failure");
        RELAIS_TRY(log(job, std::nullopt, "warn",
                       "transient error on attempt " + std::to_string(claimed.attempt) + " of " +
                           std::to_string(claimed.maxAttempts) + "; next try in " + std::to_string(delay) + " s"));
        return applyPendingRequest(job, "retry_wait");
    }
    auto r = conn_.execute(std::string("UPDATE job SET status = 'failed', error = ?, lease_until = NULL, "
                                       "finished_at = NOW(3) WHERE id = ?") + kStillHeld,
                           {truncateUtf8(error, kMaxText), job, claimed.node, int64_t{claimed.attempt}});
    if (!r) return r.status();
    if (*r == 0) return noteLostJob(claimed, "its failure");
    return log(job, std::nullopt, "error",
               transient ? "transient error and no attempt left (" + std::to_string(claimed.attempt) + " of " +
                               std::to_string(claimed.maxAttempts) + "); job failed"
                         : std::string("permanent error, not retried; job failed"));
}

namespace {

struct Transition {
    const char* verb;
    std::vector<std::string> from;  // statuses changed at once
    const char* to;
    const char* request;            // asked of a running job, or nullptr
};

Status applyTransition(db::Connection& conn, int64_t job, const Transition& t, const std::string& by,
                              const std::string& extraSet) {
    db::Transaction tx(conn);
    RELAIS_TRY(tx.begin());
    auto rows = conn.query("SELECT status FROM job WHERE id = ? FOR UPDATE", {job});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "no job #" + std::to_string(job));
    const std::string status = rows->front().str(0);
    std::string message;
    if (std::find(t.from.begin(), t.from.end(), status) != t.from.end()) {
        auto r = conn.execute(std::string("UPDATE job SET status = '") + t.to + "', request = NULL" + extraSet +
                                  " WHERE id = ?",
                              {job});
        if (!r) return r.status();
        message = std::string(t.verb) + " by " + by + " (was " + status + ")";
    } else if (t.request && status == "running") {
        auto r = conn.execute("UPDATE job SET request = ?, requested_by = ? WHERE id = ?",
                              {std::string(t.request), by, job});
        if (!r) return r.status();
        message = std::string(t.request) + " requested by " + by + "; the worker stops after the current step";
    } else {
        std::string allowed;
        for (const auto& f : t.from) allowed += (allowed.empty() ? "" : ", ") + f;
        if (t.request) allowed += ", running";
        return Status(Code::FailedPrecondition, "job #" + std::to_string(job) + " is " + status + "; only " +
                                                    allowed + " jobs can be " + t.verb);
    }
    auto lg = conn.execute("INSERT INTO job_log (job_id, level, message) VALUES (?, 'info', ?)", {job, message});
    if (!lg) return lg.status();
    return tx.commit();
}

const Transition kCancel{"cancelled", {"queued", "retry_wait", "paused"}, "cancelled", "cancel"};
const Transition kPause{"paused", {"queued", "retry_wait"}, "paused", "pause"};
const Transition kResume{"resumed", {"paused"}, "queued", nullptr};
const Transition kRetry{"retried", {"failed", "cancelled"}, "queued", nullptr};

}  // namespace

std::vector<std::string> jobActions(const std::string& status) {
    std::vector<std::string> out;
    for (const auto& [name, t] : {std::pair{"retry", &kRetry}, std::pair{"resume", &kResume},
                                  std::pair{"pause", &kPause}, std::pair{"cancel", &kCancel}}) {
        const bool now = std::find(t->from.begin(), t->from.end(), status) != t->from.end();
        if (now || (t->request && status == "running")) out.emplace_back(name);
    }
    return out;
}

Status JobQueue::cancel(int64_t job, const std::string& by) {
    return applyTransition(conn_, job, kCancel, by, ", finished_at = NOW(3)");
}

Status JobQueue::pause(int64_t job, const std::string& by) { return applyTransition(conn_, job, kPause, by, ""); }

Status JobQueue::resume(int64_t job, const std::string& by) {
    return applyTransition(conn_, job, kResume, by, ", run_at = NOW(3)");
}

Status JobQueue::retry(int64_t job, const std::string& by) {
    return applyTransition(conn_, job, kRetry, by,
                           ", error = NULL, finished_at = NULL, run_at = NOW(3), "
                           "max_attempts = GREATEST(max_attempts, attempt + 1)");
}

Result<BulkOutcome> JobQueue::cancelMany(const std::vector<int64_t>& jobs, const std::string& by) {
    return forEachJob(jobs, "cancel", &JobQueue::cancel, by);
}

Result<BulkOutcome> JobQueue::retryMany(const std::vector<int64_t>& jobs, const std::string& by) {
    return forEachJob(jobs, "retry", &JobQueue::retry, by);
}

Result<BulkOutcome> JobQueue::forEachJob(const std::vector<int64_t>& jobs, const std::string& what,
                                         Status (JobQueue::*action)(int64_t, const std::string&),
                                         const std::string& by) {
    if (jobs.size() > kMaxBulkJobs)
        return Status(Code::InvalidArgument, "a bulk " + what + " takes at most " + std::to_string(kMaxBulkJobs) +
                                                 " jobs, not " + std::to_string(jobs.size()));
    BulkOutcome out;
    for (int64_t job : jobs) {
        Status s = (this->*action)(job, by);
        if (s) {
            out.done.push_back(job);
        } else if (s.code() == Code::FailedPrecondition || s.code() == Code::NotFound ||
                   s.code() == Code::InvalidArgument) {
            out.refused.emplace_back(job, s.message());
        } else {
            return s.withContext("bulk " + what + " stopped after " + std::to_string(out.done.size()) + " of " +
                                 std::to_string(jobs.size()) + " jobs");
        }
    }
    return out;
}

Result<std::optional<std::string>> JobQueue::pendingRequest(int64_t job) {
    auto rows = conn_.query("SELECT request FROM job WHERE id = ?", {job});
    if (!rows) return rows.status();
    if (rows->empty()) return std::optional<std::string>{};
    return rows->front().opt(0);
}

Status JobQueue::closeRunningSteps(int64_t job, const std::string& why) {
    auto r = conn_.execute(
        "UPDATE job_step SET status = 'failed', error = ?, finished_at = NOW(3) WHERE job_id = ? AND status = 'running'",
        {truncateUtf8(why, kMaxText), job});
    return r ? Status::ok() : r.status();
}

Status JobQueue::honourRequest(int64_t job, const std::string& request) {
    const bool cancel = request == "cancel";
    RELAIS_TRY(closeRunningSteps(job, cancel ? "cancelled before it ran" : "paused before it ran"));
    auto r = conn_.execute(
        std::string("UPDATE job SET status = '") + (cancel ? "cancelled" : "paused") +
            "', request = NULL, node = NULL, lease_until = NULL" + (cancel ? ", finished_at = NOW(3)" : "") +
            " WHERE id = ? AND status = 'running'",
        {job});
    if (!r) return r.status();
    return log(job, std::nullopt, "info", cancel ? "cancelled" : "paused; resume to continue from the next step");
}

Status JobQueue::release(const ClaimedJob& claimed, const std::string& why) {
    auto r = conn_.execute(std::string("UPDATE job SET status = 'queued', node = NULL, lease_until = NULL, "
                                       "attempt = GREATEST(attempt, 1) - 1 WHERE id = ?") + kStillHeld,
                           {claimed.id, claimed.node, int64_t{claimed.attempt}});
    if (!r) return r.status();
    if (*r == 0) return Status::ok();
    RELAIS_TRY(closeRunningSteps(claimed.id, why));
    RELAIS_TRY(log(claimed.id, std::nullopt, "warn", why));
    return applyPendingRequest(claimed.id, "queued");
}

Status JobQueue::applyPendingRequest(int64_t job, const std::string& from) {
    // A cancel or pause asked of the run that just ended is not lost: it
    // applies to the job now that no worker holds it.
    auto rows = conn_.query("SELECT request FROM job WHERE id = ? AND status = ? AND request IS NOT NULL", {job, from});
    if (!rows) return rows.status();
    if (rows->empty()) return Status::ok();
    const bool cancel = rows->front().str(0) == "cancel";
    auto r = conn_.execute(std::string("UPDATE job SET status = '") + (cancel ? "cancelled" : "paused") +
                               "', request = NULL" + (cancel ? ", finished_at = NOW(3)" : "") +
                               " WHERE id = ? AND status = ? AND request IS NOT NULL",
                           {job, from});
    if (!r) return r.status();
    if (*r == 0) return Status::ok();
    return log(job, std::nullopt, "info",
               cancel ? "cancelled (requested while it ran)" : "paused (requested while it ran); resume to continue");
}

Result<JobDetail> JobQueue::get(int64_t id, bool withLog) {
    auto rows = conn_.query(std::string("SELECT ") + kSummaryColumns + " FROM job WHERE id = ?", {id});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "no job #" + std::to_string(id));
    JobDetail d;
    static_cast<JobSummary&>(d) = summaryFromRow(rows->front());
    d.actions = jobActions(d.status);

    auto steps = conn_.query(
        "SELECT attempt, position, activity, status, error, started_at, finished_at FROM job_step "
        "WHERE job_id = ? ORDER BY attempt, position",
        {id});
    if (!steps) return steps.status();
    for (const auto& r : *steps)
        d.steps.push_back({static_cast<int>(r.i64(0)), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.opt(4),
                           r.str(5), r.opt(6)});

    auto docs = conn_.query(std::string("SELECT ") + kDocumentColumns + " FROM document WHERE job_id = ? ORDER BY id",
                            {id});
    if (!docs) return docs.status();
    for (const auto& r : *docs) d.documents.push_back(documentFromRow(r));

    if (!withLog) return d;
    auto log = logPage(id, {.limit = kDetailLogLines});
    if (!log) return log.status();
    d.log = std::move(log->lines);
    d.logTotal = log->total;
    d.logOlder = log->older;
    return d;
}

namespace {

// A WHERE clause being built, with its parameters in order.
struct Conditions {
    std::string sql;
    db::Params params;

    void add(const std::string& condition, db::Params values) {
        sql += (sql.empty() ? " WHERE " : " AND ") + condition;
        params.insert(params.end(), values.begin(), values.end());
    }
};

// A LIKE pattern matching the names that start with `prefix`, with '!' as
// the escape character so that '%' and '_' match only themselves.
std::string likePrefix(const std::string& prefix) {
    std::string out;
    for (char c : prefix) {
        if (c == '!' || c == '%' || c == '_') out += '!';
        out += c;
    }
    return out + '%';
}

// Adds the creation range of `filter`, if any, to `where`.
//
// created_at alone would give the range in creation order, all of it to be
// sorted by id. An id range instead is read newest first from whichever index
// serves the other filters, and only up to the limit. Its ends come from two
// dives into ix_job_created_id: the last job created a skew before `from` and
// the first created a skew after `to` have ids below and above every job in
// the range (kCreationSkewSeconds). No such job: no bound on that side.
Status addCreationRange(db::Connection& conn, const JobFilter& filter, Conditions& where) {
    auto from = parseTimeFilter("from", filter.from);
    if (!from) return from.status();
    auto to = parseTimeFilter("to", filter.to);
    if (!to) return to.status();
    if (!*from && !*to) return Status::ok();
    if (*from && *to && (*from)->start >= (*to)->end())
        return Status(Code::InvalidArgument, "from '" + *filter.from + "' is after to '" + *filter.to + "'");
    const std::chrono::seconds skew(kCreationSkewSeconds);
    auto ends = conn.query(
        "SELECT (SELECT id FROM job WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1), "
        "(SELECT id FROM job WHERE created_at >= ? ORDER BY created_at, id LIMIT 1)",
        {sqlDateTime(*from ? (*from)->start - skew : std::chrono::sys_seconds::min()),
         sqlDateTime(*to ? (*to)->end() + skew : std::chrono::sys_seconds::max())});
    if (!ends) return ends.status();
    const auto& e = ends->front();
    // created_at itself decides; the ids only bound what is read.
    if (*from) where.add("created_at >= ?", {sqlDateTime((*from)->start)});
    if (*to) where.add("created_at < ?", {sqlDateTime((*to)->end())});
    if (!e.isNull(0)) where.add("id > ?", {e.i64(0)});
    if (!e.isNull(1)) where.add("id < ?", {e.i64(1)});
    return Status::ok();
}

// The index that holds the jobs matching the filters' equalities in id
// order, so that ORDER BY id DESC LIMIT reads limit + 1 entries of one range
// and sorts nothing. It is forced because MariaDB, for `status = ? AND id < ?`
// ORDER BY id DESC, prefers a ref access on status alone and reads every
// newer job of that status first (27,000 rows instead of 51 in a test at
// 100,000 jobs). With a document filter the jobs come from the document
// index instead (nullptr: the optimizer chooses).
const char* listIndex(const JobFilter& f) {
    if (f.document) return nullptr;
    if (f.partner) return f.status ? "ix_job_partner_status_id" : "ix_job_partner_id";
    if (f.flow) return f.status ? "ix_job_flow_status_id" : "ix_job_flow_id";
    if (f.status) return "ix_job_status_id";
    return "PRIMARY";
}

Status checkListFilter(const JobFilter& f) {
    if (f.limit < 1 || f.limit > 10000)
        return Status(Code::InvalidArgument, "limit " + std::to_string(f.limit) + " must be from 1 to 10000");
    if (f.status && !parseJobStatus(*f.status))
        return Status(Code::InvalidArgument,
                      "unknown job status '" + *f.status +
                          "' (known: queued, running, succeeded, failed, retry_wait, cancelled, paused)");
    if (f.document && f.document->empty())
        return Status(Code::InvalidArgument, "document filter must not be empty");
    if (f.before && *f.before < 1)
        return Status(Code::InvalidArgument, "before " + std::to_string(*f.before) + " must be a job id (1 or more)");
    return Status::ok();
}

}  // namespace

Result<JobPage> JobQueue::listPage(const JobFilter& filter) {
    RELAIS_TRY(checkListFilter(filter));
    Conditions where;
    if (filter.status) where.add("status = ?", {*filter.status});
    if (filter.flow) where.add("flow_name = ?", {*filter.flow});
    if (filter.partner) where.add("partner = ?", {*filter.partner});
    if (filter.before) where.add("id < ?", {*filter.before});
    RELAIS_TRY(addCreationRange(conn_, filter, where));
    if (filter.document)
        // A semi-join: the matching names are a range of ix_document_name_job.
        where.add("id IN (SELECT job_id FROM document WHERE name LIKE ? ESCAPE '!')", {likePrefix(*filter.document)});
    where.params.emplace_back(db::keysetFetchLimit(filter.limit));
    const char* index = listIndex(filter);
    auto rows = conn_.query(std::string("SELECT ") + kSummaryColumns + " FROM job" +
                                (index ? std::string(" FORCE INDEX (") + index + ")" : "") + where.sql +
                                " ORDER BY id DESC LIMIT ?",
                            where.params);
    if (!rows) return rows.status();
    return db::keysetPage(*rows, filter.limit, summaryFromRow, &JobSummary::id);
}

Result<std::vector<JobSummary>> JobQueue::list(const JobFilter& filter) {
    auto page = listPage(filter);
    if (!page) return page.status();
    return std::move(page).value().rows;
}

Result<std::vector<Document>> JobQueue::inputs(int64_t job) {
    auto docs = conn_.query(std::string("SELECT ") + kDocumentColumns +
                                " FROM document WHERE job_id = ? AND direction = 'in' ORDER BY id",
                            {job});
    if (!docs) return docs.status();
    std::vector<Document> out;
    for (const auto& r : *docs) out.push_back(documentFromRow(r));
    return out;
}

Result<std::vector<Document>> JobQueue::documents(int64_t job) {
    RELAIS_TRY(requireJob(job));
    auto docs = conn_.query(std::string("SELECT ") + kDocumentColumns + " FROM document WHERE job_id = ? ORDER BY id",
                            {job});
    if (!docs) return docs.status();
    std::vector<Document> out;
    for (const auto& r : *docs) out.push_back(documentFromRow(r));
    return out;
}

Result<Document> JobQueue::document(int64_t id) {
    auto docs = conn_.query(std::string("SELECT ") + kDocumentColumns + " FROM document WHERE id = ?", {id});
    if (!docs) return docs.status();
    if (docs->empty()) return Status(Code::NotFound, "no document #" + std::to_string(id));
    return documentFromRow(docs->front());
}

Result<std::vector<LogRecord>> JobQueue::logs(int64_t job, int limit) {
    if (limit < 1 || limit > 100000)
        return Status(Code::InvalidArgument, "log limit " + std::to_string(limit) + " must be from 1 to 100000");
    RELAIS_TRY(requireJob(job));
    auto rows = conn_.query(
        std::string("SELECT ") + kLogColumns + " FROM job_log WHERE job_id = ? ORDER BY id LIMIT ?",
        {job, int64_t{limit}});
    if (!rows) return rows.status();
    std::vector<LogRecord> out;
    for (const auto& r : *rows) out.push_back(logFromRow(r));
    return out;
}

Result<LogPage> JobQueue::logPage(int64_t job, const LogFilter& filter) {
    if (filter.limit < 1 || filter.limit > 100000)
        return Status(Code::InvalidArgument,
                      "log limit " + std::to_string(filter.limit) + " must be from 1 to 100000");
    if (filter.level && !isLogLevel(*filter.level))
        return Status(Code::InvalidArgument,
                      "log level \"" + *filter.level + "\" must be debug, info, warn or error");
    if (filter.before && *filter.before < 1)
        return Status(Code::InvalidArgument,
                      "log cursor " + std::to_string(*filter.before) + " must be a line number of at least 1");
    RELAIS_TRY(requireJob(job));

    // Both statements read one range of ix_job_log_job (job_id, id) or, with a
    // level, of ix_job_log_job_level (job_id, level, id): never the lines of
    // other jobs or levels, and the page never more than limit + 1 rows.
    Conditions where;
    where.add("job_id = ?", {job});
    if (filter.level) where.add("level = ?", {*filter.level});
    auto count = conn_.query("SELECT COUNT(*) FROM job_log" + where.sql, where.params);
    if (!count) return count.status();
    LogPage page;
    page.total = count->front().i64(0);

    if (filter.before) where.add("id < ?", {*filter.before});
    where.params.emplace_back(db::keysetFetchLimit(filter.limit));
    auto rows = conn_.query(std::string("SELECT ") + kLogColumns + " FROM job_log" + where.sql +
                                " ORDER BY id DESC LIMIT ?",
                            where.params);
    if (!rows) return rows.status();
    auto newest = db::keysetPage(*rows, filter.limit, logFromRow, &LogRecord::id);
    page.lines = std::move(newest.rows);
    page.older = newest.nextCursor;
    std::reverse(page.lines.begin(), page.lines.end());
    return page;
}

Status JobQueue::requireJob(int64_t job) {
    auto rows = conn_.query("SELECT 1 FROM job WHERE id = ?", {job});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "no job #" + std::to_string(job));
    return Status::ok();
}

Result<JobStats> JobQueue::stats(int hours) {
    if (hours < 1 || hours > 24 * 31)
        return Status(Code::InvalidArgument, "stats hours " + std::to_string(hours) + " must be from 1 to 744");
    JobStats st;
    st.hours = hours;
    // Jobs in flight, whatever their age, and the window's jobs by hour and
    // status: ranges of ix_job_status_created_flow, read from the index alone
    // (sql/mariadb/0009_job_dashboard_index.sql).
    auto flight = conn_.query(
        "SELECT status, COUNT(*) FROM job FORCE INDEX (ix_job_status_created_flow) "
        "WHERE status IN ('queued', 'running', 'retry_wait', 'paused') GROUP BY status");
    if (!flight) return flight.status();
    for (const char* status : {"queued", "running", "retry_wait", "paused"}) st.byStatus[status] = 0;
    for (const auto& r : *flight) st.byStatus[r.str(0)] = r.i64(1);
    // Grouped by an integer hour (a string key costs twice as much at 11,000
    // jobs a day); each group's hour is written once, from its first job.
    auto rows = conn_.query(
        std::string("SELECT DATE_FORMAT(MIN(created_at), '%Y-%m-%d %H:00:00'), status, COUNT(*) FROM job "
                    "FORCE INDEX (ix_job_status_created_flow) WHERE status IN ") + kAllStatuses +
            " AND created_at >= DATE_FORMAT(NOW() - INTERVAL ? HOUR, '%Y-%m-%d %H:00:00') "
            "GROUP BY status, TO_SECONDS(created_at) DIV 3600",
        {int64_t{hours - 1}});
    if (!rows) return rows.status();
    std::map<std::string, HourCount> byHour;
    for (const auto& r : *rows) {
        const std::string hour = r.str(0), status = r.str(1);
        const int64_t n = r.i64(2);
        HourCount& h = byHour[hour];
        h.hour = hour;
        h.byStatus[status] += n;
        h.total += n;
        if (status == "succeeded" || status == "failed" || status == "cancelled") st.byStatus[status] += n;
    }
    for (auto& [hour, count] : byHour) st.perHour.push_back(std::move(count));
    return st;
}

Result<std::vector<FlowFailures>> JobQueue::failuresByFlow(int hours, int limit) {
    if (hours < 1 || hours > 24 * 31)
        return Status(Code::InvalidArgument, "failure hours " + std::to_string(hours) + " must be from 1 to 744");
    if (limit < 1 || limit > 100)
        return Status(Code::InvalidArgument, "failure limit " + std::to_string(limit) + " must be from 1 to 100");
    // The failed jobs of the window, then all the window's jobs of the flows
    // found: ranges of ix_job_status_created_flow read from the index alone, as
    // in stats().
    auto failed = conn_.query(
        "SELECT flow_name, COUNT(*) AS failed FROM job FORCE INDEX (ix_job_status_created_flow) "
        "WHERE status = 'failed' AND created_at >= NOW(3) - INTERVAL ? HOUR "
        "GROUP BY flow_name ORDER BY failed DESC, flow_name LIMIT ?",
        {int64_t{hours}, int64_t{limit}});
    if (!failed) return failed.status();
    std::vector<FlowFailures> out;
    if (failed->empty()) return out;
    db::Params params{int64_t{hours}};
    for (const auto& r : *failed) {
        out.push_back({r.str(0), r.i64(1), 0});
        params.emplace_back(r.str(0));
    }
    auto totals = conn_.query(
        std::string("SELECT flow_name, COUNT(*) FROM job FORCE INDEX (ix_job_status_created_flow) WHERE status IN ") +
            kAllStatuses + " AND created_at >= NOW(3) - INTERVAL ? HOUR AND flow_name IN (" + placeholders(out.size()) +
            ") GROUP BY flow_name",
        params);
    if (!totals) return totals.status();
    for (const auto& r : *totals)
        for (auto& f : out)
            if (f.flow == r.str(0)) f.total = r.i64(1);
    return out;
}

Result<std::map<std::string, LastJob>> JobQueue::lastJobByFlow() {
    // The newest id of each flow is a loose scan of ix_job_flow_id (one probe per flow).
    auto rows = conn_.query(
        "SELECT j.flow_name, j.id, j.status, j.created_at, j.finished_at FROM job j "
        "JOIN (SELECT MAX(id) AS id FROM job GROUP BY flow_name) newest ON newest.id = j.id");
    if (!rows) return rows.status();
    std::map<std::string, LastJob> out;
    for (const auto& r : *rows) out[r.str(0)] = {r.i64(1), r.str(2), r.str(3), r.opt(4)};
    return out;
}

Result<int64_t> JobQueue::count() {
    auto rows = conn_.query("SELECT COUNT(*) FROM job");
    if (!rows) return rows.status();
    return rows->front().i64(0);
}

}  // namespace relais

namespace relais {

Result<PurgeReport> JobQueue::purge(const PurgeRequest& req) {
    PurgeReport report;
    if (req.olderThanDays < 0) return Status(Code::InvalidArgument, "--older-than must be 0 or more days");
    // The jobs to remove, as a condition on the alias j.
    std::string where =
        "j.status IN ('succeeded', 'failed', 'cancelled') AND j.finished_at < NOW(3) - INTERVAL ? DAY";
    db::Params params{int64_t{req.olderThanDays}};
    if (req.flow) {
        where += " AND j.flow_name = ?";
        params.emplace_back(*req.flow);
    }
    auto repeated = [&](int n) {
        db::Params out;
        for (int i = 0; i < n; ++i) out.insert(out.end(), params.begin(), params.end());
        return out;
    };
    if (req.dryRun) {
        auto counts = conn_.query(
            "SELECT (SELECT COUNT(*) FROM job j WHERE " + where + "), "
            "(SELECT COUNT(*) FROM document d JOIN job j ON j.id = d.job_id WHERE " + where + "), "
            "(SELECT COUNT(*) FROM job_log l JOIN job j ON j.id = l.job_id WHERE " + where + ")",
            repeated(3));
        if (!counts) return counts.status();
        report.jobs = counts->front().i64(0);
        report.documents = counts->front().i64(1);
        report.logLines = counts->front().i64(2);
        auto files = conn_.query(
            "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM (SELECT d.sha256, MAX(d.size) AS size FROM document d "
            "JOIN job j ON j.id = d.job_id WHERE " + where + " GROUP BY d.sha256) gone "
            "WHERE NOT EXISTS (SELECT 1 FROM document d2 JOIN job j ON j.id = d2.job_id "
            "WHERE d2.sha256 = gone.sha256 AND NOT (" + where + "))",
            repeated(2));
        if (!files) return files.status();
        report.files = files->front().i64(0);
        report.bytes = static_cast<uint64_t>(files->front().i64(1));
        return report;
    }
    for (;;) {
        db::Params p = params;
        p.emplace_back(int64_t{1000});
        db::Transaction tx(conn_);
        RELAIS_TRY(tx.begin());
        auto ids = conn_.query("SELECT j.id FROM job j WHERE " + where + " ORDER BY j.id LIMIT ? FOR UPDATE SKIP LOCKED", p);
        if (!ids) return ids.status();
        if (ids->empty()) break;
        // `list` holds only integers read from the database.
        std::string list;
        for (const auto& r : *ids) list += (list.empty() ? "" : ",") + std::to_string(r.i64(0));
        auto counts = conn_.query("SELECT (SELECT COUNT(*) FROM document WHERE job_id IN (" + list +
                                  ")), (SELECT COUNT(*) FROM job_log WHERE job_id IN (" + list + "))");
        if (!counts) return counts.status();
        auto files = conn_.query("SELECT sha256, MAX(store_path), MAX(size) FROM document WHERE job_id IN (" + list +
                                 ") GROUP BY sha256");
        if (!files) return files.status();
        auto del = conn_.execute("DELETE FROM job WHERE id IN (" + list + ")");
        if (!del) return del.status();
        RELAIS_TRY(tx.commit());
        report.jobs += static_cast<int64_t>(ids->size());
        report.documents += counts->front().i64(0);
        report.logLines += counts->front().i64(1);
        for (const auto& f : *files) {
            auto used = conn_.query("SELECT 1 FROM document WHERE sha256 = ? LIMIT 1", {f.str(0)});
            if (!used) return used.status();
            if (!used->empty()) continue;
            const std::string path = store_.absolutePath(f.str(1));
            std::error_code ec;
            auto mtime = std::filesystem::last_write_time(path, ec);
            if (ec || std::filesystem::file_time_type::clock::now() - mtime < std::chrono::seconds(req.fileGraceSeconds))
                continue;
            if (std::filesystem::remove(path, ec)) {
                ++report.files;
                report.bytes += static_cast<uint64_t>(f.i64(2));
            }
        }
    }
    return report;
}

}  // namespace relais
