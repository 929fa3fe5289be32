// The MSSanté deployment proof.
#include "net/mssante_proof.h"

#include <cctype>
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

// Opens a telnet-like session: the listing starts as telnet's would.
bool openSession(CurlSession& s, const std::string& fqdn, int port, Listing& l) {
    l.text += "telnet " + fqdn + " " + std::to_string(port) + "\n";
    CURL* c = s.prepare("http://" + fqdn + ":" + std::to_string(port) + "/", Login{});
    (void)c;
    TransferFailure f;
    const bool ok = s.connect("connecting to " + fqdn + " port " + std::to_string(port), f);
    char* ip = nullptr;
    curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip);
    l.text += "Trying " + std::string(ip && *ip ? ip : fqdn.c_str()) + "...\n";
    if (!ok) {
        l.text += "telnet: Unable to connect to remote host: " + f.message + "\n";
        l.problem = f.message;
        return false;
    }
    l.text += "Connected to " + fqdn + ".\nEscape character is '^]'.\n";
    return true;
}

// Reads lines into the listing until `last` says the reply is complete.
template <class Last>
bool readReply(CurlSession& s, Listing& l, Last last) {
    for (;;) {
        std::string line;
        TransferFailure f;
        if (!s.rawLine(line, f)) {
            l.problem = f.message;
            return false;
        }
        l.text += line + "\n";
        if (last(line)) return true;
    }
}

bool send(CurlSession& s, Listing& l, const std::string& command) {
    l.text += command + "\n";
    TransferFailure f;
    if (s.rawSend(command + "\r\n", f)) return true;
    l.problem = f.message;
    return false;
}

// After LOGOUT/QUIT: the server's last lines, then the close.
void readToClose(CurlSession& s, Listing& l) {
    for (;;) {
        std::string line;
        TransferFailure f;
        if (!s.rawLine(line, f)) break;
        l.text += line + "\n";
    }
    l.text += "Connection closed by foreign host.\n";
}

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

Listing imapListing(const TransferSettings& settings, const std::string& fqdn, int port) {
    Listing l;
    CurlSession s(settings);
    if (!openSession(s, fqdn, port, l)) return l;
    auto tagged = [](const std::string& tag) { return [tag](const std::string& line) { return line.rfind(tag + " ", 0) == 0; }; };
    if (!readReply(s, l, [](const std::string&) { return true; })) return l;  // the greeting
    const size_t from = l.text.size();
    if (!send(s, l, "C01 CAPABILITY") || !readReply(s, l, tagged("C01"))) return l;
    for (size_t at = from; at < l.text.size();) {
        const size_t nl = l.text.find('\n', at);
        const std::string line = l.text.substr(at, nl - at);
        if (line.rfind("* CAPABILITY", 0) == 0 && hasWord(line, "STARTTLS")) l.starttls = true;
        at = nl + 1;
    }
    if (!send(s, l, "C02 LOGOUT")) return l;
    readToClose(s, l);
    s.finishRaw();
    l.complete = l.text.find("\nC02 ") != std::string::npos;
    if (!l.complete && l.problem.empty()) l.problem = "no answer to C02 LOGOUT";
    return l;
}

Listing smtpListing(const TransferSettings& settings, const std::string& fqdn, int port) {
    Listing l;
    CurlSession s(settings);
    if (!openSession(s, fqdn, port, l)) return l;
    // A reply ends with its line whose code is followed by a space.
    auto lastLine = [](const std::string& line) { return line.size() < 4 || line[3] == ' '; };
    if (!readReply(s, l, lastLine)) return l;
    const size_t from = l.text.size();
    if (!send(s, l, "EHLO " + fqdn) || !readReply(s, l, lastLine)) return l;
    for (size_t at = from; at < l.text.size();) {
        const size_t nl = l.text.find('\n', at);
        const std::string line = l.text.substr(at, nl - at);
        if (line.size() > 4 && line.compare(0, 3, "250") == 0 && line.substr(4) == "STARTTLS") l.starttls = true;
        at = nl + 1;
    }
    if (!send(s, l, "QUIT")) return l;
    readToClose(s, l);
    s.finishRaw();
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
    const Listing imap = imapListing(settings, fqdn, imapPort);
    const Listing smtp = smtpListing(settings, fqdn, smtpPort);
    MssanteProof p;
    p.imapComplete = imap.complete;
    p.smtpComplete = smtp.complete;
    p.imapStarttls = imap.starttls;
    p.smtpStarttls = smtp.starttls;
    if (!imap.complete) p.problem = "IMAP: " + imap.problem;
    if (!smtp.complete) p.problem += (p.problem.empty() ? "" : "; ") + std::string("SMTP: ") + smtp.problem;
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
