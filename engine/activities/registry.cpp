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
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        const auto& step = flow.steps[i];
        const std::string at = origin + ": steps[" + std::to_string(i) + "]";
        const Activity* a = find(step.activity);
        if (!a) {
            std::string known;
            for (const auto& n : names()) known += (known.empty() ? "" : ", ") + n;
            return Status(Code::InvalidArgument,
                          at + ".activity '" + step.activity + "' is not a known activity (known: " + known + ")");
        }
        Status s = a->validate(step.with);
        if (!s) return Status(s.code(), at + ".with." + s.message());
    }
    return Status::ok();
}

}  // namespace relais
