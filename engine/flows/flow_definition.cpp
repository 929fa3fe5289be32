// Flow JSON parsing and structural validation.
#include "flows/flow_definition.h"

#include <algorithm>
#include <cctype>

#include "flows/cron_schedule.h"

namespace relais {
namespace {

// Collects the problems of one flow, so that a caller sees all of them at once.
class Problems {
public:
    void add(const std::string& field, const std::string& what) { errors_.push_back({field, what}); }
    bool empty() const { return errors_.empty(); }
    size_t size() const { return errors_.size(); }
    std::vector<FieldError> take() { return std::move(errors_); }

private:
    std::vector<FieldError> errors_;
};

// An integer setting `key` of object `o` (field path `at.key`) within [min, max].
int boundedInt(const nlohmann::json& o, const std::string& at, const char* key, int def, int min, int max,
               Problems& p) {
    if (!o.contains(key)) return def;
    if (!o[key].is_number_integer() || o[key].get<int64_t>() < min || o[key].get<int64_t>() > max) {
        p.add(at + "." + key, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
        return def;
    }
    return o[key].get<int>();
}

TriggerDefinition triggerFromJson(const nlohmann::json& t, Problems& p) {
    TriggerDefinition d;
    if (!t.is_object() || !t.contains("type") || !t["type"].is_string()) {
        p.add("trigger.type", "is missing or not a string");
        return d;
    }
    d.type = t["type"].get<std::string>();
    auto str = [&](const char* key, std::string& out, bool required) {
        if (!t.contains(key)) {
            if (required) p.add(std::string("trigger.") + key, "is missing");
            return;
        }
        if (!t[key].is_string() || t[key].get<std::string>().empty()) {
            p.add(std::string("trigger.") + key, "must be a non-empty string");
            return;
        }
        out = t[key].get<std::string>();
    };
    std::vector<std::string> known{"type"};
    if (d.type == "manual") {
    } else if (d.type == "schedule") {
        known.insert(known.end(), {"cron", "timezone"});
        str("cron", d.cron, true);
        str("timezone", d.timeZone, false);
        if (!CronSchedule::knownTimeZone(d.timeZone)) {
            p.add("trigger.timezone", "'" + d.timeZone + "' is not a known time zone (use an IANA name like Europe/Paris)");
        } else if (!d.cron.empty()) {
            auto cron = CronSchedule::parse(d.cron, d.timeZone);
            if (!cron) p.add("trigger.cron", cron.status().message());
        }
    } else if (d.type == "directory") {
        known.insert(known.end(), {"path", "pattern", "stable_seconds", "poll_seconds"});
        str("path", d.path, true);
        if (!d.path.empty() && d.path.front() != '/') p.add("trigger.path", "'" + d.path + "' must be absolute");
        str("pattern", d.pattern, false);
        if (d.pattern.find('/') != std::string::npos) p.add("trigger.pattern", "must match file names, without '/'");
        d.stableSeconds = boundedInt(t, "trigger", "stable_seconds", 2, 0, 3600, p);
        d.pollSeconds = boundedInt(t, "trigger", "poll_seconds", 5, 1, 3600, p);
    } else {
        p.add("trigger.type", "'" + d.type + "' is not supported (supported: manual, schedule, directory)");
        return d;
    }
    for (const auto& [key, _] : t.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            p.add("trigger." + key, "is not a setting of a " + d.type + " trigger");
    return d;
}

void retryFromJson(const nlohmann::json& r, FlowDefinition& f, Problems& p) {
    if (!r.is_object()) {
        p.add("retry", "must be an object");
        return;
    }
    f.maxAttempts = boundedInt(r, "retry", "max_attempts", 1, 1, 100, p);
    f.backoffSeconds = boundedInt(r, "retry", "backoff_seconds", 60, 0, 86400, p);
    f.maxBackoffSeconds = boundedInt(r, "retry", "max_backoff_seconds", 3600, 0, 7 * 86400, p);
    for (const auto& [key, _] : r.items())
        if (key != "max_attempts" && key != "backoff_seconds" && key != "max_backoff_seconds")
            p.add("retry." + key, "is not a retry setting (known: max_attempts, backoff_seconds, max_backoff_seconds)");
}

// Step i; a step whose activity cannot be read keeps an empty activity name
// (its problem is already listed) so that later steps keep their index.
StepDefinition stepFromJson(const nlohmann::json& s, size_t i, Problems& p) {
    StepDefinition step;
    const std::string at = "steps[" + std::to_string(i) + "]";
    if (!s.is_object()) {
        p.add(at, "must be an object");
        return step;
    }
    for (const auto& [key, _] : s.items())
        if (key != "activity" && key != "with") p.add(at + "." + key, "is not a step field (known: activity, with)");
    if (!s.contains("activity") || !s["activity"].is_string() || s["activity"].get<std::string>().empty())
        p.add(at + ".activity", "is missing or not a string");
    else
        step.activity = s["activity"].get<std::string>();
    if (s.contains("with")) {
        if (!s["with"].is_object()) p.add(at + ".with", "must be an object");
        else step.with = s["with"];
    }
    return step;
}

}  // namespace

bool isValidFlowName(const std::string& name) {
    if (name.empty() || name.size() > 190) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

Result<FlowDefinition> parseFlow(const std::string& text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
        return Status(Code::InvalidArgument, origin + ": not valid JSON: " + what);
    }
    return flowFromJson(j, origin);
}

FlowDefinition flowFromJson(const nlohmann::json& j, std::vector<FieldError>& errors) {
    Problems p;
    FlowDefinition f;
    f.json = j;
    if (!j.is_object()) {
        errors.push_back({"(flow)", "must be a JSON object"});
        return f;
    }
    static const char* known[] = {"name", "description", "trigger", "retry", "steps"};
    for (const auto& [key, _] : j.items()) {
        bool ok = false;
        for (auto* k : known) ok = ok || key == k;
        if (!ok) p.add(key, "is not a flow field (known: name, description, trigger, retry, steps)");
    }
    if (!j.contains("name") || !j["name"].is_string()) {
        p.add("name", "is missing or not a string");
    } else {
        f.name = j["name"].get<std::string>();
        if (!isValidFlowName(f.name)) p.add("name", "'" + f.name + "' must be 1-190 letters, digits, '-', '_' or '.'");
    }
    if (j.contains("description")) {
        if (!j["description"].is_string()) {
            p.add("description", "must be a string");
        } else {
            f.description = j["description"].get<std::string>();
            if (f.description.size() > 1000) p.add("description", "is longer than 1000 characters");
        }
    }
    if (j.contains("trigger")) {
        f.triggerDef = triggerFromJson(j["trigger"], p);
        f.trigger = f.triggerDef.type;
    }
    if (j.contains("retry")) retryFromJson(j["retry"], f, p);
    if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) {
        p.add("steps", "must be a non-empty array");
    } else {
        for (size_t i = 0; i < j["steps"].size(); ++i) f.steps.push_back(stepFromJson(j["steps"][i], i, p));
    }
    auto found = p.take();
    errors.insert(errors.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    return f;
}

Result<FlowDefinition> flowFromJson(const nlohmann::json& j, const std::string& origin) {
    std::vector<FieldError> errors;
    FlowDefinition f = flowFromJson(j, errors);
    if (!errors.empty()) return Status::invalid(origin, std::move(errors));
    return f;
}

}  // namespace relais
