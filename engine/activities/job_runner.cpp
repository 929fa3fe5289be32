// Job runner.
#include "activities/job_runner.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "flows/flow_repository.h"

namespace relais {
namespace {

class RunnerStepContext final : public StepContext {
public:
    RunnerStepContext(db::Connection& conn, JobQueue& queue, const ContentStore& store, const ClaimedJob& job,
                      int position, const RunControl& control, const TransferSettings* transfer)
        : conn_(conn), queue_(queue), store_(store), job_(job), position_(position), control_(control),
          transfer_(transfer) {}

    int64_t jobId() const override { return job_.id; }
    int position() const override { return position_; }
    const std::map<std::string, std::string>& params() const override { return job_.params; }
    void log(const std::string& level, const std::string& message) override {
        Status s = queue_.log(job_.id, position_, level, message);
        if (!s) spdlog::warn("job {}: cannot write a log line: {}", job_.id, s.message());
    }
    Result<StepDocument> addOutput(const std::string& name, const std::string& path) override {
        return store(name, path, nullptr);
    }
    Result<StepDocument> addCollected(const std::string& item, const std::string& name,
                                      const std::string& path) override {
        return store(name, path, &item);
    }
    Status collectedDone(const std::string& item) override { return queue_.markCollected(job_.id, position_, item); }
    Result<std::vector<Collected>> earlierCollected() override {
        auto journal = queue_.collectJournal(job_.id, position_);
        if (!journal) return journal.status();
        std::vector<Collected> out;
        for (const auto& c : *journal) {
            if (out.empty() || out.back().item != c.item) out.push_back({c.item, c.done, {}});
            out.back().documents.push_back({c.document, store_.absolutePath(c.document.storePath)});
        }
        return out;
    }
    // Shutdown, or a cancel request on this job (looked up at most once a second).
    bool stopRequested() const override {
        if (control_.aborting.load() || cancelled_) return true;
        const auto now = std::chrono::steady_clock::now();
        if (now - lastCheck_ < std::chrono::seconds(1)) return false;
        lastCheck_ = now;
        auto req = queue_.pendingRequest(job_.id);
        cancelled_ = req && *req && **req == "cancel";
        return cancelled_;
    }
    bool cancelled() const { return cancelled_; }
    const TransferSettings& transfer() const override { return transfer_ ? *transfer_ : StepContext::transfer(); }
    db::Connection* connection() override { return &conn_; }
    Result<int64_t> submitJob(const SubmitRequest& req) override { return queue_.submit(req); }

private:
    // Stores the file and records the document (in the collect journal when `item` is given).
    Result<StepDocument> store(const std::string& name, const std::string& path, const std::string* item) {
        auto stored = store_.put(path);
        if (!stored) return stored.status();
        auto id = item ? queue_.addCollectedDocument(job_.id, position_, *item, name, *stored)
                       : queue_.addOutputDocument(job_.id, position_, name, *stored);
        if (!id) return id.status();
        StepDocument d;
        d.record = {*id, name, stored->size, stored->sha256, stored->relPath, "out", position_};
        d.path = store_.absolutePath(stored->relPath);
        return d;
    }

    db::Connection& conn_;
    JobQueue& queue_;
    const ContentStore& store_;
    const ClaimedJob& job_;
    int position_;
    const RunControl& control_;
    const TransferSettings* transfer_;
    mutable bool cancelled_ = false;
    mutable std::chrono::steady_clock::time_point lastCheck_ = std::chrono::steady_clock::now();
};

std::vector<int64_t> idsOf(const std::vector<StepDocument>& docs) {
    std::vector<int64_t> ids;
    for (const auto& d : docs) ids.push_back(d.record.id);
    return ids;
}

// A job taken from the node's local batch after a wait long enough for an
// operator to have asked to cancel or pause it since its claim. Within that
// moment the job was already `running` in the database, like a job whose
// first step had just begun: a request then is honoured between steps.
bool waitedSinceClaim(const ClaimedJob& job) {
    return std::chrono::steady_clock::now() - job.claimedAt >= std::chrono::milliseconds(200);
}

}  // namespace

Result<const StoredFlow*> FlowCache::get(FlowRepository& flows, const ActivityRegistry& registry, int64_t id) {
    auto it = flows_.find(id);
    if (it == flows_.end()) {
        auto flow = flows.byId(id);
        if (!flow && flow.status().code() == Code::Unavailable) return flow.status();  // not cached: retry later
        if (flow) {
            if (Status v = registry.validate(flow->definition, "flow " + flow->name); !v) flow = v;
        }
        it = flows_.emplace(id, std::move(flow)).first;
    }
    if (!it->second) return it->second.status();
    return &it->second.value();
}

Status JobRunner::run(const ClaimedJob& job) {
    JobQueue queue(conn_, store_);
    FlowRepository repo(conn_);
    FlowCache local;
    auto flow = (cache_ ? *cache_ : local).get(repo, registry_, job.flowId);
    if (!flow) {
        if (flow.status().code() == Code::Unavailable) return flow.status();
        // A stored flow that no longer parses or validates: fail the job rather than loop on it.
        RELAIS_TRY(queue.closeRunningSteps(job.id, flow.status().message()));
        RELAIS_TRY(queue.finishFailed(job, flow.status().message(), false, {}));
        return Status::ok();
    }
    const StoredFlow& stored = **flow;
    const FlowDefinition& def = stored.definition;
    const RetryPolicy policy{def.maxAttempts, def.backoffSeconds, def.maxBackoffSeconds};
    // A retried or recovered job resumes after its last succeeded step.
    auto resume = queue.resumePoint(job);
    if (!resume) return resume.status();
    std::vector<StepDocument> docs;
    for (const auto& d : resume->documents) docs.push_back({d, store_.absolutePath(d.storePath)});

    if (resume->position > 0)
        RELAIS_TRY(queue.log(job.id, std::nullopt, "info",
                             "resuming at step " + std::to_string(resume->position) + " with the documents of step " +
                                 std::to_string(resume->position - 1)));
    for (size_t i = static_cast<size_t>(resume->position); i < def.steps.size(); ++i) {
        const int position = static_cast<int>(i);
        if (control_.draining.load()) {
            return queue.release(job, "engine shutting down before step " + std::to_string(position) +
                                             "; job queued again");
        }
        // A request made before the claim changed the job at once; one made
        // since is seen here between steps (and by a running activity).
        if (i > static_cast<size_t>(resume->position) || (job.prefetched && waitedSinceClaim(job))) {
            auto request = queue.pendingRequest(job.id);
            if (!request) return request.status();
            if (*request) return queue.honourRequest(job.id, **request);
        }
        const StepDefinition& step = def.steps[i];
        const Activity* activity = registry_.find(step.activity);
        if (!(job.firstStepStarted && position == 0))
            RELAIS_TRY(queue.stepStarted(job.id, job.attempt, position, step.activity));
        RunnerStepContext ctx(conn_, queue, store_, job, position, control_, transfer_);
        std::vector<StepDocument> outputs;
        StepFailure failure;
        Status s = activity->run(ctx, step.with, docs, outputs, failure);
        if (s && i + 1 == def.steps.size()) {
            RELAIS_TRY(queue.finishLastStep(job, position, idsOf(outputs)));
            spdlog::debug("job {} ({}) succeeded", job.id, stored.name);
            return Status::ok();
        }
        RELAIS_TRY(queue.stepFinished(job.id, job.attempt, position, s.isOk(), s.message(), idsOf(outputs)));
        if (!s && ctx.cancelled()) return queue.honourRequest(job.id, "cancel");
        if (!s && control_.aborting.load() && failure.transient) {
            return queue.release(job, "engine shutting down during step " + std::to_string(position) +
                                             "; job queued again");
        }
        if (!s) {
            const std::string error = "step " + std::to_string(position) + " (" + step.activity + "): " + s.message();
            RELAIS_TRY(queue.log(job.id, position, "error",
                                 error + (failure.transient ? " [transient]" : " [permanent]")));
            RELAIS_TRY(queue.finishFailed(job, error, failure.transient, policy));
            spdlog::warn("job {} ({}): {}", job.id, stored.name, error);
            return Status::ok();
        }
        docs = std::move(outputs);
    }
    // Every step had already succeeded (recovered after the last one).
    return queue.finishSucceeded(job);
}

}  // namespace relais
