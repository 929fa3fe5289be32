// Flow JSON parsing and structural validation.
#include "flows/flow_definition.h"

#include <algorithm>
#include <cctype>

#include "flows/cron_schedule.h"

namespace relais {
namespace {

Status fieldError(const std::string& origin, const std::string& field, const std::string& what) {
    return Status(Code::InvalidArgument, origin + ": " + field + " " + what);
}

Result<int> boundedInt(const nlohmann::json& t, const char* key, int def, int min, int max, const std::string& origin) {
    if (!t.contains(key)) return def;
    if (!t[key].is_number_integer() || t[key].get<int>() < min || t[key].get<int>() > max)
        return fieldError(origin, std::string("trigger.") + key,
                          "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return t[key].get<int>();
}

Result<TriggerDefinition> triggerFromJson(const nlohmann::json& t, const std::string& origin) {
    TriggerDefinition d;
    if (!t.is_object() || !t.contains("type") || !t["type"].is_string())
        return fieldError(origin, "trigger.type", "is missing or not a string");
    d.type = t["type"].get<std::string>();
    auto str = [&](const char* key, std::string& out, bool required) -> Status {
        if (!t.contains(key)) {
            return required ? fieldError(origin, std::string("trigger.") + key, "is missing") : Status::ok();
        }
        if (!t[key].is_string() || t[key].get<std::string>().empty())
            return fieldError(origin, std::string("trigger.") + key, "must be a non-empty string");
        out = t[key].get<std::string>();
        return Status::ok();
    };
    std::vector<std::string> known{"type"};
    if (d.type == "manual") {
    } else if (d.type == "schedule") {
        known.insert(known.end(), {"cron", "timezone"});
        RELAIS_TRY(str("cron", d.cron, true));
        RELAIS_TRY(str("timezone", d.timeZone, false));
        auto cron = CronSchedule::parse(d.cron, d.timeZone);
        if (!cron) return fieldError(origin, "trigger.cron", cron.status().message());
    } else if (d.type == "directory") {
        known.insert(known.end(), {"path", "pattern", "stable_seconds", "poll_seconds"});
        RELAIS_TRY(str("path", d.path, true));
        if (d.path.front() != '/') return fieldError(origin, "trigger.path", "'" + d.path + "' must be absolute");
        RELAIS_TRY(str("pattern", d.pattern, false));
        if (d.pattern.find('/') != std::string::npos)
            return fieldError(origin, "trigger.pattern", "must match file names, without '/'");
        RELAIS_ASSIGN_OR_RETURN(d.stableSeconds, boundedInt(t, "stable_seconds", 2, 0, 3600, origin));
        RELAIS_ASSIGN_OR_RETURN(d.pollSeconds, boundedInt(t, "poll_seconds", 5, 1, 3600, origin));
    } else {
        return fieldError(origin, "trigger.type",
                          "'" + d.type + "' is not supported (supported: manual, schedule, directory)");
    }
    for (const auto& [key, _] : t.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            return fieldError(origin, "trigger." + key, "is not a setting of a " + d.type + " trigger");
    return d;
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

Result<FlowDefinition> flowFromJson(const nlohmann::json& j, const std::string& origin) {
    if (!j.is_object()) return Status(Code::InvalidArgument, origin + ": a flow must be a JSON object");
    static const char* known[] = {"name", "description", "trigger", "retry", "steps"};
    for (const auto& [key, _] : j.items()) {
        bool ok = false;
        for (auto* k : known) ok = ok || key == k;
        if (!ok) return fieldError(origin, key, "is not a flow field (known: name, description, trigger, retry, steps)");
    }
    FlowDefinition f;
    f.json = j;
    if (!j.contains("name") || !j["name"].is_string()) return fieldError(origin, "name", "is missing or not a string");
    f.name = j["name"].get<std::string>();
    if (!isValidFlowName(f.name))
        return fieldError(origin, "name", "'" + f.name + "' must be 1-190 letters, digits, '-', '_' or '.'");
    if (j.contains("description")) {
        if (!j["description"].is_string()) return fieldError(origin, "description", "must be a string");
        f.description = j["description"].get<std::string>();
        if (f.description.size() > 1000) return fieldError(origin, "description", "is longer than 1000 characters");
    }
    if (j.contains("trigger")) {
        auto t = triggerFromJson(j["trigger"], origin);
        if (!t) return t.status();
        f.triggerDef = std::move(t).value();
        f.trigger = f.triggerDef.type;
    }
    if (j.contains("retry")) {
        const auto& r = j["retry"];
        if (!r.is_object()) return fieldError(origin, "retry", "must be an object");
        if (r.contains("max_attempts")) {
            if (!r["max_attempts"].is_number_integer() || r["max_attempts"].get<int>() < 1 ||
                r["max_attempts"].get<int>() > 100)
                return fieldError(origin, "retry.max_attempts", "must be an integer from 1 to 100");
            f.maxAttempts = r["max_attempts"].get<int>();
        }
        if (r.contains("backoff_seconds")) {
            if (!r["backoff_seconds"].is_number_integer() || r["backoff_seconds"].get<int>() < 0 ||
                r["backoff_seconds"].get<int>() > 86400)
                return fieldError(origin, "retry.backoff_seconds", "must be an integer from 0 to 86400");
            f.backoffSeconds = r["backoff_seconds"].get<int>();
        }
        if (r.contains("max_backoff_seconds")) {
            if (!r["max_backoff_seconds"].is_number_integer() || r["max_backoff_seconds"].get<int>() < 0 ||
                r["max_backoff_seconds"].get<int>() > 7 * 86400)
                return fieldError(origin, "retry.max_backoff_seconds", "must be an integer from 0 to 604800");
            f.maxBackoffSeconds = r["max_backoff_seconds"].get<int>();
        }
        for (const auto& [key, _] : r.items())
            if (key != "max_attempts" && key != "backoff_seconds" && key != "max_backoff_seconds")
                return fieldError(origin, "retry." + key,
                                  "is not a retry setting (known: max_attempts, backoff_seconds, max_backoff_seconds)");
    }
    if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty())
        return fieldError(origin, "steps", "must be a non-empty array");
    for (size_t i = 0; i < j["steps"].size(); ++i) {
        const auto& s = j["steps"][i];
        const std::string at = "steps[" + std::to_string(i) + "]";
        if (!s.is_object()) return fieldError(origin, at, "must be an object");
        for (const auto& [key, _] : s.items())
            if (key != "activity" && key != "with")
                return fieldError(origin, at + "." + key, "is not a step field (known: activity, with)");
        if (!s.contains("activity") || !s["activity"].is_string())
            return fieldError(origin, at + ".activity", "is missing or not a string");
        StepDefinition step;
        step.activity = s["activity"].get<std::string>();
        if (s.contains("with")) {
            if (!s["with"].is_object()) return fieldError(origin, at + ".with", "must be an object");
            step.with = s["with"];
        }
        f.steps.push_back(std::move(step));
    }
    return f;
}

}  // namespace relais
