// The unixODBC driver of db::Connection: reaches any database with an ODBC
// driver (Sage 100 through Sage's or SQL Server's driver, MariaDB through
// Connector/ODBC in the tests). Statements are prepared once per connection
// and run with bound parameters; rows come back as text.
// Thread-safety: like every Connection, one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "db/connection.h"

namespace relais::db {

// Where to connect: a DSN name configured in odbc.ini, or a whole ODBC
// connection string ("DSN=sage;DATABASE=x" or "Driver=...;Server=..."), plus
// the account. The password never appears in a message.
struct OdbcSource {
    std::string dsn;
    std::string user;
    std::string password;

    // "ODBC data source 'NAME'" or, for a connection string, the string
    // without any PWD/PASSWORD attribute: what messages name.
    std::string describe() const;
    // The string given to SQLDriverConnect (holds the password).
    std::string connectionString() const;
};

// Connects. Errors name the data source, the user and the SQLSTATE: a DSN
// unknown to unixODBC (IM002) or refused credentials (28000) are Code::Config,
// a server that does not answer (08xxx) Code::Unavailable.
Result<std::unique_ptr<Connection>> connectOdbc(const OdbcSource& source, int loginTimeoutSeconds = 10);

}  // namespace relais::db
