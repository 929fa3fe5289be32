// ftp.collect, ftp.deposit, sftp.collect, sftp.deposit: documents taken from
// or put into a folder of a partner's FTP/FTPS or SFTP server (net/
// remote_folder.h; settings in docs/transfers.md).
//
// collect: lists the folder (NLST), downloads each file matching `pattern`
// (resuming a download an earlier attempt left partial), stores it, and only
// then deletes it on the server or moves it into `archive`. A file the
// server refuses to delete or move stays there and is not passed on (it is
// collected again later); a file whose deletion got no answer (connection
// lost) is passed on with a warning. An error after some files were
// collected ends the step with those (a warning tells what remains); with
// none collected, the step fails, transient or permanent as classified
// (net/transfer_error.h). A name the server refuses to send (a folder, an
// unreadable file) is skipped with a warning.
//
// deposit: uploads each input document under a temporary name (".NAME.part")
// and renames it to its name once complete, so a partner never collects half
// a file. Running it twice uploads the same files again.
#pragma once

#include "activities/activity.h"

namespace relais {

class RemoteCollectActivity final : public Activity {
public:
    explicit RemoteCollectActivity(bool sftp) : sftp_(sftp) {}
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;

private:
    bool sftp_;
};

class RemoteDepositActivity final : public Activity {
public:
    explicit RemoteDepositActivity(bool sftp) : sftp_(sftp) {}
    Status validate(const nlohmann::json& with) const override;
    Status run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
               std::vector<StepDocument>& outputs, StepFailure& failure) const override;

private:
    bool sftp_;
};

}  // namespace relais
