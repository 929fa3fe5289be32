// Runs one claimed job: loads its flow version, feeds each step the previous
// step's documents, records steps, logs and output documents, and ends the
// job succeeded, failed or waiting for a retry. Used by relaisd's workers.
// Thread-safety: one JobRunner per worker thread (it uses that thread's
// connection).
#pragma once

#include <atomic>
#include <map>

#include "flows/flow_repository.h"

#include "activities/registry.h"
#include "jobs/job_queue.h"

namespace relais {

// Shared by the engine and its runners: `draining` stops jobs between steps
// (they go back to the queue); `aborting` also stops running activities.
struct RunControl {
    std::atomic<bool> draining{false};
    std::atomic<bool> aborting{false};
};

// Flow versions are immutable, so a worker keeps the ones it has loaded
// (and checked against the registry) for the jobs that follow.
class FlowCache {
public:
    // The flow version `id`, validated; errors are the flow's load or validation error.
    Result<const StoredFlow*> get(FlowRepository& flows, const ActivityRegistry& registry, int64_t id);

private:
    std::map<int64_t, Result<StoredFlow>> flows_;
};

class JobRunner {
public:
    // `cache` may be null (then every run loads its flow); `transfer` too
    // (then transfers use the default settings).
    JobRunner(db::Connection& conn, const ContentStore& store, const ActivityRegistry& registry,
              const RunControl& control, FlowCache* cache = nullptr, const TransferSettings* transfer = nullptr)
        : conn_(conn), store_(store), registry_(registry), control_(control), cache_(cache), transfer_(transfer) {}

    // Runs `job` to its end. A non-ok Status means the database failed while
    // recording; the job's lease then expires and recovery re-queues it.
    Status run(const ClaimedJob& job);

private:
    db::Connection& conn_;
    const ContentStore& store_;
    const ActivityRegistry& registry_;
    const RunControl& control_;
    FlowCache* cache_;
    const TransferSettings* transfer_;
};

}  // namespace relais
