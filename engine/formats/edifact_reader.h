// The EDIFACT reader: streams an interchange (UNA, UNB ... UNZ, with or
// without UNG/UNE groups) segment by segment through a fixed-size buffer, so
// memory stays constant whatever the input's size, and checks its envelope:
// the service string advice, the syntax identifier and the characters of
// its level, the release character, UNT segment counts, UNE and UNZ control
// counts and references. A handler sees the interchange as events; the first
// fault (the reader's or the handler's) stops the reading and comes back as
// a SyntaxError naming the place.
// Thread-safety: a reader is used by one thread; free functions are safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "formats/edifact_syntax.h"

namespace relais::edifact {

// Where the bytes come from.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Up to `n` bytes into `buf`; 0 at the end. Sets `error` on a read failure.
    virtual size_t read(char* buf, size_t n, std::string& error) = 0;
};

class StringSource final : public ByteSource {
public:
    // `chunk`: at most that many bytes a read, as a pipe or a socket gives them.
    explicit StringSource(std::string_view bytes, size_t chunk = SIZE_MAX) : bytes_(bytes), chunk_(chunk) {}
    size_t read(char* buf, size_t n, std::string& error) override;

private:
    std::string_view bytes_;
    size_t chunk_;
};

class FileSource final : public ByteSource {
public:
    // Opens `path`; ok() is false (and why() says why) when it cannot.
    explicit FileSource(const std::string& path);
    ~FileSource() override;
    bool ok() const { return file_ != nullptr; }
    const std::string& why() const { return why_; }
    size_t read(char* buf, size_t n, std::string& error) override;

private:
    std::FILE* file_ = nullptr;
    std::string path_, why_;
};

struct InterchangeHeader {
    Separators separators;
    bool hasUna = false;
    SyntaxLevel level = SyntaxLevel::UNOA;
    std::string syntaxId;       // S001 0001 as written
    std::string syntaxVersion;  // S001 0002
    std::string sender, senderQualifier;        // S002
    std::string recipient, recipientQualifier;  // S003
    std::string date, time;                     // S004
    std::string reference;                      // 0020
    std::string applicationRef;                 // 0026
    std::string ackRequest;                     // 0031
    std::string testIndicator;                  // 0035
};

struct GroupHeader {
    std::string type;       // 0038 (the messages' type)
    std::string reference;  // 0048
};

struct MessageHeader {
    std::string reference;  // 0062
    std::string type;       // 0065
    std::string version;    // 0052
    std::string release;    // 0054
    std::string agency;     // 0051
    std::string association;  // 0057 (EANCOM: EAN008...)
    int index = 0;          // 1 for the interchange's first message
};

// Receives the interchange as it is read. A fault returned stops the reading
// and is reported at the segment being handled (set its element/component).
class InterchangeHandler {
public:
    virtual ~InterchangeHandler() = default;
    virtual std::optional<Fault> interchangeBegin(const InterchangeHeader&, const Segment& /*unb*/) { return {}; }
    virtual std::optional<Fault> groupBegin(const GroupHeader&, const Segment& /*ung*/) { return {}; }
    virtual std::optional<Fault> messageBegin(const MessageHeader&, const Segment& /*unh*/) { return {}; }
    // Every segment between UNH and UNT.
    virtual std::optional<Fault> messageSegment(const MessageHeader&, const Segment&) { return {}; }
    virtual std::optional<Fault> messageEnd(const MessageHeader&, const Segment& /*unt*/) { return {}; }
    virtual std::optional<Fault> groupEnd(const GroupHeader&, const Segment& /*une*/) { return {}; }
    virtual std::optional<Fault> interchangeEnd(const Segment& /*unz*/) { return {}; }
};

// What a reading established, also when it failed part way.
struct ReadOutcome {
    bool headerRead = false;  // UNB was read: `header` is filled
    InterchangeHeader header;
    int messages = 0;         // messages read to their UNT
    MessageHeader message;    // the last message begun (the one in error, when the error is in a message)
    int groups = 0;
    uint64_t bytes = 0;
    std::optional<SyntaxError> error;
    bool ok() const { return !error.has_value(); }
};

// Reads one interchange from `source` (nothing but line breaks may follow
// its UNZ). Segments longer than kMaxSegmentBytes are refused (a missing
// segment terminator, most often).
ReadOutcome readInterchange(ByteSource& source, InterchangeHandler& handler);
inline constexpr size_t kMaxSegmentBytes = 1 << 20;

// The same for a file: an error names it when it cannot be opened.
ReadOutcome readInterchangeFile(const std::string& path, InterchangeHandler& handler);

// The reader's classification of its input, 64 bytes at a time, exposed for
// its tests: bit i stands for p[i]; `look` marks the bytes the scanner looks
// at one by one (the segment terminator, the release character, and every
// byte but printable ASCII, or for level A but its characters). One result
// per implementation built in and supported by the processor (a plain loop,
// SSE2, AVX2): they must agree.
struct BlockMasks {
    uint64_t component = 0, element = 0, look = 0;
    bool operator==(const BlockMasks&) const = default;
};
std::vector<BlockMasks> blockMasksEveryWay(const char* p, const Separators& separators, bool levelA);

}  // namespace relais::edifact
