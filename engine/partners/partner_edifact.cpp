// Partner EDIFACT settings.
#include "partners/partner_edifact.h"

namespace relais {
namespace {

Status checkSettings(const std::string& code, const PartnerEdifact& s, edifact::PartnerSyntax& out) {
    auto level = edifact::syntaxLevelFromName(s.syntaxLevel);
    if (!level)
        return Status(Code::InvalidArgument, "partner '" + code + "': syntax level '" + s.syntaxLevel +
                                                 "' is not UNOA, UNOB, UNOC, UNOY or UNOW");
    out.level = *level;
    if (!s.separators.empty()) {
        std::string why;
        auto sep = edifact::Separators::fromUnaChars(s.separators, &why);
        if (!sep) return Status(Code::InvalidArgument, "partner '" + code + "': separators '" + s.separators + "': " + why);
        out.separators = *sep;
    }
    out.test = s.test;
    out.unbId = s.unbId;
    out.unbQualifier = s.unbQualifier.empty() ? "14" : s.unbQualifier;
    return Status::ok();
}

}  // namespace

Result<int64_t> PartnerEdifactSettings::partnerId(const std::string& code) {
    auto rows = conn_.query("SELECT id FROM partner WHERE code = ?", {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    return rows->front().i64(0);
}

Result<edifact::PartnerSyntax> PartnerEdifactSettings::syntaxOf(const std::string& code) {
    auto rows = conn_.query(
        "SELECT p.gln, e.syntax_level, e.separators, e.test_indicator, e.unb_id, e.unb_qualifier "
        "FROM partner p LEFT JOIN partner_edifact e ON e.partner_id = p.id WHERE p.code = ?",
        {code});
    if (!rows) return rows.status();
    if (rows->empty()) return Status(Code::NotFound, "unknown partner '" + code + "'");
    const db::Row& r = rows->front();
    PartnerEdifact s;
    if (!r.isNull(1)) {
        s.syntaxLevel = r.str(1);
        s.separators = r.str(2);
        s.test = r.str(3) == "1";
        s.unbId = r.str(4);
        s.unbQualifier = r.str(5);
    }
    edifact::PartnerSyntax out;
    out.gln = r.str(0);
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
