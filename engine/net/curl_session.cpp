// libcurl sessions with Relais' shared transfer settings.
#include "net/curl_session.h"

#include <poll.h>

#include <algorithm>
#include <chrono>
#include <mutex>

namespace relais::net {
namespace {

void globalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string schemeAndHost(const std::string& url) {
    CURLU* u = curl_url();
    std::string out = "transfer";
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char *scheme = nullptr, *host = nullptr;
        if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK)
            out = std::string(scheme) + "-" + host;
        curl_free(scheme);
        curl_free(host);
    }
    curl_url_cleanup(u);
    return out;
}

}  // namespace

std::string urlEscape(const std::string& segment) {
    globalInit();
    char* e = curl_easy_escape(nullptr, segment.c_str(), static_cast<int>(segment.size()));
    std::string out = e ? e : "";
    curl_free(e);
    return out;
}

CurlSession::CurlSession(const TransferSettings& settings, std::function<bool()> stop)
    : settings_(settings), stop_(std::move(stop)) {
    globalInit();
    curl_ = curl_easy_init();
    multi_ = curl_multi_init();
}

CurlSession::~CurlSession() {
    if (curl_) curl_easy_cleanup(curl_);
    if (multi_) curl_multi_cleanup(multi_);
}

CURL* CurlSession::prepare(const std::string& url, const Login& login) {
    curl_easy_reset(curl_);  // keeps the connection cache
    url_ = url;
    errorText_[0] = 0;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, errorText_);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!settings_.caFile.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, settings_.caFile.c_str());
    if (!settings_.proxy.empty()) {
        curl_easy_setopt(curl_, CURLOPT_PROXY, settings_.proxy.c_str());
        curl_easy_setopt(curl_, CURLOPT_HTTPPROXYTUNNEL, 1L);
        if (!settings_.proxyUser.empty()) {
            curl_easy_setopt(curl_, CURLOPT_PROXYUSERNAME, settings_.proxyUser.c_str());
            curl_easy_setopt(curl_, CURLOPT_PROXYPASSWORD, settings_.proxyPassword.c_str());
        }
    }
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.connectTimeoutSeconds));
    if (deadline_) {
        using namespace std::chrono;
        const auto untilDeadline = duration_cast<milliseconds>(*deadline_ - steady_clock::now()).count();
        const long left = std::max(1L, static_cast<long>(untilDeadline));
        curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, std::min(left, settings_.connectTimeoutSeconds * 1000L));
        curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, left);
    }
    curl_easy_setopt(curl_, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(settings_.idleTimeoutSeconds));
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings_.idleTimeoutSeconds));
    curl_easy_setopt(curl_, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl_, CURLOPT_XFERINFOFUNCTION, &CurlSession::onProgress);
    curl_easy_setopt(curl_, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(curl_, CURLOPT_VERBOSE, 1L);  // lines go to onDebug, never to stderr
    curl_easy_setopt(curl_, CURLOPT_DEBUGFUNCTION, &CurlSession::onDebug);
    curl_easy_setopt(curl_, CURLOPT_DEBUGDATA, this);
    if (!login.user.empty()) curl_easy_setopt(curl_, CURLOPT_USERNAME, login.user.c_str());
    if (!login.password.empty()) curl_easy_setopt(curl_, CURLOPT_PASSWORD, login.password.c_str());
    if (!login.bearerToken.empty()) curl_easy_setopt(curl_, CURLOPT_XOAUTH2_BEARER, login.bearerToken.c_str());
    if (!login.clientCert.empty()) {
        curl_easy_setopt(curl_, CURLOPT_SSLCERT, login.clientCert.c_str());
        const bool p12 = login.clientCert.size() > 4 && login.clientCert.substr(login.clientCert.size() - 4) == ".p12";
        curl_easy_setopt(curl_, CURLOPT_SSLCERTTYPE, p12 ? "P12" : "PEM");
    }
    if (!login.clientKey.empty()) curl_easy_setopt(curl_, CURLOPT_SSLKEY, login.clientKey.c_str());
    if (!login.keyPassword.empty()) curl_easy_setopt(curl_, CURLOPT_KEYPASSWD, login.keyPassword.c_str());
    if (!login.sshPrivateKey.empty()) {
        curl_easy_setopt(curl_, CURLOPT_SSH_PRIVATE_KEYFILE, login.sshPrivateKey.c_str());
        curl_easy_setopt(curl_, CURLOPT_SSH_PUBLIC_KEYFILE, "");  // derived from the private key
        curl_easy_setopt(curl_, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
    }
    if (!login.sshKnownHosts.empty()) curl_easy_setopt(curl_, CURLOPT_SSH_KNOWNHOSTS, login.sshKnownHosts.c_str());
    lastReply_.clear();
    replies_.clear();
    dump_ = TransactionDump::open(settings_.dumpDirectory, schemeAndHost(url));
    dumpPath_ = dump_ ? dump_->path() : "";
    if (dump_) dump_->info("request " + url);
    return curl_;
}

bool CurlSession::perform(const std::string& what, TransferFailure& failure) {
    // Driven through a multi handle polled at least every 10 ms: libcurl
    // 7.88's easy interface sleeps up to a second before the TLS data
    // connection of each FTPS transfer.
    CURLcode rc = CURLE_OK;
    curl_multi_add_handle(multi_, curl_);
    for (int running = 1; running;) {
        if (curl_multi_perform(multi_, &running) != CURLM_OK) {
            rc = CURLE_OUT_OF_MEMORY;
            break;
        }
        if (!running) break;
        long timeout = 10;
        curl_multi_timeout(multi_, &timeout);
        if (timeout < 0 || timeout > 10) timeout = 10;
        curl_multi_poll(multi_, nullptr, 0, static_cast<int>(timeout), nullptr);
    }
    int queued = 0;
    while (CURLMsg* m = curl_multi_info_read(multi_, &queued))
        if (m->msg == CURLMSG_DONE && m->easy_handle == curl_) rc = m->data.result;
    curl_multi_remove_handle(multi_, curl_);
    if (dump_) dump_->info(std::string("result: ") + curl_easy_strerror(rc));
    dump_.reset();
    if (rc == CURLE_OK) return true;
    failure = classifyCurlFailure(rc, errorText_, lastReply_, what);
    return false;
}

bool CurlSession::connect(const std::string& what, TransferFailure& failure) {
    curl_easy_setopt(curl_, CURLOPT_CONNECT_ONLY, 1L);
    rawWhat_ = what;
    rawBuffer_.clear();
    const CURLcode rc = curl_easy_perform(curl_);  // no data phase: the easy interface is fine
    if (rc == CURLE_OK) return true;
    failure = classifyCurlFailure(rc, errorText_, lastReply_, what);
    if (dump_) dump_->info(std::string("result: ") + curl_easy_strerror(rc));
    dump_.reset();
    return false;
}

std::chrono::steady_clock::time_point CurlSession::rawWaitEnd() const {
    const auto idleEnd = std::chrono::steady_clock::now() + std::chrono::seconds(settings_.idleTimeoutSeconds);
    return deadline_ ? std::min(idleEnd, *deadline_) : idleEnd;
}

TransferFailure CurlSession::rawTimedOut(bool receiving) const {
    std::string why;
    if (deadlinePassed())
        why = "the time allowed ran out";
    else if (receiving)
        why = "no answer within " + std::to_string(settings_.idleTimeoutSeconds) + " s";
    return classifyCurlFailure(CURLE_OPERATION_TIMEDOUT, why, lastReply_, rawWhat_);
}

bool CurlSession::rawSend(const std::string& text, TransferFailure& failure) {
    if (dump_) dump_->sent(text);
    size_t off = 0;
    const auto waitEnd = rawWaitEnd();
    while (off < text.size()) {
        size_t sent = 0;
        const CURLcode rc = curl_easy_send(curl_, text.data() + off, text.size() - off, &sent);
        if (rc == CURLE_AGAIN) {
            if (std::chrono::steady_clock::now() >= waitEnd) {
                failure = rawTimedOut(false);
                return false;
            }
            curl_socket_t sock = CURL_SOCKET_BAD;
            curl_easy_getinfo(curl_, CURLINFO_ACTIVESOCKET, &sock);
            pollfd p{static_cast<int>(sock), POLLOUT, 0};
            ::poll(&p, 1, 100);
            continue;
        }
        if (rc != CURLE_OK) {
            failure = classifyCurlFailure(rc, "", lastReply_, rawWhat_);
            return false;
        }
        off += sent;
    }
    return true;
}

bool CurlSession::rawFill(TransferFailure& failure) {
    const auto waitEnd = rawWaitEnd();
    char buf[16384];
    for (;;) {
        size_t got = 0;
        const CURLcode rc = curl_easy_recv(curl_, buf, sizeof buf, &got);
        if (rc == CURLE_OK) {
            if (got == 0) {
                failure = classifyCurlFailure(CURLE_GOT_NOTHING, "the server closed the connection", lastReply_, rawWhat_);
                return false;
            }
            rawBuffer_.append(buf, got);
            return true;
        }
        if (rc != CURLE_AGAIN) {
            failure = classifyCurlFailure(rc, "", lastReply_, rawWhat_);
            return false;
        }
        if (stop_ && stop_()) {
            failure = classifyCurlFailure(CURLE_ABORTED_BY_CALLBACK, "stopped on request", lastReply_, rawWhat_);
            return false;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= waitEnd) {
            failure = rawTimedOut(true);
            return false;
        }
        curl_socket_t sock = CURL_SOCKET_BAD;
        curl_easy_getinfo(curl_, CURLINFO_ACTIVESOCKET, &sock);
        pollfd p{static_cast<int>(sock), POLLIN, 0};
        const auto untilEnd = std::chrono::duration_cast<std::chrono::milliseconds>(waitEnd - now).count();
        ::poll(&p, 1, static_cast<int>(std::clamp<long long>(untilEnd, 1, 200)));
    }
}

bool CurlSession::rawLine(std::string& line, TransferFailure& failure) {
    size_t nl;
    while ((nl = rawBuffer_.find('\n')) == std::string::npos)
        if (!rawFill(failure)) return false;
    line = rawBuffer_.substr(0, nl);
    rawBuffer_.erase(0, nl + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (dump_) dump_->received(line);
    if (!line.empty()) lastReply_ = line;
    return true;
}

bool CurlSession::rawBytes(size_t n, std::string& out, TransferFailure& failure) {
    while (rawBuffer_.size() < n)
        if (!rawFill(failure)) return false;
    out = rawBuffer_.substr(0, n);
    rawBuffer_.erase(0, n);
    if (dump_) dump_->data(true, n);
    return true;
}

void CurlSession::finishRaw() { dump_.reset(); }

int CurlSession::onDebug(CURL*, curl_infotype type, char* data, size_t size, void* p) {
    auto* self = static_cast<CurlSession*>(p);
    switch (type) {
        case CURLINFO_TEXT:
            if (self->dump_) self->dump_->info(std::string(data, size));
            break;
        case CURLINFO_HEADER_OUT:
            if (self->dump_) self->dump_->sent(std::string(data, size));
            break;
        case CURLINFO_HEADER_IN: {
            std::string text(data, size);
            if (self->dump_) self->dump_->received(text);
            if (self->replies_.size() < (1u << 20)) self->replies_ += text;
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
            if (auto nl = text.rfind('\n'); nl != std::string::npos) text = text.substr(nl + 1);
            if (!text.empty()) self->lastReply_ = text;
            break;
        }
        case CURLINFO_DATA_IN:
        case CURLINFO_DATA_OUT:
            if (self->dump_) self->dump_->data(type == CURLINFO_DATA_IN, size);
            break;
        default:
            break;
    }
    return 0;
}

int CurlSession::onProgress(void* p, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* self = static_cast<CurlSession*>(p);
    return self->stop_ && self->stop_() ? 1 : 0;
}

}  // namespace relais::net
