// SageExporter: Sage 100 documents -> pivot files. Sales (DO_Domaine 0):
// invoices (DO_Type 6 and 7) become INVOIC 380, credit notes (5, and the
// 6/7 of DO_Provenance 1 or 2) INVOIC 381, delivery notes (3) DESADV, orders
// (1) ORDERS, the Sage file's company being the supplier; purchases (1): the
// same of DO_Type 16/17, 15, 13 and 12, the company being the buyer. Filtered
// by date range and third party, and only those no other run exported:
// the connector's RELAIS_EXPORT table remembers what went out (Sage's own
// columns are never changed). Files are written first (atomically), then the
// documents are marked exported in one transaction.
// Thread-safety: one thread, like its connection.
#pragma once

#include "db/connection.h"
#include "sage/sage_catalog.h"
#include "sage/sage_report.h"
#include "sage/sage_settings.h"

namespace relais::sage {

class SageExporter {
public:
    SageExporter(db::Connection& conn, const SageSettings& settings) : conn_(conn), settings_(settings), catalog_(conn) {}

    // Exports what `criteria` selects into criteria.outDir (which must
    // exist): one file per document named MESSAGE_PIECE.pivot, or with
    // oneFile one file MESSAGE_RUN.pivot (PIVOT_RUN.pivot when messages mix).
    // An empty selection exports nothing.
    Result<ExportReport> exportDocuments(const ExportCriteria& criteria);

private:
    db::Connection& conn_;
    const SageSettings& settings_;
    SageCatalog catalog_;
};

}  // namespace relais::sage
