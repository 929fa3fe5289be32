// A folder of an IMAP mailbox, through libcurl: libcurl connects, upgrades
// with STARTTLS (required for imap://) and logs in (PLAIN, LOGIN, XOAUTH2 or
// a client certificate); the commands that follow are ours, so that a
// message is read with BODY.PEEK[] and only marked \Seen, moved or deleted
// when the caller says so (after it stored the message).
// Thread-safety: one ImapMailbox per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "net/curl_session.h"

namespace relais::net {

class ImapMailbox {
public:
    // `url`: imap://host[:port]/ (STARTTLS) or imaps://host[:port]/.
    ImapMailbox(const TransferSettings& settings, std::string url, Login login, std::function<bool()> stop = {});
    ~ImapMailbox();

    // Connects, logs in and selects `folder`.
    bool open(const std::string& folder, TransferFailure& failure);
    bool unseen(std::vector<uint64_t>& uids, TransferFailure& failure);
    // The whole message, without changing its flags.
    bool fetch(uint64_t uid, std::string& message, TransferFailure& failure);
    bool markSeen(uint64_t uid, TransferFailure& failure);
    // Moves the message to `folder` (MOVE, else COPY then delete).
    bool moveTo(uint64_t uid, const std::string& folder, TransferFailure& failure);
    bool remove(uint64_t uid, TransferFailure& failure);
    // The server refused the last command (a tagged NO or BAD).
    bool refused() const { return refused_; }
    // The open folder's UIDVALIDITY (with a UID, names one message for good).
    const std::string& uidValidity() const { return uidValidity_; }

private:
    // Sends `command` and reads up to its tagged answer; `untagged` gets
    // the untagged lines, `literal` the last literal read.
    bool command(const std::string& command, std::vector<std::string>* untagged, std::string* literal,
                 TransferFailure& failure);

    CurlSession session_;
    std::string url_;
    Login login_;
    std::string folder_;
    std::string uidValidity_;
    int tag_ = 0;
    bool open_ = false;
    bool refused_ = false;
    bool canMove_ = false;
};

// An IMAP quoted string ("a \"b\"").
std::string imapQuote(const std::string& s);

}  // namespace relais::net
