// FTP/FTPS/SFTP collect and deposit activities.
#include "activities/remote_folder_activities.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "activities/with_settings.h"
#include "base/atomic_file.h"
#include "base/sha256.h"
#include "net/remote_folder.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

Status checkUrl(const nlohmann::json& with, bool sftp) {
    const std::string url = settingString(with, "url");
    if (sftp ? url.rfind("sftp://", 0) != 0 : (url.rfind("ftp://", 0) != 0 && url.rfind("ftps://", 0) != 0))
        return Status(Code::InvalidArgument, std::string("url '") + url + "' must start with " +
                                                 (sftp ? "sftp://" : "ftp:// (explicit TLS) or ftps:// (implicit TLS)"));
    if (url.find('@') != std::string::npos)
        return Status(Code::InvalidArgument, "url must not hold credentials: use user and password");
    return Status::ok();
}

net::RemoteFolderSpec specFrom(const nlohmann::json& with) {
    net::RemoteFolderSpec spec;
    spec.url = settingString(with, "url");
    spec.tls = settingString(with, "tls", "required");
    spec.login.user = settingString(with, "user");
    spec.login.password = settingString(with, "password");
    spec.login.clientCert = settingString(with, "client_cert");
    spec.login.clientKey = settingString(with, "client_key");
    spec.login.sshPrivateKey = settingString(with, "private_key");
    spec.login.keyPassword = settingString(with, "key_password");
    spec.login.sshKnownHosts = settingString(with, "known_hosts");
    return spec;
}

// The settings of the server and account, then `extra` ones; checked with the URL.
Status checkRemoteSettings(const nlohmann::json& with, bool sftp, const char* activity,
                           std::initializer_list<SettingSpec> extra) {
    std::vector<SettingSpec> specs = {{"url", SettingType::String, true},
                                      {"user", SettingType::String, true},
                                      {"password", SettingType::String},
                                      {sftp ? "private_key" : "tls", SettingType::String},
                                      {sftp ? "known_hosts" : "client_cert", SettingType::String, sftp},
                                      {sftp ? "key_password" : "client_key", SettingType::String}};
    specs.insert(specs.end(), extra);
    RELAIS_TRY(checkSettings(with, activity, specs));
    RELAIS_TRY(checkUrl(with, sftp));
    if (!sftp) RELAIS_TRY(checkOneOf(with, "tls", {"required", "none"}));
    if (!with.contains("password") && !with.contains("private_key"))
        return Status(Code::InvalidArgument, sftp ? "password is missing (or give private_key)" : "password is missing");
    return Status::ok();
}

Status failed(const net::TransferFailure& f, StepFailure& failure) {
    failure.transient = f.transient;
    return Status(f.transient ? Code::Unavailable : Code::FailedPrecondition, f.message);
}

std::string spoolDir(const StepContext& ctx) {
    const std::string& d = ctx.transfer().spoolDirectory;
    return d.empty() ? (fs::temp_directory_path() / "relais-partial").string() : d;
}

}  // namespace

Status RemoteCollectActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkRemoteSettings(with, sftp_, sftp_ ? "sftp.collect" : "ftp.collect",
                                   {{"pattern", SettingType::String},
                                    {"after", SettingType::String},
                                    {"archive", SettingType::String},
                                    {"max_files", SettingType::PositiveInt}}));
    RELAIS_TRY(checkOneOf(with, "after", {"delete", "move"}));
    if (settingString(with, "after", "delete") == "move" && settingString(with, "archive").empty())
        return Status(Code::InvalidArgument, "archive is missing (the folder where after = move puts collected files)");
    return Status::ok();
}

Status RemoteCollectActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>&,
                                  std::vector<StepDocument>& outputs, StepFailure& failure) const {
    net::RemoteFolder folder(ctx.transfer(), specFrom(with), [&ctx] { return ctx.stopRequested(); });
    const std::string pattern = settingString(with, "pattern", "*");
    const bool move = settingString(with, "after", "delete") == "move";
    std::string archive = settingString(with, "archive");
    while (!archive.empty() && archive.back() == '/') archive.pop_back();
    const size_t maxFiles = with.contains("max_files") ? with["max_files"].get<size_t>() : SIZE_MAX;

    // What an earlier run of this step took (its node died, or the attempt
    // failed): files the server had removed are passed on again; those whose
    // removal was not confirmed (`pending`) are settled with the listing.
    auto earlier = ctx.earlierCollected();
    if (!earlier) {
        failure.transient = true;
        return earlier.status();
    }
    std::map<std::string, std::vector<StepDocument>> pending;  // by remote name
    size_t adopted = 0;
    for (const auto& c : *earlier) {
        if (c.done) {
            outputs.insert(outputs.end(), c.documents.begin(), c.documents.end());
            adopted += c.documents.size();
        } else {
            auto& docs = pending[c.item.substr(std::min(c.item.size(), folder.url().size()))];
            docs.insert(docs.end(), c.documents.begin(), c.documents.end());
        }
    }

    std::vector<std::string> names;
    net::TransferFailure f;
    if (!folder.list(names, f)) {
        // Nothing is lost: the journal keeps what was taken for the next attempt.
        outputs.clear();
        return failed(f, failure);
    }
    std::erase_if(names, [&](const std::string& n) {
        return n == archive || ::fnmatch(pattern.c_str(), n.c_str(), FNM_PERIOD) != 0;
    });
    // A pending file the server no longer lists: its removal went through.
    // One it still lists comes first, to be settled before any new file.
    for (auto it = pending.begin(); it != pending.end();) {
        if (std::find(names.begin(), names.end(), it->first) != names.end()) {
            ++it;
            continue;
        }
        if (Status s = ctx.collectedDone(folder.url() + it->first); !s) {
            failure.transient = true;
            return s;
        }
        outputs.insert(outputs.end(), it->second.begin(), it->second.end());
        adopted += it->second.size();
        it = pending.erase(it);
    }
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return std::pair(!pending.count(a), a) < std::pair(!pending.count(b), b);
    });
    if (names.size() > maxFiles) names.resize(std::max(maxFiles, pending.size()));
    if (adopted > 0)
        ctx.log("info", "adopted " + std::to_string(adopted) + " file(s) an earlier run of this step had collected");
    if (names.empty()) {
        if (adopted == 0) ctx.log("info", "nothing to collect in " + folder.url() + " matching '" + pattern + "'");
        return Status::ok();
    }

    const std::string spool = spoolDir(ctx);
    if (Status s = makeDirs(spool, 0750); !s) {
        failure.transient = true;
        return s;
    }
    std::optional<net::TransferFailure> firstError;
    size_t left = names.size(), collected = 0;
    for (const auto& name : names) {
        if (ctx.stopRequested()) {
            firstError = net::TransferFailure{"stopped on request", true};
            break;
        }
        const std::string item = folder.url() + name;
        // One partial file per remote file, kept between attempts for resuming.
        const std::string partial = (fs::path(spool) / (sha256Hex(item) + ".part")).string();
        if (!folder.download(name, partial, f)) {
            ctx.log("warn", f.message);
            if (f.transient) {  // the server or the network: the next files would fail too
                firstError = f;
                break;
            }
            --left;
            std::error_code ec;
            fs::remove(partial, ec);
            continue;  // a folder (NLST lists them too) or an unreadable file: skipped, said in the log
        }
        // A pending file downloaded again: the same bytes are the document
        // already taken; other bytes are a new file of the same name (the
        // earlier one was removed, then the partner sent another).
        std::vector<StepDocument> docs = pending.count(name) ? pending[name] : std::vector<StepDocument>{};
        const auto digest = docs.empty() ? std::nullopt : sha256OfFile(partial);
        const bool same = std::any_of(docs.begin(), docs.end(),
                                      [&](const StepDocument& d) { return digest && d.record.sha256 == *digest; });
        if (!same) {
            auto doc = ctx.addCollected(item, name, partial);
            if (!doc) {
                firstError = net::TransferFailure{"cannot store " + name + ": " + doc.status().message(), true};
                break;
            }
            docs.push_back(*doc);
        }
        std::error_code ec;
        fs::remove(partial, ec);
        const bool removed = move ? folder.rename(name, archive + "/" + name, f) : folder.remove(name, f);
        --left;
        if (!removed && folder.serverRefused()) {
            ctx.log("error", "collected " + name + " but the server kept it (" + f.message +
                                 "); not passed on, it will be collected again");
            if (!firstError) firstError = f;
            continue;
        }
        if (Status s = removed ? ctx.collectedDone(item) : Status::ok(); !s) {
            // The next run finds the file gone and passes its document on.
            firstError = net::TransferFailure{"cannot record " + name + " as collected: " + s.message(), true};
            break;
        }
        outputs.insert(outputs.end(), docs.begin(), docs.end());
        collected += docs.size();
        if (!removed) {
            ctx.log("warn", "collected " + name + " but its " + (move ? "move" : "deletion") +
                                " got no answer (" + f.message + "); passed on, it may be collected again");
            firstError = f;
            break;
        }
    }
    if (outputs.empty() && firstError) return failed(*firstError, failure);
    ctx.log("info", "collected " + std::to_string(collected) + " file(s) from " + folder.url());
    if (firstError && left > 0)
        ctx.log("warn", std::to_string(left) + " file(s) left on the server for the next collect: " + firstError->message);
    return Status::ok();
}

Status RemoteDepositActivity::validate(const nlohmann::json& with) const {
    return checkRemoteSettings(with, sftp_, sftp_ ? "sftp.deposit" : "ftp.deposit",
                               {{"create_dirs", SettingType::Bool}});
}

Status RemoteDepositActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                                  std::vector<StepDocument>& outputs, StepFailure& failure) const {
    net::RemoteFolder folder(ctx.transfer(), specFrom(with), [&ctx] { return ctx.stopRequested(); });
    const bool createDirs = with.value("create_dirs", false);
    for (const auto& doc : inputs) {
        if (!isPlainFileName(doc.record.name) || doc.record.name[0] == '.')
            return Status(Code::InvalidArgument, "document name '" + doc.record.name + "' is not a plain file name");
        net::TransferFailure f;
        if (!folder.upload(doc.path, "." + doc.record.name + ".part", doc.record.name, createDirs, f))
            return failed(f, failure);
        ctx.log("info", "deposited " + doc.record.name + " (" + std::to_string(doc.record.size) + " bytes) in " +
                            folder.url());
    }
    outputs = inputs;
    return Status::ok();
}

}  // namespace relais
