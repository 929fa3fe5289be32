// http.post and http.put activities.
#include "activities/http_activities.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "activities/with_settings.h"
#include "base/atomic_file.h"
#include "net/curl_session.h"
#include "net/mail_message.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

size_t toFile(char* data, size_t size, size_t n, void* f) { return std::fwrite(data, size, n, static_cast<FILE*>(f)) * size; }

std::vector<long> expectedStatuses(const nlohmann::json& with) {
    std::vector<long> out;
    if (with.contains("expected_status"))
        for (const auto& v : with["expected_status"]) out.push_back(v.get<long>());
    else
        out = {200, 201, 202, 204};
    return out;
}

}  // namespace

Status HttpSendActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkSettings(with, put_ ? "http.put" : "http.post",
                             {{"url", SettingType::String, true},
                              {"user", SettingType::String},
                              {"password", SettingType::String},
                              {"bearer_token", SettingType::String},
                              {"client_cert", SettingType::String},
                              {"client_key", SettingType::String},
                              {"key_password", SettingType::String},
                              {"content_type", SettingType::String},
                              {"headers", SettingType::StringList},
                              {"expected_status", SettingType::Other}}));
    const std::string url = settingString(with, "url");
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        return Status(Code::InvalidArgument, "url '" + url + "' must start with https:// (or http://)");
    if (with.contains("expected_status")) {
        const auto& e = with["expected_status"];
        bool ok = e.is_array() && !e.empty();
        for (const auto& v : e) ok = ok && v.is_number_integer() && v.get<long>() >= 100 && v.get<long>() <= 599;
        if (!ok) return Status(Code::InvalidArgument, "expected_status must be a list of HTTP statuses (100 to 599)");
    }
    if (with.contains("headers"))
        for (const auto& h : with["headers"].is_array() ? with["headers"] : nlohmann::json::array({with["headers"]}))
            if (h.get<std::string>().find(':') == std::string::npos ||
                h.get<std::string>().find_first_of("\r\n") != std::string::npos)
                return Status(Code::InvalidArgument, "headers must be one-line 'Name: value' strings");
    return Status::ok();
}

Status HttpSendActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                             std::vector<StepDocument>& outputs, StepFailure& failure) const {
    const std::string url = settingString(with, "url");
    net::Login login;
    login.user = settingString(with, "user");
    login.password = settingString(with, "password");
    login.clientCert = settingString(with, "client_cert");
    login.clientKey = settingString(with, "client_key");
    login.keyPassword = settingString(with, "key_password");
    const std::string bearer = settingString(with, "bearer_token");
    const auto expected = expectedStatuses(with);
    const std::string spool =
        ctx.transfer().spoolDirectory.empty() ? fs::temp_directory_path().string() : ctx.transfer().spoolDirectory;
    RELAIS_TRY(makeDirs(spool, 0750));
    net::CurlSession session(ctx.transfer(), [&ctx] { return ctx.stopRequested(); });
    const std::string what = std::string(put_ ? "PUT " : "POST ") + url;
    for (const auto& doc : inputs) {
        struct Closer {
            void operator()(FILE* f) const { std::fclose(f); }
        };
        struct SlistFree {
            void operator()(curl_slist* l) const { curl_slist_free_all(l); }
        };
        std::unique_ptr<FILE, Closer> body(std::fopen(doc.path.c_str(), "rb"));
        const std::string replyPath = (fs::path(spool) / ("http-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(ctx.jobId()) + ".reply")).string();
        std::unique_ptr<FILE, Closer> reply(std::fopen(replyPath.c_str(), "wb"));
        if (!body || !reply) {
            failure.transient = true;
            return Status(Code::Io, "cannot read " + doc.path + " or write " + replyPath);
        }
        curl_slist* headers = nullptr;
        headers = curl_slist_append(headers, ("Content-Type: " + settingString(with, "content_type",
                                                                               net::contentTypeOf(doc.record.name)))
                                                 .c_str());
        if (!bearer.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + bearer).c_str());
        if (with.contains("headers"))
            for (const auto& h : with["headers"].is_array() ? with["headers"] : nlohmann::json::array({with["headers"]}))
                headers = curl_slist_append(headers, h.get<std::string>().c_str());
        std::unique_ptr<curl_slist, SlistFree> headerList(headers);
        CURL* c = session.prepare(url, login);
        if (put_) {
            curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(doc.record.size));
        } else {
            curl_easy_setopt(c, CURLOPT_POST, 1L);
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(doc.record.size));
        }
        curl_easy_setopt(c, CURLOPT_READDATA, body.get());
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &toFile);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, reply.get());
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        if (!login.user.empty()) curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        net::TransferFailure f;
        if (!session.perform(what, f)) {
            fs::remove(replyPath);
            failure.transient = f.transient;
            return Status(f.transient ? Code::Unavailable : Code::FailedPrecondition, f.message);
        }
        reply.reset();
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (std::find(expected.begin(), expected.end(), status) == expected.end()) {
            std::ifstream in(replyPath);
            std::string start(200, '\0');
            in.read(start.data(), 200);
            start.resize(static_cast<size_t>(in.gcount()));
            for (auto& ch : start)
                if (ch == '\n' || ch == '\r') ch = ' ';
            fs::remove(replyPath);
            const auto hf = net::classifyHttpStatus(status, what + " (" + doc.record.name + ")", start);
            failure.transient = hf.transient;
            return Status(hf.transient ? Code::Unavailable : Code::FailedPrecondition, hf.message);
        }
        auto out = ctx.addOutput(doc.record.name + ".response", replyPath);
        fs::remove(replyPath);
        if (!out) {
            failure.transient = true;
            return out.status();
        }
        outputs.push_back(*out);
        ctx.log("info", what + ": sent " + doc.record.name + ", status " + std::to_string(status) + ", reply kept as " +
                            out->record.name);
    }
    return Status::ok();
}

}  // namespace relais
