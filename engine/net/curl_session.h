// One libcurl easy handle with the settings every transfer shares: TLS
// verification always on (a CA file may replace the system's), the HTTPS
// proxy with CONNECT tunnelling, timeouts, the transaction dump, stop
// requests, and the capture of the server's last reply for error messages.
// Requests made one after another on a session reuse its connection.
// Thread-safety: a session belongs to one thread.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/config.h"
#include "base/status.h"
#include "net/transaction_dump.h"
#include "net/transfer_error.h"

namespace relais::net {

// Credentials of a remote account. The password and token never reach a
// message or a log line.
struct Login {
    std::string user;
    std::string password;
    std::string bearerToken;  // SASL XOAUTH2 / OAUTHBEARER (SMTP, IMAP) or HTTP Bearer
    std::string clientCert;   // PEM (or .p12) client certificate
    std::string clientKey;    // PEM key (empty: in clientCert)
    std::string keyPassword;
    std::string sshPrivateKey;   // SFTP: private key file
    std::string sshKnownHosts;   // SFTP: known_hosts file holding the server's key
};

class CurlSession {
public:
    // `stop` is polled during transfers; returning true aborts them
    // (a transient failure).
    CurlSession(const TransferSettings& settings, std::function<bool()> stop = {});
    ~CurlSession();
    CurlSession(const CurlSession&) = delete;
    CurlSession& operator=(const CurlSession&) = delete;

    // Every wait of the requests that follow (connecting, sending, receiving)
    // ends by `deadline` at the latest, on top of the [transfer] timeouts: for
    // callers with a time budget across several requests. A request cut by it
    // fails as timed out (transient); deadlinePassed() then tells why.
    void setDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }
    bool deadlinePassed() const { return deadline_ && std::chrono::steady_clock::now() >= *deadline_; }

    // The handle, reset to the shared settings and `login`, for the options
    // of one request (URL, upload, quote commands...).
    CURL* prepare(const std::string& url, const Login& login);
    // Performs the prepared request. On failure returns the classified
    // failure (message naming `what` and quoting the server's last reply).
    bool perform(const std::string& what, TransferFailure& failure);

    // Connect-only mode, for protocols spoken line by line by the caller:
    // libcurl connects the prepared URL (for imap:// it also reads the
    // greeting, upgrades with STARTTLS and logs in), then rawSend/rawLine
    // exchange over that connection (TLS included), dumped like the rest.
    bool connect(const std::string& what, TransferFailure& failure);
    bool rawSend(const std::string& text, TransferFailure& failure);
    // One line from the server, without its CRLF.
    bool rawLine(std::string& line, TransferFailure& failure);
    // Exactly `n` bytes (an IMAP literal).
    bool rawBytes(size_t n, std::string& out, TransferFailure& failure);
    // Ends connect-only mode (closes the dump; the connection closes with the session).
    void finishRaw();

    // The last reply line of the server in the last request.
    const std::string& lastReply() const { return lastReply_; }
    // Text received from the server in the last request's protocol replies
    // (FTP, SMTP, IMAP untagged responses); capped at 1 MiB.
    const std::string& replies() const { return replies_; }
    const std::string& dumpPath() const { return dumpPath_; }

private:
    static int onDebug(CURL*, curl_infotype type, char* data, size_t size, void* self);
    static int onProgress(void* self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
    // Reads more bytes into rawBuffer_, waiting up to the idle timeout.
    bool rawFill(TransferFailure& failure);
    // When a raw exchange that waits from now gives up: after the idle
    // timeout, or at the deadline when it comes first.
    std::chrono::steady_clock::time_point rawWaitEnd() const;
    // The failure of a raw wait that reached rawWaitEnd().
    TransferFailure rawTimedOut(bool receiving) const;

    const TransferSettings& settings_;
    std::function<bool()> stop_;
    CURL* curl_;
    CURLM* multi_;
    char errorText_[CURL_ERROR_SIZE] = {0};
    std::string url_;
    std::string lastReply_;
    std::string replies_;
    std::string dumpPath_;
    std::unique_ptr<TransactionDump> dump_;
    std::string rawWhat_;
    std::string rawBuffer_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// A URL with its path segment escaped ("a b.txt" -> "a%20b.txt").
std::string urlEscape(const std::string& segment);

}  // namespace relais::net
