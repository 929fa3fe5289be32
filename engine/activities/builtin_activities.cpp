// Registration of the built-in activities.
#include "activities/builtin_activities.h"

#include "activities/dir_deposit.h"
#include "activities/edifact_activities.h"
#include "activities/exec_activity.h"
#include "activities/noop.h"
#include "activities/registry.h"
#include "activities/sage_activities.h"

namespace relais {

void registerBuiltinActivities(ActivityRegistry& registry) {
    registry.add("noop", std::make_unique<NoopActivity>());
    registry.add("dir.deposit", std::make_unique<DirDepositActivity>());
    registry.add("exec", std::make_unique<ExecActivity>());
    registry.add("sage.import", std::make_unique<SageImportActivity>());
    registry.add("sage.export", std::make_unique<SageExportActivity>());
    registry.add("edifact.contrl", std::make_unique<EdifactContrlActivity>());
    registry.add("edifact.split", std::make_unique<EdifactSplitActivity>());
    registry.add("edifact.to_pivot", std::make_unique<EdifactToPivotActivity>());
    registry.add("pivot.to_edifact", std::make_unique<PivotToEdifactActivity>());
}

}  // namespace relais
