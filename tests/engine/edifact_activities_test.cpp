// The EDIFACT flow steps run by the job runner on a private database, and
// the partners' EDIFACT settings (partner_edifact).
#include <gtest/gtest.h>

#include "formats/edifact_translate.h"
#include "partners/partner_edifact.h"
#include "test_database.h"

using namespace relais;
using relais::testing::TestDatabase;
using relais::testing::readFile;
using relais::testing::writeFile;

namespace {

const std::string kSamples = RELAIS_SOURCE_DIR "/tests/edifact/samples/";

class EdifactActivitiesTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_DATABASE(db_);
        client_ = db_->client();
        ASSERT_TRUE(client_);
        Partner p;
        p.code = "HYPER";
        p.name = "Hyper du Centre";
        p.gln = "3012345100014";
        ASSERT_TRUE(client_->partners().save(p));
    }
    JobDetail run(const std::string& flow, const std::string& file, const std::string& name,
                  std::map<std::string, std::string> params = {}) {
        return relais::testing::runFlowJob(*client_, flow, {{name, file}}, std::move(params));
    }
    std::string output(const JobDetail& j, const std::string& name) {
        for (const auto& d : j.documents)
            if (d.name == name && d.direction == "out") return readFile(client_->store().absolutePath(d.storePath));
        ADD_FAILURE() << "no output document " << name;
        return "";
    }

    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Client> client_;
};

}  // namespace

TEST_F(EdifactActivitiesTest, PartnerSettingsDefaultsSaveAndReferences) {
    PartnerEdifactSettings settings(client_->connection());
    auto defaults = settings.get("HYPER");
    ASSERT_TRUE(defaults) << defaults.status().message();
    EXPECT_FALSE(defaults->stored);
    EXPECT_EQ(defaults->syntaxLevel, "UNOC");
    EXPECT_EQ(defaults->separators, "");
    EXPECT_EQ(defaults->nextReference, 1);
    EXPECT_EQ(settings.get("NOBODY").status().code(), Code::NotFound);
    auto syntax = settings.syntaxOf("HYPER");
    ASSERT_TRUE(syntax) << syntax.status().message();
    EXPECT_EQ(syntax->gln, "3012345100014");
    EXPECT_EQ(syntax->level, edifact::SyntaxLevel::UNOC);
    EXPECT_EQ(syntax->separators, edifact::Separators{});
    EXPECT_FALSE(syntax->test);
    ASSERT_TRUE(settings.save("HYPER", {.syntaxLevel = "UNOA", .separators = ":*,? ~", .test = true}));
    syntax = settings.syntaxOf("HYPER");
    EXPECT_EQ(syntax->level, edifact::SyntaxLevel::UNOA);
    EXPECT_EQ(syntax->separators.element, '*');
    EXPECT_EQ(syntax->separators.decimal, ',');
    EXPECT_TRUE(syntax->test);
    Status bad = settings.save("HYPER", {.syntaxLevel = "UNOC", .separators = "::.? '"});
    EXPECT_EQ(bad.message(), "partner 'HYPER': separators '::.? '': ':' is given for two service characters");
    EXPECT_EQ(settings.save("HYPER", {.syntaxLevel = "UNOZ"}).message(), "partner 'HYPER': syntax_level 'UNOZ' is not UNOA, UNOB, UNOC, UNOY or UNOW");
    // Every problem by field, as the admin site shows them next to each field; nothing saved.
    Status all = settings.save("HYPER", {.syntaxLevel = "unoc", .separators = ":+.?", .unbId = std::string(36, 'X'), .unbQualifier = "1 4"});
    ASSERT_EQ(all.code(), Code::InvalidArgument);
    std::vector<std::string> fields;
    for (const FieldError& e : all.fieldErrors()) fields.push_back(e.field + ": " + e.message);
    EXPECT_EQ(fields, (std::vector<std::string>{"syntax_level: 'unoc' is not UNOA, UNOB, UNOC, UNOY or UNOW",
                                                "separators: ':+.?': UNA needs 6 service characters",
                                                "unb_id: '" + std::string(36, 'X') + "' must be at most 35 printable ASCII characters",
                                                "unb_qualifier: '1 4' must be 1 to 4 letters or digits (14: GLN)"}));
    EXPECT_EQ(settings.save("NOBODY", {}).code(), Code::NotFound);
    EXPECT_EQ(settings.syntaxOf("NOBODY").status().code(), Code::NotFound);
    EXPECT_EQ(settings.nextReference("HYPER").value(), "1");
    EXPECT_EQ(settings.nextReference("HYPER").value(), "2");
    EXPECT_EQ(settings.syntaxOf("HYPER")->level, edifact::SyntaxLevel::UNOA) << "taking a reference keeps the settings";
    auto stored = settings.get("HYPER");
    ASSERT_TRUE(stored);
    EXPECT_TRUE(stored->stored);
    EXPECT_EQ(stored->separators, ":*,? ~");
    EXPECT_TRUE(stored->test);
    EXPECT_EQ(stored->nextReference, 3);
    ASSERT_TRUE(settings.save("HYPER", {.syntaxLevel = "UNOY", .unbId = "VAN-MAILBOX 42", .unbQualifier = "ZZZ"}));
    EXPECT_EQ(settings.get("HYPER")->unbId, "VAN-MAILBOX 42");
    EXPECT_EQ(settings.get("HYPER")->nextReference, 3) << "saving keeps the counter";
    EXPECT_EQ(settings.syntaxOf("HYPER")->unbQualifier, "ZZZ");
}

TEST_F(EdifactActivitiesTest, StepSettingsAreCheckedAtImport) {
    auto check = [](const std::string& steps) {
        auto f = Client::checkFlow(R"({"name":"x","steps":)" + steps + "}", "x.json");
        return f ? std::string() : f.status().message();
    };
    EXPECT_EQ(check(R"([{"activity":"edifact.split","with":{}}])"),
              "x.json: steps[0].with.flow is missing: the flow each message's job goes to");
    EXPECT_NE(check(R"([{"activity":"pivot.to_edifact","with":{"type":"ORDERS"}}])").find("type must be DESADV or INVOIC"),
              std::string::npos);
    EXPECT_NE(check(R"([{"activity":"edifact.to_pivot","with":{"messages":["APERAK"]}}])").find("not ORDERS, DESADV or INVOIC"),
              std::string::npos);
    EXPECT_NE(check(R"([{"activity":"edifact.contrl","with":{"path":"relative"}}])").find("path must be an absolute folder path"),
              std::string::npos);
    EXPECT_NE(check(R"([{"activity":"edifact.contrl","with":{"own_gln":"3012345100015"}}])").find("check digit"), std::string::npos);
    EXPECT_EQ(check(R"([{"activity":"edifact.contrl"},{"activity":"edifact.to_pivot"},{"activity":"pivot.to_edifact","with":{"type":"INVOIC"}}])"),
              "");
}

TEST_F(EdifactActivitiesTest, ToPivotTranslatesAndContrlAccepts) {
    auto j = run(R"({"name":"edi-in","steps":[{"activity":"edifact.contrl"},{"activity":"edifact.to_pivot"}]})",
                 kSamples + "orders_d96a_unoc.edi", "orders.edi");
    ASSERT_EQ(j.status, "succeeded") << j.error.value_or("");
    EXPECT_NE(output(j, "orders.pivot").find("DOC;ORDERS;CMD-HC-0043;2024-03-01"), std::string::npos);
    EXPECT_NE(output(j, "CONTRL-orders.edi").find("UCI+HC0000000042+3012345100014:14+3012345000000:14+7'"), std::string::npos);
}

TEST_F(EdifactActivitiesTest, BadInputFailsForGoodWithAContrlRejection) {
    const std::string bad = db_->dir() + "/bad.edi";
    std::string text = readFile(kSamples + "orders_unoa_group.edi");
    text.replace(text.find("UNT+19+"), 7, "UNT+18+");
    writeFile(bad, text);
    auto j = run(R"({"name":"edi-bad","retry":{"max_attempts":3},"steps":[{"activity":"edifact.to_pivot"}]})", bad, "bad.edi");
    EXPECT_EQ(j.status, "failed") << "bad input is not retried";
    EXPECT_NE(j.error.value_or("").find("bad.edi: interchange CTR00017, group G1, message ME000001 (ORDERS), segment 19 of the message "
                                        "(UNT, segment 21 of the interchange), element 1 component 1: wrong segment count in UNT: "
                                        "expected 19, found '18'"),
              std::string::npos)
        << j.error.value_or("");
    const std::string contrl = output(j, "CONTRL-bad.edi");
    EXPECT_NE(contrl.find("UCM+ME000001+ORDERS:D:96A:UN:EAN008+4+29+UNT+1:1'"), std::string::npos) << contrl;
    for (const auto& d : j.documents) EXPECT_NE(d.name, "bad.pivot") << "no pivot file for a refused interchange";
}

TEST_F(EdifactActivitiesTest, PivotToEdifactWritesForThePartner) {
    const std::string pivot = db_->dir() + "/invoice.pivot";
    writeFile(pivot,
              "PIVOT;1;UTF-8\nDOC;INVOIC;FA1;2024-03-05;380;9;EUR\nPAR;SU;3012345000000\nPAR;BY;3012345100014\n"
              "LIN;1;3760000000017\nQTY;47;2\nPRI;AAA;1.5\nEND;1\n");
    auto j = run(R"({"name":"edi-out","steps":[{"activity":"pivot.to_edifact","with":{"type":"INVOIC"}}]})", pivot, "invoice.pivot",
                 {{"partner", "HYPER"}});
    ASSERT_EQ(j.status, "succeeded") << j.error.value_or("");
    const std::string edi = output(j, "invoice.INVOIC.edi");
    EXPECT_NE(edi.find("UNB+UNOC:3+3012345000000:14+3012345100014:14+"), std::string::npos) << edi;
    EXPECT_NE(edi.find("+1++INVOIC'"), std::string::npos) << "the partner's first reference: " << edi;
    edifact::StringSource source(edi);
    edifact::InterchangeHandler nothing;
    EXPECT_TRUE(edifact::readInterchange(source, nothing).ok());

    auto unknown = run(R"({"name":"edi-out2","steps":[{"activity":"pivot.to_edifact","with":{"type":"INVOIC","partner":"NOBODY"}}]})",
                       pivot, "invoice.pivot");
    EXPECT_EQ(unknown.status, "failed");
    EXPECT_NE(unknown.error.value_or("").find("unknown partner 'NOBODY'"), std::string::npos);
}

TEST_F(EdifactActivitiesTest, SplitSubmitsOneJobPerMessageWithItsParent) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"edi-one","steps":[{"activity":"edifact.to_pivot"}]})", "one.json"));
    auto j = run(R"({"name":"edi-split","steps":[{"activity":"edifact.split","with":{"flow":"edi-one"}}]})",
                 kSamples + "orders_d96a_unoc.edi", "orders.edi", {{"partner", "HYPER"}});
    ASSERT_EQ(j.status, "succeeded") << j.error.value_or("");
    auto children = client_->jobs().list({.flow = "edi-one"});
    ASSERT_TRUE(children);
    ASSERT_EQ(children->size(), 2u);
    std::set<std::string> refs;
    for (const auto& c : *children) {
        EXPECT_EQ(c.params.at("parent_job"), std::to_string(j.id));
        EXPECT_EQ(c.partner.value_or(""), "HYPER");
        refs.insert(c.params.at("message_ref"));
        auto inputs = client_->jobs().inputs(c.id);
        ASSERT_TRUE(inputs && inputs->size() == 1u);
        const std::string piece = readFile(client_->store().absolutePath((*inputs)[0].storePath));
        EXPECT_NE(piece.find("UNZ+1+HC0000000042'"), std::string::npos) << piece;
    }
    EXPECT_EQ(refs, (std::set<std::string>{"1", "2"}));
    bool parentKept = false;
    for (const auto& d : j.documents) parentKept = parentKept || (d.name == "orders.edi" && d.direction == "in");
    EXPECT_TRUE(parentKept) << "the interchange stays the parent job's document";
}

TEST_F(EdifactActivitiesTest, SplitOfABadInterchangeMakesNoJob) {
    ASSERT_TRUE(client_->importFlow(R"({"name":"edi-one","steps":[{"activity":"edifact.to_pivot"}]})", "one.json"));
    const std::string bad = db_->dir() + "/bad.edi";
    std::string text = readFile(kSamples + "orders_d96a_unoc.edi");
    text.replace(text.find("UNZ+2+"), 6, "UNZ+3+");
    writeFile(bad, text);
    auto j = run(R"({"name":"edi-split","steps":[{"activity":"edifact.split","with":{"flow":"edi-one"}}]})", bad, "bad.edi");
    EXPECT_EQ(j.status, "failed");
    EXPECT_TRUE(client_->jobs().list({.flow = "edi-one"})->empty()) << "the messages before the fault made no job";
    EXPECT_NE(output(j, "CONTRL-bad.edi").find("UCI+HC0000000042+3012345100014:14+3012345000000:14+4+29+UNZ+1:1'"),
              std::string::npos);
}
