// The MSSanté deployment proof.
#include "net/mssante_proof.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

#include "net/curl_session.h"

namespace relais::net {
namespace {

struct Listing {
    std::string text;
    bool complete = false;
    bool starttls = false;
    std::string problem;
};

using Clock = std::chrono::steady_clock;

std::string seconds(Clock::duration d) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f s", std::chrono::duration<double>(d).count());
    return out;
}

// One telnet-like session of the proof, step by step, within the proof's
// time limit: a step cut by it ends the listing with a line saying so, the
// problem naming the step and how long it had run, and the connection
// closed (with the session: nothing is sent after it).
class ProofSession {
public:
    ProofSession(const TransferSettings& settings, Clock::time_point deadline, Listing& l)
        : s_(settings), limitSeconds_(settings.mssanteProofTimeoutSeconds), l_(l) {
        s_.setDeadline(deadline);
    }

    // Connects; the listing starts as telnet's would.
    bool open(const std::string& fqdn, int port) {
        step("connecting");
        l_.text += "telnet " + fqdn + " " + std::to_string(port) + "\n";
        CURL* c = s_.prepare("http://" + fqdn + ":" + std::to_string(port) + "/", Login{});
        TransferFailure f;
        const bool ok = s_.connect("connecting to " + fqdn + " port " + std::to_string(port), f);
        char* ip = nullptr;
        curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip);
        l_.text += "Trying " + std::string(ip && *ip ? ip : fqdn.c_str()) + "...\n";
        if (!ok) {
            l_.problem = problemOf(f);
            l_.text += "telnet: Unable to connect to remote host: " + l_.problem + "\n";
            return false;
        }
        l_.text += "Connected to " + fqdn + ".\nEscape character is '^]'.\n";
        return true;
    }

    // Reads lines into the listing until `last` says the reply is complete.
    template <class Last>
    bool readReply(const std::string& what, Last last) {
        step("waiting for " + what);
        for (;;) {
            std::string line;
            TransferFailure f;
            if (!s_.rawLine(line, f)) return fail(f);
            l_.text += line + "\n";
            if (last(line)) return true;
        }
    }

    bool send(const std::string& command) {
        step("sending " + command);
        l_.text += command + "\n";
        TransferFailure f;
        return s_.rawSend(command + "\r\n", f) || fail(f);
    }

    // After LOGOUT/QUIT: the server's last lines, then the close.
    void readToClose() {
        step("waiting for the server to close the connection");
        for (;;) {
            std::string line;
            TransferFailure f;
            if (!s_.rawLine(line, f)) {
                if (s_.deadlinePassed()) {
                    fail(f);
                    return;
                }
                break;
            }
            l_.text += line + "\n";
        }
        l_.text += "Connection closed by foreign host.\n";
        s_.finishRaw();
    }

private:
    void step(std::string name) {
        step_ = std::move(name);
        stepStart_ = Clock::now();
    }

    // What stopped the step: the proof's time limit when it ran out (naming
    // the step and how long it had run), else the failure itself.
    std::string problemOf(const TransferFailure& f) const {
        if (!s_.deadlinePassed()) return f.message;
        return "the proof's time limit of " + std::to_string(limitSeconds_) + " s ran out while " + step_ + ", after " +
               seconds(Clock::now() - stepStart_) + " on that step";
    }

    // A step that failed on an open connection; the listing says when Relais
    // itself gave up. Always false.
    bool fail(const TransferFailure& f) {
        l_.problem = problemOf(f);
        if (s_.deadlinePassed()) l_.text += "Connection closed by Relais: " + l_.problem + ".\n";
        return false;
    }

    CurlSession s_;
    int limitSeconds_;
    Listing& l_;
    std::string step_;
    Clock::time_point stepStart_;
};

bool hasWord(const std::string& line, const std::string& word) {
    size_t at = line.find(word);
    while (at != std::string::npos) {
        const bool before = at == 0 || line[at - 1] == ' ' || line[at - 1] == '-' || line[at - 1] == '[';
        const size_t end = at + word.size();
        const bool after = end == line.size() || line[end] == ' ' || line[end] == ']';
        if (before && after) return true;
        at = line.find(word, at + 1);
    }
    return false;
}

// A session the proof's time limit left no time for.
bool ranOutBefore(const TransferSettings& settings, Clock::time_point deadline, Listing& l) {
    if (Clock::now() < deadline) return false;
    l.problem = "not run: the proof's time limit of " + std::to_string(settings.mssanteProofTimeoutSeconds) +
                " s had run out";
    l.text += "(" + l.problem + ")\n";
    return true;
}

Listing imapListing(const TransferSettings& settings, Clock::time_point deadline, const std::string& fqdn, int port) {
    Listing l;
    if (ranOutBefore(settings, deadline, l)) return l;
    ProofSession s(settings, deadline, l);
    if (!s.open(fqdn, port)) return l;
    auto tagged = [](const std::string& tag) { return [tag](const std::string& line) { return line.rfind(tag + " ", 0) == 0; }; };
    if (!s.readReply("the greeting", [](const std::string&) { return true; })) return l;
    const size_t from = l.text.size();
    if (!s.send("C01 CAPABILITY") || !s.readReply("the reply to C01 CAPABILITY", tagged("C01"))) return l;
    for (size_t at = from; at < l.text.size();) {
        const size_t nl = l.text.find('\n', at);
        const std::string line = l.text.substr(at, nl - at);
        if (line.rfind("* CAPABILITY", 0) == 0 && hasWord(line, "STARTTLS")) l.starttls = true;
        at = nl + 1;
    }
    if (!s.send("C02 LOGOUT")) return l;
    s.readToClose();
    l.complete = l.text.find("\nC02 ") != std::string::npos;
    if (!l.complete && l.problem.empty()) l.problem = "no answer to C02 LOGOUT";
    return l;
}

Listing smtpListing(const TransferSettings& settings, Clock::time_point deadline, const std::string& fqdn, int port) {
    Listing l;
    if (ranOutBefore(settings, deadline, l)) return l;
    ProofSession s(settings, deadline, l);
    if (!s.open(fqdn, port)) return l;
    // A reply ends with its line whose code is followed by a space.
    auto lastLine = [](const std::string& line) { return line.size() < 4 || line[3] == ' '; };
    if (!s.readReply("the greeting", lastLine)) return l;
    const size_t from = l.text.size();
    if (!s.send("EHLO " + fqdn) || !s.readReply("the reply to EHLO", lastLine)) return l;
    for (size_t at = from; at < l.text.size();) {
        const size_t nl = l.text.find('\n', at);
        const std::string line = l.text.substr(at, nl - at);
        if (line.size() > 4 && line.compare(0, 3, "250") == 0 && line.substr(4) == "STARTTLS") l.starttls = true;
        at = nl + 1;
    }
    if (!s.send("QUIT")) return l;
    s.readToClose();
    l.complete = l.text.find("\n221") != std::string::npos;
    if (!l.complete && l.problem.empty()) l.problem = "no answer to QUIT";
    return l;
}

bool isHostName(const std::string& name) {
    if (name.empty() || name.size() > 253) return false;
    size_t start = 0;
    for (;;) {
        const size_t dot = name.find('.', start);
        const std::string label = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        if (dot == std::string::npos) return true;
        start = dot + 1;
    }
}

}  // namespace

Status checkMssanteProofTarget(const std::string& fqdn, int imapPort, int smtpPort) {
    std::vector<FieldError> errors;
    if (fqdn.empty())
        errors.push_back({"fqdn", "is empty: give the host name of the MSSanté interface, e.g. mss.example.fr"});
    else if (!isHostName(fqdn))
        errors.push_back({"fqdn", "'" + fqdn + "' is not a host name (letters, digits, hyphens and dots)"});
    for (const auto& [field, port] : {std::pair{"imap_port", imapPort}, std::pair{"smtp_port", smtpPort}})
        if (port < 1 || port > 65535)
            errors.push_back({field, "port " + std::to_string(port) + " is not between 1 and 65535"});
    if (!errors.empty()) return Status::invalid("MSSanté proof", std::move(errors));
    return Status::ok();
}

MssanteProof produceMssanteProof(const TransferSettings& settings, const std::string& fqdn, int imapPort,
                                 int smtpPort, const std::string& producedBy) {
    char date[64];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", &tm);
    // One time limit for both sessions, so that a hung server holds the
    // caller (a web request) that long at most.
    const auto deadline = Clock::now() + std::chrono::seconds(settings.mssanteProofTimeoutSeconds);
    const Listing imap = imapListing(settings, deadline, fqdn, imapPort);
    const Listing smtp = smtpListing(settings, deadline, fqdn, smtpPort);
    MssanteProof p;
    p.imapComplete = imap.complete;
    p.smtpComplete = smtp.complete;
    p.imapStarttls = imap.starttls;
    p.smtpStarttls = smtp.starttls;
    // An incomplete listing always has its problem; a complete one too when
    // the time limit ran out while the server was still to close.
    if (!imap.problem.empty()) p.problem = "IMAP: " + imap.problem;
    if (!smtp.problem.empty()) p.problem += (p.problem.empty() ? "" : "; ") + std::string("SMTP: ") + smtp.problem;
    auto yesNo = [](bool b) { return b ? "oui" : "non"; };
    const std::string imapPortText = std::to_string(imapPort), smtpPortText = std::to_string(smtpPort);
    p.text = "Preuve de déploiement de l'interface API LPS/DUI MSSanté\n"
             "FQDN : " + fqdn + "\n"
             "Date : " + std::string(date) + "\n"
             "Produite par : Relais " + std::string(RELAIS_VERSION) + " (" + producedBy + ")\n"
             "\n"
             "==================== LISTING IMAP (port " + imapPortText + ") ====================\n" + imap.text +
             "\n"
             "==================== LISTING SMTP (port " + smtpPortText + ") ====================\n" + smtp.text +
             "\n"
             "==================== RÉSUMÉ ====================\n"
             "IMAP (port " + imapPortText + ") : STARTTLS proposé : " + yesNo(imap.starttls) + "\n"
             "SMTP (port " + smtpPortText + ") : STARTTLS proposé : " + yesNo(smtp.starttls) + "\n";
    if (!p.problem.empty()) p.text += "Listing incomplet : " + p.problem + "\n";
    return p;
}

}  // namespace relais::net
