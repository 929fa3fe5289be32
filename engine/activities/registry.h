// The activity registry: activity name -> implementation, and the validation
// of a whole flow against it.
// Thread-safety: read-only after construction; safe from several threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "activities/activity.h"
#include "flows/flow_definition.h"

namespace relais {

class ActivityRegistry {
public:
    // A registry with every built-in activity.
    static const ActivityRegistry& builtin();

    const Activity* find(const std::string& name) const;
    std::vector<std::string> names() const;
    // Checks every step's activity name and settings; errors name `origin`
    // and the step (e.g. "demo.json: steps[0].with.path must be absolute").
    Status validate(const FlowDefinition& flow, const std::string& origin) const;
    // Same, adding every problem to `errors` (steps with an empty activity
    // name were already reported by the flow's parser and are skipped).
    void validate(const FlowDefinition& flow, std::vector<FieldError>& errors) const;

    void add(const std::string& name, std::unique_ptr<Activity> activity);

private:
    std::map<std::string, std::unique_ptr<Activity>> activities_;
};

}  // namespace relais
