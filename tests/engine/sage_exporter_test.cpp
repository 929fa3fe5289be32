// SageExporter against the emulated Sage 100 database through ODBC, and the
// settings parser shared by every face.
#include <gtest/gtest.h>

#include <filesystem>

#include "formats/pivot_reader.h"
#include "sage/sage_connector.h"
#include "sage_test_database.h"
#include "test_database.h"

using namespace relais;
using namespace relais::sage;
using relais::testing::SageTestDatabase;

namespace {

class SageExporterTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_SAGE_DATABASE(sage_);
        settings_.source = sage_->source();
        settings_.ownGln = "3012345000000";
        settings_.ownName = "LAITERIE DES ALPES";
        dir_ = relais::testing::makeTempDir();
        criteria_.outDir = dir_;
    }
    void TearDown() override {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    ExportReport exportWith(const ExportCriteria& c) {
        auto conn = SageConnector::open(settings_);
        EXPECT_TRUE(conn.isOk()) << conn.status().message();
        if (!conn) return {};
        auto r = (*conn)->exportDocuments(c);
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r ? std::move(r).value() : ExportReport{};
    }
    pivot::PivotFile readBack(const std::string& path) {
        auto f = pivot::readPivotFile(path);
        EXPECT_TRUE(f.isOk()) << f.status().message();
        return f ? std::move(f).value() : pivot::PivotFile{};
    }

    std::unique_ptr<SageTestDatabase> sage_;
    SageSettings settings_;
    ExportCriteria criteria_;
    std::string dir_;
};

}  // namespace

TEST_F(SageExporterTest, ExportsEachInvoiceOnceAsAnInvoicPivotFile) {
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].piece, "FA00001");
    EXPECT_EQ(r.documents[1].piece, "FA00002");
    ASSERT_EQ(r.files.size(), 2u);
    EXPECT_EQ(r.files[0], dir_ + "/INVOIC_FA00001.pivot");
    const pivot::PivotFile f = readBack(r.files[0]);
    ASSERT_EQ(f.documents.size(), 1u);
    const pivot::Document& d = f.documents[0];
    EXPECT_EQ(d.message, pivot::Message::Invoic);
    EXPECT_EQ(d.number, "FA00001");
    EXPECT_EQ(d.date, "2024-03-05");
    EXPECT_EQ(d.reference("ON")->value, "CMD-HC-0001");
    EXPECT_EQ(d.reference("DQ")->value, "BL00001");
    EXPECT_EQ(d.party("SU")->gln, "3012345000000");
    EXPECT_EQ(d.party("BY")->gln, "3012345100014");
    EXPECT_EQ(d.party("BY")->name, "HYPER DU CENTRE");
    EXPECT_EQ(d.party("BY")->country, "FR");
    EXPECT_EQ(d.party("DP")->gln, "3012345200011");
    EXPECT_EQ(d.party("IV"), nullptr) << "the customer pays for itself";
    ASSERT_EQ(d.lines.size(), 2u);
    EXPECT_EQ(d.lines[0].gtin, "3760000000017");
    EXPECT_EQ(d.lines[0].buyerItem, "HC-1001");
    EXPECT_EQ(d.lines[0].supplierItem, "YAOURT-NAT");
    EXPECT_EQ(d.lines[0].quantity("47")->value.toString(), "12");
    EXPECT_EQ(d.lines[0].price("AAA")->value.toString(), "1.95");
    EXPECT_EQ(d.lines[0].taxes[0].code, "C01");
    EXPECT_EQ(d.lines[0].taxes[0].category, "AA");
    EXPECT_EQ(d.lines[0].amount("203")->value.toString(), "23.4");
    EXPECT_EQ(d.total("79")->value.toString(), "40.5");
    EXPECT_EQ(d.total("77")->value.toString(), "42.7275");
    ASSERT_EQ(d.taxSummaries.size(), 1u);
    EXPECT_EQ(d.taxSummaries[0].rate->toString(), "5.5");
    // FA00002: C0003 pays for C0002.
    const pivot::PivotFile f2 = readBack(r.files[1]);
    const pivot::Document& d2 = f2.documents[0];
    EXPECT_EQ(d2.party("IV")->gln, "3012345100038");
    EXPECT_EQ(sage_->scalar("SELECT GROUP_CONCAT(CONCAT_WS(':', DO_Type, DO_Piece, RE_File) ORDER BY DO_Piece) FROM RELAIS_EXPORT"),
              "6:FA00001:INVOIC_FA00001.pivot,7:FA00002:INVOIC_FA00002.pivot");
    // Sage's own columns are untouched, and nothing goes out twice.
    EXPECT_EQ(sage_->scalar("SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Imprim <> 0 OR DO_Transfere <> 0"), "0");
    auto again = exportWith(criteria_);
    EXPECT_TRUE(again.documents.empty());
    EXPECT_TRUE(again.files.empty());
}

TEST_F(SageExporterTest, FiltersByCustomerAndDates) {
    criteria_.customer = "C0002";
    auto byCustomer = exportWith(criteria_);
    ASSERT_EQ(byCustomer.documents.size(), 1u);
    EXPECT_EQ(byCustomer.documents[0].piece, "FA00002");
    criteria_.customer.clear();
    criteria_.from = "2024-03-06";
    criteria_.to = "2024-03-06";
    EXPECT_TRUE(exportWith(criteria_).documents.empty()) << "FA00002 went out already";
    criteria_.from = "2024-03-01";
    criteria_.to = "2024-03-04";
    EXPECT_TRUE(exportWith(criteria_).documents.empty()) << "FA00001 is of the 5th";
    criteria_.to = "2024-03-05";
    auto byDates = exportWith(criteria_);
    ASSERT_EQ(byDates.documents.size(), 1u);
    EXPECT_EQ(byDates.documents[0].piece, "FA00001");
}

TEST_F(SageExporterTest, DeliveryNotesBecomeDespatchAdvicesWithoutPrices) {
    criteria_.types = {"delivery"};
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 1u);
    const pivot::PivotFile f = readBack(r.files[0]);
    const pivot::Document& d = f.documents[0];
    EXPECT_EQ(d.message, pivot::Message::Desadv);
    EXPECT_EQ(d.number, "BL00001");
    EXPECT_EQ(d.dateOf("11")->value, "2024-03-04");
    EXPECT_EQ(d.dateOf("17")->value, "2024-03-05");
    EXPECT_EQ(d.lines[1].quantity("12")->value.toString(), "15");
    EXPECT_TRUE(d.lines[1].prices.empty());
    EXPECT_TRUE(d.totals.empty());
}

TEST_F(SageExporterTest, OneFilePerRunHoldsEveryDocumentAndARunAgainExportsTheSame) {
    criteria_.oneFile = true;
    criteria_.run = "job-42";
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.files.size(), 1u);
    EXPECT_EQ(r.files[0], dir_ + "/INVOIC_job-42.pivot");
    EXPECT_EQ(readBack(r.files[0]).documents.size(), 2u);
    // The same run again (a job step run twice): the same documents.
    std::filesystem::remove(r.files[0]);
    auto rerun = exportWith(criteria_);
    EXPECT_EQ(rerun.documents.size(), 2u);
    EXPECT_EQ(readBack(rerun.files[0]).documents.size(), 2u);
    // Another run: nothing.
    criteria_.run = "job-43";
    EXPECT_TRUE(exportWith(criteria_).documents.empty());
}

TEST_F(SageExporterTest, AnImportedOrderExportsBackWithItsLines) {
    settings_.genericItem = "ARTGENERIQUE";
    const std::string in = dir_ + "/in.pivot";
    relais::testing::writeFile(in, "PIVOT;1;UTF-8\nDOC;ORDERS;CMD-RT-1;2024-04-02\nDAT;2;2024-04-04\n"
                                   "PAR;BY;3012345100021\nPAR;SU;3012345000000\nPAR;DP;3012345200035\n"
                                   "LIN;1;3760000000062\nQTY;21;3;PCE\nPRI;AAA;14,5\nTAX;VAT;20\n"
                                   "LIN;2;3760000000079\nQTY;21;10;PCE\nPRI;AAB;6.80\nALC;A;DI;10\nTAX;VAT;20\nEND;2\n");
    auto conn = SageConnector::open(settings_);
    ASSERT_TRUE(conn.isOk()) << conn.status().message();
    auto imported = (*conn)->importFile(in);
    ASSERT_TRUE(imported.isOk()) << imported.status().message();
    ASSERT_EQ(imported->documents[0].status, "imported") << imported->documents[0].error;
    criteria_.types = {"order"};
    criteria_.charset = pivot::Charset::Latin1;
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 1u);
    const pivot::PivotFile f = readBack(r.files[0]);
    EXPECT_EQ(f.charset, pivot::Charset::Latin1);
    const pivot::Document& d = f.documents[0];
    EXPECT_EQ(d.message, pivot::Message::Orders);
    EXPECT_EQ(d.reference("ON")->value, "CMD-RT-1");
    EXPECT_EQ(d.dateOf("2")->value, "2024-04-04");
    EXPECT_EQ(d.party("BY")->name, "SUPERMARCHÉ DU LAC");
    EXPECT_EQ(d.party("DP")->gln, "3012345200035");
    ASSERT_EQ(d.lines.size(), 2u);
    EXPECT_EQ(d.lines[0].gtin, "3760000000062");
    EXPECT_EQ(d.lines[0].quantity("21")->value.toString(), "3");
    EXPECT_EQ(d.lines[0].taxes[0].code, "C00");
    EXPECT_EQ(d.lines[1].price("AAB")->value.toString(), "6.8");
    EXPECT_EQ(d.lines[1].price("AAA")->value.toString(), "6.12");
    EXPECT_EQ(d.lines[1].allowances[0].percent->toString(), "10");
    EXPECT_EQ(d.lines[1].amount("203")->value.toString(), "61.2");
}

TEST_F(SageExporterTest, AnItemWithoutEanAndACustomerWithoutGlnAreExportedWithWarnings) {
    sage_->sql("UPDATE F_ARTICLE SET AR_CodeBarre = '' WHERE AR_Ref = 'TOMME-1K'; "
               "UPDATE F_COMPTET SET CT_EdiCode = '' WHERE CT_Num = 'C0002'");
    criteria_.customer = "C0002";
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 1u);
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_EQ(r.warnings[0], "document FA00002: C0002 has no valid GLN in CT_EdiCode ('')");
    EXPECT_EQ(r.warnings[1],
              "document FA00002 line 1: item TOMME-1K has no valid EAN (AR_CodeBarre, AR_EdiCode): identified by its code only");
    const pivot::PivotFile f = readBack(r.files[0]);
    const pivot::Document& d = f.documents[0];
    EXPECT_EQ(d.party("BY")->code, "C0002");
    EXPECT_EQ(d.lines[0].supplierItem, "TOMME-1K");
}

TEST_F(SageExporterTest, CreditNotesBecomeInvoic381WithPositiveQuantitiesAndAmounts) {
    // Sage may keep a credit note's quantities negative: the pivot's are positive, its name code says "credit".
    sage_->sql("UPDATE F_DOCLIGNE SET DL_Qte = -DL_Qte, DL_MontantHT = -DL_MontantHT, DL_MontantTTC = -DL_MontantTTC "
               "WHERE DO_Piece = 'FA00003'");
    criteria_.types = {"credit_note"};
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].piece, "AV00001");
    EXPECT_EQ(r.documents[0].kind, "credit_note");
    EXPECT_EQ(r.documents[0].nameCode, "381");
    EXPECT_EQ(r.documents[1].piece, "FA00003") << "a posted invoice of DO_Provenance 2 (facture d'avoir) is a credit note";
    EXPECT_EQ(r.files[0], dir_ + "/INVOIC_AV00001.pivot");
    const pivot::Document av = readBack(r.files[0]).documents[0];
    EXPECT_EQ(av.message, pivot::Message::Invoic);
    EXPECT_EQ(av.nameCode, "381");
    EXPECT_EQ(av.reference("ON")->value, "CMD-HC-0001");
    EXPECT_EQ(av.party("BY")->gln, "3012345100014");
    EXPECT_EQ(av.lines[0].quantity("47")->value.toString(), "2");
    EXPECT_EQ(av.total("79")->value.toString(), "3.9");
    const pivot::Document fa = readBack(r.files[1]).documents[0];
    EXPECT_EQ(fa.nameCode, "381");
    EXPECT_EQ(fa.lines[0].quantity("47")->value.toString(), "1");
    EXPECT_EQ(fa.lines[0].amount("203")->value.toString(), "14.5");
    EXPECT_EQ(fa.total("77")->value.toString(), "17.4");
    EXPECT_EQ(fa.party("IV")->gln, "3012345100038");
    EXPECT_EQ(sage_->scalar("SELECT GROUP_CONCAT(CONCAT_WS(':', DO_Domaine, DO_Type, DO_Piece) ORDER BY DO_Piece) FROM RELAIS_EXPORT"),
              "0:5:AV00001,0:7:FA00003");
    // Invoices and credit notes stay apart: the invoices are still to export, the credit notes not again.
    criteria_.types = {"invoice", "credit_note"};
    criteria_.oneFile = true;
    criteria_.run = "both";
    auto both = exportWith(criteria_);
    ASSERT_EQ(both.documents.size(), 2u);
    EXPECT_EQ(both.documents[0].kind, "invoice");
    EXPECT_EQ(both.documents[1].kind, "invoice");
    EXPECT_EQ(both.files[0], dir_ + "/INVOIC_both.pivot");
}

TEST_F(SageExporterTest, PurchaseOrdersGoToTheSupplierWithTheCompanyAsBuyer) {
    criteria_.domain = Domain::Purchases;
    criteria_.types = {"order"};
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].piece, "CF00001");
    EXPECT_EQ(r.documents[0].domain, "purchases");
    EXPECT_EQ(r.documents[0].thirdParty, "F0002");
    EXPECT_EQ(r.files[0], dir_ + "/ORDERS_CF00001.pivot");
    const pivot::Document d = readBack(r.files[0]).documents[0];
    EXPECT_EQ(d.message, pivot::Message::Orders);
    EXPECT_EQ(d.nameCode, "220");
    EXPECT_EQ(d.party("BY")->gln, "3012345000000");
    EXPECT_EQ(d.party("BY")->name, "LAITERIE DES ALPES");
    EXPECT_EQ(d.party("SU")->gln, "3012345300025");
    EXPECT_EQ(d.party("SU")->name, "COOPÉRATIVE LAITIÈRE");
    EXPECT_EQ(d.party("DP")->name, "Dépôt principal") << "delivered to our depot";
    EXPECT_EQ(d.party("DP")->city, "Annecy");
    EXPECT_EQ(d.dateOf("2")->value, "2024-03-07");
    EXPECT_EQ(d.reference("ACD")->value, "CDE-ALPES-12");
    ASSERT_EQ(d.lines.size(), 2u);
    EXPECT_EQ(d.lines[0].gtin, "3760000000031");
    EXPECT_EQ(d.lines[0].supplierItem, "COOP-L1") << "the supplier's code (AF_RefFourniss)";
    EXPECT_EQ(d.lines[0].buyerItem, "LAIT-1L") << "our code (AR_Ref)";
    EXPECT_EQ(d.lines[0].quantity("21")->value.toString(), "200");
    EXPECT_EQ(d.lines[0].price("AAA")->value.toString(), "0.68");
    EXPECT_EQ(d.lines[0].taxes[0].code, "D01");
    EXPECT_EQ(sage_->scalar("SELECT CONCAT_WS(':', DO_Domaine, DO_Type, DO_Piece) FROM RELAIS_EXPORT"), "1:12:CF00001");
    // A sales export does not see purchases, and the order goes out once.
    criteria_.domain = Domain::Sales;
    auto sales = exportWith(criteria_);
    EXPECT_TRUE(sales.documents.empty());
    criteria_.domain = Domain::Purchases;
    EXPECT_TRUE(exportWith(criteria_).documents.empty());
}

TEST_F(SageExporterTest, PurchaseReceiptsInvoicesAndCreditNotesNameTheSuppliersDocuments) {
    criteria_.domain = Domain::Purchases;
    criteria_.types = {"delivery", "invoice", "credit_note"};
    criteria_.customer = "F0002";
    auto r = exportWith(criteria_);
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.files[0], dir_ + "/DESADV_LF00001.pivot");
    const pivot::Document bl = readBack(r.files[0]).documents[0];
    EXPECT_EQ(bl.message, pivot::Message::Desadv);
    EXPECT_EQ(bl.reference("AAK")->value, "BL-COOP-5521") << "the supplier's delivery note";
    EXPECT_EQ(bl.reference("ON")->value, "CF00001") << "our purchase order";
    EXPECT_EQ(bl.lines[1].quantity("12")->value.toString(), "60");
    const pivot::Document fa = readBack(r.files[1]).documents[0];
    EXPECT_EQ(fa.number, "FF00001");
    EXPECT_EQ(fa.nameCode, "380");
    EXPECT_EQ(fa.reference("IV")->value, "FAC-COOP-881");
    EXPECT_EQ(fa.reference("DQ")->value, "LF00001");
    EXPECT_EQ(fa.party("SU")->gln, "3012345300025");
    EXPECT_EQ(fa.total("79")->value.toString(), "229");
    const pivot::Document av = readBack(r.files[2]).documents[0];
    EXPECT_EQ(av.number, "AF00001");
    EXPECT_EQ(av.nameCode, "381");
    EXPECT_EQ(av.lines[0].quantity("47")->value.toString(), "5");
    EXPECT_EQ(sage_->scalar("SELECT GROUP_CONCAT(DO_Type ORDER BY DO_Type) FROM RELAIS_EXPORT WHERE DO_Domaine = 1"), "13,15,17");
}

TEST_F(SageExporterTest, AMissingFolderOrCompanyIsRefusedBeforeAnything) {
    criteria_.outDir = dir_ + "/missing";
    auto conn = SageConnector::open(settings_);
    ASSERT_TRUE(conn.isOk());
    auto r = (*conn)->exportDocuments(criteria_);
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().message(), "export folder " + dir_ + "/missing does not exist");
    settings_.ownGln.clear();
    settings_.ownName.clear();
    criteria_.outDir = dir_;
    auto noCompany = SageConnector::open(settings_);
    auto r2 = (*noCompany)->exportDocuments(criteria_);
    ASSERT_FALSE(r2.isOk());
    EXPECT_NE(r2.status().message().find("own_gln (or own_name) is not set"), std::string::npos);
    EXPECT_EQ(sage_->scalar("SELECT COUNT(*) FROM RELAIS_EXPORT"), "0");
}

// ------------------------------------------------------------------ settings

TEST(SageSettings, ReadsEveryImportSetting) {
    auto s = parseSageSettings(nlohmann::json::parse(R"({"dsn":"sage","user":"edi","password":"pw","domain":"purchases",
        "document_type":"invoice","generic_supplier":"FR99999999","generic_item":"ARTGENERIQUE",
        "create_delivery_places":true,"prices":"sage","depot":2,"souche":1})"),
                               SettingsUse::Import);
    ASSERT_TRUE(s.isOk()) << s.status().message();
    EXPECT_EQ(s->source.dsn, "sage");
    EXPECT_EQ(s->domain, Domain::Purchases);
    EXPECT_EQ(s->documentType, 16);
    EXPECT_EQ(s->genericSupplier, "FR99999999");
    EXPECT_TRUE(s->createDeliveryPlaces);
    EXPECT_EQ(s->prices, PriceSource::Sage);
    EXPECT_EQ(s->depot, 2);
    EXPECT_EQ(s->souche, 1);
    auto sales = parseSageSettings(nlohmann::json::parse(R"({"dsn":"sage","document_type":"delivery"})"), SettingsUse::Import);
    EXPECT_EQ(sales->documentType, 3);
}

TEST(SageSettings, RefusesUnknownKeysAndBadValuesNamingThem) {
    auto err = [](const char* json, SettingsUse use = SettingsUse::Import) {
        auto s = parseSageSettings(nlohmann::json::parse(json), use);
        return s ? std::string("accepted") : s.status().message();
    };
    EXPECT_EQ(err(R"({"user":"edi"})"), "dsn is missing");
    EXPECT_EQ(err(R"({"dsn":"s","prices":"cheap"})"), "prices 'cheap' is not one of \"pivot\", \"sage\"");
    EXPECT_EQ(err(R"({"dsn":"s","document_type":"preparation"})"), "document_type 'preparation' is for purchases only");
    EXPECT_EQ(err(R"({"dsn":"s","souche":100})"), "souche must be a whole number from 0 to 99");
    EXPECT_EQ(err(R"({"dsn":"s","create_delivery_places":"yes"})"), "create_delivery_places must be true or false");
    EXPECT_NE(err(R"({"dsn":"s","type":"invoice"})").find("type is not a setting here (known: dsn, user, password, domain"),
              std::string::npos);
    EXPECT_EQ(err(R"({"dsn":"s","own_gln":"3012345000001"})", SettingsUse::Export),
              "own_gln '3012345000001' is not a valid GLN: the check digit should be 0");
    EXPECT_EQ(err(R"({"dsn":"s","from":"2024-13-01"})", SettingsUse::Export), "from '2024-13-01' is not a date (YYYY-MM-DD)");
    EXPECT_EQ(err(R"({"dsn":"s","from":"2024-03-02","to":"2024-03-01"})", SettingsUse::Export),
              "to '2024-03-01' is before from '2024-03-02'");
}

TEST(SageSettings, ExportCriteriaNeedAnAbsoluteFolder) {
    auto c = parseExportCriteria(nlohmann::json::parse(R"({"type":"delivery","out":"/tmp/x","one_file":true,"charset":"ISO-8859-1"})"));
    ASSERT_TRUE(c.isOk()) << c.status().message();
    EXPECT_EQ(c->types, std::vector<std::string>{"delivery"});
    EXPECT_EQ(c->domain, Domain::Sales);
    EXPECT_TRUE(c->oneFile);
    EXPECT_EQ(c->charset, pivot::Charset::Latin1);
    EXPECT_EQ(parseExportCriteria(nlohmann::json::parse(R"({"type":"invoice"})")).status().message(), "out is missing");
    EXPECT_EQ(parseExportCriteria(nlohmann::json::parse(R"({"out":"rel/dir"})")).status().message(),
              "out 'rel/dir' must be an absolute folder path");
    EXPECT_EQ(parseExportCriteria(nlohmann::json::parse(R"({"out":"/x","type":"invoice,quote"})")).status().message(),
              "type 'quote' is not one of \"invoice\", \"credit_note\", \"delivery\", \"order\" (or several separated by commas)");
    auto both = parseExportCriteria(nlohmann::json::parse(R"({"out":"/x","type":"invoice, credit_note","domain":"purchases"})"));
    ASSERT_TRUE(both.isOk()) << both.status().message();
    EXPECT_EQ(both->types, (std::vector<std::string>{"invoice", "credit_note"}));
    EXPECT_EQ(both->domain, Domain::Purchases);
    EXPECT_EQ(parseExportCriteria(nlohmann::json::parse(R"({"out":"/x","domain":"stock"})")).status().message(),
              "domain 'stock' is not one of \"sales\", \"purchases\"");
}

TEST(SageSettings, ReadsTheSageSectionOfTheConfigurationFile) {
    const std::string dir = relais::testing::makeTempDir();
    relais::testing::writeFile(dir + "/sage-password", "s3cret\n");
    IniSections ini = {{"sage",
                        {{"dsn", "relais_sage_demo"},
                         {"user", "relais_sage"},
                         {"password_file", dir + "/sage-password"},
                         {"own_gln", "3012345000000"},
                         {"generic_item", "ARTGENERIQUE"},
                         {"create_delivery_places", "yes"},
                         {"depot", "2"},
                         {"export_dir", "/srv/relais/sage-export"}}}};
    auto s = sageSettingsFromConfig(ini, "relais.ini");
    ASSERT_TRUE(s.isOk()) << s.status().message();
    EXPECT_EQ(s->source.dsn, "relais_sage_demo");
    EXPECT_EQ(s->source.password, "s3cret");
    EXPECT_EQ(s->ownGln, "3012345000000");
    EXPECT_TRUE(s->createDeliveryPlaces);
    EXPECT_EQ(s->depot, 2);
    EXPECT_EQ(s->documentType, 1);
    // The caller's choices over the file's.
    auto purchases = sageSettingsFromConfig(ini, "relais.ini", {{"domain", "purchases"}, {"document_type", "invoice"}});
    ASSERT_TRUE(purchases.isOk()) << purchases.status().message();
    EXPECT_EQ(purchases->documentType, 16);
    EXPECT_EQ(sageSettingsFromConfig(ini, "relais.ini", {{"password", "x"}}).status().message(),
              "password comes from relais.ini [sage] and cannot be given here");
    auto bad = [&](const std::string& key, const std::string& value) {
        IniSections copy = ini;
        copy["sage"][key] = value;
        auto r = sageSettingsFromConfig(copy, "relais.ini");
        return r ? std::string("accepted") : r.status().message();
    };
    EXPECT_EQ(bad("prices", "cheap"), "relais.ini [sage] prices 'cheap' is not one of \"pivot\", \"sage\"");
    EXPECT_EQ(bad("depot", "main"), "relais.ini [sage] depot 'main' is not a whole number");
    EXPECT_EQ(bad("password_file", dir + "/missing"),
              "relais.ini [sage] password_file " + dir + "/missing cannot be read (or is empty)");
    auto none = sageSettingsFromConfig({{"database", {}}}, "relais.ini");
    EXPECT_EQ(none.status().code(), Code::NotFound);
    EXPECT_NE(none.status().message().find("relais.ini has no [sage] section"), std::string::npos);
    std::filesystem::remove_all(dir);
}
