// dir.deposit: writes each input document into the folder `with.path`
// (absolute) under its document name, through a temporary name and an
// atomic rename, so a program watching the folder never reads half a file.
// with.overwrite (default true): replace a file of the same name; when false
// an existing file fails the step. Running it twice writes the same files.
#pragma once

#include "activities/activity.h"

namespace relais {

class DirDepositActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

}  // namespace relais
