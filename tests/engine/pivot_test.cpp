// The pivot format: Decimal, reading every record kind, writing, round
// trips, character sets, and one test per malformed input naming the line,
// the record and field, and the value.
#include <gtest/gtest.h>

#include "base/decimal.h"
#include "formats/pivot_reader.h"
#include "formats/pivot_writer.h"

using namespace relais;
using namespace relais::pivot;

namespace {

// An order using every record an ORDERS may hold, in the writer's own form.
const char* kOrder =
    "PIVOT;1;UTF-8\n"
    "DOC;ORDERS;CMD-HC-0042;2024-03-01;220;9;EUR\n"
    "DAT;2;2024-03-05\n"
    "DAT;64;2024-03-04T06:00:00\n"
    "REF;CT;CONTRAT-2024;2024-01-01\n"
    "PAR;BY;3012345100014;HYPER DU CENTRE;1 avenue du Commerce;;69003;Lyon;FR;FR12401234567\n"
    "CTA;OC;Service achats;0478000001;achats@hyper-centre.example\n"
    "PAR;SU;3012345000000;LAITERIE DES ALPES\n"
    "PAR;DP;3012345200011;Entrepôt Lyon Sud\n"
    "PAR;IV;;;;;;;;;C0001\n"
    "PAT;1;;30\n"
    "TOD;DAP;Lyon\n"
    "TRA;30;;Transports Frigo\\; Express\n"
    "ALC;A;TD;2\n"
    "TXT;DEL;Livrer entre 6h et 8h\\nQuai 3\n"
    "LIN;1;3760000000017;HC-1001;YAOURT-NAT;Yaourt nature 4x125 g\n"
    "QTY;21;24;PCE\n"
    "PRI;AAA;1.95\n"
    "TAX;VAT;5.5;AA;;C01\n"
    "MOA;203;46.8\n"
    "LIN;2;3760000000031\n"
    "QTY;21;12\n"
    "PRI;AAB;1.15;1;PCE\n"
    "ALC;A;DI;5\n"
    "DAT;2;2024-03-06\n"
    "REF;LI;7\n"
    "TXT;AAI;Lait frais\n"
    "END;2\n";

// A despatch advice (packages, batches) and an invoice (payment terms,
// totals, tax summary) in one file.
const char* kDesadvAndInvoice =
    "PIVOT;1;UTF-8\n"
    "DOC;DESADV;BL00007;2024-03-04;351\n"
    "DAT;11;2024-03-04T05:30:00\n"
    "REF;ON;CMD-HC-0042\n"
    "PAR;BY;3012345100014\n"
    "PAR;SU;3012345000000\n"
    "PAR;DP;3012345200011\n"
    "TRA;30;3012345900010;Frigo Express;AB-123-CD\n"
    "PKG;P1;;201;1;376000000000000013\n"
    "PKG;C1;P1;CT;2\n"
    "LIN;1;3760000000017;;;;C1\n"
    "QTY;12;24;PCE\n"
    "LOT;L2403A;2024-03-20;24\n"
    "END;1\n"
    "DOC;INVOIC;FA00009;2024-03-05;380;9;EUR\n"
    "REF;ON;CMD-HC-0042\n"
    "REF;DQ;BL00007\n"
    "PAR;BY;3012345100014\n"
    "PAR;SU;3012345000000;LAITERIE DES ALPES;;;;;FR;FR99123456789\n"
    "PAT;1;2024-04-04;30\n"
    "PAT;22;;10;1.5\n"
    "LIN;1;3760000000017\n"
    "QTY;47;24;PCE\n"
    "PRI;AAA;1.95\n"
    "TAX;VAT;5.5;AA;2.574\n"
    "MOA;203;46.8\n"
    "TOT;79;46.8\n"
    "TOT;125;46.8\n"
    "TOT;176;2.57\n"
    "TOT;77;49.37\n"
    "TXS;VAT;5.5;AA;46.8;2.57\n"
    "END;1\n";

PivotFile read(const std::string& text) {
    auto r = readPivot(text, "test.pivot");
    EXPECT_TRUE(r.isOk()) << r.status().message();
    return r ? std::move(r).value() : PivotFile{};
}

std::string write(const PivotFile& f, const WriteOptions& o = {}) {
    auto w = writePivot(f, o);
    EXPECT_TRUE(w.isOk()) << w.status().message();
    return w ? *w : "";
}

std::string errorOf(const std::string& text) {
    auto r = readPivot(text, "bad.pivot");
    EXPECT_FALSE(r.isOk()) << "accepted:\n" << text;
    return r ? "" : r.status().message();
}

}  // namespace

TEST(Decimal, ParsesPointsAndCommasAndRefusesTheRest) {
    EXPECT_EQ(Decimal::parse("12,5")->toString(), "12.5");
    EXPECT_EQ(Decimal::parse("-0.000001")->units(), -1);
    EXPECT_EQ(Decimal::parse(".5")->toString(), "0.5");
    EXPECT_EQ(Decimal::parse("100")->toString(), "100");
    std::string why;
    EXPECT_FALSE(Decimal::parse("1.2345678", &why));
    EXPECT_EQ(why, "has more than 6 decimals");
    EXPECT_FALSE(Decimal::parse("1 000", &why));
    EXPECT_FALSE(Decimal::parse("1.2.3", &why));
    EXPECT_FALSE(Decimal::parse("1e3", &why));
    EXPECT_FALSE(Decimal::parse("-", &why));
    EXPECT_FALSE(Decimal::parse("99999999999999", &why));
}

TEST(Decimal, MultipliesAndRoundsHalfAwayFromZero) {
    const Decimal q = *Decimal::parse("3"), p = *Decimal::parse("1.155");
    EXPECT_EQ((q * p).toString(), "3.465");
    EXPECT_EQ((q * p).toFixed(2), "3.47");
    EXPECT_EQ((-(q * p)).toFixed(2), "-3.47");
    EXPECT_EQ((*Decimal::parse("10") / *Decimal::parse("3")).toString(), "3.333333");
    EXPECT_EQ(Decimal::parse("2.5")->rounded(0).toString(), "3");
    EXPECT_EQ(Decimal::parse("0.1")->toString(','), "0,1");
}

TEST(PivotReader, ReadsEveryRecordOfAnOrder) {
    const PivotFile f = read(kOrder);
    ASSERT_EQ(f.documents.size(), 1u);
    const Document& d = f.documents[0];
    EXPECT_EQ(d.message, Message::Orders);
    EXPECT_EQ(d.number, "CMD-HC-0042");
    EXPECT_EQ(d.date, "2024-03-01");
    EXPECT_EQ(d.currency, "EUR");
    EXPECT_EQ(d.dateOf("64")->value, "2024-03-04T06:00:00");
    EXPECT_EQ(d.reference("CT")->date, "2024-01-01");
    ASSERT_TRUE(d.party("BY"));
    EXPECT_EQ(d.party("BY")->gln, "3012345100014");
    EXPECT_EQ(d.party("BY")->vat, "FR12401234567");
    ASSERT_EQ(d.party("BY")->contacts.size(), 1u);
    EXPECT_EQ(d.party("BY")->contacts[0].email, "achats@hyper-centre.example");
    EXPECT_EQ(d.party("DP")->name, "Entrepôt Lyon Sud");
    EXPECT_EQ(d.party("IV")->code, "C0001");
    EXPECT_EQ(d.paymentTerms[0].days, 30);
    EXPECT_EQ(d.transports[0].carrierName, "Transports Frigo; Express");
    EXPECT_EQ(d.allowances[0].percent->toString(), "2");
    EXPECT_EQ(d.texts[0].text, "Livrer entre 6h et 8h\nQuai 3");
    ASSERT_EQ(d.lines.size(), 2u);
    const Line& l1 = d.lines[0];
    EXPECT_EQ(l1.gtin, "3760000000017");
    EXPECT_EQ(l1.buyerItem, "HC-1001");
    EXPECT_EQ(l1.quantity("21")->value.toString(), "24");
    EXPECT_EQ(l1.quantity("21")->unit, "PCE");
    EXPECT_EQ(l1.price("AAA")->value.toString(), "1.95");
    EXPECT_EQ(l1.taxes[0].code, "C01");
    EXPECT_EQ(l1.amount("203")->value.toString(), "46.8");
    EXPECT_EQ(l1.line.number, 16);
    const Line& l2 = d.lines[1];
    EXPECT_EQ(l2.allowances[0].type, "DI");
    EXPECT_EQ(l2.dateOf("2")->value, "2024-03-06");
    EXPECT_EQ(l2.references[0].value, "7");
    EXPECT_EQ(l2.texts[0].text, "Lait frais");
    EXPECT_TRUE(d.dates.size() == 2 && d.allowances.size() == 1) << "line records stay on their line";
}

TEST(PivotReader, ReadsManyDocumentsOfDifferentMessages) {
    const PivotFile f = read(kDesadvAndInvoice);
    ASSERT_EQ(f.documents.size(), 2u);
    const Document& bl = f.documents[0];
    EXPECT_EQ(bl.message, Message::Desadv);
    ASSERT_EQ(bl.packages.size(), 2u);
    EXPECT_EQ(bl.packages[0].sscc, "376000000000000013");
    EXPECT_EQ(bl.packages[1].parent, "P1");
    EXPECT_EQ(bl.lines[0].package, "C1");
    EXPECT_EQ(bl.lines[0].batches[0].expiry, "2024-03-20");
    EXPECT_EQ(bl.transports[0].carrierGln, "3012345900010");
    const Document& fa = f.documents[1];
    EXPECT_EQ(fa.message, Message::Invoic);
    EXPECT_EQ(fa.total("77")->value.toString(), "49.37");
    EXPECT_EQ(fa.taxSummaries[0].taxable->toString(), "46.8");
    EXPECT_EQ(fa.paymentTerms[1].percent->toString(), "1.5");
    EXPECT_EQ(fa.reference("DQ")->value, "BL00007");
}

TEST(PivotWriter, WritesBackWhatItReadByteForByte) {
    EXPECT_EQ(write(read(kOrder)), kOrder);
    EXPECT_EQ(write(read(kDesadvAndInvoice)), kDesadvAndInvoice);
}

TEST(PivotWriter, ADocumentBuiltInMemoryRoundTrips) {
    PivotFile f;
    Document d;
    d.message = Message::Invoic;
    d.number = "FA;01\\x";  // characters that need escaping
    d.date = "2024-12-31";
    d.parties.push_back({"BY", "3012345100014", "Client \"A\"", "", "", "", "", "", "", "", {{"AD", "Compta", "", "", {}}}, {}});
    d.parties.push_back({"SU", "", "", "", "", "", "", "", "", "OWN", {}, {}});
    Line l;
    l.number = 10;
    l.supplierItem = "X1";
    l.description = "multi\r\nline";
    l.quantities.push_back({"47", *Decimal::parse("-2.5"), "KGM", {}});
    l.prices.push_back({"AAA", *Decimal::parse("0.000001"), Decimal::parse("1000"), "KGM", {}});
    l.allowances.push_back({true, "FC", std::nullopt, Decimal::parse("3"), std::nullopt, 2, "Port", {}});
    d.lines.push_back(l);
    d.totals.push_back({"77", *Decimal::parse("12345678.9"), {}});
    f.documents.push_back(d);
    f.documents.push_back(d);
    f.documents[1].number = "FA02";
    const PivotFile back = read(write(f));
    EXPECT_EQ(back, f);
    EXPECT_EQ(back.documents[0].number, "FA;01\\x");
    EXPECT_EQ(back.documents[0].lines[0].description, "multi\r\nline");
}

TEST(PivotReader, AcceptsFrenchDecimalCommasAndCompactDates) {
    std::string text = kOrder;
    text.replace(text.find("PRI;AAA;1.95"), 12, "PRI;AAA;1,95");
    text.replace(text.find("DAT;2;2024-03-05"), 16, "DAT;2;20240305");
    text.replace(text.find("DAT;64;2024-03-04T06:00:00"), 26, "DAT;64;202403040600");
    EXPECT_EQ(write(read(text)), kOrder);
    WriteOptions comma;
    comma.decimalPoint = ',';
    const std::string written = write(read(kOrder), comma);
    EXPECT_NE(written.find("PRI;AAA;1,95\n"), std::string::npos);
    EXPECT_NE(written.find("TAX;VAT;5,5;AA;;C01\n"), std::string::npos);
    EXPECT_EQ(read(written), read(kOrder));
}

TEST(PivotReader, ReadsIso88591AndTheWriterWritesIt) {
    std::string text = kOrder;
    text.replace(0, 13, "PIVOT;1;ISO-8859-1");
    text.replace(text.find("Entrepôt"), 9, "Entrep\xF4t");  // ô in ISO-8859-1
    const PivotFile f = read(text);
    EXPECT_EQ(f.charset, Charset::Latin1);
    EXPECT_EQ(f.documents[0].party("DP")->name, "Entrepôt Lyon Sud");
    EXPECT_EQ(write(f), text);
}

TEST(PivotWriter, RefusesACharacterIso88591CannotHoldNamingTheField) {
    PivotFile f = read(kOrder);
    f.charset = Charset::Latin1;
    f.documents[0].lines[0].description = "Œufs frais";
    auto w = writePivot(f);
    ASSERT_FALSE(w.isOk());
    EXPECT_EQ(w.status().message(),
              "cannot write document ORDERS CMD-HC-0042: LIN description 'Œufs frais' holds 'Œ', which ISO-8859-1 "
              "cannot write");
}

TEST(PivotWriter, RefusesAValueTheReaderWouldRefuse) {
    PivotFile f = read(kOrder);
    f.documents[0].lines[1].gtin = "3760000000032";
    auto w = writePivot(f);
    ASSERT_FALSE(w.isOk());
    EXPECT_NE(w.status().message().find("LIN gtin '3760000000032' is not a valid GTIN/EAN: the check digit should be 1"),
              std::string::npos)
        << w.status().message();
}

TEST(PivotWriter, WritesAFileAtomically) {
    const std::string path = ::testing::TempDir() + "/pivot-writer-test.pivot";
    ASSERT_TRUE(writePivotFile(read(kOrder), path).isOk());
    auto back = readPivotFile(path);
    ASSERT_TRUE(back.isOk()) << back.status().message();
    EXPECT_EQ(back->documents[0].number, "CMD-HC-0042");
    std::remove(path.c_str());
    EXPECT_EQ(readPivotFile(path).status().code(), Code::NotFound);
}

// ------------------------------------------------------------- malformed input
// Each case edits one line of kOrder and expects the whole message.

struct Malformed {
    const char* name;
    const char* find;     // the text of kOrder to replace
    const char* replace;  // what replaces it
    const char* message;  // the reader's complete message
};

class PivotReaderMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(PivotReaderMalformed, NamesTheLineTheFieldAndTheValue) {
    const Malformed& m = GetParam();
    std::string text = kOrder;
    const size_t at = text.find(m.find);
    ASSERT_NE(at, std::string::npos) << m.find;
    text.replace(at, std::string(m.find).size(), m.replace);
    EXPECT_EQ(errorOf(text), m.message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PivotReaderMalformed,
    ::testing::Values(
        Malformed{"MissingLineNumber", "LIN;1;", "LIN;;",
                  "bad.pivot line 16: LIN number (field 2) is missing"},
        Malformed{"WrongGtinCheckDigit", "LIN;2;3760000000031", "LIN;2;3760000000032",
                  "bad.pivot line 21: LIN gtin (field 3) '3760000000032' is not a valid GTIN/EAN: the check digit should be 1"},
        Malformed{"GtinOfWrongLength", "LIN;2;3760000000031", "LIN;2;3760000000",
                  "bad.pivot line 21: LIN gtin (field 3) '3760000000' is not a valid GTIN/EAN (8, 12, 13, 14 digits)"},
        Malformed{"GtinWithLetters", "LIN;2;3760000000031", "LIN;2;376000000003A",
                  "bad.pivot line 21: LIN gtin (field 3) '376000000003A' is not a valid GTIN/EAN (8, 12, 13, 14 digits)"},
        Malformed{"WrongGln", "PAR;SU;3012345000000", "PAR;SU;3012345000001",
                  "bad.pivot line 8: PAR gln (field 3) '3012345000001' is not a valid GLN: the check digit should be 0"},
        Malformed{"QuantityNotANumber", "QTY;21;12", "QTY;21;1O",
                  "bad.pivot line 22: QTY value (field 3) '1O' is not a number (digits, one '.' or ',' and an optional leading '-')"},
        Malformed{"MissingQuantity", "QTY;21;12", "QTY;21",
                  "bad.pivot line 22: QTY value (field 3) is missing"},
        Malformed{"TooManyDecimals", "PRI;AAA;1.95", "PRI;AAA;1.9500001",
                  "bad.pivot line 18: PRI value (field 3) '1.9500001' has more than 6 decimals"},
        Malformed{"ThousandsSeparator", "MOA;203;46.8", "MOA;203;1 046,8",
                  "bad.pivot line 20: MOA amount (field 3) '1 046,8' is not a number (digits, one '.' or ',' and an optional leading '-')"},
        Malformed{"ImpossibleDate", "2024-03-01;220", "2024-02-30;220",
                  "bad.pivot line 2: DOC date (field 4) '2024-02-30' is not a date (YYYY-MM-DD or YYYYMMDD, optionally followed by THH:MM[:SS] or HHMM[SS])"},
        Malformed{"MissingDocumentNumber", "DOC;ORDERS;CMD-HC-0042", "DOC;ORDERS;",
                  "bad.pivot line 2: DOC number (field 3) is missing"},
        Malformed{"DocumentNumberTooLong", "CMD-HC-0042", "CMD-HC-0042-0123456789-0123456789-01",
                  "bad.pivot line 2: DOC number (field 3) 'CMD-HC-0042-0123456789-0123456789-01' is longer than 35 characters"},
        Malformed{"UnknownMessage", "DOC;ORDERS", "DOC;ORDRSP",
                  "bad.pivot line 2: DOC message (field 2) 'ORDRSP' is not one of ORDERS,DESADV,INVOIC"},
        Malformed{"LowerCaseQualifier", "QTY;21;24;PCE", "QTY;21;24;pce",
                  "bad.pivot line 17: QTY unit (field 4) 'pce' is not a code (capital letters A-Z and digits)"},
        Malformed{"BadCountry", ";Lyon;FR;", ";Lyon;France;",
                  "bad.pivot line 6: PAR country (field 9) 'France' is not an ISO 3166 country code (two capital letters, e.g. FR)"},
        Malformed{"BadCurrency", ";220;9;EUR", ";220;9;€",
                  "bad.pivot line 2: DOC currency (field 7) '€' is not an ISO 4217 currency code (three capital letters, e.g. EUR)"},
        Malformed{"UnknownRecord", "PRI;AAB", "PRX;AAB",
                  "bad.pivot line 23: unknown record 'PRX' (known: PIVOT, DOC, DAT, REF, PAR, CTA, PAT, TOD, TRA, PKG, ALC, TXT, "
                  "LIN, QTY, PRI, TAX, MOA, LOT, TOT, TXS, END)"},
        Malformed{"TooManyFields", "QTY;21;12", "QTY;21;12;PCE;x",
                  "bad.pivot line 22: QTY has 4 fields after its tag, at most 3 (is a ';' in a value not escaped as '\\;'?)"},
        Malformed{"UnknownEscape", "Quai 3", "Quai\\t3",
                  "bad.pivot line 15: field 3 holds '\\t', which is not an escape of the format (\\\\ \\; \\n \\r)"},
        Malformed{"ControlCharacter", "Quai 3", "Quai\x01" "3",
                  "bad.pivot line 15: field 3 holds the control character 0x01"},
        Malformed{"EndCountWrong", "END;2", "END;3",
                  "bad.pivot line 28: END line_count (field 2) '3' does not match the 2 LIN of the document ORDERS CMD-HC-0042 (line 2)"},
        Malformed{"NoEnd", "END;2\n", "",
                  "bad.pivot: the document CMD-HC-0042 begun on line 2 has no END record: the file is truncated"},
        Malformed{"NoBuyer", "PAR;BY;3012345100014;HYPER DU CENTRE;1 avenue du Commerce;;69003;Lyon;FR;FR12401234567\n"
                             "CTA;OC;Service achats;0478000001;achats@hyper-centre.example\n", "",
                  "bad.pivot line 26: the document ORDERS CMD-HC-0042 (line 2) has no PAR BY (buyer)"},
        Malformed{"NoOrderedQuantity", "QTY;21;12\n", "QTY;12;12\n",
                  "bad.pivot line 21: LIN 2 has no QTY 21, required in ORDERS"},
        Malformed{"QuantityBeforeAnyLine", "ALC;A;TD;2", "QTY;21;1",
                  "bad.pivot line 14: QTY must follow a LIN (it belongs to a line)"},
        Malformed{"PartyAfterALine", "REF;LI;7", "PAR;UC;3012345200028",
                  "bad.pivot line 26: PAR must come before the document's first LIN"},
        Malformed{"ContactWithoutParty", "DOC;ORDERS;CMD-HC-0042;2024-03-01;220;9;EUR\n",
                  "DOC;ORDERS;CMD-HC-0042;2024-03-01;220;9;EUR\nCTA;OC;x\n",
                  "bad.pivot line 3: CTA must follow the PAR of the party it is a contact of"},
        Malformed{"DuplicateLineNumber", "LIN;2;", "LIN;1;",
                  "bad.pivot line 21: LIN number (field 2) '1' is used twice in the document"},
        Malformed{"LineWithoutItem", "LIN;2;3760000000031", "LIN;2",
                  "bad.pivot line 21: LIN 2 identifies no item: give its gtin (field 3), buyer_item (field 4) or supplier_item (field 5)"},
        Malformed{"AllowanceWithoutValue", "ALC;A;DI;5", "ALC;A;DI",
                  "bad.pivot line 24: ALC gives neither a percent (field 4) nor an amount (field 5)"},
        Malformed{"LineInUnknownPackage", "LIN;2;3760000000031", "LIN;2;3760000000031;;;;P9",
                  "bad.pivot line 21: LIN package (field 7) 'P9' is not the id of a PKG of the document"},
        Malformed{"RecordOutsideADocument", "END;2\n", "END;2\nLIN;3;3760000000031\n",
                  "bad.pivot line 29: LIN outside a document: records stand between DOC and END"},
        Malformed{"NotAPivotFile", "PIVOT;1;UTF-8", "UNA:+.? '",
                  "bad.pivot line 1: a pivot file starts with the line PIVOT;1;UTF-8 or PIVOT;1;ISO-8859-1, not 'UNA:+.? ''"},
        Malformed{"UnknownCharset", "PIVOT;1;UTF-8", "PIVOT;1;CP1252",
                  "bad.pivot line 1: PIVOT charset (field 3) 'CP1252' is not one of UTF-8,ISO-8859-1"},
        Malformed{"Latin1BytesInAUtf8File", "Entrepôt", "Entrep\xF4t",
                  "bad.pivot line 9: the line is not valid UTF-8 at byte 28; a file in ISO-8859-1 says so on its first line: PIVOT;1;ISO-8859-1"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return std::string(info.param.name); });

TEST(PivotReader, ADocumentWithNoLineIsRefused) {
    EXPECT_EQ(errorOf("PIVOT;1;UTF-8\nDOC;ORDERS;A1;2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\nEND;0\n"),
              "bad.pivot line 5: the document ORDERS A1 (line 2) has no line (LIN)");
}

TEST(PivotReader, AFileWithNoDocumentIsRefused) {
    EXPECT_EQ(errorOf("PIVOT;1;UTF-8\n# nothing\n"), "bad.pivot: the file holds no document (no DOC record)");
}

TEST(PivotReader, AMissingFileIsNotFound) {
    auto r = readPivotFile("/nonexistent/orders.pivot");
    ASSERT_FALSE(r.isOk());
    EXPECT_EQ(r.status().code(), Code::NotFound);
    EXPECT_EQ(r.status().message(), "cannot read pivot file /nonexistent/orders.pivot");
}
