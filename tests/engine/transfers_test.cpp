// Transfers without a server: error classification, the masking of secrets
// in transaction dumps, the [transfer] settings, and the checks of the
// transfer activities' settings. (The exchanges themselves are tested
// against real servers in tests/system/transfers.sh.)
#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "activities/registry.h"
#include "base/config.h"
#include "net/mail_message.h"
#include "net/mssante_proof.h"
#include "net/transaction_dump.h"
#include "net/transfer_error.h"

using namespace relais;
using namespace relais::net;

TEST(TransferErrorTest, NetworkFailuresAreTransient) {
    for (int code : {CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING})
        EXPECT_TRUE(classifyCurlFailure(code, "", "", "listing ftp://h/").transient) << code;
}

TEST(TransferErrorTest, AuthenticationAndCertificateFailuresArePermanent) {
    auto f = classifyCurlFailure(CURLE_LOGIN_DENIED, "Access denied: 530", "530 Login incorrect.", "listing ftp://h/");
    EXPECT_FALSE(f.transient);
    EXPECT_NE(f.message.find("listing ftp://h/"), std::string::npos);
    EXPECT_NE(f.message.find("'530 Login incorrect.'"), std::string::npos) << f.message;
    EXPECT_FALSE(classifyCurlFailure(CURLE_PEER_FAILED_VERIFICATION, "", "", "x").transient);
    EXPECT_FALSE(classifyCurlFailure(CURLE_USE_SSL_FAILED, "", "", "x").transient);
}

TEST(TransferErrorTest, ServerRepliesSayTemporaryOrNot) {
    EXPECT_TRUE(classifyCurlFailure(CURLE_QUOTE_ERROR, "", "450 File busy", "x").transient);
    EXPECT_FALSE(classifyCurlFailure(CURLE_QUOTE_ERROR, "", "550 Permission denied", "x").transient);
    EXPECT_TRUE(classifyCurlFailure(CURLE_SEND_ERROR, "", "451 4.3.0 Try again later", "x").transient);
    EXPECT_FALSE(classifyCurlFailure(CURLE_SEND_ERROR, "", "554 5.7.1 Relay access denied", "x").transient);
    EXPECT_TRUE(classifyCurlFailure(CURLE_QUOTE_ERROR, "", "A003 NO [UNAVAILABLE] try later", "x").transient);
    EXPECT_FALSE(classifyCurlFailure(CURLE_QUOTE_ERROR, "", "A003 NO [NONEXISTENT] no folder", "x").transient);
}

TEST(TransferErrorTest, HttpStatusClasses) {
    EXPECT_TRUE(classifyHttpStatus(429, "x", "").transient);
    EXPECT_TRUE(classifyHttpStatus(503, "x", "").transient);
    EXPECT_FALSE(classifyHttpStatus(404, "x", "").transient);
    auto f = classifyHttpStatus(400, "posting https://h/api", "bad field");
    EXPECT_FALSE(f.transient);
    EXPECT_NE(f.message.find("HTTP status 400"), std::string::npos);
    EXPECT_NE(f.message.find("bad field"), std::string::npos);
}

TEST(TransferErrorTest, ReplyCode) {
    EXPECT_EQ(replyCode("550 No such file"), 550);
    EXPECT_EQ(replyCode("250-STARTTLS"), 250);
    EXPECT_EQ(replyCode("* OK ready"), 0);
    EXPECT_EQ(replyCode("55"), 0);
}

TEST(ProtocolMaskerTest, MasksPasswordsTokensAndChallengeAnswers) {
    ProtocolMasker m;
    EXPECT_EQ(m.outgoing("USER relais"), "USER relais");
    EXPECT_EQ(m.outgoing("PASS s3cret"), "PASS ***");
    EXPECT_EQ(m.outgoing("AUTH TLS"), "AUTH TLS");
    EXPECT_EQ(m.outgoing("AUTH PLAIN AHVzZXIAc2VjcmV0"), "AUTH PLAIN ***");
    EXPECT_EQ(m.outgoing("A001 LOGIN alice s3cret"), "A001 LOGIN alice ***");
    EXPECT_EQ(m.outgoing("A001 AUTHENTICATE XOAUTH2 dXNlcj1h"), "A001 AUTHENTICATE XOAUTH2 ***");
    EXPECT_EQ(m.outgoing("Authorization: Bearer abc.def"), "Authorization: ***");
    EXPECT_EQ(m.outgoing("Proxy-Authorization: Basic dTpw"), "Proxy-Authorization: ***");
    // SMTP AUTH LOGIN: the answers to "334" challenges are the user and password.
    EXPECT_EQ(m.outgoing("AUTH LOGIN"), "AUTH LOGIN");
    m.incoming("334 VXNlcm5hbWU6");
    EXPECT_EQ(m.outgoing("YWxpY2U="), "***");
    m.incoming("334 UGFzc3dvcmQ6");
    EXPECT_EQ(m.outgoing("czNjcmV0"), "***");
    m.incoming("235 2.7.0 Authentication successful");
    EXPECT_EQ(m.outgoing("MAIL FROM:<a@b>"), "MAIL FROM:<a@b>");
}

TEST(TransactionDumpTest, OneFilePerExchangeWithSecretsMasked) {
    const auto dir = std::filesystem::temp_directory_path() / ("relais-dump-test-" + std::to_string(::getpid()));
    std::string path;
    {
        auto d = TransactionDump::open(dir.string(), "ftp-127.0.0.1");
        ASSERT_TRUE(d);
        path = d->path();
        d->received("220 ready\r\n");
        d->sent("USER relais\r\n");
        d->sent("PASS s3cret\r\n");
        d->data(true, 42);
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "< 220 ready\n> USER relais\n> PASS ***\n< [42 bytes of data]\n");
    EXPECT_NE(path.find("ftp-127.0.0.1"), std::string::npos);
    EXPECT_FALSE(TransactionDump::open("", "x"));
    std::filesystem::remove_all(dir);
}

TEST(TransferSettingsTest, ParsedWithDefaultsAndCheckedRanges) {
    const std::string base = "[database]\ndsn = mariadb://u:p@h/db\n[store]\npath = /srv/store\n";
    auto load = [](const std::string& text) { return configFromIni(parseIni(text, "r.ini").value(), "r.ini"); };
    auto c = load(base);
    ASSERT_TRUE(c.isOk());
    EXPECT_EQ(c->transfer.connectTimeoutSeconds, 30);
    EXPECT_EQ(c->transfer.spoolDirectory, "/srv/store/partial");
    EXPECT_TRUE(c->transfer.dumpDirectory.empty());
    c = load(base + "[transfer]\nproxy = http://proxy:3128\nproxy_password = pw\nca_file = /etc/ca.pem\n"
                    "idle_timeout_seconds = 5\n");
    ASSERT_TRUE(c.isOk());
    EXPECT_EQ(c->transfer.proxy, "http://proxy:3128");
    EXPECT_EQ(c->transfer.caFile, "/etc/ca.pem");
    EXPECT_EQ(c->transfer.idleTimeoutSeconds, 5);
    EXPECT_EQ(c->settingsForDisplay()["transfer"]["proxy_password"], "***");
    c = load(base + "[transfer]\nconnect_timeout_seconds = 0\n");
    ASSERT_FALSE(c.isOk());
    EXPECT_NE(c.status().message().find("[transfer] connect_timeout_seconds"), std::string::npos);
    c = load(base);
    EXPECT_EQ(c->transfer.mssanteProofTimeoutSeconds, 25);
    EXPECT_EQ(c->settingsForDisplay()["transfer"]["mssante_proof_timeout_seconds"], "25");
    c = load(base + "[transfer]\nmssante_proof_timeout_seconds = 120\n");
    ASSERT_TRUE(c.isOk());
    EXPECT_EQ(c->transfer.mssanteProofTimeoutSeconds, 120);
    c = load(base + "[transfer]\nmssante_proof_timeout_seconds = 0\n");
    ASSERT_FALSE(c.isOk());
    EXPECT_NE(c.status().message().find("[transfer] mssante_proof_timeout_seconds"), std::string::npos) << c.status().message();
}

namespace {
std::string invalid(const std::string& activity, const nlohmann::json& with) {
    const Activity* a = ActivityRegistry::builtin().find(activity);
    if (!a) return "no activity " + activity;
    Status s = a->validate(with);
    return s ? "" : s.message();
}
}  // namespace

TEST(TransferActivitiesTest, SettingsAreCheckedNamingTheKey) {
    const nlohmann::json ok = {{"url", "ftp://ftp.example/in/"}, {"user", "u"}, {"password", "p"}};
    EXPECT_EQ(invalid("ftp.collect", ok), "");
    EXPECT_EQ(invalid("ftp.deposit", ok), "");
    auto bad = ok;
    bad["url"] = "http://ftp.example/in/";
    EXPECT_NE(invalid("ftp.collect", bad).find("url 'http://ftp.example/in/' must start with ftp://"), std::string::npos);
    bad = ok;
    bad["url"] = "ftp://u:p@ftp.example/";
    EXPECT_NE(invalid("ftp.collect", bad).find("url must not hold credentials"), std::string::npos);
    bad = ok;
    bad["after"] = "move";
    EXPECT_NE(invalid("ftp.collect", bad).find("archive is missing"), std::string::npos);
    bad = ok;
    bad["tls"] = "insecure";
    EXPECT_NE(invalid("ftp.collect", bad).find("tls 'insecure' is not one of required, none"), std::string::npos);
    bad = ok;
    bad["verify"] = false;
    EXPECT_NE(invalid("ftp.deposit", bad).find("verify is not a ftp.deposit setting"), std::string::npos);
    bad = ok;
    bad["max_files"] = 0;
    EXPECT_NE(invalid("ftp.collect", bad).find("max_files must be a whole number"), std::string::npos);
    // SFTP checks the server's key against a known_hosts file: it is required.
    nlohmann::json sftp = {{"url", "sftp://h/in/"}, {"user", "u"}, {"private_key", "/k"}};
    EXPECT_NE(invalid("sftp.collect", sftp).find("known_hosts is missing"), std::string::npos);
    sftp["known_hosts"] = "/etc/relais/known_hosts";
    EXPECT_EQ(invalid("sftp.collect", sftp), "");
    EXPECT_NE(invalid("dir.collect", {{"path", "in"}}).find("path 'in' must be absolute"), std::string::npos);
    EXPECT_NE(invalid("dir.deposit", {{"path", "/out"}, {"collision", "rename"}}).find("collision must be one of"),
              std::string::npos);
}

TEST(MailMessageTest, ReadsNestedAttachmentsDecodingTheirNamesAndBodies) {
    const std::string raw =
        "From: Alice <alice@relais.test>\r\n"
        "Subject: =?UTF-8?B?Q29tcHRlIHJlbmR1IMOpdMOp?=\r\n"
        "Message-ID: <1@relais.test>\r\n"
        "X-MSS-INS: O\r\n"
        "Content-Type: multipart/mixed;\r\n boundary=\"outer\"\r\n"
        "\r\n"
        "preamble\r\n"
        "--outer\r\n"
        "Content-Type: multipart/alternative; boundary=inner\r\n"
        "\r\n"
        "--inner\r\n"
        "Content-Type: text/plain\r\n\r\nhello\r\n"
        "--inner--\r\n"
        "--outer\r\n"
        "Content-Type: application/zip; name=\"IHE_XDM.ZIP\"\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Disposition: attachment; filename=\"IHE_XDM.ZIP\"\r\n"
        "\r\n"
        "UEsDBA==\r\n"
        "--outer\r\n"
        "Content-Type: text/plain\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt\r\n"
        "\r\n"
        "caf=C3=A9 =\r\nau lait\r\n"
        "--outer\r\n"
        "Content-Type: application/octet-stream; name=\"../../etc/passwd\"\r\n"
        "\r\n"
        "x\r\n"
        "--outer--\r\n";
    const auto m = parseMail(raw);
    EXPECT_EQ(m.subject, "Compte rendu été");
    EXPECT_EQ(m.from, "Alice <alice@relais.test>");
    EXPECT_EQ(m.messageId, "<1@relais.test>");
    ASSERT_EQ(m.attachments.size(), 3u);
    EXPECT_EQ(m.attachments[0].filename, "IHE_XDM.ZIP");
    EXPECT_EQ(m.attachments[0].contentType, "application/zip");
    EXPECT_EQ(m.attachments[0].body, std::string("PK\x03\x04", 4));
    EXPECT_EQ(m.attachments[1].filename, "résumé.txt");
    EXPECT_EQ(m.attachments[1].body, "café au lait");
    EXPECT_EQ(m.attachments[2].filename, "passwd");  // never a path
}

TEST(MailMessageTest, HeaderValuesAreEncodedOnlyWhenNeeded) {
    EXPECT_EQ(encodeHeaderValue("Plain subject"), "Plain subject");
    EXPECT_EQ(encodeHeaderValue("été"), "=?UTF-8?B?w6l0w6k=?=");
    EXPECT_EQ(parseMail("Subject: " + encodeHeaderValue("Compte rendu été") + "\r\n\r\n").subject, "Compte rendu été");
    EXPECT_EQ(contentTypeOf("doc.XML"), "application/xml");
    EXPECT_EQ(contentTypeOf("noext"), "application/octet-stream");
}

TEST(TransferActivitiesTest, MailSettingsAreChecked) {
    const nlohmann::json ok = {{"url", "smtp://mss.example:587"}, {"user", "u"},           {"password", "p"},
                               {"from", "a@mss.example"},         {"to", {"b@mss.example"}}, {"subject", "s"}};
    EXPECT_EQ(invalid("mail.send", ok), "");
    auto bad = ok;
    bad["to"] = "b@x\r\nBcc: evil@x";
    EXPECT_NE(invalid("mail.send", bad).find("is not a mail address"), std::string::npos);
    bad = ok;
    bad["subject"] = "a\r\nBcc: evil@x";
    EXPECT_NE(invalid("mail.send", bad).find("subject must be one line"), std::string::npos);
    bad = ok;
    bad["url"] = "http://mss.example";
    EXPECT_NE(invalid("mail.send", bad).find("must start with smtp://"), std::string::npos);
    bad = ok;
    bad["ins"] = "yes";
    EXPECT_NE(invalid("mail.send", bad).find("ins 'yes' is not one of O, N"), std::string::npos);
    bad = ok;
    bad.erase("password");
    EXPECT_NE(invalid("mail.send", bad).find("password is missing"), std::string::npos);
    bad["bearer_token_file"] = "/run/relais/psc-token";
    EXPECT_EQ(invalid("mail.send", bad), "");
    EXPECT_NE(invalid("mail.receive", {{"url", "imap://h/"}, {"user", "u"}, {"password", "p"}, {"after", "move"}})
                  .find("archive is missing"),
              std::string::npos);
}

TEST(TransferActivitiesTest, HttpSettingsAreChecked) {
    const nlohmann::json ok = {{"url", "https://api.example/orders"}, {"expected_status", {200, 201}}};
    EXPECT_EQ(invalid("http.post", ok), "");
    EXPECT_EQ(invalid("http.put", ok), "");
    auto bad = ok;
    bad["expected_status"] = {"200"};
    EXPECT_NE(invalid("http.post", bad).find("expected_status must be a list of HTTP statuses"), std::string::npos);
    bad = ok;
    bad["url"] = "ftp://api.example/";
    EXPECT_NE(invalid("http.post", bad).find("must start with https://"), std::string::npos);
    bad = ok;
    bad["headers"] = {"X-A: 1\r\nX-Injected: 2"};
    EXPECT_NE(invalid("http.post", bad).find("headers must be one-line"), std::string::npos);
}

TEST(MssanteProofTest, TargetIsAHostNameAndTwoPortsNamingEachBadField) {
    EXPECT_TRUE(net::checkMssanteProofTarget("mss.example-1.fr", 143, 587));
    EXPECT_TRUE(net::checkMssanteProofTarget("127.0.0.1", 1, 65535));
    for (const std::string& bad : std::vector<std::string>{"", "mss example.fr", "mss.example.fr/x", "-mss.fr", "mss..fr", "mss.fr\r\nQUIT",
                                  std::string(64, 'a') + ".fr", "http://mss.fr"}) {
        const Status s = net::checkMssanteProofTarget(bad, 143, 587);
        ASSERT_FALSE(s) << bad;
        ASSERT_EQ(s.fieldErrors().size(), 1u) << bad;
        EXPECT_EQ(s.fieldErrors()[0].field, "fqdn") << bad;
    }
    const Status s = net::checkMssanteProofTarget("mss.fr", 0, 65536);
    ASSERT_EQ(s.fieldErrors().size(), 2u);
    EXPECT_EQ(s.fieldErrors()[0].field, "imap_port");
    EXPECT_EQ(s.fieldErrors()[1].field, "smtp_port");
    EXPECT_NE(s.message().find("port 65536 is not between 1 and 65535"), std::string::npos) << s.message();
}

namespace {
// A loopback TCP server that never answers by itself: the kernel completes
// the handshake of each connection (backlog) and nobody reads or writes,
// unless a test takes a connection with answerImapButNeverClose.
class SilentListener {
public:
    SilentListener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&a), len) != 0 || ::listen(fd_, 4) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
            return;
        port_ = ntohs(a.sin_port);
    }
    ~SilentListener() {
        if (fd_ >= 0) ::close(fd_);
    }
    int port() const { return port_; }
    // True when a connection made to it is waiting and its client hung up
    // (recv sees the end within `waitMs`, the loopback's FIN in flight).
    bool nextConnectionClosedByClient(int waitMs) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 0) != 1) return false;
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return false;
        char byte;
        pollfd q{c, POLLIN, 0};
        const bool closed = ::poll(&q, 1, waitMs) == 1 && ::recv(c, &byte, 1, 0) == 0;
        ::close(c);
        return closed;
    }

    // Takes the next connection and answers the proof's IMAP commands as a
    // server that then never closes; returns once the client closed it.
    void answerImapButNeverClose() {
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0) return;
        auto say = [c](const std::string& text) { return ::send(c, text.data(), text.size(), MSG_NOSIGNAL) >= 0; };
        say("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
        std::string got;
        char buf[512];
        for (ssize_t n; (n = ::recv(c, buf, sizeof buf, 0)) > 0;) {
            got.append(buf, static_cast<size_t>(n));
            if (got.find("C01 CAPABILITY\r\n") != std::string::npos) {
                say("* CAPABILITY IMAP4rev1 STARTTLS\r\nC01 OK done\r\n");
                got.clear();
            } else if (got.find("C02 LOGOUT\r\n") != std::string::npos) {
                say("* BYE logging out\r\nC02 OK done\r\n");  // and the connection stays open
                got.clear();
            }
        }
        ::close(c);
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

// The proof with both sessions on `port`, a time limit of 1 s and an idle
// timeout that only that limit can beat.
MssanteProof proofWithinOneSecond(int port) {
    TransferSettings settings;
    settings.idleTimeoutSeconds = 3600;
    settings.mssanteProofTimeoutSeconds = 1;
    return produceMssanteProof(settings, "127.0.0.1", port, port);
}
}  // namespace

TEST(MssanteProofTest, AServerThatNeverAnswersIsGivenUpAtTheProofsTimeLimitNamingTheStep) {
    SilentListener silent;
    ASSERT_GT(silent.port(), 0);
    const auto proof = proofWithinOneSecond(silent.port());
    EXPECT_FALSE(proof.imapComplete);
    EXPECT_FALSE(proof.smtpComplete);
    const std::regex problem(
        "IMAP: the proof's time limit of 1 s ran out while waiting for the greeting, after [0-9]+\\.[0-9] s on that step; "
        "SMTP: not run: the proof's time limit of 1 s had run out");
    EXPECT_TRUE(std::regex_match(proof.problem, problem)) << proof.problem;
    EXPECT_NE(proof.text.find("\nConnected to 127.0.0.1.\nEscape character is '^]'.\n"
                              "Connection closed by Relais: the proof's time limit of 1 s ran out while waiting for the greeting"),
              std::string::npos)
        << proof.text;
    EXPECT_NE(proof.text.find("(not run: the proof's time limit of 1 s had run out)\n"), std::string::npos) << proof.text;
    EXPECT_NE(proof.text.find("Listing incomplet : IMAP: the proof's time limit"), std::string::npos) << proof.text;
    // One connection, closed by the proof before it returned; none for SMTP.
    EXPECT_TRUE(silent.nextConnectionClosedByClient(5000));
    EXPECT_FALSE(silent.nextConnectionClosedByClient(0));
}

TEST(MssanteProofTest, AServerThatNeverClosesAfterLogoutGivesACompleteListingAndNamesTheStepCut) {
    SilentListener server;
    ASSERT_GT(server.port(), 0);
    std::thread imap([&] { server.answerImapButNeverClose(); });
    const auto proof = proofWithinOneSecond(server.port());
    imap.join();  // returns once the proof closed the connection
    EXPECT_TRUE(proof.imapComplete);
    EXPECT_TRUE(proof.imapStarttls);
    EXPECT_FALSE(proof.smtpComplete);
    const std::regex problem(
        "IMAP: the proof's time limit of 1 s ran out while waiting for the server to close the connection, after "
        "[0-9]+\\.[0-9] s on that step; SMTP: not run: the proof's time limit of 1 s had run out");
    EXPECT_TRUE(std::regex_match(proof.problem, problem)) << proof.problem;
    EXPECT_NE(proof.text.find("C02 LOGOUT\n* BYE logging out\nC02 OK done\nConnection closed by Relais: "), std::string::npos)
        << proof.text;
    EXPECT_EQ(proof.text.find("Connection closed by foreign host."), std::string::npos) << proof.text;
}

TEST(TransferErrorTest, ARefusedBearerTokenIsShownDecoded) {
    // Dovecot's XOAUTH2 answer to an inactive token, base64 of {"status":"401",...}.
    const auto f = classifyCurlFailure(CURLE_LOGIN_DENIED, "Login denied",
                                       "334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=", "sending");
    EXPECT_FALSE(f.transient);
    EXPECT_NE(f.message.find(R"(, that is {"status":"401","schemes":"bearer","scope":"mail"})"), std::string::npos) << f.message;
    // Other replies are quoted as they are.
    EXPECT_EQ(classifyCurlFailure(CURLE_LOGIN_DENIED, "Login denied", "334 VXNlcm5hbWU6", "x").message,
              "x: Login denied (server replied: '334 VXNlcm5hbWU6')");
}
