// Registration of the built-in activities.
#include "activities/builtin_activities.h"

#include "activities/dir_collect.h"
#include "activities/dir_deposit.h"
#include "activities/edifact_activities.h"
#include "activities/exec_activity.h"
#include "activities/http_activities.h"
#include "activities/mail_activities.h"
#include "activities/noop.h"
#include "activities/registry.h"
#include "activities/remote_folder_activities.h"
#include "activities/sage_activities.h"

namespace relais {

void registerBuiltinActivities(ActivityRegistry& registry) {
    registry.add("noop", std::make_unique<NoopActivity>());
    registry.add("dir.deposit", std::make_unique<DirDepositActivity>());
    registry.add("exec", std::make_unique<ExecActivity>());
    registry.add("sage.import", std::make_unique<SageImportActivity>());
    registry.add("sage.export", std::make_unique<SageExportActivity>());
    registry.add("dir.collect", std::make_unique<DirCollectActivity>());
    registry.add("ftp.collect", std::make_unique<RemoteCollectActivity>(false));
    registry.add("ftp.deposit", std::make_unique<RemoteDepositActivity>(false));
    registry.add("sftp.collect", std::make_unique<RemoteCollectActivity>(true));
    registry.add("sftp.deposit", std::make_unique<RemoteDepositActivity>(true));
    registry.add("mail.send", std::make_unique<MailSendActivity>());
    registry.add("mail.receive", std::make_unique<MailReceiveActivity>());
    registry.add("http.post", std::make_unique<HttpSendActivity>(false));
    registry.add("http.put", std::make_unique<HttpSendActivity>(true));
    registry.add("edifact.contrl", std::make_unique<EdifactContrlActivity>());
    registry.add("edifact.split", std::make_unique<EdifactSplitActivity>());
    registry.add("edifact.to_pivot", std::make_unique<EdifactToPivotActivity>());
    registry.add("pivot.to_edifact", std::make_unique<PivotToEdifactActivity>());
}

}  // namespace relais
