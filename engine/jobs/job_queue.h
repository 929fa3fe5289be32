// The job queue: submit (job row + input documents in one transaction),
// claim (row locks with SKIP LOCKED, lease per node), step and log records,
// finish with retry/backoff, lease recovery, and the queries behind the UI.
// Owns the job, job_step, job_log and document tables.
// Thread-safety: a JobQueue uses the caller's connection; one thread at a
// time. Any number of processes may share the database.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.h"
#include "db/keyset_page.h"
#include "store/content_store.h"

namespace relais {

enum class JobStatus { Queued, Running, Succeeded, Failed, RetryWait, Cancelled, Paused };
const char* jobStatusName(JobStatus s);
std::optional<JobStatus> parseJobStatus(const std::string& s);

struct InputFile {
    std::string name;  // the document name (e.g. the uploaded file's original name)
    std::string path;  // where to read it now
    std::optional<std::string> content = {};  // the bytes themselves (an upload), instead of `path`
};

struct SubmitRequest {
    std::string flow;
    std::vector<InputFile> files;
    std::map<std::string, std::string> params;
    std::string submittedBy;  // "cli:<user>", "web:<login>"...
    int priority = 0;
    // When set, a second submit with the same key fails with AlreadyExists
    // (triggers use it so that each event makes exactly one job).
    std::string dedupKey;
    // The partner the job exchanges with (at most 190 characters); when
    // empty, the "partner" parameter if there is one. (Initialized so that
    // brace-initializations written before it existed still compile.)
    std::string partner = {};
};

struct Document {
    int64_t id = 0;
    std::string name;
    uint64_t size = 0;
    std::string sha256;
    std::string storePath;  // relative to the store root
    std::string direction;  // "in" or "out"
    std::optional<int> position;  // the step that produced it ("out")
    int64_t jobId = 0;
};

// A document of the collect journal (JobQueue::collectJournal).
struct CollectedDocument {
    Document document;
    std::string item;
    bool done = false;
};

struct StepRecord {
    int attempt = 0;
    int position = 0;
    std::string activity;
    std::string status;
    std::optional<std::string> error;
    std::string startedAt;
    std::optional<std::string> finishedAt;
};

struct LogRecord {
    std::string at;
    std::string level;
    std::optional<int> position;
    std::string message;
    int64_t id = 0;  // job_log.id: lines are numbered in the order they were written
};

// What `JobQueue::logPage` selects: a job's lines at one level (or all), the
// newest first from `before` (the `older` cursor of the page shown before;
// none: the newest lines).
struct LogFilter {
    std::optional<std::string> level = {};  // debug, info, warn or error
    std::optional<int64_t> before = {};
    int limit = 500;  // 1 to 100000
};

struct LogPage {
    std::vector<LogRecord> lines;  // oldest first, to read from top to bottom
    int64_t total = 0;             // the job's lines at the filter's level, on every page
    std::optional<int64_t> older;  // the cursor of the page of older lines; none on the oldest page
};

struct JobSummary {
    int64_t id = 0;
    int64_t flowId = 0;
    std::string flow;
    int flowVersion = 0;
    std::string status;
    int priority = 0;
    int attempt = 0;
    int maxAttempts = 1;
    std::optional<std::string> node;
    std::optional<std::string> error;
    std::map<std::string, std::string> params;
    std::optional<std::string> submittedBy;
    std::optional<std::string> partner;
    std::string createdAt;
    std::optional<std::string> startedAt;
    std::optional<std::string> finishedAt;
    std::string runAt;
};

struct JobDetail : JobSummary {
    std::vector<std::string> actions;  // jobActions(status)
    std::vector<StepRecord> steps;
    std::vector<Document> documents;
    // The newest kDetailLogLines lines of the log, oldest first; logTotal
    // counts them all, logOlder is the logPage cursor of the older ones
    // (all empty when get() was asked for no log).
    std::vector<LogRecord> log;
    int64_t logTotal = 0;
    std::optional<int64_t> logOlder;
};

// What `JobQueue::list` selects. Every field set narrows the list; each is
// served by an index (sql/mariadb/0004_job_list_indexes.sql). The fields have
// initializers so that callers may name only the ones they set
// ({.flow = "orders"}).
struct JobFilter {
    std::optional<std::string> status = {};
    std::optional<std::string> flow = {};
    std::optional<std::string> partner = {};
    // Creation time, UTC, as 'YYYY-MM-DD[ HH:MM[:SS]]' (a 'T' may stand for
    // the space). `from` is inclusive; `to` includes the whole day, minute or
    // second it names ("to 2024-03-15" takes all of the 15th).
    std::optional<std::string> from = {};
    std::optional<std::string> to = {};
    // Jobs with a document whose name starts with this (case-insensitive;
    // '%' and '_' are plain characters). Must not be empty.
    std::optional<std::string> document = {};
    // Keyset cursor: only jobs with an id below this (the nextCursor of the
    // page before), so that a page costs the same at any depth.
    std::optional<int64_t> before = {};
    int limit = 50;
};

// A creation-time filter is answered as an id range (ids grow with creation
// time), then checked against created_at itself, so a job outside the range
// is never listed. Two jobs may be created in one order and numbered in the
// other (NOW(3) is read when the INSERT starts, the id is drawn after its
// locks; a clock stepped back): the id range takes that into account as long
// as the two orders disagree by less than this. Sessions run in UTC, so
// daylight saving moves no clock.
constexpr int kCreationSkewSeconds = 60;

// One page of a job list, newest first; its nextCursor is the `before` of
// the next page.
using JobPage = db::KeysetPage<JobSummary>;

// Counts for the dashboard.
struct HourCount {
    std::string hour;  // "YYYY-MM-DD HH:00:00", UTC
    std::map<std::string, int64_t> byStatus;
    int64_t total = 0;
};

struct JobStats {
    int hours = 24;
    // queued, running, retry_wait, paused: all such jobs now; succeeded,
    // failed, cancelled: jobs created in the window that ended so.
    std::map<std::string, int64_t> byStatus;
    // Jobs created per hour in the window (hours without a job are absent),
    // by their status now.
    std::vector<HourCount> perHour;
};

// A flow's failures in a window, for the dashboard.
struct FlowFailures {
    std::string flow;
    int64_t failed = 0;  // jobs created in the window that are failed now
    int64_t total = 0;   // all jobs created in the window
};

// The newest job of a flow, for the flow list's "last run".
struct LastJob {
    int64_t id = 0;
    std::string status;
    std::string createdAt;
    std::optional<std::string> finishedAt;
};

// What a bulk action did, job by job.
struct BulkOutcome {
    std::vector<int64_t> done;
    std::vector<std::pair<int64_t, std::string>> refused;  // job id, why (it names the job and its status)
};

// At most this many jobs in one bulk action.
constexpr size_t kMaxBulkJobs = 10000;

// The requests a job in `status` accepts, of "retry", "resume", "pause",
// "cancel" (on a running job, pause and cancel are requests its worker
// honours between steps).
std::vector<std::string> jobActions(const std::string& status);

// How a failed run is retried: exponential backoff with jitter, capped.
struct RetryPolicy {
    int maxAttempts = 1;
    int backoffSeconds = 60;
    int maxBackoffSeconds = 3600;
};

// The delay before attempt `attempt + 1`: backoff * 2^(attempt-1), capped,
// times a random factor in [0.8, 1.2] so that many jobs failing together do
// not retry together.
int retryDelaySeconds(const RetryPolicy& policy, int attempt);

// Where a run starts: after the last step that succeeded (in any attempt),
// with that step's output documents; position 0 with the job's inputs.
struct ResumePoint {
    int position = 0;
    std::vector<Document> documents;
};

struct PurgeRequest {
    int olderThanDays = 30;
    std::optional<std::string> flow;
    bool dryRun = false;
    // Store files younger than this may be about to get a new reference from
    // a concurrent submit of the same bytes; the next purge takes them.
    int fileGraceSeconds = 600;
};

struct PurgeReport {
    int64_t jobs = 0;
    int64_t documents = 0;
    int64_t logLines = 0;
    int64_t files = 0;       // store files removed (no other document uses them)
    uint64_t bytes = 0;      // their size
};

struct ClaimedJob {
    int64_t id = 0;
    std::string node;  // the node that claimed it: every write that ends the run checks it still holds the job
    int64_t flowId = 0;
    int attempt = 0;  // this run's attempt number, from 1
    int maxAttempts = 1;
    std::map<std::string, std::string> params;
    bool hasSteps = true;  // false: no step ever started, the run begins at step 0
    // True when the claim already recorded step 0 of this attempt as running.
    bool firstStepStarted = false;
    // True when the job waited in a node-local batch after its claim, so a
    // cancel or pause request may have arrived meanwhile.
    bool prefetched = false;
    // When the claim committed (this process's clock): a prefetched job that
    // waited only a moment is run without looking for a request again.
    std::chrono::steady_clock::time_point claimedAt{};
    // A job that never ran: its input documents, read with the claim.
    std::vector<Document> inputs;
};

class JobQueue {
public:
    JobQueue(db::Connection& conn, const ContentStore& store) : conn_(conn), store_(store) {}

    // Stores the input files, then inserts the job and its documents in one
    // transaction. Unknown or disabled flow, unreadable file: an error naming
    // it, and no row written.
    Result<int64_t> submit(const SubmitRequest& req);
    // Submits many jobs at once, all or none: every request is checked and its
    // files stored first, then all the jobs, documents and log lines are
    // written in one transaction with multi-row statements. Returns the job
    // ids in the order of `reqs`. An error names the request ("job [3]: ...")
    // and writes no row. At most kMaxSubmitBatch requests.
    Result<std::vector<int64_t>> submitMany(const std::vector<SubmitRequest>& reqs);
    static constexpr size_t kMaxSubmitBatch = 10000;

    // Claims the next due queued job for `node`, or nullopt when none is.
    Result<std::optional<ClaimedJob>> claim(const std::string& node, int leaseSeconds);
    // Claims up to `max` due jobs in one transaction (highest priority, oldest first).
    Result<std::vector<ClaimedJob>> claimBatch(const std::string& node, int leaseSeconds, int max);
    // Extends the leases of the jobs `node` holds (`held`: the ones its
    // workers run or have queued locally). A job the node lost track of (its
    // worker lost the database while recording) is not in `held`, so its
    // lease runs out and recovery queues it again.
    Status heartbeat(const std::string& node, int leaseSeconds, const std::vector<int64_t>& held);
    // Re-queues running jobs whose lease expired (their node died). Returns how many.
    Result<int> recoverExpiredLeases();

    Status stepStarted(int64_t job, int attempt, int position, const std::string& activity);
    // Records a step's end; `outputs` are the ids of the documents it passed on.
    Status stepFinished(int64_t job, int attempt, int position, bool ok, const std::string& error = "",
                        const std::vector<int64_t>& outputs = {});
    Result<ResumePoint> resumePoint(int64_t job);
    // Same, skipping the step lookup for a job the claim saw had no step yet.
    Result<ResumePoint> resumePoint(const ClaimedJob& claimed);
    Status log(int64_t job, std::optional<int> position, const std::string& level, const std::string& message);
    Result<int64_t> addOutputDocument(int64_t job, int position, const std::string& name, const StoredFile& f);

    // The collect journal (sql/mariadb/0015_step_journal.sql): a collecting
    // step records each document it took from a server with the item it came
    // from, in one transaction, before the server is told to remove or mark
    // the item; then marks the item done. A later run of the same step adopts
    // what an earlier run recorded.
    Result<int64_t> addCollectedDocument(int64_t job, int position, const std::string& item, const std::string& name,
                                         const StoredFile& f);
    Status markCollected(int64_t job, int position, const std::string& item);
    // The step's journal, oldest first: each document with its item and
    // whether the server had removed or marked the item.
    Result<std::vector<CollectedDocument>> collectJournal(int64_t job, int position);

    // Ends a run: success, or failure (retry_wait with backoff while attempts
    // remain and the error is transient, failed otherwise).
    // Each checks that `claimed.node` still holds the job: when its lease
    // ran out and another node took it, the end of this run is not recorded
    // (a warning says so) and the other node's run decides.
    Status finishSucceeded(const ClaimedJob& claimed);
    // The last step's end and the job's success, in one transaction.
    Status finishLastStep(const ClaimedJob& claimed, int position, const std::vector<int64_t>& outputs);
    Status finishFailed(const ClaimedJob& claimed, const std::string& error, bool transient,
                        const RetryPolicy& policy);

    // Requests from any face. A queued, waiting or paused job changes at
    // once; a running job gets a request that its worker honours between
    // steps (and cancel also stops a running activity). Errors name the job
    // and its status.
    Status cancel(int64_t job, const std::string& by);
    Status pause(int64_t job, const std::string& by);
    Status resume(int64_t job, const std::string& by);
    // A failed or cancelled job runs again from the step that failed.
    Status retry(int64_t job, const std::string& by);
    // The same for many jobs (at most kMaxBulkJobs), each on its own: a job
    // whose state refuses the action (or that does not exist) is listed in
    // `refused` and the others go on. A database error stops the batch with
    // a message saying how many were done.
    Result<BulkOutcome> cancelMany(const std::vector<int64_t>& jobs, const std::string& by);
    Result<BulkOutcome> retryMany(const std::vector<int64_t>& jobs, const std::string& by);
    // The pending request ("cancel", "pause") on a running job, if any.
    Result<std::optional<std::string>> pendingRequest(int64_t job);
    // Ends a running job as its pending request asked.
    Status honourRequest(int64_t job, const std::string& request);

    // Ends the job's step records still marked running (the job stops between steps).
    Status closeRunningSteps(int64_t job, const std::string& why);

    // Gives a running job back to the queue (its node is shutting down, or
    // lost the database during the run); the interrupted step runs again on
    // the next claim. Does nothing when `claimed.node` no longer holds it.
    Status release(const ClaimedJob& claimed, const std::string& why);
    // After a run ended with the job back in `from` (queued, retry_wait): a
    // cancel or pause requested during the run takes effect.
    Status applyPendingRequest(int64_t job, const std::string& from);

    // One job with its steps, documents and (unless !withLog, for a caller that
    // pages the log itself with logPage) the newest kDetailLogLines log lines.
    Result<JobDetail> get(int64_t id, bool withLog = true);
    // Jobs matching `filter`, newest (highest id) first, at most filter.limit.
    // A bad filter value is InvalidArgument naming the filter. The creation
    // range assumes that ids grow with creation time (kCreationSkewSeconds).
    Result<JobPage> listPage(const JobFilter& filter);
    // The same without the cursor of the next page.
    Result<std::vector<JobSummary>> list(const JobFilter& filter);
    // The input documents of a job (absolute paths via the store).
    Result<std::vector<Document>> inputs(int64_t job);
    // Every document of a job (inputs and step outputs), oldest first; NotFound for an unknown job.
    Result<std::vector<Document>> documents(int64_t job);
    // One document by its id (its file: the store's absolutePath(storePath)).
    Result<Document> document(int64_t id);
    // A job's log lines, oldest first, at most `limit` (1 to 100000).
    Result<std::vector<LogRecord>> logs(int64_t job, int limit);
    // A page of a job's log, the newest lines first (keyset pages over
    // job_log.id, served by ix_job_log_job and ix_job_log_job_level: a page
    // costs the same at any depth), with the count of the filter's lines.
    // NotFound for an unknown job; a bad level, cursor or limit is
    // InvalidArgument naming it.
    Result<LogPage> logPage(int64_t job, const LogFilter& filter);
    // The log lines `get` includes (the newest).
    static constexpr int kDetailLogLines = 1000;
    // Jobs in flight and jobs of the last `hours` hours, for the dashboard.
    Result<JobStats> stats(int hours = 24);
    // The flows with the most jobs created in the last `hours` hours that are
    // failed now, most failures first, at most `limit` (1 to 100).
    Result<std::vector<FlowFailures>> failuresByFlow(int hours = 24, int limit = 5);
    // The newest job of each flow that has one, by flow name.
    Result<std::map<std::string, LastJob>> lastJobByFlow();
    Result<int64_t> count();

    // Removes finished jobs (succeeded, failed, cancelled) that ended more
    // than `olderThanDays` ago, with their steps, logs and documents, and the
    // store files no remaining document uses. A dry run only counts.
    Result<PurgeReport> purge(const PurgeRequest& req);

private:
    Status requireJob(int64_t job);
    Result<BulkOutcome> forEachJob(const std::vector<int64_t>& jobs, const std::string& what,
                                   Status (JobQueue::*action)(int64_t, const std::string&), const std::string& by);
    // A job log line saying that a run ended after its node lost the job.
    Status noteLostJob(const ClaimedJob& claimed, const std::string& what);

    db::Connection& conn_;
    const ContentStore& store_;
};

}  // namespace relais
