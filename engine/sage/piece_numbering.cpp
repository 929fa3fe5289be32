// Piece numbering through F_DOCCURRENTPIECE.
#include "sage/piece_numbering.h"

namespace relais::sage {

Result<std::string> nextPiece(const std::string& piece) {
    size_t start = piece.size();
    while (start > 0 && piece[start - 1] >= '0' && piece[start - 1] <= '9') --start;
    if (start == piece.size())
        return Status(Code::Config, "piece number '" + piece + "' in F_DOCCURRENTPIECE does not end with digits");
    std::string digits = piece.substr(start);
    for (size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return piece.substr(0, start) + digits;
        }
        digits[i] = '0';
    }
    return Status(Code::Config, "piece number '" + piece + "' in F_DOCCURRENTPIECE is the last of its series");
}

Result<std::string> takePieceNumber(db::Connection& conn, int domain, int documentType, int souche) {
    const db::Params key{int64_t{domain}, int64_t{documentType % 10}, int64_t{souche}};
    // Writing the row locks it until the transaction ends, in SQL Server as in
    // MariaDB (see db/sql_dialect.h).
    RELAIS_TRY(conn.execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = DC_Piece "
                            "WHERE DC_Domaine = ? AND DC_IdCol = ? AND DC_Souche = ?", key));
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn.query("SELECT DC_Piece FROM F_DOCCURRENTPIECE "
                                                      "WHERE DC_Domaine = ? AND DC_IdCol = ? AND DC_Souche = ?", key));
    if (rows.empty())
        return Status(Code::Config, "F_DOCCURRENTPIECE has no counter for DC_Domaine " + std::to_string(domain) +
                                        ", DC_IdCol " + std::to_string(documentType % 10) + ", DC_Souche " +
                                        std::to_string(souche) + ": set the numbering of this kind of document in Sage");
    std::string piece = rows[0].str(0);
    for (int guard = 0;; ++guard) {
        RELAIS_ASSIGN_OR_RETURN(db::Rows used, conn.query("SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Domaine = ? AND DO_Piece = ?",
                                                          {int64_t{domain}, piece}));
        if (used.empty() || used[0].i64(0) == 0) break;
        if (guard == 100000) return Status(Code::Internal, "no free piece number after " + rows[0].str(0));
        RELAIS_ASSIGN_OR_RETURN(piece, nextPiece(piece));
    }
    RELAIS_ASSIGN_OR_RETURN(std::string after, nextPiece(piece));
    RELAIS_TRY(conn.execute("UPDATE F_DOCCURRENTPIECE SET DC_Piece = ? WHERE DC_Domaine = ? AND DC_IdCol = ? AND DC_Souche = ?",
                            {after, int64_t{domain}, int64_t{documentType % 10}, int64_t{souche}}));
    return piece;
}

}  // namespace relais::sage
