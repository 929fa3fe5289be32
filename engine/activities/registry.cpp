// Activity registry.
#include "activities/registry.h"

#include "activities/builtin_activities.h"

namespace relais {

const ActivityRegistry& ActivityRegistry::builtin() {
    static const ActivityRegistry registry = [] {
        ActivityRegistry r;
        registerBuiltinActivities(r);
        return r;
    }();
    return registry;
}

const Activity* ActivityRegistry::find(const std::string& name) const {
    auto it = activities_.find(name);
    return it == activities_.end() ? nullptr : it->second.get();
}

std::vector<std::string> ActivityRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& [n, _] : activities_) out.push_back(n);
    return out;
}

void ActivityRegistry::add(const std::string& name, std::unique_ptr<Activity> activity) {
    activities_[name] = std::move(activity);
}

Status ActivityRegistry::validate(const FlowDefinition& flow, const std::string& origin) const {
    std::vector<FieldError> errors;
    validate(flow, errors);
    return errors.empty() ? Status::ok() : Status::invalid(origin, std::move(errors));
}

void ActivityRegistry::validate(const FlowDefinition& flow, std::vector<FieldError>& errors) const {
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        const auto& step = flow.steps[i];
        if (step.activity.empty()) continue;
        const std::string at = "steps[" + std::to_string(i) + "]";
        const Activity* a = find(step.activity);
        if (!a) {
            std::string known;
            for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
            errors.push_back({at + ".activity", "'" + step.activity + "' is not a known activity (known: " + known + ")"});
            continue;
        }
        // An activity's message starts with the setting it is about
        // ("path must be absolute"): that word completes the field path.
        Status s = a->validate(step.with);
        if (s) continue;
        const std::string& m = s.message();
        const auto space = m.find(' ');
        if (space != std::string::npos && m.find_first_of(".,:'\"") > space)
            errors.push_back({at + ".with." + m.substr(0, space), m.substr(space + 1)});
        else
            errors.push_back({at + ".with", m});
    }
}

}  // namespace relais
