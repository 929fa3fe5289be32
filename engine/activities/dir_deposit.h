// dir.deposit: writes each input document into the folder `with.path`
// (absolute) under its document name, through a temporary name and an
// atomic rename, so a program watching the folder never reads half a file.
// with.collision says what happens when a file of the same name is there:
// "overwrite" (the default) replaces it, "fail" fails the step, "unique"
// writes NAME-1.EXT, NAME-2.EXT... (the first free one, taken atomically).
// with.overwrite (true/false) is the older spelling of overwrite/fail.
// Running it twice writes the same files: with "fail" and "unique", a file of
// the same name and content already there counts as deposited.
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
