// A small database connection interface: bound parameters in, rows of
// optional strings out, explicit transactions. Drivers implement it (MariaDB
// Connector/C now, unixODBC for SQL Server later); SQL dialect differences
// stay in db/.
// Thread-safety: a Connection is used by one thread at a time. Open one per
// thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/config.h"
#include "base/status.h"

namespace relais::db {

// A parameter value. std::monostate is SQL NULL.
using Value = std::variant<std::monostate, int64_t, std::string>;
using Params = std::vector<Value>;

inline Value nullValue() { return std::monostate{}; }
inline Value optionalValue(const std::optional<std::string>& v) {
    return v ? Value(*v) : Value(std::monostate{});
}

// One result row; columns by position, as text (NULL is nullopt).
class Row {
public:
    explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
    size_t size() const { return cols_.size(); }
    bool isNull(size_t i) const { return !cols_.at(i).has_value(); }
    const std::optional<std::string>& opt(size_t i) const { return cols_.at(i); }
    std::string str(size_t i) const { return cols_.at(i).value_or(""); }
    int64_t i64(size_t i) const;

private:
    std::vector<std::optional<std::string>> cols_;
};

using Rows = std::vector<Row>;

class Connection {
public:
    virtual ~Connection() = default;

    // Runs one statement with `?` placeholders bound to `params`; returns its rows.
    virtual Result<Rows> query(const std::string& sql, const Params& params = {}) = 0;
    // Runs one statement; returns the number of affected rows.
    virtual Result<uint64_t> execute(const std::string& sql, const Params& params = {}) = 0;
    // The AUTO_INCREMENT id of the last insert on this connection.
    virtual uint64_t lastInsertId() = 0;
    // Runs a script of several statements without parameters (migrations).
    virtual Status executeScript(const std::string& sql) = 0;

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual Status rollback() = 0;

    // True if the server still answers (reconnects if it can).
    virtual bool ping() = 0;
    // ping() for a connection reused at the start of each request (PHP's
    // shared client): a driver may answer without a round trip when the
    // connection answered moments ago and nothing shows the server closed it.
    virtual bool usable() { return ping(); }
    // "mariadb" or "sqlserver": selects the migration folder and dialect.
    virtual std::string dialect() const = 0;
};

// Opens a connection from the configured DSN. Errors name the database, the
// host or socket and the user, never the password.
Result<std::unique_ptr<Connection>> connect(const DatabaseDsn& dsn);

// Rolls back unless commit() was called: every multi-row write goes through one.
class Transaction {
public:
    explicit Transaction(Connection& conn) : conn_(conn) {}
    ~Transaction() {
        if (active_) conn_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Status begin() {
        Status s = conn_.begin();
        active_ = s.isOk();
        return s;
    }
    Status commit() {
        active_ = false;
        return conn_.commit();
    }

private:
    Connection& conn_;
    bool active_ = false;
};

}  // namespace relais::db
