// The EDIFACT translation as flow steps (engine/formats, docs/edifact.md):
//
// edifact.contrl: answers each input interchange with a CONTRL (accepted or
//   rejected naming the segment and element in error), kept as a job
//   document and, with "path", deposited in that folder. An accepted
//   interchange is passed on; a rejected one fails the job for good.
// edifact.split: submits one job per message of each input interchange to
//   the flow "flow" (an interchange of its own with the original envelope;
//   parameters parent_job, parent_document, message_ref); the interchange
//   stays the parent job's document and is passed on. An interchange that
//   does not read makes no job. Run again, it submits nothing twice.
// edifact.to_pivot: translates each input interchange's messages (of the
//   types in "messages", ORDERS by default) into one pivot file each.
// pivot.to_edifact: writes the documents of each input pivot file as one
//   EANCOM interchange of "type" (DESADV or INVOIC) to the partner ("partner",
//   else the job's partner parameter) with the partner's EDIFACT settings.
//
// Bad input (an interchange that does not read, a message type the step
// does not map, a pivot document that does not fit) fails the job for good;
// the steps reading EDIFACT then also produce the CONTRL rejection (kept as
// a job document, and deposited in "contrl_path" when set).
#pragma once

#include "activities/activity.h"

namespace relais {

class EdifactContrlActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

class EdifactSplitActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

class EdifactToPivotActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

class PivotToEdifactActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

}  // namespace relais
