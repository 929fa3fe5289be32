// exec: runs the program `with.program` (absolute path) with `with.args`
// followed by the paths of the input documents (read-only store files). Its
// standard output and error go to the job log; a non-zero exit, a signal or
// `with.timeout_seconds` (default 300) fails the step. No shell is involved.
// Input documents pass on to the next step.
#pragma once

#include "activities/activity.h"

namespace relais {

class ExecActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

}  // namespace relais
