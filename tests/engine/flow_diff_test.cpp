// Line diff of flow versions.
#include <gtest/gtest.h>

#include "flows/flow_diff.h"

using namespace relais;

namespace {
std::string render(const std::vector<DiffLine>& lines) {
    std::string out;
    for (const auto& l : lines) out += std::string(1, l.op) + l.text + "\n";
    return out;
}
}  // namespace

TEST(FlowDiffTest, SameTextIsAllKept) {
    auto d = diffLines("a\nb\n", "a\nb\n");
    EXPECT_EQ(render(d), " a\n b\n");
    EXPECT_EQ(d[1].oldLine, 2);
    EXPECT_EQ(d[1].newLine, 2);
}

TEST(FlowDiffTest, ChangedLineIsRemovedThenAdded) {
    auto d = diffLines("a\nb\nc\n", "a\nB\nc\nd\n");
    EXPECT_EQ(render(d), " a\n-b\n+B\n c\n+d\n");
    EXPECT_EQ(d[1].oldLine, 2);
    EXPECT_EQ(d[1].newLine, 0);
    EXPECT_EQ(d[2].newLine, 2);
    EXPECT_EQ(d[4].newLine, 4);
}

TEST(FlowDiffTest, EmptySides) {
    EXPECT_EQ(render(diffLines("", "x\n")), "+x\n");
    EXPECT_EQ(render(diffLines("x\n", "")), "-x\n");
    EXPECT_TRUE(diffLines("", "").empty());
}

TEST(FlowDiffTest, FlowTextSortsKeysSoKeyOrderIsNoChange) {
    auto a = nlohmann::json::parse(R"({"name":"f","steps":[{"activity":"noop"}]})");
    auto b = nlohmann::json::parse(R"({"steps":[{"activity":"noop"}],"name":"f"})");
    EXPECT_EQ(flowText(a), flowText(b));
    auto d = diffLines(flowText(a), flowText(nlohmann::json::parse(R"({"name":"f","steps":[{"activity":"exec"}]})")));
    int changed = 0;
    for (const auto& l : d) changed += l.op != ' ';
    EXPECT_EQ(changed, 2);
}
