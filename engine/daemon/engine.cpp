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

#include <spdlog/spdlog.h>

#include "activities/job_runner.h"
#include "client/client.h"

namespace relais {
namespace {

constexpr int kHeartbeatMs = 5000;

}  // namespace

void notifySystemd(const char* state) {
    const char* path = std::getenv("NOTIFY_SOCKET");
    if (!path || !*path) return;
    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';  // abstract namespace
    (void)!::sendto(fd, state, std::strlen(state), 0, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::close(fd);
}

void Engine::requestStop() {
    stopping_.store(true);
    cv_.notify_all();
}

bool Engine::sleepFor(int ms) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_.load(); });
    return !stopping_.load();
}

void Engine::worker(int index) {
    const std::string who = config_.node + "/" + std::to_string(index);
    std::unique_ptr<Client> client;
    int idleMs = config_.pollIntervalMs;
    while (!stopping_.load()) {
        if (!client) {
            auto c = Client::open(config_);
            if (!c) {
                spdlog::warn("worker {}: {}; retrying in 2 s", who, c.status().message());
                sleepFor(2000);
                continue;
            }
            client = std::move(c).value();
        }
        auto queue = client->jobs();
        auto claimed = queue.claim(config_.node, config_.leaseSeconds);
        if (!claimed) {
            spdlog::warn("worker {}: cannot claim jobs: {}; reconnecting", who, claimed.status().message());
            client.reset();
            sleepFor(1000);
            continue;
        }
        if (!*claimed) {
            sleepFor(idleMs);
            continue;
        }
        const ClaimedJob& job = **claimed;
        spdlog::info("worker {}: running job {} (attempt {})", who, job.id, job.attempt);
        JobRunner runner(client->connection(), client->store(), ActivityRegistry::builtin(), stopping_);
        Status s = runner.run(job);
        if (!s) {
            spdlog::error("worker {}: job {}: lost the database while recording ({}); the lease will expire and "
                          "the job will be queued again",
                          who, job.id, s.message());
            client.reset();
        }
    }
}

int Engine::run() {
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
        if (!sleepFor(backoffMs)) return 0;
        backoffMs = std::min(backoffMs * 2, 30000);
    }
    char host[256] = {0};
    gethostname(host, sizeof host - 1);
    auto reg = client->connection().execute(
        "INSERT INTO node (name, host, pid, version, workers, status) VALUES (?, ?, ?, ?, ?, 'running') "
        "ON DUPLICATE KEY UPDATE host = VALUES(host), pid = VALUES(pid), version = VALUES(version), "
        "workers = VALUES(workers), status = 'running', started_at = NOW(3), heartbeat_at = NOW(3)",
        {config_.node, std::string(host), int64_t{::getpid()}, std::string(version()), int64_t{config_.workers}});
    if (!reg) {
        spdlog::critical("cannot register node {}: {} (has 'relais migrate' been run?)", config_.node,
                         reg.status().message());
        return 2;
    }
    std::vector<std::thread> workers;
    for (int i = 0; i < config_.workers; ++i) workers.emplace_back([this, i] { worker(i); });
    notifySystemd("READY=1");
    spdlog::info("relaisd ready");

    while (sleepFor(kHeartbeatMs)) {
        if (!client->connection().ping()) {
            auto c = Client::open(config_);
            if (!c) {
                spdlog::warn("heartbeat: {}", c.status().message());
                continue;
            }
            client = std::move(c).value();
        }
        auto& hc = client->connection();
        auto queue = client->jobs();
        if (Status s = queue.heartbeat(config_.node, config_.leaseSeconds); !s)
            spdlog::warn("heartbeat: {}", s.message());
        hc.execute("UPDATE node SET heartbeat_at = NOW(3) WHERE name = ?", {config_.node});
        auto recovered = queue.recoverExpiredLeases();
        if (recovered && *recovered > 0) spdlog::warn("re-queued {} job(s) whose node stopped renewing its lease", *recovered);
    }

    notifySystemd("STOPPING=1");
    spdlog::info("relaisd stopping: waiting for the workers to finish their current step");
    for (auto& t : workers) t.join();
    client->connection().execute("UPDATE node SET status = 'stopped' WHERE name = ?", {config_.node});
    spdlog::info("relaisd stopped");
    return 0;
}

}  // namespace relais
