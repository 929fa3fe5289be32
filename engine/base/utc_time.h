// UTC times as operators type them and as the database stores them
// (sessions run with time_zone '+00:00', see db/mariadb_connection.cpp).
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "base/status.h"

namespace relais {

// A time typed as 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS'
// ('T' may stand for the space), naming a whole day, minute or second.
struct TypedTime {
    std::chrono::sys_seconds start;
    std::chrono::seconds span{0};  // one day, one minute or one second
    std::chrono::sys_seconds end() const { return start + span; }
};

// nullopt unless `text` is one of the forms above and a real date and time
// (no 2024-02-30, no 24:00), with a year from 1000 to 9999.
std::optional<TypedTime> parseTypedTime(const std::string& text);

// A `from` or `to` filter (`field` names it in the error) parsed with
// parseTypedTime; nullopt when not set, InvalidArgument when not a date.
Result<std::optional<TypedTime>> parseTimeFilter(const char* field, const std::optional<std::string>& text);

// 'YYYY-MM-DD HH:MM:SS', clamped to the DATETIME range (years 1000 to 9999).
std::string sqlDateTime(std::chrono::sys_seconds t);

}  // namespace relais
