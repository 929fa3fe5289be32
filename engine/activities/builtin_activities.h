// The built-in activities, one file each: noop, dir.deposit, exec, and the
// Sage 100 connector's sage.import and sage.export, the EDIFACT translation's
// edifact.contrl, edifact.split, edifact.to_pivot and pivot.to_edifact.
#pragma once

namespace relais {

class ActivityRegistry;
void registerBuiltinActivities(ActivityRegistry& registry);

}  // namespace relais
