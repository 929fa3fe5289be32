// SageImporter against the emulated Sage 100 database, through unixODBC and
// the MariaDB ODBC driver (tests/run.sh configures the DSN).
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "formats/pivot_reader.h"
#include "sage/sage_connector.h"
#include "sage_test_database.h"
#include "test_database.h"

using namespace relais;
using namespace relais::sage;
using relais::testing::SageTestDatabase;

namespace {

const char* kHyper = "3012345100014";      // C0001
const char* kVilleurbanne = "3012345200028";  // LI_No 2 of C0001
const char* kYaourt = "3760000000017";     // YAOURT-NAT, 2.10, HC-1001 / 1.95 for C0001
const char* kLait = "3760000000031";       // LAIT-1L, 1.15 (1.10 - 2 % for C0001)
const char* kKefir = "3760000000109";      // KEFIR-50, by AR_EdiCode only
const char* kUnknownEan = "3760000000222";
const char* kUnknownGln = "3012345900027";

// A pivot file of one document; `lines` are the records after the header.
std::string pivotOf(const std::string& number, const std::string& buyer, const std::string& lines, int lineCount,
                    const std::string& extraHeader = "", const std::string& message = "ORDERS") {
    return "PIVOT;1;UTF-8\nDOC;" + message + ";" + number + ";2024-03-01;;9;EUR\nDAT;2;2024-03-05\n" +
           "PAR;BY;" + buyer + "\nPAR;SU;3012345000000;LAITERIE DES ALPES\n" + extraHeader + lines +
           "END;" + std::to_string(lineCount) + "\n";
}

std::string orderLine(int n, const std::string& ean, const std::string& qty, const std::string& price = "") {
    return "LIN;" + std::to_string(n) + ";" + ean + "\nQTY;21;" + qty + ";PCE\n" + (price.empty() ? "" : "PRI;AAA;" + price + "\n");
}

class SageImporterTest : public ::testing::Test {
protected:
    void SetUp() override {
        RELAIS_REQUIRE_SAGE_DATABASE(sage_);
        settings_.source = sage_->source();
        dir_ = relais::testing::makeTempDir();
    }
    void TearDown() override {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }

    std::unique_ptr<SageConnector> connector() {
        auto c = SageConnector::open(settings_);
        EXPECT_TRUE(c.isOk()) << c.status().message();
        return c ? std::move(c).value() : nullptr;
    }
    // Imports pivot text; the run itself must not fail.
    ImportReport import(const std::string& text, const std::string& name = "orders.pivot") {
        const std::string path = dir_ + "/" + name;
        relais::testing::writeFile(path, text);
        auto c = connector();
        if (!c) return {};
        auto r = c->importFile(path);
        EXPECT_TRUE(r.isOk()) << r.status().message();
        return r ? std::move(r).value() : ImportReport{};
    }
    std::string q(const std::string& sql) { return sage_->scalar(sql); }
    std::string counter(int domain = 0, int col = 1) {
        return q("SELECT DC_Piece FROM F_DOCCURRENTPIECE WHERE DC_Domaine = " + std::to_string(domain) +
                 " AND DC_IdCol = " + std::to_string(col));
    }
    // The demo's documents and lines (sql/sage100/demo.sql).
    static constexpr const char* kDemoDocuments = "9/14";
    std::string documentCount() { return q("SELECT COUNT(*) FROM F_DOCENTETE") + "/" + q("SELECT COUNT(*) FROM F_DOCLIGNE"); }

    std::unique_ptr<SageTestDatabase> sage_;
    SageSettings settings_;
    std::string dir_;
};

}  // namespace

TEST_F(SageImporterTest, ImportsAnOrderForTheCustomerOfTheBuyerGlnAtItsDeliveryPlace) {
    auto r = import(pivotOf("CMD-HC-0042", kHyper,
                            orderLine(1, kYaourt, "24", "1.95") + orderLine(2, kLait, "12,5", "1.10"), 2,
                            std::string("PAR;DP;") + kVilleurbanne + "\n"));
    ASSERT_EQ(r.documents.size(), 1u);
    const auto& d = r.documents[0];
    EXPECT_EQ(d.status, "imported") << d.error;
    EXPECT_EQ(d.piece, "BC00001");
    EXPECT_EQ(d.thirdParty, "C0001");
    EXPECT_EQ(d.lines, 2);
    EXPECT_EQ(d.totalExclTax.toFixed(2), "60.55");
    EXPECT_TRUE(r.warnings.empty()) << r.warnings[0];
    EXPECT_EQ(q("SELECT CONCAT_WS('|', DO_Domaine, DO_Type, DO_Date, DO_Ref, DO_Tiers, CT_NumPayeur, LI_No, DE_No, "
                "DO_DateLivr, DO_Statut, DO_Tarif, CG_Num, DO_TotalHT, DO_TotalTTC) FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'"),
              "0|1|2024-03-01 00:00:00|CMD-HC-0042|C0001|C0001|2|1|2024-03-05 00:00:00|0|1|411000|60.550000|60.550000");
    EXPECT_EQ(q("SELECT GROUP_CONCAT(CONCAT_WS('|', DL_Ligne, AR_Ref, DL_Design, DL_Qte, EU_Enumere, DL_PrixUnitaire, "
                "DL_MontantHT, AC_RefClient, DE_No, DL_Valorise, DL_No > 0) ORDER BY DL_Ligne SEPARATOR ' / ') "
                "FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "1000|YAOURT-NAT|Yaourt nature 4x125 g|24.000000|PCE|1.950000|46.800000|HC-1001|1|1|1 / "
              "2000|LAIT-1L|Lait entier 1 L|12.500000|PCE|1.100000|13.750000|HC-2001|1|1|1");
    EXPECT_EQ(counter(), "BC00002");
    EXPECT_EQ(q("SELECT CONCAT_WS('|', CT_Num, RI_Reference, DO_Piece) FROM RELAIS_IMPORT"), "C0001|CMD-HC-0042|BC00001");
}

TEST_F(SageImporterTest, ImportingTheSameDocumentTwiceChangesNothing) {
    const std::string text = pivotOf("CMD-TWICE", kHyper, orderLine(1, kYaourt, "6", "2"), 1);
    auto first = import(text);
    ASSERT_EQ(first.documents[0].status, "imported");
    const std::string before = documentCount();
    auto second = import(text, "again.pivot");
    ASSERT_EQ(second.documents.size(), 1u);
    EXPECT_EQ(second.documents[0].status, "existing");
    EXPECT_EQ(second.documents[0].piece, first.documents[0].piece);
    EXPECT_EQ(documentCount(), before);
    EXPECT_EQ(counter(), "BC00002");
}

TEST_F(SageImporterTest, ADocumentEnteredInSageWithTheSameReferenceIsNotImportedAgain) {
    sage_->sql("INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Ref, DO_Tiers) VALUES (0, 1, 'BC00777', 'CMD-TYPED', 'C0001')");
    auto r = import(pivotOf("CMD-TYPED", kHyper, orderLine(1, kYaourt, "6"), 1));
    EXPECT_EQ(r.documents[0].status, "existing");
    EXPECT_EQ(r.documents[0].piece, "BC00777");
}

TEST_F(SageImporterTest, APieceNumberAlreadyTakenIsSteppedOver) {
    sage_->sql("INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Tiers) VALUES (0, 1, 'BC00001', 'C0002'), "
               "(0, 1, 'BC00002', 'C0002')");
    auto r = import(pivotOf("CMD-STEP", kHyper, orderLine(1, kYaourt, "1"), 1));
    EXPECT_EQ(r.documents[0].piece, "BC00003");
    EXPECT_EQ(counter(), "BC00004");
}

TEST_F(SageImporterTest, ItemsAreFoundByEdiCodeAndByTheBuyersItemCode) {
    auto r = import(pivotOf("CMD-CODES", kHyper,
                            orderLine(1, kKefir, "3") + "LIN;2;;HC-1001\nQTY;21;4\nLIN;3;;;BEURRE-250\nQTY;21;5\n", 3));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT GROUP_CONCAT(AR_Ref ORDER BY DL_Ligne) FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "KEFIR-50,YAOURT-NAT,BEURRE-250");
    // Without a pivot price, the customer's price (F_ARTCLIENT) or the item's.
    EXPECT_EQ(q("SELECT GROUP_CONCAT(DL_PrixUnitaire ORDER BY DL_Ligne) FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "1.850000,1.950000,2.950000");
}

TEST_F(SageImporterTest, PricesFromSageUseTheCustomersPriceAndDiscount) {
    settings_.prices = PriceSource::Sage;
    auto r = import(pivotOf("CMD-SAGEPRICE", kHyper, orderLine(1, kYaourt, "10", "9.99") + orderLine(2, kLait, "10", "9.99"), 2));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT GROUP_CONCAT(CONCAT_WS('|', DL_PrixUnitaire, DL_Remise01REM_Valeur, DL_Remise01REM_Type, DL_MontantHT) "
                "ORDER BY DL_Ligne SEPARATOR ' / ') FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "1.950000|0.000000|0|19.500000 / 1.100000|2.000000|1|10.780000");
}

TEST_F(SageImporterTest, AGrossPriceWithAnAllowanceBecomesASageDiscountAndTheTaxItsCode) {
    auto r = import(pivotOf("CMD-GROSS", kHyper,
                            "LIN;1;" + std::string(kYaourt) + "\nQTY;21;10\nPRI;AAB;2.00\nALC;A;DI;5\nTAX;VAT;5.5;AA\n", 1));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT CONCAT_WS('|', DL_PrixUnitaire, DL_Remise01REM_Valeur, DL_Remise01REM_Type, DL_MontantHT, "
                "DL_Taxe1, DL_CodeTaxe1, DL_MontantTTC) FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "2.000000|5.000000|1|19.000000|5.500000|C01|20.050000");
    EXPECT_EQ(q("SELECT CONCAT_WS('|', DO_TotalHT, DO_TotalTTC) FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'"),
              "19.000000|20.050000");
}

TEST_F(SageImporterTest, AnUnknownBuyerGlnFailsTheDocumentWithoutAGenericCustomer) {
    auto r = import(pivotOf("CMD-NOBODY", kUnknownGln, orderLine(1, kYaourt, "1"), 1));
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].status, "failed");
    EXPECT_NE(r.documents[0].error.find("unknown customer GLN 3012345900027 (PAR BY on line 4): no customer has this EDI "
                                        "code (CT_EdiCode) and no generic customer is configured (generic_customer)"),
              std::string::npos)
        << r.documents[0].error;
    EXPECT_NE(r.documents[0].error.find("orders.pivot line 2 (ORDERS CMD-NOBODY)"), std::string::npos) << r.documents[0].error;
    EXPECT_EQ(documentCount(), kDemoDocuments);
    EXPECT_EQ(counter(), "BC00001");
}

TEST_F(SageImporterTest, AnUnknownBuyerGlnGoesToTheGenericCustomerWithAWarning) {
    settings_.genericCustomer = "CL99999999";
    auto r = import(pivotOf("CMD-NOBODY", kUnknownGln, orderLine(1, kYaourt, "1"), 1));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(r.documents[0].thirdParty, "CL99999999");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("unknown customer GLN 3012345900027 (PAR BY on line 4): imported for the generic customer "
                                 "CL99999999"),
              std::string::npos)
        << r.warnings[0];
}

TEST_F(SageImporterTest, AnUnknownEanFailsTheDocumentWithoutAGenericItem) {
    auto r = import(pivotOf("CMD-NOITEM", kHyper, orderLine(1, kYaourt, "1") + orderLine(2, kUnknownEan, "1"), 2));
    EXPECT_EQ(r.documents[0].status, "failed");
    EXPECT_NE(r.documents[0].error.find("line 8 (LIN 2): unknown item EAN 3760000000222: no item has this AR_CodeBarre or "
                                        "AR_EdiCode and no generic item is configured (generic_item)"),
              std::string::npos)
        << r.documents[0].error;
    EXPECT_EQ(documentCount(), kDemoDocuments);
}

TEST_F(SageImporterTest, AnUnknownEanBecomesTheGenericItemNamedByItsEan) {
    settings_.genericItem = "ARTGENERIQUE";
    auto r = import(pivotOf("CMD-NOITEM", kHyper, orderLine(1, kUnknownEan, "2", "3.5"), 1));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT CONCAT_WS('|', AR_Ref, DL_Design, DL_PrixUnitaire) FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'"),
              "ARTGENERIQUE|EAN 3760000000222|3.500000");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("unknown item EAN 3760000000222 (no item has this AR_CodeBarre or AR_EdiCode): imported "
                                 "as the generic item ARTGENERIQUE"),
              std::string::npos)
        << r.warnings[0];
}

TEST_F(SageImporterTest, ADormantItemIsTreatedAsUnknown) {
    auto r = import(pivotOf("CMD-DORMANT", kHyper, orderLine(1, "3760000000994", "1"), 1));
    EXPECT_EQ(r.documents[0].status, "failed");
    EXPECT_NE(r.documents[0].error.find("item ANCIEN-PROD is dormant (AR_Sommeil)"), std::string::npos) << r.documents[0].error;
}

TEST_F(SageImporterTest, AZeroQuantityOrANegativePriceFailsTheDocument) {
    auto zero = import(pivotOf("CMD-ZERO", kHyper, orderLine(1, kYaourt, "0"), 1));
    EXPECT_EQ(zero.documents[0].status, "failed");
    EXPECT_NE(zero.documents[0].error.find("line 6 (LIN 1): quantity 0 (QTY 21): a line must have a quantity above zero"),
              std::string::npos)
        << zero.documents[0].error;
    auto negative = import(pivotOf("CMD-NEG", kHyper, orderLine(1, kYaourt, "1", "-1,5"), 1), "neg.pivot");
    EXPECT_EQ(negative.documents[0].status, "failed");
    EXPECT_NE(negative.documents[0].error.find("line 6 (LIN 1): negative price -1.5 (PRI AAA)"), std::string::npos)
        << negative.documents[0].error;
    EXPECT_EQ(documentCount(), kDemoDocuments);
}

TEST_F(SageImporterTest, ABadPivotFileImportsNothingAndNamesLineFieldAndValue) {
    const std::string text = pivotOf("CMD-OK", kHyper, orderLine(1, kYaourt, "1"), 1) +
                             "DOC;ORDERS;CMD-BAD;2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n"
                             "LIN;1;3760000000017\nQTY;21;1O\nEND;1\n";
    relais::testing::writeFile(dir_ + "/bad.pivot", text);
    auto r = connector()->importFile(dir_ + "/bad.pivot");
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Code::InvalidArgument);
    EXPECT_EQ(r.status().message(), dir_ + "/bad.pivot line 13: QTY value (field 3) '1O' is not a number (digits, one '.' "
                                           "or ',' and an optional leading '-')");
    EXPECT_EQ(documentCount(), kDemoDocuments);
}

TEST_F(SageImporterTest, ADocumentWithNoLineImportsNothing) {
    relais::testing::writeFile(dir_ + "/empty.pivot", "PIVOT;1;UTF-8\nDOC;ORDERS;CMD-EMPTY;2024-03-01\n"
                                                      "PAR;BY;3012345100014\nPAR;SU;3012345000000\nEND;0\n");
    auto r = connector()->importFile(dir_ + "/empty.pivot");
    ASSERT_FALSE(r.isOk());
    EXPECT_NE(r.status().message().find("line 5: the document ORDERS CMD-EMPTY (line 2) has no line (LIN)"), std::string::npos)
        << r.status().message();
    EXPECT_EQ(documentCount(), kDemoDocuments);
}

TEST_F(SageImporterTest, EachDocumentOfAFileStandsAlone) {
    auto r = import(pivotOf("CMD-A", kHyper, orderLine(1, kYaourt, "1"), 1) +
                    std::string(pivotOf("CMD-B", kUnknownGln, orderLine(1, kYaourt, "1"), 1)).substr(14) +
                    std::string(pivotOf("CMD-C", "3012345100021", orderLine(1, kLait, "2"), 1)).substr(14));
    ASSERT_EQ(r.documents.size(), 3u);
    EXPECT_EQ(r.documents[0].status, "imported");
    EXPECT_EQ(r.documents[1].status, "failed");
    EXPECT_EQ(r.documents[2].status, "imported");
    EXPECT_EQ(r.documents[2].piece, "BC00002");
    EXPECT_EQ(r.documents[2].thirdParty, "C0002");
    EXPECT_EQ(r.documents[1].line, 9);
}

TEST_F(SageImporterTest, AnUnknownDeliveryGlnUsesTheMainPlaceOrIsCreatedWhenAllowed) {
    const std::string rennes = "PAR;DP;3012345200059;Entrepôt Rennes Nord;2 rue du Fret;;35000;Rennes;FR\n";
    auto main = import(pivotOf("CMD-DP1", "3012345100038", orderLine(1, kYaourt, "1"), 1, rennes));
    ASSERT_EQ(main.documents[0].status, "imported") << main.documents[0].error;
    EXPECT_EQ(q("SELECT LI_No FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'"), "4");
    ASSERT_EQ(main.warnings.size(), 1u);
    EXPECT_NE(main.warnings[0].find("unknown delivery place GLN 3012345200059 (PAR DP on line 6) for C0003: the customer's "
                                    "main delivery place LI_No 4 is used"),
              std::string::npos)
        << main.warnings[0];

    settings_.createDeliveryPlaces = true;
    auto created = import(pivotOf("CMD-DP2", "3012345100038", orderLine(1, kYaourt, "1"), 1, rennes), "dp2.pivot");
    ASSERT_EQ(created.documents[0].status, "imported") << created.documents[0].error;
    EXPECT_EQ(q("SELECT CONCAT_WS('|', LI_No, CT_Num, LI_Intitule, LI_Ville) FROM F_LIVRAISON WHERE LI_No = 6"),
              "6|C0003|Entrepôt Rennes Nord|Rennes");
    EXPECT_EQ(q("SELECT LI_No FROM F_DOCENTETE WHERE DO_Piece = 'BC00002'"), "6");
    EXPECT_EQ(q("SELECT LI_No FROM RELAIS_LIVRAISON_GLN WHERE RL_GLN = '3012345200059'"), "6");
    // Known from now on.
    auto again = import(pivotOf("CMD-DP3", "3012345100038", orderLine(1, kYaourt, "1"), 1, rennes), "dp3.pivot");
    EXPECT_EQ(q("SELECT LI_No FROM F_DOCENTETE WHERE DO_Piece = 'BC00003'"), "6");
    EXPECT_TRUE(again.warnings.empty());
}

TEST_F(SageImporterTest, ACreditNoteImportedAsAnInvoiceBecomesASageCreditNote) {
    settings_.documentType = 6;
    const std::string credit = "PIVOT;1;UTF-8\nDOC;INVOIC;CN-2024-7;2024-03-20;381\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n"
                               "LIN;1;3760000000017\nQTY;47;2\nPRI;AAA;1.95\nTAX;VAT;5.5\nEND;1\n";
    auto r = import(credit);
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(r.documents[0].piece, "AV00002") << "AV00001 is the demo's";
    EXPECT_EQ(q("SELECT CONCAT_WS('|', DO_Domaine, DO_Type, DO_Tiers, DO_TotalHT) FROM F_DOCENTETE WHERE DO_Piece = 'AV00002'"),
              "0|5|C0001|3.900000");
    EXPECT_EQ(counter(0, 5), "AV00003");
    EXPECT_EQ(import(credit).documents[0].status, "existing");
    // Imported as an order, a credit note is refused rather than turned into an order.
    settings_.documentType = 1;
    const std::string before = documentCount();
    auto refused = import(std::string(credit).replace(credit.find("CN-2024-7"), 9, "CN-2024-8"));
    ASSERT_EQ(refused.documents[0].status, "failed");
    EXPECT_NE(refused.documents[0].error.find("line 2 (INVOIC CN-2024-8): a credit note (DOC name_code 381) cannot become a "
                                              "Sage document of DO_Type 1: import it with document_type invoice or credit_note"),
              std::string::npos)
        << refused.documents[0].error;
    EXPECT_EQ(documentCount(), before);
}

TEST_F(SageImporterTest, ASupplierInvoiceBecomesAPurchaseInvoiceWithTheSuppliersItemCodes) {
    settings_.domain = Domain::Purchases;
    settings_.documentType = 16;
    const std::string text = "PIVOT;1;UTF-8\nDOC;INVOIC;F-2024-881;2024-03-02;380\nPAR;BY;3012345000000\n"
                             "PAR;SU;3012345300025;COOPÉRATIVE LAITIÈRE\n"
                             "LIN;1;3760000000031\nQTY;47;100\nPRI;AAA;0.68\nTAX;VAT;5.5\n"
                             "LIN;2;;;COOP-B250\nQTY;47;20\nEND;2\n";
    auto r = import(text);
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(r.documents[0].piece, "FF00002") << "FF00001 is the demo's purchase invoice";
    EXPECT_EQ(r.documents[0].thirdParty, "F0002");
    EXPECT_EQ(q("SELECT CONCAT_WS('|', DO_Domaine, DO_Type, DO_Tiers, DO_TotalHT) FROM F_DOCENTETE WHERE DO_Piece = 'FF00002'"),
              "1|16|F0002|99.000000");
    EXPECT_EQ(q("SELECT GROUP_CONCAT(CONCAT_WS('|', AR_Ref, AF_RefFourniss, DL_PrixUnitaire, DL_CodeTaxe1) ORDER BY DL_Ligne "
                "SEPARATOR ' / ') FROM F_DOCLIGNE WHERE DO_Piece = 'FF00002'"),
              "LAIT-1L|COOP-L1|0.680000|D01 / BEURRE-250|COOP-B250|1.550000|");
    EXPECT_EQ(counter(1, 6), "FF00003");
}

TEST_F(SageImporterTest, ALongDocumentNumberIsCutInDoRefButStillRecognisedTheNextTime) {
    const std::string number = "ORDER-2024-03-01-000123456";
    auto r = import(pivotOf(number, kHyper, orderLine(1, kYaourt, "1"), 1));
    ASSERT_EQ(r.documents[0].status, "imported");
    EXPECT_EQ(q("SELECT DO_Ref FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'"), "ORDER-2024-03-01-");
    EXPECT_EQ(r.warnings.size(), 1u);
    auto again = import(pivotOf(number, kHyper, orderLine(1, kYaourt, "1"), 1), "again.pivot");
    EXPECT_EQ(again.documents[0].status, "existing");
    EXPECT_EQ(again.documents[0].piece, "BC00001");
}

TEST_F(SageImporterTest, TwoImportersAtOnceNeverTakeTheSamePiece) {
    std::vector<std::string> files;
    for (int t = 0; t < 2; ++t) {
        std::string text = "PIVOT;1;UTF-8\n";
        for (int i = 0; i < 15; ++i)
            text += std::string(pivotOf("CMD-T" + std::to_string(t) + "-" + std::to_string(i), kHyper,
                                        orderLine(1, kYaourt, "1"), 1)).substr(14);
        files.push_back(dir_ + "/t" + std::to_string(t) + ".pivot");
        relais::testing::writeFile(files.back(), text);
    }
    std::vector<Result<ImportReport>> results(2, Status(Code::Internal, "not run"));
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&, t] {
            auto c = SageConnector::open(settings_);
            if (c) results[static_cast<size_t>(t)] = (*c)->importFile(files[static_cast<size_t>(t)]);
            else results[static_cast<size_t>(t)] = c.status();
        });
    for (auto& th : threads) th.join();
    std::set<std::string> pieces;
    for (const auto& r : results) {
        ASSERT_TRUE(r.isOk()) << r.status().message();
        for (const auto& d : r->documents) {
            EXPECT_EQ(d.status, "imported") << d.error;
            pieces.insert(d.piece);
        }
    }
    EXPECT_EQ(pieces.size(), 30u);
    EXPECT_EQ(counter(), "BC00031");
}

TEST_F(SageImporterTest, TheConnectorCreatesItsTablesWhenTheyAreMissing) {
    sage_->sql("DROP TABLE RELAIS_IMPORT; DROP TABLE RELAIS_EXPORT");
    auto r = import(pivotOf("CMD-TABLES", kHyper, orderLine(1, kYaourt, "1"), 1));
    EXPECT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT COUNT(*) FROM RELAIS_IMPORT"), "1");
    EXPECT_EQ(q("SELECT COUNT(*) FROM RELAIS_EXPORT"), "0");
}

TEST_F(SageImporterTest, AnUnknownDsnOrAWrongPasswordFailsBeforeAnything) {
    settings_.source = {"relais_no_such_dsn", "edi", "pw-secret-1"};
    auto none = SageConnector::open(settings_);
    ASSERT_FALSE(none.isOk());
    EXPECT_EQ(none.status().code(), Code::Config);
    EXPECT_NE(none.status().message().find("cannot connect to ODBC data source 'relais_no_such_dsn' as user 'edi'"),
              std::string::npos)
        << none.status().message();
    sage_->createUser("sage_gt_imp", "good-pw");
    settings_.source = sage_->source();
    settings_.source.user = "sage_gt_imp";
    settings_.source.password = "pw-wrong-2";
    auto wrong = SageConnector::open(settings_);
    ASSERT_FALSE(wrong.isOk());
    EXPECT_EQ(wrong.status().code(), Code::Config);
    EXPECT_NE(wrong.status().message().find("Access denied for user 'sage_gt_imp'"), std::string::npos) << wrong.status().message();
    EXPECT_EQ(wrong.status().message().find("pw-wrong-2"), std::string::npos);
}

namespace {

// A connection whose server session is killed (KILL CONNECTION, as when the
// server restarts or the network drops) just before the `killAt`-th line insert.
class DyingConnection final : public db::Connection {
public:
    DyingConnection(std::unique_ptr<db::Connection> real, const SageTestDatabase& sage, int killAt)
        : real_(std::move(real)), sage_(sage), killAt_(killAt) {
        id_ = real_->query("SELECT CONNECTION_ID()").value()[0].str(0);
    }
    Result<db::Rows> query(const std::string& sql, const db::Params& p) override { return real_->query(sql, p); }
    Result<uint64_t> execute(const std::string& sql, const db::Params& p) override {
        if (sql.rfind("INSERT INTO F_DOCLIGNE", 0) == 0 && ++lines_ == killAt_) sage_.sql("KILL CONNECTION " + id_);
        return real_->execute(sql, p);
    }
    uint64_t lastInsertId() override { return real_->lastInsertId(); }
    Status executeScript(const std::string& sql) override { return real_->executeScript(sql); }
    Status begin() override { return real_->begin(); }
    Status commit() override { return real_->commit(); }
    Status rollback() override { return real_->rollback(); }
    bool ping() override { return real_->ping(); }
    std::string dialect() const override { return real_->dialect(); }

private:
    std::unique_ptr<db::Connection> real_;
    const SageTestDatabase& sage_;
    int killAt_;
    int lines_ = 0;
    std::string id_;
};

}  // namespace

TEST_F(SageImporterTest, TheDatabaseGoingAwayMidDocumentLeavesNothingHalfWrittenAndIsTransient) {
    settings_.createDeliveryPlaces = true;
    const std::string text = pivotOf("CMD-OK", kHyper, orderLine(1, kYaourt, "1"), 1) +
                             std::string(pivotOf("CMD-CUT", kHyper,
                                                 orderLine(1, kYaourt, "1") + orderLine(2, kLait, "1") + orderLine(3, kKefir, "1"),
                                                 3, "PAR;DP;3012345200059\n"))
                                 .substr(14);
    auto file = pivot::readPivot(text, "cut.pivot");
    ASSERT_TRUE(file.isOk()) << file.status().message();
    auto c = SageConnector::open(settings_, std::make_unique<DyingConnection>(sage_->connect(), *sage_, 3));
    ASSERT_TRUE(c.isOk()) << c.status().message();
    auto r = (*c)->importPivot(*file, "cut.pivot");
    ASSERT_FALSE(r.isOk()) << "the import survived a killed connection";
    EXPECT_TRUE(isTransient(r.status())) << r.status().message();
    EXPECT_NE(r.status().message().find("SQLSTATE"), std::string::npos) << r.status().message();
    // The first document is in, the second not at all: no header, no line,
    // no created delivery place, no counter step, no import row.
    EXPECT_EQ(q("SELECT GROUP_CONCAT(DO_Ref) FROM F_DOCENTETE WHERE DO_Type = 1"), "CMD-OK");
    EXPECT_EQ(q("SELECT COUNT(*) FROM F_DOCLIGNE WHERE DO_Type = 1"), "1");
    EXPECT_EQ(q("SELECT COUNT(*) FROM F_LIVRAISON"), "5");
    EXPECT_EQ(q("SELECT COUNT(*) FROM RELAIS_LIVRAISON_GLN"), "4");
    EXPECT_EQ(counter(), "BC00002");
    EXPECT_EQ(q("SELECT GROUP_CONCAT(RI_Reference) FROM RELAIS_IMPORT"), "CMD-OK");
    // Run again once the database is back: the first is found, the second imported.
    auto again = import(text);
    ASSERT_EQ(again.documents.size(), 2u);
    EXPECT_EQ(again.documents[0].status, "existing");
    EXPECT_EQ(again.documents[1].status, "imported") << again.documents[1].error;
    EXPECT_EQ(again.documents[1].piece, "BC00002");
}

TEST_F(SageImporterTest, ARecordLockedByAnotherSessionIsATransientFailure) {
    // Another Sage session holds the order counter (as Sage's own entry does).
    auto holder = sage_->lockPieceCounter(0, 1);
    ASSERT_TRUE(holder);

    auto c = connector();
    ASSERT_TRUE(c);
    ASSERT_TRUE(c->connection().execute("SET SESSION innodb_lock_wait_timeout = 1").isOk());
    auto file = pivot::readPivot(pivotOf("CMD-LOCKED", kHyper, orderLine(1, kYaourt, "1"), 1), "locked.pivot");
    ASSERT_TRUE(file.isOk());
    auto r = c->importPivot(*file, "locked.pivot");
    ASSERT_FALSE(r.isOk());
    EXPECT_TRUE(isTransient(r.status())) << r.status().message();
    EXPECT_NE(r.status().message().find("native error 1205"), std::string::npos) << r.status().message();
    EXPECT_EQ(documentCount(), kDemoDocuments);
    // Once the other session lets go, the same document goes in.
    ASSERT_TRUE(holder->commit().isOk());
    auto again = c->importPivot(*file, "locked.pivot");
    ASSERT_TRUE(again.isOk()) << again.status().message();
    EXPECT_EQ(again->documents[0].status, "imported");
}

TEST_F(SageImporterTest, ThePackagingsBarcodeOrdersSoManyPackagingsOfItsItem) {
    // 13760000000014: "Carton de 12" of YAOURT-NAT (F_CONDITION); 2 cartons at 22.80 each.
    auto r = import(pivotOf("CMD-CARTON", kHyper, orderLine(1, "13760000000014", "2", "22.80"), 1));
    ASSERT_EQ(r.documents[0].status, "imported") << r.documents[0].error;
    EXPECT_EQ(q("SELECT CONCAT_WS('|', AR_Ref, DL_Qte, EU_Enumere, EU_Qte, DL_PrixUnitaire, DL_MontantHT) FROM F_DOCLIGNE "
                "WHERE DO_Piece = 'BC00001'"),
              "YAOURT-NAT|24.000000|Carton de 12|2.000000|1.900000|45.600000");
}
