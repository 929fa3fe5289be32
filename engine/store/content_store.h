// The content store: write-once document files addressed by their SHA-256,
// under [store] path as ab/cd/<sha256>. Writing the same bytes twice stores
// them once. Thread-safety: all methods are safe from several threads and
// processes (writes are atomic renames of identical content).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/sha256.h"
#include "base/status.h"

namespace relais {

struct StoredFile {
    std::string sha256;
    uint64_t size = 0;
    std::string relPath;  // relative to the store root
};

class ContentStore {
public:
    explicit ContentStore(std::string root) : root_(std::move(root)) {}

    // Copies the file at `path` into the store.
    Result<StoredFile> put(const std::string& path) const;
    // Stores `bytes` (an upload held in memory).
    Result<StoredFile> putBytes(std::string_view bytes) const;
    // One input of putMany: the file at `path`, or `bytes` when `inMemory`;
    // errors name it by `label` (default: the path, or "upload [i]").
    struct Input {
        std::string path;
        std::string_view bytes = {};
        bool inMemory = false;
        std::string label = {};
    };
    // Stores many inputs, with one flush of the file system for all of them
    // (syncfs) instead of one fsync each when they are many; the results in the order of
    // `inputs`. On failure no file of the batch is left in tmp/ (files already
    // at their address stay: same name, same bytes), and the error names the
    // input.
    Result<std::vector<StoredFile>> putMany(const std::vector<Input>& inputs) const;
    // From this many inputs on, putMany flushes once (syncfs) instead of
    // fsyncing each file.
    static constexpr size_t kOneFlushFrom = 16;
    // The absolute path of a stored file.
    std::string absolutePath(const std::string& relPath) const;
    const std::string& root() const { return root_; }

private:
    // Writes a temporary file with `write` (which hashes and counts the
    // bytes and fsyncs the file when `flush`): the file's address and the
    // temporary name (`tmp`).
    using Writer = std::function<Status(const std::string&, Sha256&, uint64_t&, bool flush)>;
    Result<StoredFile> writeTemp(const Writer& write, bool flush, std::string& tmp) const;
    // Renames the temporary `tmp` to the address of `f`.
    Status place(const std::string& what, const std::string& tmp, const StoredFile& f) const;
    Writer writerOf(const Input& in) const;

    // Creates `dir` (below the root) unless this store already made or saw it.
    Status ensureDir(const std::string& dir) const;
    // Drops a folder from the cache of folders known to exist.
    void forgetDir(const std::string& dir) const;

    std::string root_;
    // Folders known to exist: 256 + 65536 at most (ab/cd/), so the cache stays small.
    mutable std::mutex dirsMu_;
    mutable std::unordered_set<std::string> dirs_;
};

}  // namespace relais
