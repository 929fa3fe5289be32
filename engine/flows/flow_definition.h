// A flow definition: a trigger and an ordered list of steps, written as JSON:
//   {"name": "...", "description": "...", "trigger": {"type": "manual"},
//    "retry": {"max_attempts": 3, "backoff_seconds": 60, "max_backoff_seconds": 3600},
//    "steps": [{"activity": "dir.deposit", "with": {"path": "/srv/out"}}]}
// This file checks the structure; each activity checks its own "with"
// (activities/registry.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/status.h"

namespace relais {

struct StepDefinition {
    std::string activity;
    nlohmann::json with = nlohmann::json::object();
};

// What starts a flow's jobs:
//   {"type": "manual"}                      submit from the CLI, web or SOAP
//   {"type": "schedule", "cron": "*/5 * * * *", "timezone": "Europe/Paris"}
//   {"type": "directory", "path": "/srv/in", "pattern": "*.edi",
//    "stable_seconds": 2, "poll_seconds": 5}  one job per file
struct TriggerDefinition {
    std::string type = "manual";
    std::string cron;
    std::string timeZone = "Europe/Paris";
    std::string path;
    std::string pattern = "*";
    int stableSeconds = 2;
    int pollSeconds = 5;
};

struct FlowDefinition {
    std::string name;
    std::string description;
    std::string trigger = "manual";  // trigger.type, the column shown in lists
    TriggerDefinition triggerDef;
    int maxAttempts = 1;
    int backoffSeconds = 60;
    int maxBackoffSeconds = 3600;
    std::vector<StepDefinition> steps;
    nlohmann::json json;  // the definition as given, stored in the flow table
};

// Parses and checks a flow. Errors name `origin` and every field in error
// (e.g. "flows/a.json: steps[1].activity is missing"); Status::fieldErrors()
// lists them one by one.
Result<FlowDefinition> parseFlow(const std::string& text, const std::string& origin);
Result<FlowDefinition> flowFromJson(const nlohmann::json& j, const std::string& origin);
// Same, listing every problem in `errors` (field paths such as "retry.max_attempts")
// and returning what could be read; steps that could not be read keep their
// place with an empty activity name.
FlowDefinition flowFromJson(const nlohmann::json& j, std::vector<FieldError>& errors);

// Flow names: 1 to 190 characters of letters, digits, '-', '_' and '.'.
bool isValidFlowName(const std::string& name);

}  // namespace relais
