// The Activity interface: one kind of step (deposit into a folder, run a
// program, transfer, translate...). An activity checks its own "with"
// settings when a flow is imported, and runs a step given the previous step's
// documents. A step must be safe to run twice: recovery re-runs the step that
// was running when a node died.
// Thread-safety: one Activity object serves every worker at once; run() must
// not keep state in the object.
#pragma once

#include <nlohmann/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/config.h"
#include "base/status.h"
#include "jobs/job_queue.h"
#include "store/content_store.h"

namespace relais {

// A document as a step sees it: its record and the absolute path of its bytes.
struct StepDocument {
    Document record;
    std::string path;
};

// What a running step may use and report.
class StepContext {
public:
    virtual ~StepContext() = default;
    virtual int64_t jobId() const = 0;
    virtual int position() const = 0;
    virtual const std::map<std::string, std::string>& params() const = 0;
    // A line for the job log ("info", "warn", "error").
    virtual void log(const std::string& level, const std::string& message) = 0;
    // Stores a new output document read from `path` and returns it.
    virtual Result<StepDocument> addOutput(const std::string& name, const std::string& path) = 0;
    // True when the step should stop early (shutdown or cancel request).
    virtual bool stopRequested() const = 0;
    // The [transfer] settings of the configuration (proxy, CA file, timeouts,
    // dump directory); the defaults when the runner was given none.
    virtual const TransferSettings& transfer() const {
        static const TransferSettings defaults;
        return defaults;
    }
    // The worker's database connection, for steps that read settings (a
    // partner's); null where there is none.
    virtual db::Connection* connection() { return nullptr; }
    // The collect journal of this step (JobQueue::addCollectedDocument): a
    // collecting step stores what it took from `item` (a file's URL, a
    // message's mailbox URL and UID) with addCollected(), then tells the
    // server to remove or mark the item, then calls collectedDone(). A run of
    // the step after its node died reads what earlier runs took with
    // earlierCollected() and adopts it. Without a database (unit tests'
    // contexts) there is no journal: addOutput(), nothing to adopt.
    virtual Result<StepDocument> addCollected(const std::string& item, const std::string& name,
                                              const std::string& path) {
        (void)item;
        return addOutput(name, path);
    }
    virtual Status collectedDone(const std::string& item) {
        (void)item;
        return Status::ok();
    }
    struct Collected {
        std::string item;
        bool done = false;  // the server removed or marked the item
        std::vector<StepDocument> documents;
    };
    virtual Result<std::vector<Collected>> earlierCollected() { return std::vector<Collected>{}; }
    // Submits another job (a step that fans out, such as edifact.split).
    virtual Result<int64_t> submitJob(const SubmitRequest&) {
        return Status(Code::FailedPrecondition, "this step cannot submit jobs here");
    }
};

// How a step failed: transient errors (network, locked resource) may be
// retried by the flow's retry policy; permanent ones fail the job.
struct StepFailure {
    bool transient = false;
};

class Activity {
public:
    virtual ~Activity() = default;
    // Checks `with` at import time; errors name the setting (the caller adds
    // the step's position).
    virtual Status validate(const nlohmann::json& with) const = 0;
    // Runs the step. `outputs` receives what the next step gets (often the
    // inputs, passed through). On failure, set `failure.transient` if a retry
    // may succeed.
    virtual Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                       std::vector<StepDocument>& outputs, StepFailure& failure) const = 0;
};

}  // namespace relais
