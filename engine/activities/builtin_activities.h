// The built-in activities, one file each: noop, dir.deposit, exec.
#pragma once

namespace relais {

class ActivityRegistry;
void registerBuiltinActivities(ActivityRegistry& registry);

}  // namespace relais
