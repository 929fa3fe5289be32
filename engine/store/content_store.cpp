// Content store.
#include "store/content_store.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>

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

ContentStore::Writer ContentStore::writerOf(const Input& in) const {
    if (in.inMemory) {
        const std::string_view bytes = in.bytes;
        return [bytes](const std::string& tmp, Sha256& hash, uint64_t& size, bool flush) {
            hash.update(bytes.data(), bytes.size());
            size = bytes.size();
            return writeFileNew(tmp, bytes, 0644, flush);
        };
    }
    const std::string path = in.path;
    return [path](const std::string& tmp, Sha256& hash, uint64_t& size, bool flush) {
        return copyFileNew(
            path, tmp,
            [&](const char* d, size_t n) {
                hash.update(d, n);
                size += n;
            },
            0644, flush);
    };
}

Result<StoredFile> ContentStore::put(const std::string& path) const {
    std::string tmp;
    RELAIS_ASSIGN_OR_RETURN(StoredFile f, writeTemp(writerOf({path}), true, tmp));
    RELAIS_TRY(place(path, tmp, f));
    return f;
}

Result<StoredFile> ContentStore::putBytes(std::string_view bytes) const {
    std::string tmp;
    RELAIS_ASSIGN_OR_RETURN(StoredFile f, writeTemp(writerOf({"", bytes, true}), true, tmp));
    RELAIS_TRY(place("(uploaded content)", tmp, f));
    return f;
}

Result<std::vector<StoredFile>> ContentStore::putMany(const std::vector<Input>& inputs) const {
    std::vector<StoredFile> out;
    if (inputs.empty()) return out;
    std::vector<std::string> temps;
    out.reserve(inputs.size());
    temps.reserve(inputs.size());
    auto cleanUp = [&](Status s) {
        for (const auto& t : temps) ::unlink(t.c_str());
        return s;
    };
    const auto what = [&](size_t i) {
        if (!inputs[i].label.empty()) return inputs[i].label;
        return inputs[i].inMemory ? "upload [" + std::to_string(i) + "]" : inputs[i].path;
    };
    // A few files are fsynced one by one; more share one flush of the file
    // system, opened before they are written so that it reports their errors.
    // (syncfs also flushes what other programs wrote to the same file system:
    // docs/install.md recommends a file system of its own for the store.)
    const bool oneFlush = inputs.size() >= kOneFlushFrom;
    std::optional<FileSystemFlush> fsFlush;
    if (oneFlush) {
        RELAIS_TRY(ensureDir((fs::path(root_) / "tmp").string()));
        RELAIS_ASSIGN_OR_RETURN(FileSystemFlush opened, FileSystemFlush::open(root_));
        fsFlush.emplace(std::move(opened));
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        std::string tmp;
        auto f = writeTemp(writerOf(inputs[i]), !oneFlush, tmp);
        if (!f) return cleanUp(f.status().withContext(what(i)));
        temps.push_back(tmp);
        out.push_back(std::move(f).value());
    }
    // The bytes are on disk before any file takes its address: a crash
    // can leave temporary files, never an address with other bytes.
    if (fsFlush) {
        Status s = fsFlush->flush();
        if (!s) return cleanUp(s);
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
        Status s = place(what(i), temps[i], out[i]);
        if (!s) {
            temps.erase(temps.begin(), temps.begin() + static_cast<std::ptrdiff_t>(i + 1));
            return cleanUp(s);
        }
    }
    // And the new names are on disk before the caller records them.
    if (fsFlush) RELAIS_TRY(fsFlush->flush());
    return out;
}

Result<StoredFile> ContentStore::writeTemp(const Writer& write, bool flush, std::string& tmp) const {
    const std::string tmpDir = (fs::path(root_) / "tmp").string();
    RELAIS_TRY(ensureDir(tmpDir));
    auto hash = std::make_unique<Sha256>();
    uint64_t size = 0;
    // The temporary name is private to this process (pid and counter); the
    // write creates it exclusively, steps past a leftover of a dead process
    // with the same pid, and fsyncs it (when `flush`).
    static std::atomic<uint64_t> counter{0};
    const std::string prefix = (fs::path(tmpDir) / ("in-" + std::to_string(::getpid()) + "-")).string();
    const auto attempt = [&]() {
        tmp = prefix + std::to_string(++counter);
        hash = std::make_unique<Sha256>();
        size = 0;
        return write(tmp, *hash, size, flush);
    };
    Status s = attempt();
    for (int n = 0; s.code() == Code::AlreadyExists && n < 100; ++n) s = attempt();
    std::error_code ec;
    if (!s && !fs::is_directory(tmpDir, ec)) {
        // tmp/ removed behind the store's back: made again, and the write retried once.
        forgetDir(tmpDir);
        RELAIS_TRY(ensureDir(tmpDir));
        s = attempt();
    }
    if (!s) return s;
    StoredFile f;
    f.sha256 = hash->hexDigest();
    f.size = size;
    f.relPath = f.sha256.substr(0, 2) + "/" + f.sha256.substr(2, 2) + "/" + f.sha256;
    return f;
}

Status ContentStore::place(const std::string& what, const std::string& tmp, const StoredFile& f) const {
    const fs::path final = fs::path(root_) / f.relPath;
    Status s = ensureDir(final.parent_path().string());
    if (!s) {
        ::unlink(tmp.c_str());
        return s.withContext(what);
    }
    // Same name means same bytes: renaming over an existing copy is harmless.
    std::error_code ec;
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
    return Status::ok();
}

}  // namespace relais
