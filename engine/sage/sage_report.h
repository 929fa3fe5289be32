// What an import or export run did, document by document, for the faces to
// show (CLI text or JSON, PHP arrays, job log lines).
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/decimal.h"

namespace relais::sage {

struct ImportedDocument {
    std::string number;    // the pivot document number
    std::string message;   // ORDERS, DESADV, INVOIC
    int line = 0;          // its DOC line in the pivot file
    std::string status;    // "imported", "existing" (imported before: nothing written) or "failed"
    std::string piece;     // DO_Piece, new or existing
    std::string thirdParty;  // CT_Num
    int lines = 0;
    Decimal totalExclTax;  // DO_TotalHT
    std::string error;     // why it failed
};

struct ImportReport {
    std::string file;
    std::vector<ImportedDocument> documents;
    std::vector<std::string> warnings;  // each names the document and what was substituted

    int count(const std::string& status) const;
    nlohmann::ordered_json toJson() const;
};

struct ExportedDocument {
    std::string piece;    // DO_Piece
    int type = 0;         // DO_Type
    std::string message;  // INVOIC, DESADV, ORDERS
    std::string thirdParty;
    std::string date;
    int lines = 0;
    Decimal totalExclTax;
    std::string file;  // the pivot file it went into
    std::string domain;  // "sales" or "purchases"
    std::string kind;    // "invoice", "credit_note", "delivery" or "order"
    std::string nameCode;  // the pivot's DOC name_code: 380 invoice, 381 credit note, 351, 220
};

struct ExportReport {
    std::vector<ExportedDocument> documents;
    std::vector<std::string> files;
    std::vector<std::string> warnings;

    nlohmann::ordered_json toJson() const;
};

}  // namespace relais::sage
