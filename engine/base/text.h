// Text helpers shared by the modules that store messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relais {

// `text` cut to at most `maxBytes` bytes, never inside a UTF-8 character: a
// cut ends with " [...]" (within the limit). A database TEXT column (64 KiB)
// refuses a longer value, and a strict utf8mb4 column half a character.
std::string truncateUtf8(std::string_view text, size_t maxBytes);

}  // namespace relais
