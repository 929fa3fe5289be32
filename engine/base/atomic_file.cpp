// Atomic file writes.
#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <atomic>

#include "base/unique_fd.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

std::string errnoText() { return std::strerror(errno); }

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

using Produce = std::function<Status(const std::function<Status(const char*, size_t)>&)>;

// Creates `path`, which must not exist, with the bytes `produce` hands to its
// sink in chunks; then fchmod and fsync. On failure nothing is left at `path`.
// Errno EEXIST is reported as Code::AlreadyExists.
Status writeNew(const std::string& path, unsigned mode, const Produce& produce, bool flush = true) {
    UniqueFd out(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out.valid())
        return Status(errno == EEXIST ? Code::AlreadyExists : Code::Io, "cannot create " + path + ": " + errnoText());
    auto fail = [&](Status s) {
        ::unlink(path.c_str());
        return s;
    };
    Status produced = produce([&](const char* data, size_t n) -> Status {
        for (size_t off = 0; off < n;) {
            ssize_t w = ::write(out.get(), data + off, n - off);
            if (w < 0) {
                if (errno == EINTR) continue;
                return Status(Code::Io, "cannot write " + path + ": " + errnoText());
            }
            off += static_cast<size_t>(w);
        }
        return Status::ok();
    });
    if (!produced) return fail(produced);
    if (::fchmod(out.get(), mode) != 0) return fail(Status(Code::Io, "cannot set mode of " + path + ": " + errnoText()));
    if (flush && ::fsync(out.get()) != 0) return fail(Status(Code::Io, "cannot flush " + path + ": " + errnoText()));
    if (::close(out.release()) != 0) return fail(Status(Code::Io, "cannot close " + path + ": " + errnoText()));
    return Status::ok();
}

// Writes `dest` through a temporary name in its folder, then renames it over
// `dest`. The temporary name is the process id and a counter: unique among
// live processes, and O_EXCL steps past a leftover of a dead one.
Status writeAtomic(const std::string& dest, unsigned mode, const Produce& produce) {
    static std::atomic<uint64_t> counter{0};
    const fs::path destPath(dest);
    const std::string prefix =
        (destPath.parent_path() / ("." + destPath.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-"))
            .string();
    for (int attempt = 0;; ++attempt) {
        const std::string tmp = prefix + std::to_string(++counter);
        Status s = writeNew(tmp, mode, produce);
        if (s.code() == Code::AlreadyExists && attempt < 100) continue;
        if (!s) return s;
        if (::rename(tmp.c_str(), dest.c_str()) != 0) {
            Status r(Code::Io, "cannot rename " + tmp + " to " + dest + ": " + errnoText());
            ::unlink(tmp.c_str());
            return r;
        }
        return Status::ok();
    }
}

// Streams the regular file `src` to `sink`, showing each chunk to `onChunk`.
Produce fileProducer(UniqueFd& in, const std::string& src, const std::function<void(const char*, size_t)>& onChunk) {
    return [&in, &src, &onChunk](const std::function<Status(const char*, size_t)>& sink) -> Status {
        char buf[1 << 16];
        for (;;) {
            ssize_t n = ::read(in.get(), buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                return Status(Code::Io, "cannot read " + src + ": " + errnoText());
            }
            if (n == 0) return Status::ok();
            if (onChunk) onChunk(buf, static_cast<size_t>(n));
            RELAIS_TRY(sink(buf, static_cast<size_t>(n)));
        }
    };
}

Status openRegular(UniqueFd& in, const std::string& src) {
    in.reset(::open(src.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) return Status(Code::NotFound, "cannot read " + src + ": " + errnoText());
    struct stat st{};
    if (::fstat(in.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return Status(Code::InvalidArgument, src + " is not a regular file");
    return Status::ok();
}

}  // namespace

Status copyFileAtomic(const std::string& src, const std::string& dest,
                      const std::function<void(const char*, size_t)>& onChunk, unsigned mode) {
    UniqueFd in;
    RELAIS_TRY(openRegular(in, src));
    return writeAtomic(dest, mode, fileProducer(in, src, onChunk));
}

Status copyFileNew(const std::string& src, const std::string& dest,
                   const std::function<void(const char*, size_t)>& onChunk, unsigned mode, bool flush) {
    UniqueFd in;
    RELAIS_TRY(openRegular(in, src));
    return writeNew(dest, mode, fileProducer(in, src, onChunk), flush);
}

Status writeFileNew(const std::string& dest, std::string_view bytes, unsigned mode, bool flush) {
    return writeNew(
        dest, mode,
        [&](const std::function<Status(const char*, size_t)>& sink) { return sink(bytes.data(), bytes.size()); },
        flush);
}

Result<FileSystemFlush> FileSystemFlush::open(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Status(Code::Io, "cannot open " + dir + ": " + errnoText());
    return FileSystemFlush(fd, dir);
}

FileSystemFlush::~FileSystemFlush() {
    if (fd_ >= 0) ::close(fd_);
}

Status FileSystemFlush::flush() const {
    if (::syncfs(fd_) != 0) return Status(Code::Io, "cannot flush the file system of " + dir_ + ": " + errnoText());
    return Status::ok();
}

Status writeFileAtomic(const std::string& dest, std::string_view bytes, unsigned mode) {
    return writeAtomic(dest, mode, [&](const std::function<Status(const char*, size_t)>& sink) {
        return sink(bytes.data(), bytes.size());
    });
}

}  // namespace relais
