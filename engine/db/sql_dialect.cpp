// SQL dialect differences.
#include "db/sql_dialect.h"

#include <algorithm>
#include <cctype>

namespace relais::db {

std::string dialectFromDbmsName(std::string_view dbmsName) {
    std::string lower(dbmsName);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.find("mariadb") != std::string::npos || lower.find("mysql") != std::string::npos) return "mariadb";
    if (lower.find("sql server") != std::string::npos) return "sqlserver";
    return lower;
}

std::string portableTimestamp(std::string_view iso) {
    std::string date(iso.substr(0, 10));
    std::string time = iso.size() > 11 ? std::string(iso.substr(11)) : "00:00:00";
    if (time.size() == 5) time += ":00";
    return date + "T" + time.substr(0, 8);
}

std::string lastInsertIdQuery(std::string_view dialect) {
    if (dialect == "mariadb") return "SELECT LAST_INSERT_ID()";
    // SCOPE_IDENTITY() is NULL outside the batch of the INSERT; @@IDENTITY is
    // the connection's last value (triggers aside).
    if (dialect == "sqlserver") return "SELECT @@IDENTITY";
    return "";
}

std::vector<std::string> splitSqlScript(std::string_view script) {
    std::vector<std::string> out;
    std::string cur;
    char quote = 0;
    auto flush = [&] {
        const auto b = cur.find_first_not_of(" \t\r\n");
        if (b != std::string::npos) out.push_back(cur.substr(b, cur.find_last_not_of(" \t\r\n") - b + 1));
        cur.clear();
    };
    for (size_t i = 0; i < script.size(); ++i) {
        const char c = script[i];
        if (quote) {
            cur += c;
            if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
        } else if (c == '\'' || c == '"' || c == '`') {
            quote = c;
            cur += c;
        } else if (c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
            while (i < script.size() && script[i] != '\n') ++i;
            cur += '\n';
        } else if (c == ';') {
            flush();
        } else {
            cur += c;
        }
    }
    flush();
    return out;
}

}  // namespace relais::db
