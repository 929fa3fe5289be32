// Runs one claimed job: loads its flow version, feeds each step the previous
// step's documents, records steps, logs and output documents, and ends the
// job succeeded, failed or waiting for a retry. Used by relaisd's workers.
// Thread-safety: one JobRunner per worker thread (it uses that thread's
// connection).
#pragma once

#include <atomic>

#include "activities/registry.h"
#include "jobs/job_queue.h"

namespace relais {

class JobRunner {
public:
    JobRunner(db::Connection& conn, const ContentStore& store, const ActivityRegistry& registry,
              const std::atomic<bool>& stopping)
        : conn_(conn), store_(store), registry_(registry), stopping_(stopping) {}

    // Runs `job` to its end. A non-ok Status means the database failed while
    // recording; the job's lease then expires and recovery re-queues it.
    Status run(const ClaimedJob& job);

private:
    db::Connection& conn_;
    const ContentStore& store_;
    const ActivityRegistry& registry_;
    const std::atomic<bool>& stopping_;
};

}  // namespace relais
