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

// Flushes to disk everything written to the file system holding `path`
// (syncfs(2)): one flush for many files written without fsync.
Status syncFileSystem(const std::string& path);

// Creates `dir` and its parents with `mode` (applied despite the umask).
Status makeDirs(const std::string& dir, unsigned mode = 0755);

// True if `name` is a plain file name: no '/', not '.', '..' or empty, no NUL.
bool isPlainFileName(const std::string& name);

}  // namespace relais
