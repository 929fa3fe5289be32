// A test handler that writes down every segment the EDIFACT reader hands out
// (its numbers, tag and every component) and how the reading ended: two
// readings of the same input compare as two strings (tests/engine's
// edifact_test.cpp and tests/fuzz's target).
#pragma once

#include <string>

#include "formats/edifact_reader.h"

namespace relais::edifact {

class SegmentTranscript final : public InterchangeHandler {
public:
    std::optional<Fault> interchangeBegin(const InterchangeHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> groupBegin(const GroupHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> messageBegin(const MessageHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> messageSegment(const MessageHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> messageEnd(const MessageHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> groupEnd(const GroupHeader&, const Segment& s) override { return add(s); }
    std::optional<Fault> interchangeEnd(const Segment& s) override { return add(s); }

    // The segments of `source` and the end of its reading, error and byte offset included.
    static std::string of(ByteSource& source) {
        SegmentTranscript t;
        const ReadOutcome o = readInterchange(source, t);
        return t.text_ + std::to_string(o.messages) + " messages, " + std::to_string(o.groups) + " groups, " +
               std::to_string(o.bytes) + " bytes: " + (o.ok() ? "ok" : o.error->describe("t") + " [" + o.error->code + "]");
    }

private:
    std::optional<Fault> add(const Segment& s) {
        text_ += std::to_string(s.number) + "/" + std::to_string(s.numberInMessage) + " [" + std::string(s.tag()) + "]";
        for (size_t e = 1; e <= s.elementCount(); ++e)
            for (size_t c = 1; c <= s.componentCount(e); ++c) text_ += (c == 1 ? " | [" : " : [") + std::string(s.value(e, c)) + "]";
        text_ += "\n";
        return std::nullopt;
    }

    std::string text_;
};

}  // namespace relais::edifact
