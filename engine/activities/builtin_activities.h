// The built-in activities, one file each: noop, dir.deposit, exec, the
// Sage 100 connector's sage.import and sage.export, the EDIFACT translation's
// edifact.contrl, edifact.split, edifact.to_pivot and pivot.to_edifact, and
// the transfers (dir.collect, ftp/sftp collect and deposit, mail.send,
// mail.receive, http.post/put; docs/transfers.md).
#pragma once

namespace relais {

class ActivityRegistry;
void registerBuiltinActivities(ActivityRegistry& registry);

}  // namespace relais
