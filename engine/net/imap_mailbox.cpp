// IMAP mailboxes over libcurl's connect-only mode.
#include "net/imap_mailbox.h"

#include <sstream>

namespace relais::net {

std::string imapQuote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

ImapMailbox::ImapMailbox(const TransferSettings& settings, std::string url, Login login, std::function<bool()> stop)
    : session_(settings, std::move(stop)), url_(std::move(url)), login_(std::move(login)) {}

ImapMailbox::~ImapMailbox() {
    if (open_) {
        TransferFailure ignored;
        command("LOGOUT", nullptr, nullptr, ignored);
    }
    session_.finishRaw();
}

bool ImapMailbox::open(const std::string& folder, TransferFailure& failure) {
    CURL* c = session_.prepare(url_, login_);
    if (url_.rfind("imap://", 0) == 0) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!session_.connect("connecting to " + url_, failure)) return false;
    open_ = true;
    std::vector<std::string> caps;
    if (!command("CAPABILITY", &caps, nullptr, failure)) return false;
    for (const auto& l : caps) canMove_ = canMove_ || l.find(" MOVE") != std::string::npos;
    folder_ = folder;
    std::vector<std::string> selected;
    if (!command("SELECT " + imapQuote(folder), &selected, nullptr, failure)) return false;
    for (const auto& l : selected)
        if (const size_t at = l.find("[UIDVALIDITY "); at != std::string::npos)
            uidValidity_ = l.substr(at + 13, l.find(']', at) - at - 13);
    return true;
}

bool ImapMailbox::command(const std::string& cmd, std::vector<std::string>* untagged, std::string* literal,
                          TransferFailure& failure) {
    refused_ = false;
    const std::string tag = "R" + std::to_string(++tag_);
    const std::string what = url_ + folder_ + ": " + cmd.substr(0, cmd.find(' ', cmd.find(' ') + 1));
    if (!session_.rawSend(tag + " " + cmd + "\r\n", failure)) {
        failure.message = what + ": " + failure.message;
        return false;
    }
    for (;;) {
        std::string line;
        if (!session_.rawLine(line, failure)) {
            failure.message = what + ": " + failure.message;
            return false;
        }
        // A literal {N} ends the line: its N bytes follow, then the rest of the response.
        while (line.size() > 2 && line.back() == '}') {
            const auto open = line.rfind('{');
            if (open == std::string::npos) break;
            size_t n = 0;
            try {
                n = std::stoul(line.substr(open + 1, line.size() - open - 2));
            } catch (const std::exception&) {
                break;
            }
            std::string bytes, rest;
            if (!session_.rawBytes(n, bytes, failure) || !session_.rawLine(rest, failure)) {
                failure.message = what + ": " + failure.message;
                return false;
            }
            if (literal) *literal = std::move(bytes);
            line += rest;
        }
        if (line.rfind(tag + " ", 0) == 0) {
            const std::string status = line.substr(tag.size() + 1);
            if (status.rfind("OK", 0) == 0) return true;
            refused_ = true;
            failure = classifyCurlFailure(CURLE_QUOTE_ERROR, "the server refused " + cmd.substr(0, cmd.find(' ')),
                                          line, what);
            return false;
        }
        if (untagged && line.rfind("* ", 0) == 0) untagged->push_back(line);
    }
}

bool ImapMailbox::unseen(std::vector<uint64_t>& uids, TransferFailure& failure) {
    std::vector<std::string> lines;
    if (!command("UID SEARCH UNSEEN", &lines, nullptr, failure)) return false;
    uids.clear();
    for (const auto& l : lines) {
        if (l.rfind("* SEARCH", 0) != 0) continue;
        std::istringstream in(l.substr(8));
        for (uint64_t u; in >> u;) uids.push_back(u);
    }
    return true;
}

bool ImapMailbox::fetch(uint64_t uid, std::string& message, TransferFailure& failure) {
    message.clear();
    if (!command("UID FETCH " + std::to_string(uid) + " BODY.PEEK[]", nullptr, &message, failure)) return false;
    if (message.empty()) {
        failure = {url_ + folder_ + ": message UID " + std::to_string(uid) + " is gone", false};
        return false;
    }
    return true;
}

bool ImapMailbox::markSeen(uint64_t uid, TransferFailure& failure) {
    return command("UID STORE " + std::to_string(uid) + " +FLAGS.SILENT (\\Seen)", nullptr, nullptr, failure);
}

bool ImapMailbox::moveTo(uint64_t uid, const std::string& folder, TransferFailure& failure) {
    const std::string id = std::to_string(uid);
    if (canMove_) return command("UID MOVE " + id + " " + imapQuote(folder), nullptr, nullptr, failure);
    return command("UID COPY " + id + " " + imapQuote(folder), nullptr, nullptr, failure) && remove(uid, failure);
}

bool ImapMailbox::remove(uint64_t uid, TransferFailure& failure) {
    const std::string id = std::to_string(uid);
    return command("UID STORE " + id + " +FLAGS.SILENT (\\Seen \\Deleted)", nullptr, nullptr, failure) &&
           command("UID EXPUNGE " + id, nullptr, nullptr, failure);
}

}  // namespace relais::net
