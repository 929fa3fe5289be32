// Piece numbers of new Sage documents, as Sage itself gives them: the next
// number of the document kind comes from F_DOCCURRENTPIECE (DC_Domaine,
// DC_IdCol = DO_Type modulo 10, DC_Souche), is stepped past any piece that
// already exists in the domain, and the number after it is written back.
// Call inside the transaction that inserts the document: the counter row
// stays locked until it ends, so two importers never take the same piece.
#pragma once

#include <string>

#include "db/connection.h"

namespace relais::sage {

// Takes the next free piece number (e.g. "BC00042").
Result<std::string> takePieceNumber(db::Connection& conn, int domain, int documentType, int souche);

// "BC00042" -> "BC00043", keeping the width of the numeric suffix; an error
// when there is no numeric suffix or it would overflow.
Result<std::string> nextPiece(const std::string& piece);

}  // namespace relais::sage
