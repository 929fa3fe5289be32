// noop: succeeds and passes its input documents on. For health checks and
// benchmarks of the engine itself.
#pragma once

#include "activities/activity.h"

namespace relais {

class NoopActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override {
        if (!with.empty()) return Status(Code::InvalidArgument, with.begin().key() + " is not a noop setting (noop takes none)");
        return Status::ok();
    }
    Status run(StepContext&, const nlohmann::json&, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure&) const override {
        outputs = inputs;
        return Status::ok();
    }
};

}  // namespace relais
