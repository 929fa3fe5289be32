// The built-in activities, one file each: noop, dir.deposit, exec, the
// Sage 100 connector's sage.import and sage.export, and the transfers
// (dir.collect, ftp/sftp collect and deposit; docs/transfers.md).
#pragma once

namespace relais {

class ActivityRegistry;
void registerBuiltinActivities(ActivityRegistry& registry);

}  // namespace relais
