// relaisd's engine: connects (retrying while the database is down),
// registers its node, runs `workers` threads that claim and run jobs, renews
// leases, re-queues jobs of dead nodes, and stops cleanly when asked.
// Thread-safety: requestStop() may be called from any thread (it only sets
// a flag); everything else runs on the thread that called run().
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "base/config.h"

namespace relais {

class Engine {
public:
    explicit Engine(Config config) : config_(std::move(config)) {}

    // Runs until requestStop(); returns the process exit code.
    int run();
    void requestStop();
    bool stopping() const { return stopping_.load(); }

private:
    void worker(int index);
    // Sleeps up to `ms`, waking early on stop. Returns false when stopping.
    bool sleepFor(int ms);

    Config config_;
    std::atomic<bool> stopping_{false};
    std::mutex mu_;
    std::condition_variable cv_;
};

// Sends a notification ("READY=1", "STOPPING=1"...) to systemd when started
// by it (NOTIFY_SOCKET set); does nothing otherwise.
void notifySystemd(const char* state);

}  // namespace relais
