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
Status copyFileNew(const std::string& src, const std::string& dest,
                   const std::function<void(const char*, size_t)>& onChunk = {}, unsigned mode = 0644);
Status writeFileNew(const std::string& dest, std::string_view bytes, unsigned mode = 0644);

// Creates `dir` and its parents with `mode` (applied despite the umask).
Status makeDirs(const std::string& dir, unsigned mode = 0755);

// True if `name` is a plain file name: no '/', not '.', '..' or empty, no NUL.
bool isPlainFileName(const std::string& name);

}  // namespace relais
