// EDIFACT separators, syntax levels, segments and syntax errors.
#include "formats/edifact_syntax.h"

#include <cstring>

#include "formats/pivot_records.h"

namespace relais::edifact {

std::string Separators::una() const {
    return std::string("UNA") + component + element + decimal + release + reserved + segment;
}

std::optional<Separators> Separators::fromUnaChars(std::string_view six, std::string* why) {
    auto fail = [&](const std::string& w) -> std::optional<Separators> {
        if (why) *why = w;
        return std::nullopt;
    };
    if (six.size() != 6) return fail("UNA needs 6 service characters");
    Separators s{six[0], six[1], six[2], six[3], six[4], six[5]};
    const char distinct[] = {s.component, s.element, s.release, s.segment};
    for (size_t i = 0; i < sizeof distinct; ++i) {
        const unsigned char c = static_cast<unsigned char>(distinct[i]);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\r' || c == '\n')
            return fail(std::string("'") + distinct[i] + "' cannot be a service character");
        for (size_t j = i + 1; j < sizeof distinct; ++j)
            if (distinct[i] == distinct[j]) return fail(std::string("'") + distinct[i] + "' is given for two service characters");
    }
    if (s.decimal != '.' && s.decimal != ',') return fail(std::string("decimal mark '") + s.decimal + "' is neither '.' nor ','");
    return s;
}

const char* syntaxLevelName(SyntaxLevel level) {
    switch (level) {
        case SyntaxLevel::UNOA: return "UNOA";
        case SyntaxLevel::UNOB: return "UNOB";
        case SyntaxLevel::UNOC: return "UNOC";
        case SyntaxLevel::UNOY: return "UNOY";
        case SyntaxLevel::UNOW: return "UNOW";
    }
    return "?";
}

std::optional<SyntaxLevel> syntaxLevelFromName(std::string_view name) {
    for (SyntaxLevel l : {SyntaxLevel::UNOA, SyntaxLevel::UNOB, SyntaxLevel::UNOC, SyntaxLevel::UNOY, SyntaxLevel::UNOW})
        if (name == syntaxLevelName(l)) return l;
    return std::nullopt;
}

bool isUtf8Level(SyntaxLevel level) { return level == SyntaxLevel::UNOY || level == SyntaxLevel::UNOW; }

bool allowedByte(SyntaxLevel level, unsigned char c) {
    switch (level) {
        case SyntaxLevel::UNOA:
            return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c != 0 && std::strchr(" .,-()/='+:?!\"%&*;<>", c));
        case SyntaxLevel::UNOB:
            return c >= 0x20 && c < 0x7F;
        case SyntaxLevel::UNOC:
            return (c >= 0x20 && c < 0x7F) || c >= 0xA0;
        case SyntaxLevel::UNOY:
        case SyntaxLevel::UNOW:
            return c >= 0x20 && c != 0x7F;
    }
    return false;
}

size_t utf8SequenceLength(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if ((c & 0xF0) == 0xE0) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

std::string toUtf8(std::string_view data, SyntaxLevel level) {
    return level == SyntaxLevel::UNOC ? pivot::latin1ToUtf8(data) : std::string(data);
}

std::string printable(std::string_view found) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (size_t i = 0; i < found.size(); ++i) {
        if (out.size() >= 40) {
            out += "...";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(found[i]);
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

namespace {

std::string ordinalPlace(int n, const char* what) { return what + std::string(" ") + std::to_string(n); }

}  // namespace

std::string SyntaxError::describe(const std::string& origin) const {
    std::string m = origin;
    std::string place;
    auto add = [&](const std::string& part) { place += (place.empty() ? "" : ", ") + part; };
    if (!interchangeRef.empty()) add("interchange " + interchangeRef);
    if (!groupRef.empty()) add("group " + groupRef);
    if (!messageRef.empty()) add("message " + messageRef + (messageType.empty() ? "" : " (" + messageType + ")"));
    if (segment > 0) {
        std::string s;
        if (segmentInMessage > 0)
            s = ordinalPlace(segmentInMessage, "segment") + " of the message (" + (tag.empty() ? "" : tag + ", ") +
                ordinalPlace(segment, "segment") + " of the interchange)";
        else
            s = ordinalPlace(segment, "segment") + (tag.empty() ? "" : " (" + tag + ")");
        add(s);
    }
    if (element > 0) add(ordinalPlace(element, "element") + (component > 0 ? " component " + std::to_string(component) : ""));
    if (!place.empty()) m += ": " + place;
    m += ": " + what;
    if (!expected.empty() || !found.empty())
        m += ": expected " + (expected.empty() ? std::string("nothing") : expected) + ", found " +
             (found.empty() ? std::string("nothing") : "'" + printable(found) + "'");
    if (segment == 0 || offset > 0) m += " (byte " + std::to_string(offset) + ")";
    return m;
}

}  // namespace relais::edifact
