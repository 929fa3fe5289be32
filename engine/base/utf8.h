// UTF-8 facts about byte strings: where the encoding breaks, and how many
// characters a valid string holds.
#pragma once

#include <string_view>

namespace relais {

// The offset of the first byte that breaks UTF-8 (a stray continuation byte,
// a truncated sequence, an overlong form, a surrogate, a value past
// U+10FFFF), or std::string_view::npos when `s` is valid.
size_t invalidUtf8Offset(std::string_view s);

// The number of characters (code points) of valid UTF-8 text.
size_t utf8Length(std::string_view s);

}  // namespace relais
