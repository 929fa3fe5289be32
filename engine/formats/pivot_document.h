// The pivot format's documents in memory: orders (EANCOM ORDERS), despatch
// advices (DESADV) and invoices (INVOIC), as read by PivotReader and written
// by PivotWriter. Each struct is one record kind of docs/pivot-format.md, its
// members the record's fields in order. Qualifiers and codes are the EDIFACT
// code values EANCOM uses (DTM 2005, RFF 1153, NAD 3035, QTY 6063...), kept
// as text so that codes a reader does not know still pass through.
// Dates are "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"; empty text is "absent".
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.h"

namespace relais::pivot {

enum class Message { Orders, Desadv, Invoic };
const char* messageName(Message m);
std::optional<Message> messageFromName(std::string_view name);

// The line of the file a record was read from (0 when built in memory). It
// compares equal to any other: where a record stood is not what it says, so
// a document read back after writing equals the one written.
struct SourceLine {
    int number = 0;
    bool operator==(const SourceLine&) const { return true; }
};

// DAT: a date of the document or of a line (DTM). 2 delivery requested,
// 137 document, 11 despatch, 35 delivered, 64/63 earliest/latest delivery...
struct DateValue {
    std::string qualifier;
    std::string value;
    SourceLine line;
    bool operator==(const DateValue&) const = default;
};

// REF: a reference (RFF + DTM 171). ON buyer's order, VN supplier's order,
// DQ delivery note, AAK despatch advice, IV invoice, CT contract...
struct Reference {
    std::string qualifier;
    std::string value;
    std::string date;
    SourceLine line;
    bool operator==(const Reference&) const = default;
};

// CTA: a contact of the party above it (CTA + COM).
struct Contact {
    std::string function;  // OC order contact, IC information, AD accounting...
    std::string name;
    std::string phone;
    std::string email;
    SourceLine line;
    bool operator==(const Contact&) const = default;
};

// PAR: a party (NAD + RFF VA). BY buyer, SU supplier, DP delivery party,
// IV invoicee, II invoice issuer, UC ultimate consignee, SF ship from,
// PR payer, PE payee, CA carrier, OB ordered by.
struct Party {
    std::string role;
    std::string gln;
    std::string name;
    std::string street;
    std::string street2;
    std::string postcode;
    std::string city;
    std::string country;  // ISO 3166-1 alpha-2
    std::string vat;      // VAT registration number
    std::string code;     // the party's code in the receiver's system, when it has no GLN
    std::vector<Contact> contacts;
    SourceLine line;
    bool operator==(const Party&) const = default;
};

// PAT: payment terms (PAT + DTM 13 + PCD + MOA).
struct PaymentTerms {
    std::string type;                // 1 basic, 22 discount, 20 penalty
    std::string dueDate;
    std::optional<int> days;         // days after the document date
    std::optional<Decimal> percent;  // discount or penalty rate
    std::optional<Decimal> amount;
    std::string text;
    SourceLine line;
    bool operator==(const PaymentTerms&) const = default;
};

// TOD: terms of delivery (an Incoterm or EANCOM 4053 code).
struct DeliveryTerms {
    std::string code;
    std::string location;
    std::string text;
    SourceLine line;
    bool operator==(const DeliveryTerms&) const = default;
};

// TRA: transport (TDT).
struct Transport {
    std::string mode;  // 8067: 30 road, 10 sea, 20 rail, 40 air
    std::string carrierGln;
    std::string carrierName;
    std::string meansId;    // vehicle registration
    std::string reference;  // conveyance reference
    SourceLine line;
    bool operator==(const Transport&) const = default;
};

// PKG: a package of a despatch advice (CPS + PAC + GIN SSCC).
struct Package {
    std::string id;      // unique in the document; lines name it
    std::string parent;  // the id of the package holding this one
    std::string type;    // 7065: 201 pallet, CT carton, PK package...
    std::optional<Decimal> count;
    std::string sscc;
    SourceLine line;
    bool operator==(const Package&) const = default;
};

// ALC: an allowance or a charge of the document or of a line (ALC + PCD + MOA).
struct AllowanceCharge {
    bool charge = false;  // A allowance, C charge
    std::string type;     // 7161: TD trade discount, DI discount, FC freight...
    std::optional<Decimal> percent;
    std::optional<Decimal> amount;
    std::optional<Decimal> base;
    std::optional<int> sequence;
    std::string text;
    SourceLine line;
    bool operator==(const AllowanceCharge&) const = default;
};

// TXT: free text (FTX). AAI general, DEL delivery, PUR purchasing, REG regulatory...
struct Text {
    std::string qualifier;
    std::string text;
    SourceLine line;
    bool operator==(const Text&) const = default;
};

// QTY: 21 ordered, 12 despatched, 47 invoiced, 46 delivered, 59 consumer
// units per trade item, 192 free goods.
struct Quantity {
    std::string qualifier;
    Decimal value;
    std::string unit;  // UN/ECE Rec. 20: PCE, KGM, LTR...
    SourceLine line;
    bool operator==(const Quantity&) const = default;
};

// PRI: AAA net unit price, AAB gross unit price (before allowances).
struct Price {
    std::string qualifier;
    Decimal value;
    std::optional<Decimal> basis;  // the quantity the price is for (1 when absent)
    std::string unit;
    SourceLine line;
    bool operator==(const Price&) const = default;
};

// TAX: a line's tax (TAX + MOA 124).
struct Tax {
    std::string type;  // VAT, ENV...
    std::optional<Decimal> rate;
    std::string category;  // S standard, AA reduced, Z zero, E exempt
    std::optional<Decimal> amount;
    std::string code;  // the receiver's tax code (Sage TA_Code)
    SourceLine line;
    bool operator==(const Tax&) const = default;
};

// MOA (line) and TOT (document): 203 line amount, 79 total of lines,
// 125 taxable, 176 tax, 77 invoice total with tax, 86 message total,
// 131 allowances and charges, 9 amount due.
struct Amount {
    std::string qualifier;
    Decimal value;
    SourceLine line;
    bool operator==(const Amount&) const = default;
};

// LOT: a batch of a despatched line (PIA/GIN batch + DTM 36 expiry).
struct Batch {
    std::string batch;
    std::string expiry;
    std::optional<Decimal> quantity;
    SourceLine line;
    bool operator==(const Batch&) const = default;
};

// TXS: one rate of the tax summary (TAX + MOA 125 + MOA 124).
struct TaxSummary {
    std::string type;
    std::optional<Decimal> rate;
    std::string category;
    std::optional<Decimal> taxable;
    std::optional<Decimal> amount;
    SourceLine line;
    bool operator==(const TaxSummary&) const = default;
};

// LIN and the records that follow it.
struct Line {
    int number = 0;
    std::string gtin;          // EAN/GTIN-8, 12, 13 or 14
    std::string buyerItem;     // the buyer's item code (PIA IN)
    std::string supplierItem;  // the supplier's item code (PIA SA)
    std::string description;
    std::string package;       // PKG id (despatch advice)
    std::vector<Quantity> quantities;
    std::vector<Price> prices;
    std::vector<AllowanceCharge> allowances;
    std::vector<Tax> taxes;
    std::vector<Amount> amounts;
    std::vector<DateValue> dates;
    std::vector<Reference> references;
    std::vector<Text> texts;
    std::vector<Batch> batches;
    SourceLine line;
    bool operator==(const Line&) const = default;

    const Quantity* quantity(std::string_view qualifier) const;
    const Price* price(std::string_view qualifier) const;
    const Amount* amount(std::string_view qualifier) const;
    const DateValue* dateOf(std::string_view qualifier) const;
};

struct Document {
    Message message = Message::Orders;
    std::string number;    // BGM 1004, at most 35 characters
    std::string date;      // DTM 137
    std::string nameCode;  // BGM 1001: 220 order, 351 despatch advice, 380 invoice, 381 credit note
    std::string function;  // BGM 1225: 9 original, 5 replacement, 1 cancellation, 31 copy
    std::string currency;  // ISO 4217
    std::vector<DateValue> dates;
    std::vector<Reference> references;
    std::vector<Party> parties;
    std::vector<PaymentTerms> paymentTerms;
    std::vector<DeliveryTerms> deliveryTerms;
    std::vector<Transport> transports;
    std::vector<Package> packages;
    std::vector<AllowanceCharge> allowances;
    std::vector<Text> texts;
    std::vector<Line> lines;
    std::vector<Amount> totals;
    std::vector<TaxSummary> taxSummaries;
    SourceLine line;
    bool operator==(const Document&) const = default;

    const Party* party(std::string_view role) const;
    const DateValue* dateOf(std::string_view qualifier) const;
    const Reference* reference(std::string_view qualifier) const;
    const Amount* total(std::string_view qualifier) const;
};

enum class Charset { Utf8, Latin1 };

struct PivotFile {
    Charset charset = Charset::Utf8;  // as declared on the file's first line
    std::vector<Document> documents;
    bool operator==(const PivotFile&) const = default;
};

// The quantity qualifier every line of `m` must carry: 21, 12 or 47.
const char* mainQuantityQualifier(Message m);

}  // namespace relais::pivot
