// Engine nodes sharing the database: registration, heartbeats, and the list
// with alive/dead that `relais nodes`, the PHP extension and the admin
// dashboard show. Owns the node table.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace relais {

struct NodeInfo {
    std::string name;
    std::string host;
    int64_t pid = 0;
    std::string version;
    int workers = 0;
    std::string status;  // "running" or "stopped" (as the node last said)
    std::string startedAt;
    std::string heartbeatAt;
    bool alive = false;      // running and heartbeat younger than the lease
    int64_t runningJobs = 0;
};

class NodeRegistry {
public:
    explicit NodeRegistry(db::Connection& conn) : conn_(conn) {}

    Status registerNode(const std::string& name, const std::string& host, int64_t pid, const std::string& version,
                        int workers);
    Status heartbeat(const std::string& name);
    Status markStopped(const std::string& name);
    // Every node, by name; alive when its heartbeat is younger than `leaseSeconds`.
    Result<std::vector<NodeInfo>> list(int leaseSeconds);

private:
    db::Connection& conn_;
};

}  // namespace relais
