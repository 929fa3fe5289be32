// Registration of the built-in activities.
#include "activities/builtin_activities.h"

#include "activities/dir_deposit.h"
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
}

}  // namespace relais
