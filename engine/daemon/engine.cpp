// relaisd engine loop.
#include "daemon/engine.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "client/client.h"
#include "daemon/triggers.h"

namespace relais {
namespace {

constexpr int kHeartbeatMs = 5000;
// How often the trigger thread re-reads the flows (new, changed, disabled).
constexpr int kTriggerRefreshSeconds = 5;

// WATCHDOG_USEC from systemd, in milliseconds; 0 when there is no watchdog.
int watchdogIntervalMs() {
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!usec || !*usec) return 0;
    return static_cast<int>(std::strtoll(usec, nullptr, 10) / 1000);
}

}  // namespace

void notifySystemd(const std::string& state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || !*path) return;
    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    socklen_t len = sizeof addr;
    if (addr.sun_path[0] == '@') {  // abstract namespace
        addr.sun_path[0] = '\0';
        len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + std::strlen(path));
    }
    (void)!::sendto(fd, state.data(), state.size(), 0, reinterpret_cast<sockaddr*>(&addr), len);
    ::close(fd);
}

void configureLogging(const std::string& level, const std::string& file) {
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::stderr_sink_mt>()};
    if (!file.empty()) {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(file));
        } catch (const spdlog::spdlog_ex& e) {
            std::fprintf(stderr, "relaisd: cannot open log file %s: %s; logging to stderr only\n", file.c_str(),
                         e.what());
        }
    }
    auto logger = std::make_shared<spdlog::logger>("relaisd", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
    logger->set_level(spdlog::level::from_str(level));
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
}

void Engine::requestStop() {
    control_.draining.store(true);
    cv_.notify_all();
}

void Engine::requestReload() {
    reload_.store(true);
    cv_.notify_all();
}

bool Engine::sleepFor(int ms) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(ms),
                 [this] { return control_.draining.load() || reload_.load(); });
    return !control_.draining.load();
}

void Engine::idleWait(int ms) {
    const uint64_t seen = workGeneration_.load();
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(ms),
                 [&] { return control_.draining.load() || workGeneration_.load() != seen; });
}

void Engine::signalWork() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        ++workGeneration_;
    }
    cv_.notify_all();
}

void Engine::reload() {
    reload_.store(false);
    auto fresh = loadConfig(config_.path);
    if (!fresh) {
        spdlog::error("reload: {}; keeping the running configuration", fresh.status().message());
        return;
    }
    configureLogging(fresh->logLevel, fresh->logFile);
    pollIntervalMs_.store(fresh->pollIntervalMs);
    if (fresh->database.redacted() != config_.database.redacted() || fresh->workers != config_.workers ||
        fresh->storePath != config_.storePath || fresh->node != config_.node)
        spdlog::warn("reload: database, store, node and workers changes take effect at the next restart");
    spdlog::info("reload: configuration {} read again (log level {}, poll interval {} ms)", config_.path,
                 fresh->logLevel, fresh->pollIntervalMs);
}

std::vector<int64_t> Engine::heldJobs() {
    std::lock_guard<std::mutex> lock(localMu_);
    std::set<int64_t> unique(held_.begin(), held_.end());
    return {unique.begin(), unique.end()};
}

void Engine::forget(int64_t job) {
    std::lock_guard<std::mutex> lock(localMu_);
    auto it = held_.find(job);
    if (it != held_.end()) held_.erase(it);
}

void Engine::worker(int index) {
    const std::string who = config_.node + "/" + std::to_string(index);
    std::unique_ptr<Client> client;
    FlowCache flows;
    // A job whose run lost the database: given back to the queue as soon as
    // the database answers again (else its lease runs out and recovery does it).
    std::optional<ClaimedJob> orphan;
    while (!control_.draining.load()) {
        if (!client) {
            auto c = Client::open(config_);
            if (!c) {
                spdlog::warn("worker {}: {}; retrying in 2 s", who, c.status().message());
                sleepFor(2000);
                continue;
            }
            client = std::move(c).value();
        }
        if (orphan) {
            Status s = client->jobs().release(*orphan, "the database connection was lost during attempt " +
                                                           std::to_string(orphan->attempt) + "; job queued again");
            if (!s) spdlog::warn("worker {}: job {}: cannot give it back to the queue ({}); its lease will run out",
                                 who, orphan->id, s.message());
            else spdlog::info("worker {}: job {} given back to the queue after the database came back", who, orphan->id);
            orphan.reset();
        }
        auto queue = client->jobs();
        std::optional<ClaimedJob> next;
        {
            std::lock_guard<std::mutex> lock(localMu_);
            if (!local_.empty()) {
                next = std::move(local_.front());
                local_.pop_front();
            }
        }
        if (!next) {
            auto claimed = queue.claimBatch(config_.node, config_.leaseSeconds, config_.claimBatch);
            if (!claimed) {
                spdlog::warn("worker {}: cannot claim jobs: {}; reconnecting", who, claimed.status().message());
                client.reset();
                sleepFor(1000);
                continue;
            }
            if (claimed->empty()) {
                idleWait(pollIntervalMs_.load());
                continue;
            }
            next = std::move(claimed->front());
            {
                std::lock_guard<std::mutex> lock(localMu_);
                for (const auto& c : *claimed) held_.insert(c.id);
                for (size_t i = 1; i < claimed->size(); ++i) {
                    (*claimed)[i].prefetched = true;
                    local_.push_back(std::move((*claimed)[i]));
                }
            }
        }
        const ClaimedJob& job = *next;
        spdlog::debug("worker {}: running job {} (attempt {})", who, job.id, job.attempt);
        ++busyWorkers_;
        // Another idle worker may find the next job of a burst at once.
        signalWork();
        JobRunner runner(client->connection(), client->store(), ActivityRegistry::builtin(), control_, &flows,
                         &client->config().transfer);
        Status s = runner.run(job);
        forget(job.id);
        --busyWorkers_;
        ++jobsRun_;
        if (!s && s.code() == Code::Unavailable) {
            spdlog::error("worker {}: job {}: lost the database while recording ({}); the job goes back to the "
                          "queue once the database answers",
                          who, job.id, s.message());
            orphan = job;
            client.reset();
        } else if (!s) {
            // Not a connection problem: giving the job back at once would rerun it
            // in a loop. Its lease runs out and recovery queues it again.
            spdlog::error("worker {}: job {}: cannot record its progress ({}); it will be queued again when its "
                          "lease runs out",
                          who, job.id, s.message());
            client.reset();
        }
    }
}

void Engine::triggerLoop() {
    Triggers triggers(config_.node);
    std::unique_ptr<Client> client;
    auto lastRefresh = std::chrono::steady_clock::time_point{};
    while (!control_.draining.load()) {
        if (!client) {
            auto c = Client::open(config_);
            if (!c) {
                spdlog::warn("triggers: {}; retrying in 2 s", c.status().message());
                sleepFor(2000);
                continue;
            }
            client = std::move(c).value();
            lastRefresh = {};
        }
        const auto now = std::chrono::system_clock::now();
        if (std::chrono::steady_clock::now() - lastRefresh >= std::chrono::seconds(kTriggerRefreshSeconds)) {
            if (Status s = triggers.refresh(*client, now); !s) {
                spdlog::warn("triggers: cannot read the flows: {}; reconnecting", s.message());
                client.reset();
                sleepFor(1000);
                continue;
            }
            lastRefresh = std::chrono::steady_clock::now();
        }
        auto fired = triggers.tick(*client, now);
        if (!fired) {
            spdlog::warn("triggers: {}; reconnecting", fired.status().message());
            client.reset();
            sleepFor(1000);
            continue;
        }
        if (*fired > 0) signalWork();
        triggers.waitForEvents(std::min(500, pollIntervalMs_.load()));
    }
}

int Engine::run() {
    pollIntervalMs_.store(config_.pollIntervalMs);
    spdlog::info("relaisd {} starting: node {}, {} worker(s), config {}", version(), config_.node, config_.workers,
                 config_.path);
    std::unique_ptr<Client> client;
    int backoffMs = 1000;
    while (!client) {
        auto c = Client::open(config_);
        if (c) {
            client = std::move(c).value();
            break;
        }
        if (c.status().code() == Code::Config) {
            spdlog::critical("{}", c.status().message());
            return 2;
        }
        spdlog::warn("database unavailable: {}; retrying in {} s", c.status().message(), backoffMs / 1000);
        notifySystemd("STATUS=waiting for the database");
        if (!sleepFor(backoffMs)) return 0;
        backoffMs = std::min(backoffMs * 2, 30000);
    }
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    Status reg = client->nodes().registerNode(config_.node, host, ::getpid(), version(), config_.workers);
    if (!reg) {
        spdlog::critical("cannot register node {}: {} (has 'relais migrate' been run?)", config_.node,
                         reg.message());
        return 2;
    }
    std::vector<std::thread> workers;
    for (int i = 0; i < config_.workers; ++i) workers.emplace_back([this, i] { worker(i); });
    workers.emplace_back([this] { triggerLoop(); });
    notifySystemd("READY=1\nSTATUS=running " + std::to_string(config_.workers) + " worker(s)");
    spdlog::info("relaisd ready");

    const int watchdogMs = watchdogIntervalMs();
    // Three heartbeats per lease, so that one late heartbeat loses no job.
    const int heartbeatMs = std::min(kHeartbeatMs, config_.leaseSeconds * 1000 / 3);
    const int tickMs = watchdogMs > 0 ? std::min(heartbeatMs, watchdogMs / 2) : heartbeatMs;
    auto lastHeartbeat = std::chrono::steady_clock::now() - std::chrono::hours(1);
    while (sleepFor(tickMs) || reload_.load()) {
        if (control_.draining.load()) break;
        if (reload_.load()) reload();
        if (watchdogMs > 0) notifySystemd("WATCHDOG=1");
        if (std::chrono::steady_clock::now() - lastHeartbeat < std::chrono::milliseconds(heartbeatMs)) continue;
        lastHeartbeat = std::chrono::steady_clock::now();
        if (!client->connection().ping()) {
            auto c = Client::open(config_);
            if (!c) {
                spdlog::warn("heartbeat: {}", c.status().message());
                continue;
            }
            client = std::move(c).value();
        }
        auto queue = client->jobs();
        if (Status s = queue.heartbeat(config_.node, config_.leaseSeconds, heldJobs()); !s)
            spdlog::warn("heartbeat: {}", s.message());
        if (Status s = client->nodes().heartbeat(config_.node); !s) spdlog::warn("node heartbeat: {}", s.message());
        auto recovered = queue.recoverExpiredLeases();
        if (recovered && *recovered > 0)
            spdlog::warn("re-queued {} job(s) whose node stopped renewing its lease", *recovered);
        notifySystemd("STATUS=" + std::to_string(busyWorkers_.load()) + " of " + std::to_string(config_.workers) +
                      " worker(s) busy, " + std::to_string(jobsRun_.load()) + " job(s) run");
    }

    notifySystemd("STOPPING=1");
    spdlog::info("relaisd stopping: {} running step(s) get up to {} s to finish", busyWorkers_.load(),
                 config_.shutdownTimeoutSeconds);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(config_.shutdownTimeoutSeconds);
    while (busyWorkers_.load() > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (busyWorkers_.load() > 0) {
        spdlog::warn("relaisd stopping: {} step(s) still running after {} s; stopping them, their jobs go back to "
                     "the queue",
                     busyWorkers_.load(), config_.shutdownTimeoutSeconds);
        control_.aborting.store(true);
    }
    for (auto& t : workers) t.join();
    // Jobs claimed in a batch but never started go straight back to the queue.
    for (const auto& job : local_) {
        if (Status s = client->jobs().release(job, "engine shutting down before the job started; queued again"); !s)
            spdlog::warn("job {}: cannot give it back to the queue ({}); its lease will expire", job.id, s.message());
    }
    if (client->connection().ping())
        (void)client->nodes().markStopped(config_.node);
    spdlog::info("relaisd stopped");
    return 0;
}

}  // namespace relais
