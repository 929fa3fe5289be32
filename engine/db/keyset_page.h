// Keyset paging: a list read a page at a time in the order of an integer key
// (an id), each page starting past the key of the last row of the page before
// (`id < cursor` newest first), so that a page costs the same at any depth.
// The statement reads one row more than the page (LIMIT keysetFetchLimit):
// that row is never shown, it only tells that a next page exists.
// Thread-safety: pure functions; safe from any thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <type_traits>
#include <vector>

namespace relais::db {

template <class Row>
struct KeysetPage {
    std::vector<Row> rows;
    // The key of the last row when more rows follow: the cursor that asks
    // for the next page (its `before`); nullopt on the last page.
    std::optional<int64_t> nextCursor;
};

// The LIMIT of the statement that reads a page of `limit` rows.
inline int64_t keysetFetchLimit(int limit) { return int64_t{limit} + 1; }

// The page of at most `limit` rows (1 or more) out of `fetched`, the rows a
// statement read in key order with LIMIT keysetFetchLimit(limit): the first
// `limit` of them, each made by `convert`, and the next cursor, the `key` of
// the last row kept, when there were more. Rows past the page are not
// converted. `convert` and `key` are anything std::invoke calls (a function,
// a lambda, a pointer to member such as &JobSummary::id).
template <class In, class Convert, class Key>
auto keysetPage(const std::vector<In>& fetched, int limit, Convert&& convert, Key&& key)
    -> KeysetPage<std::decay_t<std::invoke_result_t<Convert&, const In&>>> {
    KeysetPage<std::decay_t<std::invoke_result_t<Convert&, const In&>>> page;
    const size_t kept = std::min(fetched.size(), static_cast<size_t>(std::max(limit, 0)));
    page.rows.reserve(kept);
    for (size_t i = 0; i < kept; ++i) page.rows.push_back(std::invoke(convert, fetched[i]));
    if (fetched.size() > kept && kept > 0) page.nextCursor = std::invoke(key, page.rows.back());
    return page;
}

}  // namespace relais::db
