// Writing files so that readers never see half of one: write a temporary
// name in the same folder, fsync, then rename over the final name.
#pragma once

#include <functional>
#include <string>

#include "base/status.h"

namespace relais {

// Streams `src` into `dest` atomically. `onChunk`, if given, sees every chunk
// read (used to hash while copying). `mode` is the final file mode.
Status copyFileAtomic(const std::string& src, const std::string& dest,
                      const std::function<void(const char*, size_t)>& onChunk = {},
                      unsigned mode = 0644);

// Writes `content` to `dest` atomically.
Status writeFileAtomic(const std::string& dest, const std::string& content, unsigned mode = 0644);

// Creates `dir` and its parents with `mode` (applied despite the umask).
Status makeDirs(const std::string& dir, unsigned mode = 0755);

// True if `name` is a plain file name: no '/', not '.', '..' or empty, no NUL.
bool isPlainFileName(const std::string& name);

}  // namespace relais
