// Stored flows: import (a changed definition becomes a new version), list,
// find the current version, enable and disable. Owns the `flow` table.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "flows/flow_definition.h"

namespace relais {

struct StoredFlow {
    int64_t id = 0;
    std::string name;
    int version = 0;
    std::string description;
    std::string trigger;
    bool enabled = true;
    int steps = 0;
    std::string createdAt;
    FlowDefinition definition;
};

struct ImportResult {
    int64_t id = 0;
    int version = 0;
    bool changed = false;  // false: the same definition was already the current version
};

// What a submit needs of a flow's current version, without its definition.
struct FlowHead {
    int64_t id = 0;
    std::string name;
    int version = 0;
    bool enabled = true;
    int maxAttempts = 1;
};

class FlowRepository {
public:
    explicit FlowRepository(db::Connection& conn) : conn_(conn) {}

    // Stores `def` as the next version of its name unless the current version
    // has the same definition. Call only with a validated definition.
    Result<ImportResult> import(const FlowDefinition& def);
    // The current version's id, version, enabled flag and retry.max_attempts
    // (one indexed row, no parsing: the submit path); NotFound names the flow.
    Result<FlowHead> head(const std::string& name);
    // The current (highest) version of every flow, by name.
    Result<std::vector<StoredFlow>> list();
    // The current version of `name`; NotFound names the flow.
    Result<StoredFlow> current(const std::string& name);
    Result<StoredFlow> byId(int64_t id);
    // Version `version` of `name`; NotFound names the flow and the versions it has.
    Result<StoredFlow> version(const std::string& name, int version);
    // Every version of `name`, newest first.
    Result<std::vector<StoredFlow>> versions(const std::string& name);
    // Enables or disables every version of `name`.
    Status setEnabled(const std::string& name, bool enabled);

private:
    db::Connection& conn_;
};

}  // namespace relais
