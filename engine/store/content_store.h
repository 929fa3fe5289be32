// The content store: write-once document files addressed by their SHA-256,
// under [store] path as ab/cd/<sha256>. Writing the same bytes twice stores
// them once. Thread-safety: all methods are safe from several threads and
// processes (writes are atomic renames of identical content).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_set>
#include <string>
#include <string_view>

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
    // The absolute path of a stored file.
    std::string absolutePath(const std::string& relPath) const;
    const std::string& root() const { return root_; }

private:
    // Writes a temporary file with `write` (which hashes and counts the
    // bytes), then renames it to its content address.
    Result<StoredFile> putWith(const std::string& what,
                               const std::function<Status(const std::string&, Sha256&, uint64_t&)>& write) const;

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
