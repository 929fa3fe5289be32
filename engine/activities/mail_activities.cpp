// mail.send and mail.receive activities.
#include "activities/mail_activities.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "activities/with_settings.h"
#include "base/atomic_file.h"
#include "net/imap_mailbox.h"
#include "net/mail_message.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

std::vector<std::string> stringList(const nlohmann::json& with, const char* key) {
    std::vector<std::string> out;
    if (!with.contains(key)) return out;
    if (with[key].is_string()) out.push_back(with[key].get<std::string>());
    else
        for (const auto& v : with[key]) out.push_back(v.get<std::string>());
    return out;
}

const std::vector<SettingSpec> kAccountSettings = {
    {"url", SettingType::String, true},     {"user", SettingType::String},
    {"password", SettingType::String},      {"bearer_token", SettingType::String},
    {"bearer_token_file", SettingType::String}, {"client_cert", SettingType::String},
    {"client_key", SettingType::String},    {"key_password", SettingType::String}};

Status checkAccount(const nlohmann::json& with, const char* activity, const char* plain, const char* tls,
                    std::initializer_list<SettingSpec> extra) {
    std::vector<SettingSpec> specs = kAccountSettings;
    specs.insert(specs.end(), extra);
    RELAIS_TRY(checkSettings(with, activity, specs));
    const std::string url = settingString(with, "url");
    if (url.rfind(std::string(plain) + "://", 0) != 0 && url.rfind(std::string(tls) + "://", 0) != 0)
        return Status(Code::InvalidArgument, "url '" + url + "' must start with " + plain + ":// (STARTTLS) or " + tls +
                                                 "://");
    if (url.find('@') != std::string::npos)
        return Status(Code::InvalidArgument, "url must not hold credentials: use user and password");
    const bool secret = with.contains("password") || with.contains("bearer_token") || with.contains("bearer_token_file");
    if (!secret && !with.contains("client_cert"))
        return Status(Code::InvalidArgument, "password is missing (or give bearer_token, bearer_token_file or client_cert)");
    if (secret && !with.contains("user")) return Status(Code::InvalidArgument, "user is missing");
    return Status::ok();
}

// The account's login; a token file is read at each run (the token is short-lived).
Result<net::Login> loginFrom(const nlohmann::json& with) {
    net::Login l;
    l.user = settingString(with, "user");
    l.password = settingString(with, "password");
    l.bearerToken = settingString(with, "bearer_token");
    l.clientCert = settingString(with, "client_cert");
    l.clientKey = settingString(with, "client_key");
    l.keyPassword = settingString(with, "key_password");
    if (const std::string file = settingString(with, "bearer_token_file"); !file.empty()) {
        std::ifstream in(file);
        std::getline(in, l.bearerToken);
        while (!l.bearerToken.empty() && std::isspace(static_cast<unsigned char>(l.bearerToken.back())))
            l.bearerToken.pop_back();
        if (l.bearerToken.empty()) return Status(Code::Unavailable, "cannot read a bearer token from " + file);
    }
    return l;
}

Status failed(const net::TransferFailure& f, StepFailure& failure) {
    failure.transient = f.transient;
    return Status(f.transient ? Code::Unavailable : Code::FailedPrecondition, f.message);
}

}  // namespace

bool isXdmZip(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4, '\0');
    if (!in.read(head.data(), 4) || head != std::string("PK\x03\x04", 4)) return false;
    // File names are stored uncompressed in the zip's headers.
    std::stringstream all;
    all << in.rdbuf();
    return all.str().find("IHE_XDM/") != std::string::npos;
}

Status MailSendActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkAccount(with, "mail.send", "smtp", "smtps",
                            {{"auth", SettingType::String},
                             {"from", SettingType::String, true},
                             {"to", SettingType::StringList, true},
                             {"cc", SettingType::StringList},
                             {"subject", SettingType::String, true},
                             {"body", SettingType::String},
                             {"nil", SettingType::String},
                             {"cda_codes", SettingType::StringList},
                             {"ins", SettingType::String}}));
    RELAIS_TRY(checkOneOf(with, "auth", {"PLAIN", "LOGIN", "XOAUTH2"}));
    RELAIS_TRY(checkOneOf(with, "ins", {"O", "N"}));
    for (const char* key : {"from", "to", "cc"})
        for (const auto& a : stringList(with, key))
            if (a.find('@') == std::string::npos || a.find_first_of("<>\r\n, ") != std::string::npos)
                return Status(Code::InvalidArgument, std::string(key) + " '" + a + "' is not a mail address");
    if (stringList(with, "to").empty()) return Status(Code::InvalidArgument, "to is empty");
    for (const char* key : {"subject", "nil"})
        if (settingString(with, key).find_first_of("\r\n") != std::string::npos)
            return Status(Code::InvalidArgument, std::string(key) + " must be one line");
    return Status::ok();
}

Status MailSendActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                             std::vector<StepDocument>& outputs, StepFailure& failure) const {
    auto login = loginFrom(with);
    if (!login) {
        failure.transient = true;
        return login.status();
    }
    net::OutgoingMail mail;
    mail.from = settingString(with, "from");
    mail.to = stringList(with, "to");
    mail.cc = stringList(with, "cc");
    mail.subject = settingString(with, "subject");
    mail.text = settingString(with, "body");
    mail.headers.push_back("X-MSS-NIL: " + settingString(with, "nil", std::string("Relais ") + RELAIS_VERSION));
    bool xdm = false;
    for (const auto& d : inputs) {
        mail.attachments.push_back({d.record.name, d.path});
        xdm = xdm || isXdmZip(d.path);
    }
    if (xdm) {
        const auto codes = stringList(with, "cda_codes");
        if (codes.empty() || !with.contains("ins"))
            return Status(Code::InvalidArgument,
                          "an IHE_XDM zip is attached: cda_codes and ins are needed for X-MSS-CODECDA and X-MSS-INS");
        for (const auto& c : codes) mail.headers.push_back("X-MSS-CODECDA: " + c);
        mail.headers.push_back("X-MSS-INS: " + settingString(with, "ins"));
    }
    const std::string url = settingString(with, "url");
    net::TransferFailure f;
    if (!net::sendMail(ctx.transfer(), url, *login, settingString(with, "auth"), mail,
                       [&ctx] { return ctx.stopRequested(); }, f))
        return failed(f, failure);
    std::string to;
    for (const auto& t : mail.to) to += (to.empty() ? "" : ", ") + t;
    ctx.log("info", "sent '" + mail.subject + "' to " + to + " with " + std::to_string(inputs.size()) +
                        " attachment(s) through " + url + (xdm ? " (IHE_XDM: X-MSS-CODECDA, X-MSS-INS)" : ""));
    outputs = inputs;
    return Status::ok();
}

Status MailReceiveActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkAccount(with, "mail.receive", "imap", "imaps",
                            {{"folder", SettingType::String},
                             {"after", SettingType::String},
                             {"archive", SettingType::String},
                             {"max_messages", SettingType::PositiveInt}}));
    RELAIS_TRY(checkOneOf(with, "after", {"flag", "move", "delete"}));
    if (settingString(with, "after") == "move" && settingString(with, "archive").empty())
        return Status(Code::InvalidArgument, "archive is missing (the folder where after = move puts messages)");
    return Status::ok();
}

Status MailReceiveActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>&,
                                std::vector<StepDocument>& outputs, StepFailure& failure) const {
    auto login = loginFrom(with);
    if (!login) {
        failure.transient = true;
        return login.status();
    }
    std::string url = settingString(with, "url");
    if (url.back() != '/') url += '/';
    const std::string folder = settingString(with, "folder", "INBOX");
    const std::string after = settingString(with, "after", "flag");
    const size_t maxMessages = with.contains("max_messages") ? with["max_messages"].get<size_t>() : SIZE_MAX;
    net::ImapMailbox box(ctx.transfer(), url, *login, [&ctx] { return ctx.stopRequested(); });
    net::TransferFailure f;
    std::vector<uint64_t> uids;
    if (!box.open(folder, f) || !box.unseen(uids, f)) return failed(f, failure);
    // A message for good: the folder's URL, UIDVALIDITY and the UID (RFC 5092).
    auto itemOf = [&](uint64_t uid) {
        return url + folder + ";UIDVALIDITY=" + box.uidValidity() + "/;UID=" + std::to_string(uid);
    };
    auto mark = [&](uint64_t uid) {
        return after == "move" ? box.moveTo(uid, settingString(with, "archive"), f)
               : after == "delete" ? box.remove(uid, f)
                                   : box.markSeen(uid, f);
    };
    // What an earlier run of this step stored (its node died, or the attempt
    // failed): passed on again, never fetched again; a message the server has
    // not marked yet is marked first.
    auto earlier = ctx.earlierCollected();
    if (!earlier) {
        failure.transient = true;
        return earlier.status();
    }
    std::optional<net::TransferFailure> error;
    size_t received = 0, adopted = 0;
    for (const auto& c : *earlier) {
        const auto uid = std::find_if(uids.begin(), uids.end(), [&](uint64_t u) { return itemOf(u) == c.item; });
        if (!c.done && uid != uids.end() && !mark(*uid)) {
            error = f;
            if (f.transient) break;
            continue;  // refused: not passed on, settled by the next run
        }
        if (!c.done) {
            if (Status s = ctx.collectedDone(c.item); !s) {
                error = net::TransferFailure{"cannot record " + c.item + " as received: " + s.message(), true};
                break;
            }
        }
        if (uid != uids.end()) uids.erase(uid);
        outputs.insert(outputs.end(), c.documents.begin(), c.documents.end());
        ++adopted;
    }
    if (error && error->transient) {
        outputs.clear();  // all adopted again by the next attempt
        return failed(*error, failure);
    }
    if (adopted > 0)
        ctx.log("info", "adopted " + std::to_string(adopted) + " message(s) an earlier run of this step had stored");
    std::erase_if(uids, [&](uint64_t u) {
        return std::any_of(earlier->begin(), earlier->end(), [&](const auto& c) { return c.item == itemOf(u); });
    });
    if (uids.size() > maxMessages) uids.resize(maxMessages);
    const std::string spool =
        ctx.transfer().spoolDirectory.empty() ? fs::temp_directory_path().string() : ctx.transfer().spoolDirectory;
    if (Status s = makeDirs(spool, 0750); !s) {
        failure.transient = true;
        return s;
    }
    for (uint64_t uid : uids) {
        std::string raw;
        if (!box.fetch(uid, raw, f)) {
            error = f;
            if (f.transient) break;
            continue;
        }
        // The message and its attachments, all stored before the server hears of it.
        std::vector<StepDocument> docs;
        const auto parsed = net::parseMail(raw);
        const std::string tmp = (fs::path(spool) / ("mail-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(ctx.jobId()) + ".tmp")).string();
        const std::string item = itemOf(uid);
        Status stored;
        auto keep = [&](const std::string& name, const std::string& bytes) {
            if (!stored) return;
            stored = writeFileAtomic(tmp, bytes, 0640);
            if (!stored) return;
            auto d = ctx.addCollected(item, name, tmp);
            if (!d) stored = d.status();
            else docs.push_back(*d);
        };
        keep("message-" + std::to_string(uid) + ".eml", raw);
        for (const auto& a : parsed.attachments) keep(a.filename, a.body);
        std::error_code ec;
        fs::remove(tmp, ec);
        if (!stored) {
            error = net::TransferFailure{"cannot store message " + std::to_string(uid) + ": " + stored.message(), true};
            break;
        }
        const bool done = mark(uid);
        if (!done && box.refused()) {
            ctx.log("error", "stored message " + std::to_string(uid) + " but the server refused to mark it (" +
                                 f.message + "); not passed on, it will be received again");
            error = f;
            continue;
        }
        if (Status s = done ? ctx.collectedDone(item) : Status::ok(); !s) {
            error = net::TransferFailure{"cannot record message " + std::to_string(uid) + " as received: " + s.message(),
                                         true};
            break;
        }
        outputs.insert(outputs.end(), docs.begin(), docs.end());
        ++received;
        ctx.log("info", "received message " + std::to_string(uid) + " '" + parsed.subject + "' from " + parsed.from +
                            " with " + std::to_string(parsed.attachments.size()) + " attachment(s)");
        if (!done) {
            ctx.log("warn", "message " + std::to_string(uid) + ": " + f.message + "; it may be received again");
            error = f;
            break;
        }
    }
    if (received + adopted == 0 && error) return failed(*error, failure);
    if (uids.empty() && adopted == 0) ctx.log("info", "no unseen message in " + url + folder);
    if (error && received < uids.size())
        ctx.log("warn", std::to_string(uids.size() - received) + " message(s) left for the next run: " + error->message);
    return Status::ok();
}

}  // namespace relais
