// A partner's EDIFACT settings (partner_edifact, sql/mariadb/0013): the
// syntax level, separators and test indicator of the interchanges sent to
// it, its UNB recipient (its GLN unless set), and the counter that numbers
// those interchanges' control references.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <string>

#include "db/connection.h"
#include "formats/edifact_translate.h"

namespace relais {

// Every member has an initializer so that callers may name only the ones they set.
struct PartnerEdifact {
    std::string syntaxLevel = "UNOC";
    std::string separators = {};  // six characters in UNA order; empty: the defaults
    bool test = false;
    std::string unbId = {};  // the UNB recipient when not the GLN
    std::string unbQualifier = "14";
};

class PartnerEdifactSettings {
public:
    explicit PartnerEdifactSettings(db::Connection& conn) : conn_(conn) {}

    // The partner's syntax for outgoing interchanges. NotFound names an
    // unknown partner; InvalidArgument one without GLN or UNB id, or with
    // stored settings that are not usable.
    Result<edifact::PartnerSyntax> syntaxOf(const std::string& partnerCode);
    // Sets the partner's settings (checked first: level, separators).
    Status save(const std::string& partnerCode, const PartnerEdifact& settings);
    // The next control reference for an interchange to the partner, unique
    // for it: its counter, taken in a transaction.
    Result<std::string> nextReference(const std::string& partnerCode);

private:
    Result<int64_t> partnerId(const std::string& code);

    db::Connection& conn_;
};

}  // namespace relais
