// Transaction dumps: when [transfer] dump_directory is set, every exchange
// (one libcurl request) is written there as one text file: what libcurl says
// ("* "), what was sent ("> ") and received ("< "), with passwords, tokens
// and authentication exchanges masked ("***"). Like DmpConnect-JS2's
// transactionDumpDirectory, for homologation and diagnostics.
// Thread-safety: one ProtocolMasker / TransactionDump per exchange.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace relais::net {

// Masks the secrets of protocol lines, following the exchange: FTP PASS/ACCT,
// SMTP and IMAP AUTH/AUTHENTICATE/LOGIN, the client's answers to an
// authentication challenge (SMTP "334", IMAP "+"), HTTP Authorization and
// Proxy-Authorization headers.
class ProtocolMasker {
public:
    // A line the client sends, as it may be written down.
    std::string outgoing(const std::string& line);
    // A line the server sent (watched for challenges).
    void incoming(const std::string& line);

private:
    bool challenged_ = false;
};

class TransactionDump {
public:
    // Opens DIR/<UTC time>-<pid>-<seq>-<label>.log; a null dump when `dir`
    // is empty or the file cannot be made (the transfer goes on).
    static std::unique_ptr<TransactionDump> open(const std::string& dir, const std::string& label);
    ~TransactionDump();

    void info(const std::string& text);
    void sent(const std::string& text);      // protocol lines sent (masked here)
    void received(const std::string& text);  // protocol lines received
    void data(bool in, size_t bytes);        // payload: only its size is written
    const std::string& path() const { return path_; }

private:
    TransactionDump(FILE* f, std::string path) : f_(f), path_(std::move(path)) {}
    void lines(const char* prefix, const std::string& text, bool out);

    FILE* f_;
    std::string path_;
    ProtocolMasker masker_;
};

}  // namespace relais::net
