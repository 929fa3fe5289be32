// UN/EDIFACT syntax (ISO 9735, versions 1 to 4 as EANCOM uses them): the
// separators, the syntax levels and their character sets, the segments as
// the reader hands them out, and the syntax error every part of the EDIFACT
// translation reports, placed as precisely as the input allows (interchange
// reference, message reference, segment number and tag, element and
// component position, expected versus found) and carrying the CONTRL error
// code (data element 0085) that reports it to the sender.
// Thread-safety: value types and pure functions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::edifact {

// The service string advice (UNA) or the defaults when there is none.
struct Separators {
    char component = ':';
    char element = '+';
    char decimal = '.';
    char release = '?';
    char reserved = ' ';  // the repetition separator of syntax version 4; a space in version 3
    char segment = '\'';

    // "UNA:+.? '" for these separators.
    std::string una() const;
    // From six characters in UNA order (component, element, decimal, release,
    // reserved, segment); nullopt when two of them clash or one is a letter
    // or a digit.
    static std::optional<Separators> fromUnaChars(std::string_view six, std::string* why = nullptr);
    bool operator==(const Separators&) const = default;
};

// The syntax identifier (UNB S001 0001): the character repertoire.
enum class SyntaxLevel {
    UNOA,  // level A: upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >
    UNOB,  // level B: printable ASCII (with lower-case letters)
    UNOC,  // ISO 8859-1 (Latin-1)
    UNOY,  // ISO 10646, UTF-8
    UNOW,  // ISO 10646, UTF-8
};
const char* syntaxLevelName(SyntaxLevel level);
std::optional<SyntaxLevel> syntaxLevelFromName(std::string_view name);
bool isUtf8Level(SyntaxLevel level);

// Whether byte `c` may appear in data of `level` (for the UTF-8 levels,
// bytes >= 0x80 are checked as UTF-8 sequences by the reader).
bool allowedByte(SyntaxLevel level, unsigned char c);

// The length of the UTF-8 sequence starting at `s[i]` (1 for ASCII), 0 when
// it is not a well-formed one.
size_t utf8SequenceLength(std::string_view s, size_t i);

// The data of `level` as UTF-8 (UNOC's Latin-1 converted).
std::string toUtf8(std::string_view data, SyntaxLevel level);

// One segment: its tag and its data elements, each of one or more
// components, with the release characters already removed. Positions count
// from 1, as CONTRL reports them: element 1 is the first after the tag.
// A segment is a view into the reader's buffer: its values stay valid until
// the reader reads the next segment (a handler copies what it keeps).
class Segment {
public:
    std::string_view tag() const { return raw(0, 1); }
    // Number of data elements after the tag.
    size_t elementCount() const { return elements_ > 0 ? elements_ - 1 : 0; }
    // Number of components of element `e` (0 when the segment has no such element).
    size_t componentCount(size_t e) const {
        if (e >= elements_) return 0;
        const size_t end = e + 1 < elements_ ? firsts_[e + 1] : components_;
        return end - firsts_[e];
    }
    // Component `c` of element `e` ("" when absent).
    std::string_view value(size_t e, size_t c = 1) const { return e == 0 ? std::string_view() : raw(e, c); }

    int number = 0;           // position in the interchange (UNB is 1)
    int numberInMessage = 0;  // position in its message (UNH is 1); 0 outside a message

    // Building (the reader): `data` holds the segment's bytes, one separator
    // byte between components and the release characters removed;
    // `ends[i]` is where component i ends in it (the tag is component 0, the
    // next one begins one byte after) and `firsts[e]` is the index of
    // element e's first component (firsts[0] is 0). Nothing is copied.
    void view(const char* data, const uint32_t* ends, size_t components, const uint32_t* firsts, size_t elements) {
        data_ = data;
        ends_ = ends;
        components_ = components;
        firsts_ = firsts;
        elements_ = elements;
    }

private:
    std::string_view raw(size_t e, size_t c) const {
        if (c == 0 || c > componentCount(e)) return {};
        const size_t i = firsts_[e] + c - 1;
        const size_t begin = i == 0 ? 0 : ends_[i - 1] + 1;
        return std::string_view(data_ + begin, ends_[i] - begin);
    }

    const char* data_ = nullptr;
    const uint32_t* ends_ = nullptr;
    size_t components_ = 0;
    const uint32_t* firsts_ = nullptr;
    size_t elements_ = 0;
};

// CONTRL syntax error codes (UN/EDIFACT data element 0085) used here.
namespace error {
inline constexpr const char* kSyntaxLevel = "2";       // syntax version or level not supported
inline constexpr const char* kInvalidValue = "12";     // invalid value
inline constexpr const char* kMissing = "13";          // missing
inline constexpr const char* kNotSupported = "14";     // value not supported in this position
inline constexpr const char* kNotInPosition = "15";    // not supported in this position
inline constexpr const char* kTooMany = "16";          // too many constituents
inline constexpr const char* kUnspecified = "18";      // unspecified error
inline constexpr const char* kServiceChar = "20";      // character invalid as service character
inline constexpr const char* kInvalidChar = "21";      // invalid character(s)
inline constexpr const char* kServiceTag = "22";       // invalid service segment tag
inline constexpr const char* kRefMismatch = "28";      // references do not match
inline constexpr const char* kCountMismatch = "29";    // control count does not match
inline constexpr const char* kGroupsAndMessages = "30";  // functional groups and messages mixed
inline constexpr const char* kLowerLevelEmpty = "32";  // lower level empty
inline constexpr const char* kOutside = "33";          // invalid occurrence outside message, package or group
}  // namespace error

// A problem without its place: what a check finds. The reader adds the place.
struct Fault {
    Fault() = default;
    Fault(std::string code_, std::string what_, int element_ = 0, int component_ = 0, std::string expected_ = "",
          std::string found_ = "")
        : code(std::move(code_)), what(std::move(what_)), element(element_), component(component_),
          expected(std::move(expected_)), found(std::move(found_)) {}

    std::string code = error::kUnspecified;  // 0085
    std::string what;                        // e.g. "wrong segment count in UNT"
    int element = 0;                         // from 1; 0: the whole segment
    int component = 0;                       // from 1; 0: the whole element
    std::string expected;
    std::string found;
};

// A fault and where it is.
struct SyntaxError : Fault {
    std::string interchangeRef;  // UNB 0020, when read
    std::string groupRef;        // UNG 0048, inside a group
    std::string messageRef;      // UNH 0062, inside a message
    std::string messageType;     // UNH S009 0065
    int segment = 0;             // position in the interchange (UNB is 1); 0: before any segment
    int segmentInMessage = 0;    // position in the message (UNH is 1); 0 outside a message
    std::string tag;
    uint64_t offset = 0;         // byte offset in the input

    // One line naming every part of the place, e.g.
    // "orders.edi: interchange 000042, message 2 (ORDERS), segment 7 of the
    // message (QTY, segment 11 of the interchange), element 1 component 2:
    // not a number: expected digits with '.' or ',', found '1O'"
    std::string describe(const std::string& origin) const;
};

// `found` shown safely in a message: printable ASCII as is, other bytes as
// \xNN, cut at 40 characters.
std::string printable(std::string_view found);

}  // namespace relais::edifact
