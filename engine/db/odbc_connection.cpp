// The unixODBC driver: handles in unique_ptrs, statements prepared once per
// connection, parameters bound (64-bit integers as SQL_BIGINT, text as
// SQL_VARCHAR), columns read back as text with SQLGetData.
#include "db/odbc_connection.h"

#include <sql.h>
#include <sqlext.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "db/sql_dialect.h"

namespace relais::db {
namespace {

template <SQLSMALLINT Type>
struct HandleFree {
    void operator()(SQLHANDLE h) const { SQLFreeHandle(Type, h); }
};
// A connection handle is disconnected before it is freed.
struct DbcFree {
    void operator()(SQLHDBC h) const {
        SQLDisconnect(h);
        SQLFreeHandle(SQL_HANDLE_DBC, h);
    }
};
using EnvHandle = std::unique_ptr<void, HandleFree<SQL_HANDLE_ENV>>;
using DbcHandle = std::unique_ptr<void, DbcFree>;
using StmtHandle = std::unique_ptr<void, HandleFree<SQL_HANDLE_STMT>>;

SQLCHAR* sqlText(const std::string& s) { return reinterpret_cast<SQLCHAR*>(const_cast<char*>(s.c_str())); }

bool succeeded(SQLRETURN rc) { return rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO; }

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
    return s;
}

// Wraps an attribute value in braces when it holds a character that would end
// it ({ } ; =), as the ODBC connection-string grammar asks.
std::string attributeValue(const std::string& v) {
    if (v.find_first_of(";{}= ") == std::string::npos) return v;
    std::string out = "{";
    for (char c : v) {
        out += c;
        if (c == '}') out += '}';
    }
    return out + "}";
}

bool isConnectionString(const std::string& dsn) { return dsn.find('=') != std::string::npos; }

// The diagnostic records of a handle: SQLSTATE, native code, text.
struct Diagnostic {
    std::string state;
    SQLINTEGER native = 0;
    std::string text;
};

std::vector<Diagnostic> diagnostics(SQLSMALLINT type, SQLHANDLE handle) {
    std::vector<Diagnostic> out;
    for (SQLSMALLINT i = 1; i <= 5; ++i) {
        SQLCHAR state[6] = {0};
        SQLCHAR text[1024] = {0};
        SQLINTEGER native = 0;
        SQLSMALLINT len = 0;
        if (!succeeded(SQLGetDiagRec(type, handle, i, state, &native, text, sizeof text, &len))) break;
        out.push_back({reinterpret_cast<char*>(state), native, reinterpret_cast<char*>(text)});
    }
    return out;
}

// How a failure is classified. The SQLSTATEs are ODBC's own; the native codes
// and the message are what drivers add for a record locked by another user:
// MariaDB/MySQL 1205 (lock wait timeout), SQL Server 1222 (lock request time
// out), and Sage's proprietary driver, which only says so in French.
Code codeFor(const Diagnostic& d) {
    const std::string& s = d.state;
    if (s.rfind("08", 0) == 0 || s == "40001" || s == "40003" || s == "HYT00" || s == "HYT01") return Code::Unavailable;
    if (d.native == 1205 || d.native == 1222 || d.text.find("en cours d'utilisation") != std::string::npos)
        return Code::Unavailable;
    // MariaDB's own codes for a server that went away, when a driver reports
    // them under the generic HY000.
    if (d.native == 2006 || d.native == 2013) return Code::Unavailable;
    if (s == "28000" || s.rfind("IM", 0) == 0) return Code::Config;
    if (s == "42S02") return Code::NotFound;
    if (s == "42S22") return Code::Config;
    if (s == "23000") return Code::AlreadyExists;
    return Code::Internal;
}

// The diagnostics as one text, with the password masked should a driver echo
// it; `code` gets the classification (any sign of a lost connection or a
// locked record wins: a retry may succeed).
std::string describe(const std::vector<Diagnostic>& diags, const std::string& password, Code& code) {
    std::string detail;
    code = diags.empty() ? Code::Internal : codeFor(diags[0]);
    for (const auto& d : diags) {
        if (codeFor(d) == Code::Unavailable) code = Code::Unavailable;
        if (!detail.empty()) detail += "; ";
        detail += d.text + " (SQLSTATE " + d.state + (d.native ? ", native error " + std::to_string(d.native) : "") + ")";
    }
    if (detail.empty()) detail = "no diagnostic from the driver";
    if (!password.empty())
        for (size_t p; (p = detail.find(password)) != std::string::npos;) detail.replace(p, password.size(), "***");
    return detail;
}

class OdbcConnection final : public Connection {
public:
    OdbcConnection(EnvHandle env, DbcHandle dbc, OdbcSource source, std::string dialect)
        : env_(std::move(env)), dbc_(std::move(dbc)), source_(std::move(source)), dialect_(std::move(dialect)) {}

    Result<Rows> query(const std::string& sql, const Params& params) override {
        Rows rows;
        RELAIS_TRY(run(sql, params, &rows, nullptr));
        return rows;
    }

    Result<uint64_t> execute(const std::string& sql, const Params& params) override {
        uint64_t affected = 0;
        RELAIS_TRY(run(sql, params, nullptr, &affected));
        return affected;
    }

    uint64_t lastInsertId() override {
        const std::string q = lastInsertIdQuery(dialect_);
        if (q.empty()) return 0;
        auto rows = query(q, {});
        if (!rows || rows->empty() || (*rows)[0].isNull(0)) return 0;
        return static_cast<uint64_t>((*rows)[0].i64(0));
    }

    Status executeScript(const std::string& sql) override {
        for (const auto& statement : splitSqlScript(sql)) {
            StmtHandle st(allocStatement());
            if (!st) return failure(SQL_HANDLE_DBC, dbc_.get(), "allocating a statement");
            SQLRETURN rc = SQLExecDirect(st.get(), sqlText(statement), SQL_NTS);
            if (!succeeded(rc) && rc != SQL_NO_DATA) return failure(SQL_HANDLE_STMT, st.get(), excerpt(statement));
        }
        return Status::ok();
    }

    Status begin() override { return setAutocommit(false, "starting a transaction"); }
    Status commit() override { return endTransaction(SQL_COMMIT, "commit"); }
    Status rollback() override { return endTransaction(SQL_ROLLBACK, "rollback"); }

    bool ping() override { return query("SELECT 1", {}).isOk(); }
    std::string dialect() const override { return dialect_; }

private:
    SQLHSTMT allocStatement() {
        SQLHSTMT st = SQL_NULL_HSTMT;
        if (!succeeded(SQLAllocHandle(SQL_HANDLE_STMT, dbc_.get(), &st))) return SQL_NULL_HSTMT;
        return st;
    }

    static std::string excerpt(const std::string& sql) {
        return "'" + sql.substr(0, 60) + (sql.size() > 60 ? "...'" : "'");
    }

    // A Status from the diagnostics of `handle`: names the data source, what
    // was being done, the SQLSTATE and the driver's text; the password, would
    // a driver echo it, is masked.
    Status failure(SQLSMALLINT type, SQLHANDLE handle, const std::string& what) const {
        Code code;
        const std::string detail = describe(diagnostics(type, handle), source_.password, code);
        return Status(code, source_.describe() + ": " + what + ": " + detail);
    }

    Status setAutocommit(bool on, const char* what) {
        SQLRETURN rc = SQLSetConnectAttr(dbc_.get(), SQL_ATTR_AUTOCOMMIT,
                                         reinterpret_cast<SQLPOINTER>(on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF),
                                         SQL_IS_UINTEGER);
        if (!succeeded(rc)) return failure(SQL_HANDLE_DBC, dbc_.get(), what);
        return Status::ok();
    }

    Status endTransaction(SQLSMALLINT how, const char* what) {
        SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, dbc_.get(), how);
        Status s = succeeded(rc) ? Status::ok() : failure(SQL_HANDLE_DBC, dbc_.get(), what);
        Status back = setAutocommit(true, "ending a transaction");
        return s ? back : s;
    }

    // The prepared statement for `sql`, prepared on first use.
    Result<SQLHSTMT> prepared(const std::string& sql) {
        auto it = statements_.find(sql);
        if (it != statements_.end()) return it->second.get();
        if (statements_.size() >= kMaxCachedStatements) statements_.clear();
        StmtHandle st(allocStatement());
        if (!st) return failure(SQL_HANDLE_DBC, dbc_.get(), "allocating a statement");
        if (!succeeded(SQLPrepare(st.get(), sqlText(sql), SQL_NTS)))
            return failure(SQL_HANDLE_STMT, st.get(), "preparing " + excerpt(sql));
        SQLHSTMT raw = st.get();
        statements_.emplace(sql, std::move(st));
        return raw;
    }

    Status run(const std::string& sql, const Params& params, Rows* rows, uint64_t* affected) {
        RELAIS_ASSIGN_OR_RETURN(SQLHSTMT st, prepared(sql));
        // Whatever happens below, leave the statement ready for its next use.
        struct Reset {
            SQLHSTMT s;
            ~Reset() {
                SQLFreeStmt(s, SQL_CLOSE);
                SQLFreeStmt(s, SQL_RESET_PARAMS);
            }
        } reset{st};
        SQLSMALLINT expected = 0;
        if (succeeded(SQLNumParams(st, &expected)) && static_cast<size_t>(expected) != params.size())
            return Status(Code::Internal, "statement " + excerpt(sql) + " expects " + std::to_string(expected) +
                                              " parameters, got " + std::to_string(params.size()));
        // The buffers stay put until SQLExecute has read them.
        std::vector<SQLBIGINT> ints(params.size());
        std::vector<SQLLEN> lengths(params.size());
        for (size_t i = 0; i < params.size(); ++i) {
            const auto n = static_cast<SQLUSMALLINT>(i + 1);
            SQLRETURN rc;
            if (std::holds_alternative<std::monostate>(params[i])) {
                lengths[i] = SQL_NULL_DATA;
                rc = SQLBindParameter(st, n, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 1, 0, nullptr, 0, &lengths[i]);
            } else if (auto* v = std::get_if<int64_t>(&params[i])) {
                ints[i] = *v;
                rc = SQLBindParameter(st, n, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &ints[i], 0, nullptr);
            } else {
                const auto& s = std::get<std::string>(params[i]);
                lengths[i] = static_cast<SQLLEN>(s.size());
                // One declared size for short texts, so that SQL Server reuses
                // one plan whatever the value's length.
                const SQLULEN size = std::max<SQLULEN>(s.size(), 255);
                rc = SQLBindParameter(st, n, SQL_PARAM_INPUT, SQL_C_CHAR, size > 8000 ? SQL_LONGVARCHAR : SQL_VARCHAR,
                                      size, 0, const_cast<char*>(s.data()), lengths[i], &lengths[i]);
            }
            if (!succeeded(rc))
                return failure(SQL_HANDLE_STMT, st, "binding parameter " + std::to_string(n) + " of " + excerpt(sql));
        }
        SQLRETURN rc = SQLExecute(st);
        if (!succeeded(rc) && rc != SQL_NO_DATA) return failure(SQL_HANDLE_STMT, st, excerpt(sql));
        if (affected) {
            SQLLEN count = 0;
            if (rc != SQL_NO_DATA && succeeded(SQLRowCount(st, &count)) && count > 0)
                *affected = static_cast<uint64_t>(count);
        }
        SQLSMALLINT ncols = 0;
        if (!succeeded(SQLNumResultCols(st, &ncols))) return failure(SQL_HANDLE_STMT, st, excerpt(sql));
        if (ncols == 0) return Status::ok();
        for (;;) {
            rc = SQLFetch(st);
            if (rc == SQL_NO_DATA) break;
            if (!succeeded(rc)) return failure(SQL_HANDLE_STMT, st, "fetching from " + excerpt(sql));
            std::vector<std::optional<std::string>> cols(static_cast<size_t>(ncols));
            for (SQLUSMALLINT c = 1; c <= static_cast<SQLUSMALLINT>(ncols); ++c)
                RELAIS_TRY(readColumn(st, c, cols[c - 1], sql));
            if (rows) rows->emplace_back(std::move(cols));
        }
        return Status::ok();
    }

    // Reads one column as text, in pieces when it is longer than the buffer.
    Status readColumn(SQLHSTMT st, SQLUSMALLINT c, std::optional<std::string>& out, const std::string& sql) {
        char buf[512];
        std::string value;
        for (;;) {
            SQLLEN ind = 0;
            SQLRETURN rc = SQLGetData(st, c, SQL_C_CHAR, buf, sizeof buf, &ind);
            if (rc == SQL_NO_DATA) break;
            if (!succeeded(rc)) return failure(SQL_HANDLE_STMT, st, "reading column " + std::to_string(c) + " of " + excerpt(sql));
            if (ind == SQL_NULL_DATA) return Status::ok();  // stays nullopt
            const size_t got = (ind == SQL_NO_TOTAL || ind >= static_cast<SQLLEN>(sizeof buf)) ? sizeof buf - 1
                                                                                                : static_cast<size_t>(ind);
            value.append(buf, got);
            if (rc == SQL_SUCCESS) break;  // SUCCESS_WITH_INFO (01004): more to come
        }
        out = std::move(value);
        return Status::ok();
    }

    static constexpr size_t kMaxCachedStatements = 256;
    // Declared in the order of destruction needs: statements, then the
    // connection, then the environment.
    EnvHandle env_;
    DbcHandle dbc_;
    OdbcSource source_;
    std::string dialect_;
    std::map<std::string, StmtHandle> statements_;
};

}  // namespace

std::string OdbcSource::describe() const {
    if (!isConnectionString(dsn)) return "ODBC data source '" + dsn + "'";
    // Drop PWD/PASSWORD attributes: what is left names the target.
    std::string shown;
    size_t start = 0;
    while (start <= dsn.size()) {
        size_t end = dsn.find(';', start);
        if (end == std::string::npos) end = dsn.size();
        const std::string attr = dsn.substr(start, end - start);
        const std::string key = upper(attr.substr(0, attr.find('=')));
        if (!attr.empty() && key != "PWD" && key != "PASSWORD") shown += (shown.empty() ? "" : ";") + attr;
        start = end + 1;
    }
    return "ODBC connection '" + shown + "'";
}

std::string OdbcSource::connectionString() const {
    std::string s = isConnectionString(dsn) ? dsn : "DSN=" + attributeValue(dsn);
    if (!s.empty() && s.back() != ';') s += ';';
    if (!user.empty()) s += "UID=" + attributeValue(user) + ";";
    if (!password.empty()) s += "PWD=" + attributeValue(password) + ";";
    return s;
}

Result<std::unique_ptr<Connection>> connectOdbc(const OdbcSource& source, int loginTimeoutSeconds) {
    const std::string as = source.user.empty() ? "" : " as user '" + source.user + "'";
    if (source.dsn.empty()) return Status(Code::Config, "no ODBC data source given (a DSN name or a connection string)");
    SQLHENV rawEnv = SQL_NULL_HENV;
    if (!succeeded(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &rawEnv)))
        return Status(Code::Internal, "cannot allocate an ODBC environment (unixODBC)");
    EnvHandle env(rawEnv);
    SQLSetEnvAttr(env.get(), SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    SQLHDBC rawDbc = SQL_NULL_HDBC;
    if (!succeeded(SQLAllocHandle(SQL_HANDLE_DBC, env.get(), &rawDbc)))
        return Status(Code::Internal, "cannot allocate an ODBC connection handle (unixODBC)");
    DbcHandle dbc(rawDbc);
    SQLSetConnectAttr(dbc.get(), SQL_ATTR_LOGIN_TIMEOUT, reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(loginTimeoutSeconds)), 0);
    const std::string connStr = source.connectionString();
    SQLRETURN rc = SQLDriverConnect(dbc.get(), nullptr, sqlText(connStr), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
    if (!succeeded(rc)) {
        Code code;
        const std::string detail = describe(diagnostics(SQL_HANDLE_DBC, dbc.get()), source.password, code);
        // A connection that failed is not connected: do not SQLDisconnect it.
        SQLFreeHandle(SQL_HANDLE_DBC, dbc.release());
        return Status(code, "cannot connect to " + source.describe() + as + ": " + detail);
    }
    SQLCHAR name[128] = {0};
    SQLSMALLINT len = 0;
    SQLGetInfo(dbc.get(), SQL_DBMS_NAME, name, sizeof name, &len);
    const std::string dialect = dialectFromDbmsName(reinterpret_cast<char*>(name));
    return std::unique_ptr<Connection>(
        std::make_unique<OdbcConnection>(std::move(env), std::move(dbc), source, dialect));
}

}  // namespace relais::db
