// The built-in activities, one file each: noop, dir.deposit, exec, and the
// Sage 100 connector's sage.import and sage.export.
#pragma once

namespace relais {

class ActivityRegistry;
void registerBuiltinActivities(ActivityRegistry& registry);

}  // namespace relais
