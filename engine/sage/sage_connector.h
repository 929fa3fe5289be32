// SageConnector: what the faces use (the sage.import and sage.export
// activities, `relais sage`, PHP Relais\Sage\Connector): an ODBC connection
// to one Sage 100 database with the connector's tables ensured, and the
// importer and exporter over it.
// Thread-safety: one thread at a time (it owns one connection).
#pragma once

#include <memory>
#include <string>

#include "db/connection.h"
#include "formats/pivot_document.h"
#include "sage/sage_report.h"
#include "sage/sage_settings.h"

namespace relais::sage {

class SageConnector {
public:
    // Connects through ODBC (settings.source) and creates the connector's
    // tables when missing. Errors name the data source, never the password.
    static Result<std::unique_ptr<SageConnector>> open(const SageSettings& settings);
    // The same over a connection already open (tests).
    static Result<std::unique_ptr<SageConnector>> open(const SageSettings& settings, std::unique_ptr<db::Connection> conn);

    // Reads the pivot file at `path` (a bad pivot is Code::InvalidArgument,
    // nothing imported) and imports its documents.
    Result<ImportReport> importFile(const std::string& path);
    Result<ImportReport> importPivot(const pivot::PivotFile& file, const std::string& origin);
    Result<ExportReport> exportDocuments(const ExportCriteria& criteria);

    const SageSettings& settings() const { return settings_; }
    db::Connection& connection() { return *conn_; }

private:
    SageConnector(SageSettings settings, std::unique_ptr<db::Connection> conn)
        : settings_(std::move(settings)), conn_(std::move(conn)) {}

    SageSettings settings_;
    std::unique_ptr<db::Connection> conn_;
};

// True when a failure may pass if tried again later (lost connection,
// locked record): the engine retries the step.
inline bool isTransient(const Status& s) { return s.code() == Code::Unavailable; }

}  // namespace relais::sage
