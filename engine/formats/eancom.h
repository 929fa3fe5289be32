// EANCOM D96A messages <-> pivot documents (docs/edifact.md has the segment
// by segment table). One mapping for the three messages of the pivot format:
//   ORDERS  (BGM 220, QTY 21)  in: EANCOM to pivot; out for tests and samples
//   DESADV  (BGM 351, QTY 12, CPS/PAC/GIN packages)
//   INVOIC  (BGM 380/381, QTY 47, UNS + MOA/TAX totals section)
// Reading is an InterchangeHandler that turns each message into a pivot
// Document as its UNT is read (memory: one message at a time); a fault names
// the segment, element and component (a GLN with a wrong check digit, a
// number that is not one, a message type the caller does not accept...).
// Thread-safety: one mapper per thread.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "formats/edifact_reader.h"
#include "formats/edifact_writer.h"
#include "formats/pivot_document.h"

namespace relais::edifact {

// The message identifier written in UNH (type, D, 96A, UN, EANCOM subset version).
InterchangeWriter::Element eancomMessageIdentifier(pivot::Message m);

// Writes `doc` as one EANCOM message (UNH ... UNT) with reference `messageRef`.
Status writeEancomMessage(const pivot::Document& doc, const std::string& messageRef, InterchangeWriter& writer);

class EancomToPivot final : public InterchangeHandler {
public:
    // Gets each document read, with its message header; a failed Status
    // stops the reading (reported at the message's UNT).
    using Sink = std::function<Status(pivot::Document&&, const MessageHeader&)>;

    // `accepted`: the message types the caller maps (others are a fault at UNH).
    EancomToPivot(std::set<pivot::Message> accepted, Sink sink);

    std::optional<Fault> interchangeBegin(const InterchangeHeader& h, const Segment&) override;
    std::optional<Fault> messageBegin(const MessageHeader& m, const Segment& unh) override;
    std::optional<Fault> messageSegment(const MessageHeader& m, const Segment& seg) override;
    std::optional<Fault> messageEnd(const MessageHeader& m, const Segment& unt) override;

private:
    struct State;
    std::set<pivot::Message> accepted_;
    Sink sink_;
    SyntaxLevel level_ = SyntaxLevel::UNOA;
    std::shared_ptr<State> state_;
};

}  // namespace relais::edifact
