// JSON views of jobs and flows.
#include "jobs/job_json.h"

namespace relais {
namespace {

template <class T>
nlohmann::json opt(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json toJson(const JobSummary& j) {
    return {{"id", j.id},
            {"flow", j.flow},
            {"flow_version", j.flowVersion},
            {"status", j.status},
            {"priority", j.priority},
            {"attempt", j.attempt},
            {"max_attempts", j.maxAttempts},
            {"node", opt(j.node)},
            {"error", opt(j.error)},
            {"params", j.params},
            {"submitted_by", opt(j.submittedBy)},
            {"partner", opt(j.partner)},
            {"created_at", j.createdAt},
            {"started_at", opt(j.startedAt)},
            {"finished_at", opt(j.finishedAt)},
            {"run_at", j.runAt}};
}

nlohmann::json toJson(const JobDetail& j) {
    nlohmann::json out = toJson(static_cast<const JobSummary&>(j));
    out["steps"] = nlohmann::json::array();
    for (const auto& s : j.steps)
        out["steps"].push_back({{"attempt", s.attempt},
                                {"position", s.position},
                                {"activity", s.activity},
                                {"status", s.status},
                                {"error", opt(s.error)},
                                {"started_at", s.startedAt},
                                {"finished_at", opt(s.finishedAt)}});
    out["documents"] = nlohmann::json::array();
    for (const auto& d : j.documents)
        out["documents"].push_back({{"id", d.id},
                                    {"name", d.name},
                                    {"size", d.size},
                                    {"sha256", d.sha256},
                                    {"direction", d.direction},
                                    {"step", opt(d.position)}});
    out["log"] = nlohmann::json::array();
    for (const auto& l : j.log)
        out["log"].push_back({{"at", l.at}, {"level", l.level}, {"step", opt(l.position)}, {"message", l.message}});
    out["log_total"] = j.logTotal;
    return out;
}

nlohmann::json toJson(const StoredFlow& f) {
    return {{"name", f.name},
            {"version", f.version},
            {"description", f.description},
            {"enabled", f.enabled},
            {"trigger", f.trigger},
            {"steps", f.steps},
            {"created_at", f.createdAt},
            {"definition", f.definition.json}};
}

}  // namespace relais
