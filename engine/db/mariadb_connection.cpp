// The MariaDB Connector/C driver: prepared statements with bound parameters,
// results fetched as text.
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include <poll.h>

#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

#include <strings.h>

#include "db/connection.h"

namespace relais::db {
namespace {

struct MysqlCloser {
    void operator()(MYSQL* m) const { mysql_close(m); }
};
struct StmtCloser {
    void operator()(MYSQL_STMT* s) const { mysql_stmt_close(s); }
};
struct ResultFreer {
    void operator()(MYSQL_RES* r) const { mysql_free_result(r); }
};

Code codeForError(unsigned err) {
    switch (err) {
        case CR_CONNECTION_ERROR:
        case CR_CONN_HOST_ERROR:
        case CR_SERVER_GONE_ERROR:
        case CR_SERVER_LOST:
        case CR_UNKNOWN_HOST:
        case ER_LOCK_WAIT_TIMEOUT:
        case ER_LOCK_DEADLOCK:
        case ER_SERVER_SHUTDOWN:
            return Code::Unavailable;
        case ER_ACCESS_DENIED_ERROR:
        case ER_DBACCESS_DENIED_ERROR:
        case ER_BAD_DB_ERROR:
            return Code::Config;
        case ER_DUP_ENTRY:
            return Code::AlreadyExists;
        default:
            return Code::Internal;
    }
}

using MysqlPtr = std::unique_ptr<MYSQL, MysqlCloser>;
Result<MysqlPtr> openRaw(const DatabaseDsn& dsn);

// A connection that comes back by itself after the server closed it
// (restart, wait_timeout), but only between transactions: inside one, the
// failure is reported and the transaction is lost, never replayed.
class MariaDbConnection final : public Connection {
public:
    MariaDbConnection(MysqlPtr m, DatabaseDsn dsn) : m_(std::move(m)), dsn_(std::move(dsn)) {}

    Result<Rows> query(const std::string& sql, const Params& params) override {
        Rows rows;
        Status s = runReconnecting(sql, params, &rows, nullptr);
        if (!s) return s;
        return rows;
    }

    Result<uint64_t> execute(const std::string& sql, const Params& params) override {
        uint64_t affected = 0;
        Status s = runReconnecting(sql, params, nullptr, &affected);
        if (!s) return s;
        return affected;
    }

    uint64_t lastInsertId() override { return lastId_; }

    Status executeScript(const std::string& sql) override {
        if (mysql_real_query(m_.get(), sql.data(), sql.size()) != 0) return error("script");
        // Drain every result of the multi-statement script; stop on the first error.
        for (;;) {
            std::unique_ptr<MYSQL_RES, ResultFreer> res(mysql_store_result(m_.get()));
            int next = mysql_next_result(m_.get());
            if (next > 0) return error("script");
            if (next < 0) break;
        }
        return Status::ok();
    }

    Status begin() override {
        lastErrno_ = 0;
        Status s = simple("START TRANSACTION");
        // Nothing is lost yet: a connection the server closed can be replaced here.
        // Nor when the connection broke as it started (CR_SERVER_LOST, often the
        // first statement after wait_timeout): a transaction start changes nothing.
        if (!s && (lastErrno_ == CR_SERVER_GONE_ERROR || lastErrno_ == CR_SERVER_LOST) && reconnect())
            s = simple("START TRANSACTION");
        inTransaction_ = s.isOk();
        return s;
    }
    Status commit() override {
        inTransaction_ = false;
        return simple("COMMIT");
    }
    Status rollback() override {
        inTransaction_ = false;
        return simple("ROLLBACK");
    }
    bool ping() override {
        if (mysql_ping(m_.get()) == 0) {
            answered();
            return true;
        }
        return !inTransaction_ && reconnect();
    }
    // No round trip when the server answered within kRecentlyAnswered and the
    // socket has nothing to read: between two requests an open session sends
    // nothing, so readable data or an end of file means the server closed it
    // (KILL, restart, wait_timeout) and the real ping() reconnects before a
    // write can be lost. Only a peer that vanished without closing (a host
    // down, a firewall dropping idle sessions) goes unseen, for at most
    // kRecentlyAnswered, far below such timeouts.
    bool usable() override {
        if (!inTransaction_ && std::chrono::steady_clock::now() - lastAnswer_ < kRecentlyAnswered) {
            pollfd p{};
            p.fd = static_cast<int>(mysql_get_socket(m_.get()));
            p.events = POLLIN;
            if (p.fd >= 0 && ::poll(&p, 1, 0) == 0) return true;
        }
        return ping();
    }
    std::string dialect() const override { return "mariadb"; }

private:
    static bool isRead(const std::string& sql) {
        const size_t start = sql.find_first_not_of(" \t\r\n(");
        return start != std::string::npos && strncasecmp(sql.c_str() + start, "SELECT", 6) == 0;
    }

    // A fresh session in place of a dead one; prepared statements die with it.
    bool reconnect() {
        auto fresh = openRaw(dsn_);
        if (!fresh) return false;
        statements_.clear();
        m_ = std::move(fresh).value();
        answered();
        return true;
    }

    void answered() { lastAnswer_ = std::chrono::steady_clock::now(); }

    // Runs a statement; when the server had closed the connection before the
    // statement reached it (CR_SERVER_GONE_ERROR) and no transaction is open,
    // reconnects and runs it once more. A connection lost while the server
    // ran the statement (CR_SERVER_LOST) is reported, since a write may have
    // been applied; a read outside a transaction is simply run again.
    Status runReconnecting(const std::string& sql, const Params& params, Rows* rows, uint64_t* affected) {
        lastErrno_ = 0;
        Status s = run(sql, params, rows, affected);
        const bool retryable =
            lastErrno_ == CR_SERVER_GONE_ERROR || (lastErrno_ == CR_SERVER_LOST && isRead(sql));
        if (!s && retryable && !inTransaction_ && reconnect()) {
            if (rows) rows->clear();
            s = run(sql, params, rows, affected);
        }
        if (s) answered();
        return s;
    }

    Status error(const std::string& what) {
        unsigned err = mysql_errno(m_.get());
        lastErrno_ = err;
        return Status(codeForError(err), "database error during " + what + ": " +
                                             mysql_error(m_.get()) + " (" + std::to_string(err) + ")");
    }
    Status stmtError(MYSQL_STMT* st, const std::string& sql) {
        unsigned err = mysql_stmt_errno(st);
        lastErrno_ = err;
        std::string head = sql.substr(0, 60);
        return Status(codeForError(err), std::string("database error: ") + mysql_stmt_error(st) +
                                             " (" + std::to_string(err) + ") in '" + head +
                                             (sql.size() > 60 ? "...'" : "'"));
    }
    Status simple(const char* sql) {
        if (mysql_real_query(m_.get(), sql, std::strlen(sql)) != 0) return error(sql);
        answered();
        return Status::ok();
    }

    // Prepared statements are kept per connection, keyed by their SQL, so a
    // statement run again costs one round trip instead of two.
    Result<MYSQL_STMT*> prepared(const std::string& sql) {
        auto it = statements_.find(sql);
        if (it != statements_.end()) return it->second.get();
        if (statements_.size() >= kMaxCachedStatements) statements_.clear();
        std::unique_ptr<MYSQL_STMT, StmtCloser> st(mysql_stmt_init(m_.get()));
        if (!st) return error("statement init");
        if (mysql_stmt_prepare(st.get(), sql.data(), sql.size()) != 0) return stmtError(st.get(), sql);
        MYSQL_STMT* raw = st.get();
        statements_.emplace(sql, std::move(st));
        return raw;
    }

    Status run(const std::string& sql, const Params& params, Rows* rows, uint64_t* affected) {
        auto prep = prepared(sql);
        if (!prep) return prep.status();
        MYSQL_STMT* st = *prep;
        // Whatever happens below, leave the statement ready for its next use.
        struct FreeResult {
            MYSQL_STMT* s;
            ~FreeResult() { mysql_stmt_free_result(s); }
        } freeResult{st};
        if (mysql_stmt_param_count(st) != params.size())
            return Status(Code::Internal, "statement expects " +
                                              std::to_string(mysql_stmt_param_count(st)) +
                                              " parameters, got " + std::to_string(params.size()));
        std::vector<MYSQL_BIND> binds(params.size());
        std::vector<long long> ints(params.size());
        std::vector<unsigned long> lengths(params.size());
        std::vector<my_bool> nulls(params.size());
        for (size_t i = 0; i < params.size(); ++i) {
            MYSQL_BIND& b = binds[i];
            std::memset(&b, 0, sizeof b);
            if (std::holds_alternative<std::monostate>(params[i])) {
                b.buffer_type = MYSQL_TYPE_NULL;
                nulls[i] = 1;
                b.is_null = &nulls[i];
            } else if (auto* n = std::get_if<int64_t>(&params[i])) {
                ints[i] = *n;
                b.buffer_type = MYSQL_TYPE_LONGLONG;
                b.buffer = &ints[i];
            } else {
                const auto& s = std::get<std::string>(params[i]);
                b.buffer_type = MYSQL_TYPE_STRING;
                b.buffer = const_cast<char*>(s.data());
                b.buffer_length = s.size();
                lengths[i] = s.size();
                b.length = &lengths[i];
            }
        }
        if (!binds.empty() && mysql_stmt_bind_param(st, binds.data()) != 0)
            return stmtError(st, sql);
        if (mysql_stmt_execute(st) != 0) return stmtError(st, sql);
        if (affected) *affected = mysql_stmt_affected_rows(st);
        lastId_ = mysql_stmt_insert_id(st);
        const unsigned ncols = mysql_stmt_field_count(st);
        if (ncols == 0) return Status::ok();
        if (mysql_stmt_store_result(st) != 0) return stmtError(st, sql);
        std::vector<MYSQL_BIND> out(ncols);
        std::vector<std::vector<char>> bufs(ncols, std::vector<char>(256));
        std::vector<unsigned long> outLen(ncols);
        std::vector<my_bool> outNull(ncols), outErr(ncols);
        for (unsigned i = 0; i < ncols; ++i) {
            std::memset(&out[i], 0, sizeof out[i]);
            out[i].buffer_type = MYSQL_TYPE_STRING;
            out[i].buffer = bufs[i].data();
            out[i].buffer_length = bufs[i].size();
            out[i].length = &outLen[i];
            out[i].is_null = &outNull[i];
            out[i].error = &outErr[i];
        }
        if (mysql_stmt_bind_result(st, out.data()) != 0) return stmtError(st, sql);
        for (;;) {
            int rc = mysql_stmt_fetch(st);
            if (rc == MYSQL_NO_DATA) break;
            if (rc == 1) return stmtError(st, sql);
            std::vector<std::optional<std::string>> cols(ncols);
            for (unsigned i = 0; i < ncols; ++i) {
                if (outNull[i]) continue;
                if (outLen[i] > bufs[i].size()) {
                    // Truncated: fetch this column again into a buffer of its real size.
                    std::string big(outLen[i], '\0');
                    MYSQL_BIND b;
                    std::memset(&b, 0, sizeof b);
                    unsigned long len = 0;
                    b.buffer_type = MYSQL_TYPE_STRING;
                    b.buffer = big.data();
                    b.buffer_length = big.size();
                    b.length = &len;
                    if (mysql_stmt_fetch_column(st, &b, i, 0) != 0)
                        return stmtError(st, sql);
                    cols[i] = std::move(big);
                } else {
                    cols[i] = std::string(bufs[i].data(), outLen[i]);
                }
            }
            if (rows) rows->emplace_back(std::move(cols));
        }
        return Status::ok();
    }

    static constexpr size_t kMaxCachedStatements = 256;
    static constexpr std::chrono::seconds kRecentlyAnswered{10};
    // Declared after m_ so that the statements close before the connection.
    MysqlPtr m_;
    std::map<std::string, std::unique_ptr<MYSQL_STMT, StmtCloser>> statements_;
    DatabaseDsn dsn_;
    uint64_t lastId_ = 0;
    unsigned lastErrno_ = 0;
    bool inTransaction_ = false;
    std::chrono::steady_clock::time_point lastAnswer_ = std::chrono::steady_clock::now();
};

Result<MysqlPtr> openRaw(const DatabaseDsn& dsn) {
    MYSQL* raw = mysql_init(nullptr);
    if (!raw) return Status(Code::Internal, "out of memory opening a database connection");
    MysqlPtr m(raw);
    unsigned timeout = 5;
    mysql_optionsv(m.get(), MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(m.get(), MYSQL_SET_CHARSET_NAME, "utf8mb4");
    my_bool reconnect = 0;  // our own reconnect knows about transactions; the library's does not
    mysql_optionsv(m.get(), MYSQL_OPT_RECONNECT, &reconnect);
    const char* where = dsn.socket.empty() ? nullptr : dsn.socket.c_str();
    if (!mysql_real_connect(m.get(), dsn.host.c_str(), dsn.user.c_str(), dsn.password.c_str(),
                            dsn.database.empty() ? nullptr : dsn.database.c_str(), dsn.port, where,
                            CLIENT_MULTI_STATEMENTS | CLIENT_FOUND_ROWS)) {
        unsigned err = mysql_errno(m.get());
        std::string at = dsn.socket.empty() ? dsn.host + (dsn.port ? ":" + std::to_string(dsn.port) : "")
                                            : "socket " + dsn.socket;
        return Status(codeForError(err), "cannot connect to database '" + dsn.database + "' at " + at +
                                             " as user '" + dsn.user + "': " + mysql_error(m.get()));
    }
    const char* init = "SET SESSION time_zone = '+00:00', SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE'";
    if (mysql_real_query(m.get(), init, std::strlen(init)) != 0)
        return Status(Code::Internal, std::string("cannot set session options: ") + mysql_error(m.get()));
    return m;
}

}  // namespace

int64_t Row::i64(size_t i) const {
    const auto& c = cols_.at(i);
    if (!c || c->empty()) return 0;
    return std::stoll(*c);
}

Result<std::unique_ptr<Connection>> connect(const DatabaseDsn& dsn) {
    static std::once_flag libraryInit;
    std::call_once(libraryInit, [] { mysql_library_init(0, nullptr, nullptr); });
    if (dsn.driver != "mariadb")
        return Status(Code::Config, "database driver '" + dsn.driver + "' is not supported");
    auto m = openRaw(dsn);
    if (!m) return m.status();
    return std::unique_ptr<Connection>(std::make_unique<MariaDbConnection>(std::move(m).value(), dsn));
}

}  // namespace relais::db
