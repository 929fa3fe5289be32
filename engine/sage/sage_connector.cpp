// SageConnector wiring.
#include "sage/sage_connector.h"

#include "db/odbc_connection.h"
#include "formats/pivot_reader.h"
#include "sage/connector_tables.h"
#include "sage/sage_exporter.h"
#include "sage/sage_importer.h"

namespace relais::sage {

Result<std::unique_ptr<SageConnector>> SageConnector::open(const SageSettings& settings) {
    RELAIS_ASSIGN_OR_RETURN(auto conn, db::connectOdbc(settings.source));
    return open(settings, std::move(conn));
}

Result<std::unique_ptr<SageConnector>> SageConnector::open(const SageSettings& settings, std::unique_ptr<db::Connection> conn) {
    RELAIS_TRY(ensureConnectorTables(*conn));
    return std::unique_ptr<SageConnector>(new SageConnector(settings, std::move(conn)));
}

Result<ImportReport> SageConnector::importFile(const std::string& path) {
    RELAIS_ASSIGN_OR_RETURN(pivot::PivotFile file, pivot::readPivotFile(path));
    return importPivot(file, path);
}

Result<ImportReport> SageConnector::importPivot(const pivot::PivotFile& file, const std::string& origin) {
    SageImporter importer(*conn_, settings_);
    return importer.importFile(file, origin);
}

Result<ExportReport> SageConnector::exportDocuments(const ExportCriteria& criteria) {
    SageExporter exporter(*conn_, settings_);
    return exporter.exportDocuments(criteria);
}

}  // namespace relais::sage
