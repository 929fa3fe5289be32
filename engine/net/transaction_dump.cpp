// Transaction dumps and the masking of secrets in protocol lines.
#include "net/transaction_dump.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "base/atomic_file.h"

namespace relais::net {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The line with everything after its first `words` words replaced by ***.
std::string keepWords(const std::string& line, int words) {
    size_t pos = 0;
    for (int i = 0; i < words; ++i) {
        pos = line.find(' ', pos);
        if (pos == std::string::npos) return line;
        while (pos < line.size() && line[pos] == ' ') ++pos;
    }
    return pos >= line.size() ? line : line.substr(0, pos) + "***";
}

}  // namespace

std::string ProtocolMasker::outgoing(const std::string& line) {
    if (challenged_) {
        challenged_ = false;
        return line.empty() ? line : "***";
    }
    const std::string u = upper(line);
    if (u.rfind("PASS ", 0) == 0 || u.rfind("ACCT ", 0) == 0) return keepWords(line, 1);
    if (u.rfind("AUTH ", 0) == 0) return keepWords(line, 2);  // AUTH PLAIN <secret>; AUTH TLS stays
    if (u.rfind("AUTHORIZATION:", 0) == 0 || u.rfind("PROXY-AUTHORIZATION:", 0) == 0)
        return line.substr(0, line.find(':') + 1) + " ***";
    // IMAP: a tag, then the command.
    const auto sp = u.find(' ');
    if (sp != std::string::npos) {
        const std::string cmd = u.substr(sp + 1);
        if (cmd.rfind("LOGIN ", 0) == 0) return keepWords(line, 3);         // tag LOGIN user ***
        if (cmd.rfind("AUTHENTICATE ", 0) == 0) return keepWords(line, 3);  // tag AUTHENTICATE MECH ***
    }
    return line;
}

void ProtocolMasker::incoming(const std::string& line) {
    // SMTP "334 <challenge>" and IMAP "+ <challenge>" ask for a secret next.
    challenged_ = line.rfind("334", 0) == 0 || line == "+" || line.rfind("+ ", 0) == 0;
}

std::unique_ptr<TransactionDump> TransactionDump::open(const std::string& dir, const std::string& label) {
    if (dir.empty()) return nullptr;
    if (!makeDirs(dir, 0750)) return nullptr;
    static std::atomic<unsigned long> seq{0};
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d%02d%02dT%02d%02d%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string safe;
    for (char c : label) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '_';
    const std::string path = (std::filesystem::path(dir) / (std::string(stamp) + "-" + std::to_string(::getpid()) +
                                                            "-" + std::to_string(++seq) + "-" + safe + ".log"))
                                 .string();
    const mode_t old = ::umask(027);
    FILE* f = std::fopen(path.c_str(), "wx");
    ::umask(old);
    if (!f) return nullptr;
    return std::unique_ptr<TransactionDump>(new TransactionDump(f, path));
}

TransactionDump::~TransactionDump() { std::fclose(f_); }

void TransactionDump::lines(const char* prefix, const std::string& text, bool out) {
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (out) line = masker_.outgoing(line);
        else if (*prefix == '<') masker_.incoming(line);
        std::fprintf(f_, "%s%s\n", prefix, line.c_str());
        start = end + 1;
    }
    std::fflush(f_);
}

void TransactionDump::info(const std::string& text) { lines("* ", text, false); }
void TransactionDump::sent(const std::string& text) { lines("> ", text, true); }
void TransactionDump::received(const std::string& text) { lines("< ", text, false); }
void TransactionDump::data(bool in, size_t bytes) {
    std::fprintf(f_, "%s [%zu bytes of data]\n", in ? "<" : ">", bytes);
}

}  // namespace relais::net
