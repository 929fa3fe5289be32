// Content store.
#include "store/content_store.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>

#include "base/atomic_file.h"
#include "base/sha256.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

// Folders are group-writable and setgid so that relaisd and the web server
// (which share a group) can both add files.
constexpr unsigned kDirMode = 02775;

}  // namespace

std::string ContentStore::absolutePath(const std::string& relPath) const {
    return (fs::path(root_) / relPath).string();
}

Status ContentStore::ensureDir(const std::string& dir) const {
    {
        std::lock_guard<std::mutex> lock(dirsMu_);
        if (dirs_.count(dir)) return Status::ok();
    }
    // A folder removed behind the store's back (an operator cleaning up) is
    // made again when the rename into it fails (putWith).
    RELAIS_TRY(makeDirs(dir, kDirMode));
    std::lock_guard<std::mutex> lock(dirsMu_);
    dirs_.insert(dir);
    return Status::ok();
}

void ContentStore::forgetDir(const std::string& dir) const {
    std::lock_guard<std::mutex> lock(dirsMu_);
    dirs_.erase(dir);
}

Result<StoredFile> ContentStore::put(const std::string& path) const {
    return putWith(path, [&](const std::string& tmp, Sha256& hash, uint64_t& size) {
        return copyFileNew(path, tmp, [&](const char* d, size_t n) {
            hash.update(d, n);
            size += n;
        });
    });
}

Result<StoredFile> ContentStore::putBytes(std::string_view bytes) const {
    return putWith("(uploaded content)", [&](const std::string& tmp, Sha256& hash, uint64_t& size) {
        hash.update(bytes.data(), bytes.size());
        size = bytes.size();
        return writeFileNew(tmp, bytes);
    });
}

Result<StoredFile> ContentStore::putWith(
    const std::string& what, const std::function<Status(const std::string&, Sha256&, uint64_t&)>& write) const {
    const std::string tmpDir = (fs::path(root_) / "tmp").string();
    RELAIS_TRY(ensureDir(tmpDir));
    auto hash = std::make_unique<Sha256>();
    uint64_t size = 0;
    // The temporary name is private to this process (pid and counter); the
    // write creates it exclusively, steps past a leftover of a dead process
    // with the same pid, and fsyncs it; the rename below is the only one.
    static std::atomic<uint64_t> counter{0};
    const std::string prefix = (fs::path(tmpDir) / ("in-" + std::to_string(::getpid()) + "-")).string();
    std::string tmp = prefix + std::to_string(++counter);
    Status s = write(tmp, *hash, size);
    for (int attempt = 0; s.code() == Code::AlreadyExists && attempt < 100; ++attempt) {
        tmp = prefix + std::to_string(++counter);
        hash = std::make_unique<Sha256>();
        size = 0;
        s = write(tmp, *hash, size);
    }
    std::error_code ec;
    if (!s && !fs::is_directory(tmpDir, ec)) {
        // tmp/ removed behind the store's back: made again, and the write retried once.
        forgetDir(tmpDir);
        RELAIS_TRY(ensureDir(tmpDir));
        hash = std::make_unique<Sha256>();
        size = 0;
        s = write(tmp, *hash, size);
    }
    if (!s) return s;
    StoredFile f;
    f.sha256 = hash->hexDigest();
    f.size = size;
    f.relPath = f.sha256.substr(0, 2) + "/" + f.sha256.substr(2, 2) + "/" + f.sha256;
    const fs::path final = fs::path(root_) / f.relPath;
    s = ensureDir(final.parent_path().string());
    if (!s) {
        ::unlink(tmp.c_str());
        return s;
    }
    // Same name means same bytes: renaming over an existing copy is harmless.
    ec.clear();
    fs::rename(tmp, final, ec);
    if (ec == std::errc::no_such_file_or_directory) {
        forgetDir(final.parent_path().string());
        ec.clear();
        if (ensureDir(final.parent_path().string())) fs::rename(tmp, final, ec);
    }
    if (ec) {
        ::unlink(tmp.c_str());
        return Status(Code::Io, "cannot store " + what + " as " + final.string() + ": " + ec.message());
    }
    return f;
}

}  // namespace relais
