// The EDIFACT translation as the CLI and the activities use it: check an
// interchange and summarise it, translate its messages to a pivot file,
// write pivot documents as an interchange, split an interchange into one
// interchange per message, and answer any interchange with a CONTRL.
// Everything reads through the streaming reader: a file of any size is read
// in constant memory (the pivot output is written message by message).
// Thread-safety: free functions without shared state.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "base/status.h"
#include "formats/eancom.h"
#include "formats/edifact_reader.h"
#include "formats/edifact_writer.h"
#include "formats/pivot_document.h"

namespace relais::edifact {

// What `relais edifact check` prints.
struct InterchangeSummary {
    ReadOutcome outcome;
    std::map<std::string, int> messagesByType;
    nlohmann::ordered_json toJson(const std::string& origin) const;
};
InterchangeSummary checkInterchangeFile(const std::string& path);

// Translates every message of the interchange at `path` (of the types in
// `accepted`) into one pivot file at `pivotPath` (written through a
// temporary name: nothing is left there on failure). The outcome's error
// says why it failed; `documents` counts what was written.
struct ToPivotResult {
    ReadOutcome outcome;
    int documents = 0;
    std::string ioError;  // the pivot file could not be written
    bool ok() const { return outcome.ok() && ioError.empty(); }
};
ToPivotResult interchangeToPivot(const std::string& path, const std::set<pivot::Message>& accepted,
                                 const std::string& pivotPath, pivot::Charset charset = pivot::Charset::Utf8);

// The settings of an outgoing interchange for one partner.
struct PartnerSyntax {
    std::string gln;        // the partner's GLN: UNB recipient
    std::string unbId;      // UNB recipient id when not the GLN (a VAN mailbox...)
    std::string unbQualifier = "14";
    SyntaxLevel level = SyntaxLevel::UNOC;
    Separators separators;
    bool test = false;
};

// Writes the documents of `file` of message `type` as one interchange from
// `senderGln` to the partner (reference `reference`); documents of other
// messages are an error naming them.
Result<std::string> pivotToInterchange(const pivot::PivotFile& file, pivot::Message type, const std::string& senderGln,
                                       const PartnerSyntax& partner, const std::string& reference);

// The CONTRL answering a read interchange: accepted (UCI action 7) or
// rejected (UCI action 4, with the message, segment and element in error
// and the 0085 error code). Addressed back to the interchange's sender; when
// its UNB could not be read, to `fallbackRecipient` from `fallbackSender`.
struct ContrlOptions {
    std::string reference;  // UNB 0020 of the CONTRL interchange
    std::string fallbackSender = "UNKNOWN";
    std::string fallbackRecipient = "UNKNOWN";
    SyntaxLevel level = SyntaxLevel::UNOC;  // when the interchange's level is unknown
};
Result<std::string> buildContrl(const ReadOutcome& outcome, const ContrlOptions& options);

// One interchange per message, with the envelope of the original (its UNA,
// UNB and reference, a UNZ counting 1): `each` gets the message's header
// and the bytes. The first fault stops it (the outcome says where).
using MessageSink = std::function<Status(const MessageHeader&, const std::string& interchange)>;
ReadOutcome splitInterchangeFile(const std::string& path, const MessageSink& each);
ReadOutcome splitInterchange(ByteSource& source, const MessageSink& each);

}  // namespace relais::edifact
