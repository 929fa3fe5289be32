// dir.collect: takes the files of the folder `with.path` (absolute) whose
// names match `with.pattern` (default "*"; dot files never) and makes them the
// step's output documents. Each file is first claimed by an atomic rename
// into PATH/.relais-taken/ (so two jobs or nodes never take the same file,
// and a program still writing under a temporary name is not disturbed), then
// stored, then removed. A file that cannot be stored goes back to its name.
// A re-run of the step (recovery) first collects what the same job claimed.
#pragma once

#include "activities/activity.h"

namespace relais {

class DirCollectActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

}  // namespace relais
