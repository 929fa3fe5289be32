// Node registry over the node table.
#include "jobs/node_registry.h"

namespace relais {

Status NodeRegistry::registerNode(const std::string& name, const std::string& host, int64_t pid,
                                  const std::string& version, int workers) {
    auto r = conn_.execute(
        "INSERT INTO node (name, host, pid, version, workers, status) VALUES (?, ?, ?, ?, ?, 'running') "
        "ON DUPLICATE KEY UPDATE host = VALUES(host), pid = VALUES(pid), version = VALUES(version), "
        "workers = VALUES(workers), status = 'running', started_at = NOW(3), heartbeat_at = NOW(3)",
        {name, host, pid, version, int64_t{workers}});
    return r ? Status::ok() : r.status();
}

Status NodeRegistry::heartbeat(const std::string& name) {
    auto r = conn_.execute("UPDATE node SET heartbeat_at = NOW(3), status = 'running' WHERE name = ?", {name});
    return r ? Status::ok() : r.status();
}

Status NodeRegistry::markStopped(const std::string& name) {
    auto r = conn_.execute("UPDATE node SET status = 'stopped' WHERE name = ?", {name});
    return r ? Status::ok() : r.status();
}

Result<std::vector<NodeInfo>> NodeRegistry::list(int leaseSeconds) {
    auto rows = conn_.query(
        "SELECT name, host, pid, version, workers, status, started_at, heartbeat_at, "
        "status = 'running' AND heartbeat_at > NOW(3) - INTERVAL ? SECOND AS alive, "
        "(SELECT COUNT(*) FROM job WHERE job.status = 'running' AND job.node = node.name) AS running "
        "FROM node ORDER BY name",
        {int64_t{leaseSeconds}});
    if (!rows) return rows.status();
    std::vector<NodeInfo> out;
    for (const auto& r : *rows)
        out.push_back({r.str(0), r.str(1), r.i64(2), r.str(3), static_cast<int>(r.i64(4)), r.str(5), r.str(6),
                       r.str(7), r.i64(8) != 0, r.i64(9)});
    return out;
}

}  // namespace relais
