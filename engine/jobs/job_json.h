// JSON views of jobs and flows, as printed by `relais ... --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "flows/flow_repository.h"
#include "jobs/job_queue.h"

namespace relais {

nlohmann::json toJson(const JobSummary& job);
nlohmann::json toJson(const JobDetail& job);
nlohmann::json toJson(const StoredFlow& flow);

}  // namespace relais
