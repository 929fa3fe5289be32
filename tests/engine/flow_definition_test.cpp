// Flow JSON parsing and validation against the activity registry.
#include <gtest/gtest.h>

#include "activities/registry.h"
#include "flows/flow_definition.h"

using namespace relais;

namespace {

Status check(const std::string& text) {
    auto f = parseFlow(text, "f.json");
    if (!f) return f.status();
    return ActivityRegistry::builtin().validate(*f, "f.json");
}

}  // namespace

TEST(FlowDefinitionTest, AcceptsAValidFlow) {
    auto f = parseFlow(R"({"name":"orders-in","description":"d","trigger":{"type":"manual"},
        "retry":{"max_attempts":3,"backoff_seconds":5},
        "steps":[{"activity":"noop"},{"activity":"dir.deposit","with":{"path":"/tmp/x"}}]})",
                       "f.json");
    ASSERT_TRUE(f.isOk()) << f.status().message();
    EXPECT_EQ(f->name, "orders-in");
    EXPECT_EQ(f->maxAttempts, 3);
    EXPECT_EQ(f->backoffSeconds, 5);
    ASSERT_EQ(f->steps.size(), 2u);
    EXPECT_EQ(f->steps[1].activity, "dir.deposit");
    EXPECT_TRUE(ActivityRegistry::builtin().validate(*f, "f.json").isOk());
}

TEST(FlowDefinitionTest, SyntaxErrorNamesFileAndLine) {
    Status s = check("{\"name\": \"x\",\n \"steps\": [\n}");
    ASSERT_FALSE(s.isOk());
    EXPECT_NE(s.message().find("f.json"), std::string::npos);
    EXPECT_NE(s.message().find("line 3"), std::string::npos) << s.message();
}

TEST(FlowDefinitionTest, ErrorsNameTheField) {
    struct Case {
        const char* json;
        const char* field;
    } cases[] = {
        {R"({"steps":[{"activity":"noop"}]})", "name"},
        {R"({"name":"bad name!","steps":[{"activity":"noop"}]})", "name"},
        {R"({"name":"a","steps":[]})", "steps"},
        {R"({"name":"a","steps":[{"with":{}}]})", "steps[0].activity"},
        {R"({"name":"a","steps":[{"activity":"noop"},{"activity":"teleport"}]})", "steps[1].activity 'teleport'"},
        {R"({"name":"a","steps":[{"activity":"dir.deposit","with":{"path":"relative"}}]})", "steps[0].with.path"},
        {R"({"name":"a","steps":[{"activity":"exec","with":{}}]})", "steps[0].with.program"},
        {R"({"name":"a","trigger":{"type":"cron"},"steps":[{"activity":"noop"}]})", "trigger.type"},
        {R"({"name":"a","retry":{"max_attempts":0},"steps":[{"activity":"noop"}]})", "retry.max_attempts"},
        {R"({"name":"a","colour":"red","steps":[{"activity":"noop"}]})", "colour"},
    };
    for (const auto& c : cases) {
        Status s = check(c.json);
        ASSERT_FALSE(s.isOk()) << c.json;
        EXPECT_NE(s.message().find(c.field), std::string::npos) << c.json << " -> " << s.message();
    }
}
