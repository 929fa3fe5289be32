// Classification of transfer failures.
#include "net/transfer_error.h"

#include <curl/curl.h>

#include <cctype>

namespace relais::net {

int replyCode(const std::string& line) {
    if (line.size() < 3) return 0;
    for (int i = 0; i < 3; ++i)
        if (!std::isdigit(static_cast<unsigned char>(line[i]))) return 0;
    if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return 0;
    return std::stoi(line.substr(0, 3));
}

TransferFailure classifyCurlFailure(int curlCode, const std::string& errorText, const std::string& lastReply,
                                    const std::string& where) {
    const auto code = static_cast<CURLcode>(curlCode);
    std::string what = errorText.empty() ? curl_easy_strerror(code) : errorText;
    TransferFailure f;
    f.curlCode = curlCode;
    f.message = where + ": " + what;
    if (!lastReply.empty()) f.message += " (server replied: '" + lastReply + "')";
    if (code == CURLE_PEER_FAILED_VERIFICATION)
        f.message += ": the server's certificate or SSH host key is not trusted for this host name "
                     "(see [transfer] ca_file, or the step's known_hosts)";
    switch (code) {
        // The server or a certificate says no: the same request will fail again.
        case CURLE_LOGIN_DENIED:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_USE_SSL_FAILED:
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
        case CURLE_FILESIZE_EXCEEDED:
            f.transient = false;
            return f;
        // The network, or a server that is down, busy or was cut off.
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_FTP_ACCEPT_FAILED:
        case CURLE_FTP_ACCEPT_TIMEOUT:
        case CURLE_FTP_WEIRD_PASV_REPLY:
        case CURLE_FTP_WEIRD_227_FORMAT:
        case CURLE_FTP_CANT_GET_HOST:
        case CURLE_ABORTED_BY_CALLBACK:
        case CURLE_AGAIN:
        case CURLE_SSH:
            f.transient = true;
            return f;
        default:
            break;
    }
    // The server answered with an error: FTP and SMTP say themselves
    // whether it is temporary (4xx) or not (5xx); IMAP marks the temporary
    // ones with a response code.
    if (const int rc = replyCode(lastReply); rc >= 400) {
        f.transient = rc < 500;
        return f;
    }
    for (const char* temporary : {"[UNAVAILABLE]", "[INUSE]", "[LIMIT]", "[SERVERBUG]"})
        if (lastReply.find(temporary) != std::string::npos) {
            f.transient = true;
            return f;
        }
    // A cut connection while sending or receiving, with no error reply.
    f.transient = (code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR) && replyCode(lastReply) == 0;
    return f;
}

TransferFailure classifyHttpStatus(long status, const std::string& where, const std::string& bodyStart) {
    TransferFailure f;
    f.message = where + ": HTTP status " + std::to_string(status);
    if (!bodyStart.empty()) f.message += " (server replied: '" + bodyStart + "')";
    f.transient = status == 429 || status >= 500 || status == 408;
    return f;
}

}  // namespace relais::net
