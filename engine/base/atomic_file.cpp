// Atomic file writes.
#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace fs = std::filesystem;

namespace relais {
namespace {

std::string errnoText() { return std::strerror(errno); }

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

bool isPlainFileName(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos && name.size() <= 255;
}

Status makeDirs(const std::string& dir, unsigned mode) {
    std::error_code ec;
    fs::path p(dir);
    fs::path acc;
    for (const auto& part : p) {
        acc /= part;
        if (fs::is_directory(acc, ec)) continue;
        if (::mkdir(acc.c_str(), mode) != 0 && errno != EEXIST)
            return Status(Code::Io, "cannot create folder " + acc.string() + ": " + errnoText());
        ::chmod(acc.c_str(), mode);
    }
    return Status::ok();
}

namespace {

// Writes `n` bytes to `fd` (a short write or EINTR continues).
Status writeAll(int fd, const char* p, size_t n, const std::string& tmp) {
    for (size_t off = 0; off < n;) {
        ssize_t w = ::write(fd, p + off, n - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            return Status(Code::Io, "cannot write " + tmp + ": " + errnoText());
        }
        off += static_cast<size_t>(w);
    }
    return Status::ok();
}

// Creates a temporary file next to `dest`, lets `fill` write it, then sets
// `mode`, flushes and renames it over `dest`. On any failure the temporary
// file goes and `dest` is untouched.
Status replaceAtomic(const std::string& dest, unsigned mode, const std::function<Status(int, const std::string&)>& fill) {
    std::random_device rd;
    const fs::path destPath(dest);
    const std::string tmp = (destPath.parent_path() / ("." + destPath.filename().string() + ".tmp-" +
                                                       std::to_string(rd()))).string();
    Fd out;
    out.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out.fd < 0) return Status(Code::Io, "cannot create " + tmp + ": " + errnoText());
    auto fail = [&](Status s) {
        ::unlink(tmp.c_str());
        return s;
    };
    auto sysFail = [&](const std::string& what) { return fail(Status(Code::Io, what + ": " + errnoText())); };
    if (Status s = fill(out.fd, tmp); !s) return fail(s);
    if (::fchmod(out.fd, mode) != 0) return sysFail("cannot set mode of " + tmp);
    if (::fsync(out.fd) != 0) return sysFail("cannot flush " + tmp);
    ::close(out.fd);
    out.fd = -1;
    if (::rename(tmp.c_str(), dest.c_str()) != 0) return sysFail("cannot rename " + tmp + " to " + dest);
    return Status::ok();
}

}  // namespace

Status copyFileAtomic(const std::string& src, const std::string& dest,
                      const std::function<void(const char*, size_t)>& onChunk, unsigned mode) {
    Fd in;
    in.fd = ::open(src.c_str(), O_RDONLY | O_CLOEXEC);
    if (in.fd < 0) return Status(Code::NotFound, "cannot read " + src + ": " + errnoText());
    struct stat st{};
    if (::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode))
        return Status(Code::InvalidArgument, src + " is not a regular file");
    return replaceAtomic(dest, mode, [&](int fd, const std::string& tmp) {
        char buf[1 << 16];
        for (;;) {
            ssize_t n = ::read(in.fd, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                return Status(Code::Io, "cannot read " + src + ": " + errnoText());
            }
            if (n == 0) return Status::ok();
            if (onChunk) onChunk(buf, static_cast<size_t>(n));
            RELAIS_TRY(writeAll(fd, buf, static_cast<size_t>(n), tmp));
        }
    });
}

Status writeFileAtomic(const std::string& dest, const std::string& content, unsigned mode) {
    return replaceAtomic(dest, mode, [&](int fd, const std::string& tmp) { return writeAll(fd, content.data(), content.size(), tmp); });
}

}  // namespace relais
