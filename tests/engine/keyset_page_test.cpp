// db::keysetPage: the page out of the rows a statement read with LIMIT
// limit + 1, and the cursor of the next page.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/keyset_page.h"

namespace relais {
namespace {

struct Item {
    int64_t id = 0;
    std::string name;
};

// What a statement reading `ORDER BY id DESC` returns: the ids given, newest first.
db::Rows fetched(std::vector<int64_t> ids) {
    db::Rows rows;
    for (int64_t id : ids) rows.emplace_back(std::vector<std::optional<std::string>>{std::to_string(id), "n" + std::to_string(id)});
    return rows;
}

Item itemFromRow(const db::Row& r) { return {r.i64(0), r.str(1)}; }

std::vector<int64_t> ids(const db::KeysetPage<Item>& page) {
    std::vector<int64_t> out;
    for (const auto& i : page.rows) out.push_back(i.id);
    return out;
}

TEST(KeysetPageTest, FetchLimitIsOneRowMoreThanThePage) {
    EXPECT_EQ(db::keysetFetchLimit(1), 2);
    EXPECT_EQ(db::keysetFetchLimit(50), 51);
    EXPECT_EQ(db::keysetFetchLimit(2147483647), int64_t{2147483648});
}

TEST(KeysetPageTest, NoRowIsAnEmptyLastPage) {
    const auto page = db::keysetPage(fetched({}), 50, itemFromRow, &Item::id);
    EXPECT_TRUE(page.rows.empty());
    EXPECT_EQ(page.nextCursor, std::nullopt);
}

TEST(KeysetPageTest, FewerRowsThanTheLimitAreTheLastPage) {
    const auto page = db::keysetPage(fetched({9, 7}), 3, itemFromRow, &Item::id);
    EXPECT_EQ(ids(page), (std::vector<int64_t>{9, 7}));
    EXPECT_EQ(page.nextCursor, std::nullopt);
}

TEST(KeysetPageTest, ExactlyLimitRowsAreTheLastPage) {
    const auto page = db::keysetPage(fetched({9, 7, 4}), 3, itemFromRow, &Item::id);
    EXPECT_EQ(ids(page), (std::vector<int64_t>{9, 7, 4}));
    EXPECT_EQ(page.rows.back().name, "n4");
    EXPECT_EQ(page.nextCursor, std::nullopt);
}

TEST(KeysetPageTest, OneRowMoreKeepsTheLimitAndGivesTheLastKeptKeyAsCursor) {
    int converted = 0;
    const auto page = db::keysetPage(
        fetched({9, 7, 4, 2}), 3,
        [&](const db::Row& r) {
            ++converted;
            return itemFromRow(r);
        },
        &Item::id);
    EXPECT_EQ(ids(page), (std::vector<int64_t>{9, 7, 4}));
    EXPECT_EQ(page.nextCursor, 4);  // the next page asks for ids below 4: it starts at 2
    EXPECT_EQ(converted, 3) << "the extra row only tells that a next page exists";
}

TEST(KeysetPageTest, LimitOneTakesOneRowAndItsKeyWhenAnotherFollows) {
    const auto more = db::keysetPage(fetched({5, 3}), 1, itemFromRow, &Item::id);
    EXPECT_EQ(ids(more), (std::vector<int64_t>{5}));
    EXPECT_EQ(more.nextCursor, 5);
    const auto last = db::keysetPage(fetched({3}), 1, itemFromRow, &Item::id);
    EXPECT_EQ(ids(last), (std::vector<int64_t>{3}));
    EXPECT_EQ(last.nextCursor, std::nullopt);
}

TEST(KeysetPageTest, TheCursorIsWhatTheKeyFunctionSays) {
    // A key that is not a member named id: the name's number, from a lambda.
    const auto page = db::keysetPage(fetched({30, 20, 10}), 2, itemFromRow,
                                     [](const Item& i) { return std::stoll(i.name.substr(1)) * 100; });
    EXPECT_EQ(page.nextCursor, 2000);
}

}  // namespace
}  // namespace relais
