// Writing files so that readers never see half of one: write a temporary
// name in the same folder, fsync, then rename over the final name.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace relais {

// Streams `src` into `dest` atomically. `onChunk`, if given, sees every chunk
// read (used to hash while copying). `mode` is the final file mode.
Status copyFileAtomic(const std::string& src, const std::string& dest,
                      const std::function<void(const char*, size_t)>& onChunk = {},
                      unsigned mode = 0644);

// Writes `bytes` to `dest` atomically.
Status writeFileAtomic(const std::string& dest, std::string_view bytes, unsigned mode = 0644);

// The same as the two above for a `dest` that must not exist yet (a private
// temporary name the caller renames later): written in place, fsynced, no
// rename. Code::AlreadyExists when `dest` exists; on failure nothing is left.
// With `flush` false the fsync is left to the caller (who flushes many files
// at once with syncFileSystem before renaming them).
Status copyFileNew(const std::string& src, const std::string& dest,
                   const std::function<void(const char*, size_t)>& onChunk = {}, unsigned mode = 0644,
                   bool flush = true);
Status writeFileNew(const std::string& dest, std::string_view bytes, unsigned mode = 0644, bool flush = true);

// A handle on the file system holding a folder, to flush everything written
// to it (syncfs(2)): one flush for many files written without fsync. Open it
// BEFORE writing the files: syncfs reports the write-back errors that
// happened since the handle was opened (Linux 5.8 and later).
class FileSystemFlush {
public:
    static Result<FileSystemFlush> open(const std::string& dir);
    FileSystemFlush(FileSystemFlush&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FileSystemFlush(const FileSystemFlush&) = delete;
    FileSystemFlush& operator=(const FileSystemFlush&) = delete;
    FileSystemFlush& operator=(FileSystemFlush&&) = delete;
    ~FileSystemFlush();
    Status flush() const;

private:
    FileSystemFlush(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}
    int fd_;
    std::string dir_;
};

// Creates `dir` and its parents with `mode` (applied despite the umask).
Status makeDirs(const std::string& dir, unsigned mode = 0755);

// True if `name` is a plain file name: no '/', not '.', '..' or empty, no NUL.
bool isPlainFileName(const std::string& name);

}  // namespace relais
