// Flow storage in the `flow` table.
#include "flows/flow_repository.h"

#include "base/sha256.h"

namespace relais {
namespace {

constexpr const char* kColumns =
    "id, name, version, description, trigger_type, enabled, definition, created_at";

Result<StoredFlow> fromRow(const db::Row& r) {
    StoredFlow f;
    f.id = r.i64(0);
    f.name = r.str(1);
    f.version = static_cast<int>(r.i64(2));
    f.description = r.str(3);
    f.trigger = r.str(4);
    f.enabled = r.i64(5) != 0;
    f.createdAt = r.str(7);
    auto def = parseFlow(r.str(6), "flow " + f.name + " version " + std::to_string(f.version));
    if (!def) return def.status();
    f.definition = std::move(def).value();
    f.steps = static_cast<int>(f.definition.steps.size());
    return f;
}

}  // namespace

Result<ImportResult> FlowRepository::import(const FlowDefinition& def) {
    const std::string text = def.json.dump();
    const std::string digest = sha256Hex(text);
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    // Lock the name's rows so two imports cannot take the same version.
    auto cur = conn_.query(
        "SELECT id, version, sha256, enabled FROM flow WHERE name = ? ORDER BY version DESC LIMIT 1 FOR UPDATE",
        {def.name});
    if (!cur) return cur.status();
    ImportResult out;
    bool enabled = true;
    if (!cur->empty()) {
        const auto& r = cur->front();
        enabled = r.i64(3) != 0;
        if (r.str(2) == digest) {
            out.id = r.i64(0);
            out.version = static_cast<int>(r.i64(1));
            RELAIS_TRY(tx.commit());
            return out;
        }
        out.version = static_cast<int>(r.i64(1)) + 1;
    } else {
        out.version = 1;
    }
    auto ins = conn_.execute(
        "INSERT INTO flow (name, version, description, trigger_type, definition, sha256, enabled) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {def.name, int64_t{out.version}, def.description, def.trigger, text, digest, int64_t{enabled ? 1 : 0}});
    if (!ins) return ins.status().withContext("importing flow " + def.name);
    out.id = static_cast<int64_t>(conn_.lastInsertId());
    out.changed = true;
    RELAIS_TRY(tx.commit());
    return out;
}

Result<std::vector<StoredFlow>> FlowRepository::list() {
    auto rows = conn_.query(std::string("SELECT ") + kColumns +
                            " FROM flow f WHERE version = (SELECT MAX(version) FROM flow g WHERE g.name = f.name)"
                            " ORDER BY name");
    if (!rows) return rows.status();
    std::vector<StoredFlow> out;
    for (const auto& r : *rows) {
        auto f = fromRow(r);
        if (!f) return f.status();
        out.push_back(std::move(f).value());
    }
    return out;
}

Result<StoredFlow> FlowRepository::current(const std::string& name) {
    auto rows = conn_.query(std::string("SELECT ") + kColumns +
                                " FROM flow WHERE name = ? ORDER BY version DESC LIMIT 1",
                            {name});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown flow '" + name + "'");
    return fromRow(rows->front());
}

Result<StoredFlow> FlowRepository::version(const std::string& name, int version) {
    auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM flow WHERE name = ? AND version = ?",
                            {name, int64_t{version}});
    if (!rows) return rows.status();
    if (rows->empty()) {
        auto current = this->current(name);
        if (!current) return current.status();
        return Status(Code::NotFound, "flow '" + name + "' has no version " + std::to_string(version) +
                                          " (versions 1 to " + std::to_string(current->version) + ")");
    }
    return fromRow(rows->front());
}

Result<std::vector<StoredFlow>> FlowRepository::versions(const std::string& name) {
    auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM flow WHERE name = ? ORDER BY version DESC",
                            {name});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown flow '" + name + "'");
    std::vector<StoredFlow> out;
    for (const auto& r : *rows) {
        auto f = fromRow(r);
        if (!f) return f.status();
        out.push_back(std::move(f).value());
    }
    return out;
}

Result<FlowHead> FlowRepository::head(const std::string& name) {
    auto rows = conn_.query(
        "SELECT id, name, version, enabled, max_attempts "
        "FROM flow WHERE name = ? ORDER BY version DESC LIMIT 1",
        {name});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown flow '" + name + "'");
    const auto& r = rows->front();
    return FlowHead{r.i64(0), r.str(1), static_cast<int>(r.i64(2)), r.i64(3) != 0, static_cast<int>(r.i64(4))};
}

Result<StoredFlow> FlowRepository::byId(int64_t id) {
    auto rows = conn_.query(std::string("SELECT ") + kColumns + " FROM flow WHERE id = ?", {id});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "no flow with id " + std::to_string(id));
    return fromRow(rows->front());
}

Status FlowRepository::setEnabled(const std::string& name, bool enabled) {
    auto n = conn_.execute("UPDATE flow SET enabled = ? WHERE name = ?", {int64_t{enabled ? 1 : 0}, name});
    if (!n) return n.status();
    if (*n == 0) return Status(Code::NotFound, "unknown flow '" + name + "'");
    return Status::ok();
}

}  // namespace relais
