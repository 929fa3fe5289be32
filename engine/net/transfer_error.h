// How a failed exchange is classified for the engine: transient (a retry may
// succeed: connection refused, timeouts, 4xx replies of FTP/SMTP, HTTP 429
// and 5xx) or permanent (authentication, certificates, 5xx replies of
// FTP/SMTP, other HTTP 4xx), with a message that quotes the server's reply.
// Pure functions; safe from any thread.
#pragma once

#include <string>

namespace relais::net {

struct TransferFailure {
    std::string message;
    bool transient = false;
    int curlCode = 0;  // libcurl's CURLcode, when libcurl reported it
};

// `curlCode` is libcurl's CURLcode (never CURLE_OK), `errorText` libcurl's
// error buffer (may be empty), `lastReply` the last line the server sent
// (may be empty), `where` names the server and the operation.
TransferFailure classifyCurlFailure(int curlCode, const std::string& errorText, const std::string& lastReply,
                                    const std::string& where);

// An HTTP status outside the expected ones: 429 and 5xx are transient.
TransferFailure classifyHttpStatus(long status, const std::string& where, const std::string& bodyStart);

// The reply code at the start of an FTP or SMTP reply line ("550 No such
// file" -> 550), or 0.
int replyCode(const std::string& line);

}  // namespace relais::net
