// A partner's EDIFACT settings (partner_edifact, sql/mariadb/0013): the
// syntax level, separators and test indicator of the interchanges sent to
// it, its UNB recipient (its GLN unless set), and the counter that numbers
// those interchanges' control references.
// Thread-safety: uses the caller's connection; one thread at a time.
#pragma once

#include <string>
#include <vector>

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
    // Read by get(), ignored by save():
    bool stored = false;        // the partner has a row (else these are the defaults)
    int64_t nextReference = 1;  // the next UNB control reference
};

// The problems of `s` as field errors ("syntax_level", "separators",
// "unb_id", "unb_qualifier", the names the PHP API and the admin site use);
// empty when it can be saved.
std::vector<FieldError> partnerEdifactProblems(const PartnerEdifact& s);

class PartnerEdifactSettings {
public:
    explicit PartnerEdifactSettings(db::Connection& conn) : conn_(conn) {}

    // The partner's syntax for outgoing interchanges. NotFound names an
    // unknown partner; InvalidArgument one without GLN or UNB id, or with
    // stored settings that are not usable.
    Result<edifact::PartnerSyntax> syntaxOf(const std::string& partnerCode);
    // The partner's settings as stored, or the defaults when it has none.
    // NotFound names an unknown partner.
    Result<PartnerEdifact> get(const std::string& partnerCode);
    // Sets the partner's settings, checked first: InvalidArgument lists
    // every problem by field (partnerEdifactProblems); NotFound names an
    // unknown partner.
    Status save(const std::string& partnerCode, const PartnerEdifact& settings);
    // The next control reference for an interchange to the partner, unique
    // for it: its counter, taken in a transaction.
    Result<std::string> nextReference(const std::string& partnerCode);

private:
    Result<int64_t> partnerId(const std::string& code);
    // The settings (stored or the defaults) and the partner's GLN.
    Result<PartnerEdifact> load(const std::string& code, std::string* gln);

    db::Connection& conn_;
};

}  // namespace relais
