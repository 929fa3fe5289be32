// Creation of the connector's tables.
#include "sage/connector_tables.h"

#include "db/sql_dialect.h"
#include "sage/connector_sql.h"

namespace relais::sage {

Status ensureConnectorTables(db::Connection& conn) {
    for (const auto& statement : db::splitSqlScript(kConnectorTablesSql)) {
        const std::string prefix = "CREATE TABLE ";
        if (statement.rfind(prefix, 0) != 0) continue;
        const std::string table = statement.substr(prefix.size(), statement.find_first_of(" (\n", prefix.size()) - prefix.size());
        // The table names are our own constants, never data.
        auto probe = conn.query("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0");
        if (probe) continue;
        if (probe.status().code() != Code::NotFound) return probe.status();
        Status made = conn.executeScript(statement);
        if (!made)
            return Status(made.code(), "cannot create the connector table " + table +
                                           " in the Sage database (an administrator can run sql/sage100/"
                                           "relais_connector.sql instead): " + made.message());
    }
    return Status::ok();
}

}  // namespace relais::sage
