// SageImporter: pivot documents -> Sage 100 documents (F_DOCENTETE and
// F_DOCLIGNE), through any db::Connection (ODBC in production), in portable
// SQL only.
//
// For each document: the third party by its GLN (CT_EdiCode, CT_Type), the
// delivery place by its GLN (the connector's RELAIS_LIVRAISON_GLN table),
// items by EAN (AR_CodeBarre, AR_EdiCode) or the partner's item code; the
// configured generic customer/supplier/item when one is unknown (with a
// warning), else the document fails. A piece number from F_DOCCURRENTPIECE,
// DL_Ligne in steps of 1000, prices from the pivot or from Sage, totals
// computed; cb* columns and DL_No are Sage's and never written. A credit
// note (INVOIC 381) imported with document_type invoice becomes a credit note
// (DO_Type 5, purchases 15).
//
// Each document is one transaction: written whole or not at all. A document
// imported before (same third party and document number, kept in
// RELAIS_IMPORT, or the same DO_Ref in F_DOCENTETE) is not written again:
// the report gives its existing piece.
// Thread-safety: one thread, like its connection.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "formats/pivot_document.h"
#include "sage/sage_catalog.h"
#include "sage/sage_report.h"
#include "sage/sage_settings.h"

namespace relais::sage {

class SageImporter {
public:
    SageImporter(db::Connection& conn, const SageSettings& settings) : conn_(conn), settings_(settings), catalog_(conn) {}

    // Imports every document of `file` (`origin` names it in messages). A
    // document that cannot be imported (an unknown code with no generic, a
    // zero quantity...) is reported "failed" and the others go on. A
    // transient failure (lost connection, locked record: Code::Unavailable)
    // stops the run and is returned: the documents before it are committed
    // and a new run finds them "existing".
    Result<ImportReport> importFile(const pivot::PivotFile& file, const std::string& origin);

    // One document, all or nothing. Warnings are appended to `warnings`.
    Result<ImportedDocument> importDocument(const pivot::Document& doc, const std::string& origin,
                                            std::vector<std::string>& warnings);

private:
    struct PreparedLine;
    struct PreparedDocument;

    Status checkValues(const pivot::Document& doc, const std::string& where) const;
    Result<ThirdParty> resolveThirdParty(const pivot::Document& doc, const std::string& where,
                                         std::vector<std::string>& warnings);
    // DO_Type of `doc`: the configured one, or its credit-note twin for an INVOIC 381.
    Result<int> documentTypeOf(const pivot::Document& doc, const std::string& where) const;
    Result<std::optional<std::string>> importedPiece(int type, const std::string& thirdParty, const std::string& number);
    Status prepare(const pivot::Document& doc, const std::string& where, PreparedDocument& out,
                   std::vector<std::string>& warnings);
    Status prepareLine(const pivot::Document& doc, const pivot::Line& line, const std::string& where,
                       const ThirdParty& tp, PreparedLine& out, std::vector<std::string>& warnings);
    Status write(PreparedDocument& doc, const std::string& where, std::vector<std::string>& warnings);

    db::Connection& conn_;
    const SageSettings& settings_;
    SageCatalog catalog_;
};

}  // namespace relais::sage
