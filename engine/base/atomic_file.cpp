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

// Writes `dest` through a temporary name in its folder: `produce` hands the
// bytes to its `sink` in chunks; then fsync, chmod, rename.
Status writeAtomic(const std::string& dest, unsigned mode,
                   const std::function<Status(const std::function<Status(const char*, size_t)>&)>& produce) {
    std::random_device rd;
    const fs::path destPath(dest);
    const std::string tmp = (destPath.parent_path() / ("." + destPath.filename().string() + ".tmp-" +
                                                       std::to_string(rd()))).string();
    Fd out;
    out.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out.fd < 0) return Status(Code::Io, "cannot create " + tmp + ": " + errnoText());
    auto fail = [&](const std::string& what) {
        Status s(Code::Io, what + ": " + errnoText());
        ::unlink(tmp.c_str());
        return s;
    };
    Status produced = produce([&](const char* data, size_t n) -> Status {
        for (size_t off = 0; off < n;) {
            ssize_t w = ::write(out.fd, data + off, n - off);
            if (w < 0) {
                if (errno == EINTR) continue;
                return Status(Code::Io, "cannot write " + tmp + ": " + errnoText());
            }
            off += static_cast<size_t>(w);
        }
        return Status::ok();
    });
    if (!produced) {
        ::unlink(tmp.c_str());
        return produced;
    }
    if (::fchmod(out.fd, mode) != 0) return fail("cannot set mode of " + tmp);
    if (::fsync(out.fd) != 0) return fail("cannot flush " + tmp);
    ::close(out.fd);
    out.fd = -1;
    if (::rename(tmp.c_str(), dest.c_str()) != 0) return fail("cannot rename " + tmp + " to " + dest);
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
    return writeAtomic(dest, mode, [&](const std::function<Status(const char*, size_t)>& sink) -> Status {
        char buf[1 << 16];
        for (;;) {
            ssize_t n = ::read(in.fd, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                return Status(Code::Io, "cannot read " + src + ": " + errnoText());
            }
            if (n == 0) return Status::ok();
            if (onChunk) onChunk(buf, static_cast<size_t>(n));
            RELAIS_TRY(sink(buf, static_cast<size_t>(n)));
        }
    });
}

Status writeFileAtomic(const std::string& dest, std::string_view bytes, unsigned mode) {
    return writeAtomic(dest, mode, [&](const std::function<Status(const char*, size_t)>& sink) {
        return sink(bytes.data(), bytes.size());
    });
}

}  // namespace relais
