// The EDIFACT writer: builds an interchange segment by segment with the
// partner's separators and syntax level, escapes data with the release
// character, converts text (UTF-8 in Relais) to the level's character set,
// trims trailing empty elements and components, and writes the UNT segment
// counts and the UNZ control count itself. A value the level cannot carry
// fails the write with the segment, element and value named.
// Thread-safety: one writer per thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "formats/edifact_syntax.h"

namespace relais::edifact {

// The envelope of an interchange to write.
struct InterchangeEnvelope {
    Separators separators;
    SyntaxLevel level = SyntaxLevel::UNOC;
    std::string syntaxVersion = "3";
    std::string sender, senderQualifier = "14";        // 14: GLN (EAN International)
    std::string recipient, recipientQualifier = "14";
    std::string date;  // YYMMDD (version 1-3) or CCYYMMDD (version 4); default: now, UTC
    std::string time;  // HHMM; default: now, UTC
    std::string reference;  // 0020, at most 14 characters
    std::string applicationRef;  // 0026
    bool ackRequest = false;     // 0031
    bool test = false;           // 0035 = 1
    bool una = true;             // write the UNA service string advice
    // The data given is already in the level's character set (copied from a
    // received interchange): only escaped, not converted or checked.
    bool rawData = false;
};

class InterchangeWriter {
public:
    explicit InterchangeWriter(InterchangeEnvelope envelope);

    // A data element of one or more components.
    using Element = std::vector<std::string>;

    // Writes UNA (if asked) and UNB. Call once, first.
    Status begin();
    // Writes UNA (if asked) and a UNB of these elements (a copy of a received one).
    Status beginWith(const std::vector<Element>& unb);
    // UNH with `reference` and the message identifier components (type, version, release, agency, association).
    Status beginMessage(const std::string& reference, const Element& identifier);
    // A segment of the current message (its text in UTF-8).
    Status segment(const std::string& tag, const std::vector<Element>& elements);
    // UNT with the segment count.
    Status endMessage();
    // UNZ with the message count; returns the whole interchange.
    Result<std::string> finish();

    const InterchangeEnvelope& envelope() const { return envelope_; }
    int messages() const { return messages_; }

private:
    Status append(const std::string& tag, const std::vector<Element>& elements);

    InterchangeEnvelope envelope_;
    std::string out_;
    std::string messageRef_;
    int inMessage_ = 0;
    int messages_ = 0;
};

// A decimal value as EDIFACT writes it: the separators' decimal mark, no
// trailing zeros ("12.5", "3").
std::string edifactNumber(const std::string& value, const Separators& s);

}  // namespace relais::edifact
