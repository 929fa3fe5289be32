// Mail messages: sending one over SMTP submission with libcurl (MIME built
// by libcurl: a text part and base64 attachments), and reading a received
// one back into its attachments. Pure functions apart from sendMail; safe
// from any thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "net/curl_session.h"

namespace relais::net {

struct OutgoingMail {
    std::string from;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    std::string subject;
    std::string text;
    std::vector<std::string> headers;  // more header lines ("X-MSS-NIL: ...")
    struct Attachment {
        std::string name;
        std::string path;
    };
    std::vector<Attachment> attachments;
};

// Sends `mail` through `url` (smtp://host:587: STARTTLS required; or
// smtps://). `mechanism` ("PLAIN", "LOGIN", "XOAUTH2" or empty: the best
// the server offers) picks the SASL authentication.
bool sendMail(const TransferSettings& settings, const std::string& url, const Login& login,
              const std::string& mechanism, const OutgoingMail& mail, const std::function<bool()>& stop,
              TransferFailure& failure);

// A header value as RFC 2047 encoded words when it is not plain ASCII.
std::string encodeHeaderValue(const std::string& value);

// The MIME type Relais gives an attachment, from its name.
std::string contentTypeOf(const std::string& name);

struct ReceivedPart {
    std::string filename;     // a plain file name (sanitised)
    std::string contentType;  // lower case, without parameters
    std::string body;         // decoded
};

struct ReceivedMail {
    std::string subject;
    std::string from;
    std::string messageId;
    std::vector<std::pair<std::string, std::string>> headers;  // name (lower case), unfolded value
    std::vector<ReceivedPart> attachments;
};

// Reads a message (RFC 5322 + MIME): headers, and every part with a file
// name (Content-Disposition filename or Content-Type name), decoded from
// base64 or quoted-printable, through nested multiparts.
ReceivedMail parseMail(const std::string& raw);

}  // namespace relais::net
