// The connector's own tables in the Sage database (sql/sage100/
// relais_connector.sql, built into the program): delivery-place GLNs,
// imported and exported documents. Created when missing, never altered.
#pragma once

#include "db/connection.h"

namespace relais::sage {

// Creates each connector table the database lacks. A missing table is known
// by its SQLSTATE (42S02) when it is read. Errors name the table and say
// what an administrator can do when the account may not create tables.
Status ensureConnectorTables(db::Connection& conn);

}  // namespace relais::sage
