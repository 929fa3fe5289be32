// Partner EDIFACT settings.
#include "partners/partner_edifact.h"

namespace relais {
namespace {

bool printableAscii(const std::string& s) {
    for (char c : s)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

bool lettersOrDigits(const std::string& s) {
    for (char c : s)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

Status checkSettings(const std::string& code, const PartnerEdifact& s, edifact::PartnerSyntax& out) {
    if (auto problems = partnerEdifactProblems(s); !problems.empty())
        return Status::invalid("partner '" + code + "'", std::move(problems));
    out.level = *edifact::syntaxLevelFromName(s.syntaxLevel);
    if (!s.separators.empty()) out.separators = *edifact::Separators::fromUnaChars(s.separators);
    out.test = s.test;
    out.unbId = s.unbId;
    out.unbQualifier = s.unbQualifier.empty() ? "14" : s.unbQualifier;
    return Status::ok();
}

}  // namespace

std::vector<FieldError> partnerEdifactProblems(const PartnerEdifact& s) {
    std::vector<FieldError> errors;
    if (!edifact::syntaxLevelFromName(s.syntaxLevel))
        errors.push_back({"syntax_level", "'" + s.syntaxLevel + "' is not UNOA, UNOB, UNOC, UNOY or UNOW"});
    if (!s.separators.empty()) {
        std::string why;
        if (!edifact::Separators::fromUnaChars(s.separators, &why))
            errors.push_back({"separators", "'" + s.separators + "': " + why});
    }
    if (s.unbId.size() > 35 || !printableAscii(s.unbId))
        errors.push_back({"unb_id", "'" + s.unbId + "' must be at most 35 printable ASCII characters"});
    if (s.unbQualifier.size() > 4 || !lettersOrDigits(s.unbQualifier))
        errors.push_back({"unb_qualifier", "'" + s.unbQualifier + "' must be 1 to 4 letters or digits (14: GLN)"});
    return errors;
}

Result<int64_t> PartnerEdifactSettings::partnerId(const std::string& code) {
    auto rows = conn_.query("SELECT id FROM partner WHERE code = ?", {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    return rows->front().i64(0);
}

Result<PartnerEdifact> PartnerEdifactSettings::load(const std::string& code, std::string* gln) {
    auto rows = conn_.query(
        "SELECT p.gln, e.partner_id, e.syntax_level, e.separators, e.test_indicator, e.unb_id, e.unb_qualifier, "
        "e.next_reference FROM partner p LEFT JOIN partner_edifact e ON e.partner_id = p.id WHERE p.code = ?",
        {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    const db::Row& r = rows->front();
    if (gln) *gln = r.str(0);
    PartnerEdifact s;
    if (!r.isNull(1)) {
        s.stored = true;
        s.syntaxLevel = r.str(2);
        s.separators = r.str(3);
        s.test = r.str(4) == "1";
        s.unbId = r.str(5);
        s.unbQualifier = r.str(6);
        s.nextReference = r.i64(7);
    }
    return s;
}

Result<PartnerEdifact> PartnerEdifactSettings::get(const std::string& code) { return load(code, nullptr); }

Result<edifact::PartnerSyntax> PartnerEdifactSettings::syntaxOf(const std::string& code) {
    edifact::PartnerSyntax out;
    RELAIS_ASSIGN_OR_RETURN(PartnerEdifact s, load(code, &out.gln));
    RELAIS_TRY(checkSettings(code, s, out));
    if (out.gln.empty() && out.unbId.empty())
        return Status(Code::InvalidArgument, "partner '" + code + "' has no GLN and no EDIFACT recipient id (unb_id)");
    return out;
}

Status PartnerEdifactSettings::save(const std::string& code, const PartnerEdifact& s) {
    edifact::PartnerSyntax checked;
    RELAIS_TRY(checkSettings(code, s, checked));
    RELAIS_ASSIGN_OR_RETURN(int64_t id, partnerId(code));
    return conn_
        .execute(
            "INSERT INTO partner_edifact (partner_id, syntax_level, separators, test_indicator, unb_id, unb_qualifier) "
            "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE syntax_level = VALUES(syntax_level), "
            "separators = VALUES(separators), test_indicator = VALUES(test_indicator), unb_id = VALUES(unb_id), "
            "unb_qualifier = VALUES(unb_qualifier)",
            {id, s.syntaxLevel, s.separators, int64_t{s.test ? 1 : 0},
             s.unbId.empty() ? db::nullValue() : db::Value(s.unbId), s.unbQualifier.empty() ? "14" : s.unbQualifier})
        .status();
}

Result<std::string> PartnerEdifactSettings::nextReference(const std::string& code) {
    RELAIS_ASSIGN_OR_RETURN(int64_t id, partnerId(code));
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    RELAIS_TRY(conn_.execute("INSERT IGNORE INTO partner_edifact (partner_id) VALUES (?)", {id}));
    auto rows = conn_.query("SELECT next_reference FROM partner_edifact WHERE partner_id = ? FOR UPDATE", {id});
    if (!rows) return rows.status();
    const int64_t ref = rows->front().i64(0);
    RELAIS_TRY(conn_.execute("UPDATE partner_edifact SET next_reference = next_reference + 1 WHERE partner_id = ?", {id}));
    RELAIS_TRY(tx.commit());
    return std::to_string(ref);
}

}  // namespace relais
