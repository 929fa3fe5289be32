// Text helpers.
#include "base/text.h"

namespace relais {

std::string truncateUtf8(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    static constexpr std::string_view kCut = " [...]";
    size_t end = maxBytes > kCut.size() ? maxBytes - kCut.size() : 0;
    // Back to the first byte of a character (continuation bytes are 10xxxxxx).
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    std::string out(text.substr(0, end));
    if (maxBytes >= kCut.size()) out += kCut;
    return out;
}

}  // namespace relais
