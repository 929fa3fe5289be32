// sage.import and sage.export: the Sage 100 connector as flow steps
// (engine/sage/, docs/sage100.md). Both take the ODBC data source and
// credentials from the step's settings ("dsn", "user", "password").
//
// sage.import: imports every input document (a pivot file) into Sage and
// passes the inputs on. Each imported, already imported or failed document
// and every warning (a generic customer or item used...) is a job log line.
// A pivot file that does not read, or a document that cannot be imported,
// fails the step for good (the others of the file are imported); a lost
// connection or a locked record fails it as transient (retried by the
// flow's retry policy; what was imported is found again, not duplicated).
//
// sage.export: exports the Sage documents the settings select and that no
// other job exported, as pivot files: the step's output documents. Run again
// (recovery), the step exports the same documents again.
#pragma once

#include "activities/activity.h"

namespace relais {

class SageImportActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

class SageExportActivity final : public Activity {
public:
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;
};

}  // namespace relais
