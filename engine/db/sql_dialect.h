// SQL dialect differences, kept here and nowhere else. Code above db/ writes
// portable SQL (SQL Server and MariaDB both run it) and asks this file for
// the rest. What is portable and relied on elsewhere:
//   * `?` placeholders, CURRENT_TIMESTAMP, COALESCE, NOT EXISTS subqueries,
//     CREATE TABLE with VARCHAR/INT/SMALLINT/NUMERIC/DATETIME and a named
//     PRIMARY KEY constraint;
//   * locking a row before reading it: an UPDATE that sets a column to itself
//     takes the row's write lock in both (instead of SELECT ... FOR UPDATE,
//     which SQL Server lacks, or WITH (UPDLOCK), which MariaDB lacks);
//   * date-times sent as text in ISO 8601 with a 'T' (portableTimestamp):
//     SQL Server reads '2024-03-05 10:00:00' as year-day-month when the
//     session language is French, but never the 'T' form;
//   * date-times read back as text start with 'YYYY-MM-DD HH:MM:SS' (SQL Server
//     adds '.000').
// Not portable, so avoided: LIMIT/TOP, string concatenation (|| vs +),
// IF NOT EXISTS in DDL, AUTO_INCREMENT/IDENTITY in our own tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace relais::db {

// "mariadb", "sqlserver", or the DBMS name in lower case, from what the
// driver reports (ODBC SQL_DBMS_NAME).
std::string dialectFromDbmsName(std::string_view dbmsName);

// "2024-03-05" or "2024-03-05 10:00[:00]" -> "2024-03-05T10:00:00".
// The input must already be a valid date (the callers parsed it).
std::string portableTimestamp(std::string_view isoDateTime);

// The statement returning the last identity/AUTO_INCREMENT value of the
// connection, or "" when the dialect has none we know.
std::string lastInsertIdQuery(std::string_view dialect);

// Splits a script of statements separated by ';' (outside quotes and `--`
// comments) into statements, without the separators and empty ones.
std::vector<std::string> splitSqlScript(std::string_view script);

}  // namespace relais::db
