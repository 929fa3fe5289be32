// relaisd's engine: connects (retrying while the database is down),
// registers its node, runs `workers` threads that claim and run jobs, renews
// leases, re-queues jobs of dead nodes, and stops cleanly when asked: it
// drains (no new step starts; running steps get shutdown_timeout_seconds to
// end), then aborts what is left, which goes back to the queue.
// Thread-safety: requestStop() and requestReload() may be called from any
// thread (they only set flags); everything else runs on run()'s thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <vector>

#include "activities/job_runner.h"
#include "base/config.h"

namespace relais {

class Engine {
public:
    explicit Engine(Config config) : config_(std::move(config)) {}

    // Runs until requestStop(); returns the process exit code.
    int run();
    void requestStop();
    // Re-reads the config file (log level and file, poll interval); other
    // settings need a restart and a log line says so.
    void requestReload();

private:
    void worker(int index);
    // Runs schedule and directory triggers until stop.
    void triggerLoop();
    void reload();
    // Sleeps up to `ms`, waking early on stop or reload. Returns false when stopping.
    bool sleepFor(int ms);
    // An idle worker's wait: up to `ms`, or until signalWork() or stop.
    void idleWait(int ms);
    // Tells idle workers that a job may be waiting (a claim succeeded, a trigger fired).
    void signalWork();
    // The ids of held_, for the heartbeat.
    std::vector<int64_t> heldJobs();
    void forget(int64_t job);

    Config config_;
    RunControl control_;
    std::atomic<bool> reload_{false};
    std::atomic<int> pollIntervalMs_{500};
    std::atomic<int> busyWorkers_{0};
    std::atomic<long> jobsRun_{0};
    std::atomic<uint64_t> workGeneration_{0};
    // Jobs claimed in a batch and not started yet, shared by this node's
    // workers so that one slow job does not hold up the others of its batch.
    std::mutex localMu_;
    std::deque<ClaimedJob> local_;
    // Every job this node holds (claimed and not yet ended or given back):
    // the heartbeat renews these leases only. A multiset: a job re-claimed by
    // another worker of this node while a stale run of it ends stays held.
    // Guarded by localMu_.
    std::multiset<int64_t> held_;
    std::mutex mu_;
    std::condition_variable cv_;
};

// Sends a notification ("READY=1", "STOPPING=1"...) to systemd when started
// by it (NOTIFY_SOCKET set); does nothing otherwise.
void notifySystemd(const std::string& state);

// Points spdlog at stderr (and `file` if not empty) at `level`.
void configureLogging(const std::string& level, const std::string& file);

}  // namespace relais
