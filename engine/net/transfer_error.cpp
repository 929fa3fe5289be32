// Classification of transfer failures.
#include "net/transfer_error.h"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <cctype>

namespace relais::net {
namespace {

// A SASL challenge (SMTP "334 <base64>", IMAP "+ <base64>") that holds a
// JSON error, as XOAUTH2 and OAUTHBEARER send when a token is refused
// ({"status":"401",...}): the JSON, else "".
std::string saslError(const std::string& reply) {
    const size_t at = reply.rfind("334 ", 0) == 0 ? 4 : reply.rfind("+ ", 0) == 0 ? 2 : std::string::npos;
    if (at == std::string::npos || reply.size() - at < 4 || reply.size() - at > 4096) return "";
    std::string out((reply.size() - at) / 4 * 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(reply.data() + at), static_cast<int>(reply.size() - at));
    if (n <= 0) return "";
    out.resize(static_cast<size_t>(n));
    while (!out.empty() && out.back() == '\0') out.pop_back();  // the padding
    if (out.empty() || out.front() != '{' || out.back() != '}') return "";
    for (char c : out)
        if (!std::isprint(static_cast<unsigned char>(c))) return "";
    return out;
}

}  // namespace

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
    if (const std::string sasl = saslError(lastReply); !sasl.empty()) f.message += ", that is " + sasl;
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
