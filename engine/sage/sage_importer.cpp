// SageImporter: checks and look-ups first (no write), then one transaction
// per document: piece number, delivery place if created, header, lines, and
// the connector's RELAIS_IMPORT row.
#include "sage/sage_importer.h"

#include <ctime>

#include "db/sql_dialect.h"
#include "sage/piece_numbering.h"

namespace relais::sage {

namespace {

// The first `n` characters of UTF-8 text (Sage's varchar sizes count characters).
std::string truncated(const std::string& s, size_t n) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i);
    }
    return s;
}

const char* kEmptyDate = "1753-01-01T00:00:00";

std::string sqlDate(const std::string& isoDate) { return isoDate.empty() ? kEmptyDate : db::portableTimestamp(isoDate.substr(0, 10)); }

// DO_Heure: Sage keeps the entry time as "000HHMMSS".
std::string sageTime() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[10];
    std::snprintf(buf, sizeof buf, "000%02d%02d%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

const Decimal kHundred = Decimal::fromInt(100);

// The requested delivery date of a document or line, by order of preference.
std::string deliveryDate(const std::vector<pivot::DateValue>& dates) {
    for (const char* q : {"2", "64", "17", "63"})
        for (const auto& d : dates)
            if (d.qualifier == q) return d.value;
    return "";
}

}  // namespace

struct SageImporter::PreparedLine {
    std::string ref;  // AR_Ref
    std::string designation;
    std::string unit;
    std::string partnerCode;  // AC_RefClient (sales) / AF_RefFourniss (purchases)
    Decimal quantity;        // DL_Qte, in items
    Decimal unitQuantity;    // EU_Qte, in the unit ordered (packagings when EU_Enumere is one)
    Decimal unitPrice;       // DL_PrixUnitaire (before the discount)
    Decimal discount;        // DL_Remise01REM_Valeur
    int discountType = 0;    // 0 none, 1 percent, 2 amount per unit
    Decimal taxRate;
    std::string taxCode;
    Decimal amountExclTax, amountInclTax, unitPriceInclTax;
    std::string deliveryDate;
};

struct SageImporter::PreparedDocument {
    const pivot::Document* source = nullptr;
    int type = 0;  // DO_Type
    ThirdParty thirdParty;
    std::string payer;
    int deliveryPlace = 0;  // LI_No
    // A delivery place to create with the document (create_delivery_places);
    // its LI_No is taken in the document's transaction.
    const pivot::Party* newDeliveryPlace = nullptr;
    int depot = 0;
    std::string reference;  // DO_Ref
    std::string deliveryDate;
    std::vector<PreparedLine> lines;
    Decimal totalExclTax, totalInclTax;
    std::string piece;
};

Result<ImportReport> SageImporter::importFile(const pivot::PivotFile& file, const std::string& origin) {
    ImportReport report;
    report.file = origin;
    for (const auto& doc : file.documents) {
        auto done = importDocument(doc, origin, report.warnings);
        if (done) {
            report.documents.push_back(std::move(done).value());
            continue;
        }
        if (done.status().code() == Code::Unavailable) return done.status();
        ImportedDocument failed;
        failed.number = doc.number;
        failed.message = pivot::messageName(doc.message);
        failed.line = doc.line.number;
        failed.status = "failed";
        failed.error = done.status().message();
        report.documents.push_back(std::move(failed));
    }
    return report;
}

Result<ImportedDocument> SageImporter::importDocument(const pivot::Document& doc, const std::string& origin,
                                                      std::vector<std::string>& warnings) {
    const std::string where = origin + " line " + std::to_string(doc.line.number) + " (" +
                              pivot::messageName(doc.message) + " " + doc.number + ")";
    ImportedDocument out;
    out.number = doc.number;
    out.message = pivot::messageName(doc.message);
    out.line = doc.line.number;
    RELAIS_TRY(checkValues(doc, where));
    RELAIS_ASSIGN_OR_RETURN(const int type, documentTypeOf(doc, where));
    // Warnings of a document already imported were given when it was.
    std::vector<std::string> mine;
    RELAIS_ASSIGN_OR_RETURN(ThirdParty tp, resolveThirdParty(doc, where, mine));
    out.thirdParty = tp.number;
    RELAIS_ASSIGN_OR_RETURN(auto existing, importedPiece(type, tp.number, doc.number));
    if (existing) {
        out.status = "existing";
        out.piece = *existing;
        return out;
    }
    PreparedDocument prepared;
    prepared.source = &doc;
    prepared.type = type;
    prepared.thirdParty = std::move(tp);
    RELAIS_TRY(prepare(doc, where, prepared, mine));
    Status written = write(prepared, where, mine);
    if (written.code() == Code::AlreadyExists) {
        // Another run imported the same document meanwhile: its RELAIS_IMPORT row won.
        RELAIS_ASSIGN_OR_RETURN(auto raced, importedPiece(type, prepared.thirdParty.number, doc.number));
        if (raced) {
            out.status = "existing";
            out.piece = *raced;
            return out;
        }
    }
    if (!written) return Status(written.code(), where + ": " + written.message());
    warnings.insert(warnings.end(), mine.begin(), mine.end());
    out.status = "imported";
    out.piece = prepared.piece;
    out.lines = static_cast<int>(prepared.lines.size());
    out.totalExclTax = prepared.totalExclTax;
    return out;
}

// Values Sage must not receive, whatever the matching finds.
Status SageImporter::checkValues(const pivot::Document& doc, const std::string& where) const {
    const char* q = pivot::mainQuantityQualifier(doc.message);
    for (const auto& l : doc.lines) {
        const std::string at = where + ": line " + std::to_string(l.line.number) + " (LIN " + std::to_string(l.number) + ")";
        const pivot::Quantity* qty = l.quantity(q);
        if (qty && !(Decimal() < qty->value))
            return Status(Code::InvalidArgument, at + ": quantity " + qty->value.toString() + " (QTY " + q +
                                                     "): a line must have a quantity above zero");
        for (const auto& p : l.prices)
            if (p.value.isNegative())
                return Status(Code::InvalidArgument, at + ": negative price " + p.value.toString() + " (PRI " + p.qualifier + ")");
        for (const auto& p : l.prices)
            if (p.basis && !(Decimal() < *p.basis))
                return Status(Code::InvalidArgument, at + ": price basis " + p.basis->toString() + " (PRI " + p.qualifier +
                                                         ") must be above zero");
    }
    return Status::ok();
}

Result<ThirdParty> SageImporter::resolveThirdParty(const pivot::Document& doc, const std::string& where,
                                                   std::vector<std::string>& warnings) {
    const bool sales = settings_.domain == Domain::Sales;
    const char* role = sales ? "BY" : "SU";
    const char* kind = sales ? "customer" : "supplier";
    const pivot::Party* party = doc.party(role);  // the reader guarantees BY and SU
    std::optional<ThirdParty> tp;
    std::string id;
    if (!party->gln.empty()) {
        id = "GLN " + party->gln;
        RELAIS_ASSIGN_OR_RETURN(tp, catalog_.thirdPartyByGln(party->gln, settings_.domain));
    } else if (!party->code.empty()) {
        id = "code '" + party->code + "'";
        RELAIS_ASSIGN_OR_RETURN(tp, catalog_.thirdParty(party->code));
    } else {
        id = "'" + party->name + "' (no GLN, no code)";
    }
    const std::string at = "PAR " + std::string(role) + " on line " + std::to_string(party->line.number);
    if (!tp) {
        const std::string& generic = sales ? settings_.genericCustomer : settings_.genericSupplier;
        const std::string setting = sales ? "generic_customer" : "generic_supplier";
        if (generic.empty())
            return Status(Code::NotFound, where + ": unknown " + kind + " " + id + " (" + at + "): no " + kind +
                                              " has this EDI code (CT_EdiCode) and no generic " + kind +
                                              " is configured (" + setting + ")");
        RELAIS_ASSIGN_OR_RETURN(tp, catalog_.thirdParty(generic));
        if (!tp)
            return Status(Code::Config, where + ": the generic " + kind + " '" + generic + "' (" + setting +
                                            ") does not exist in F_COMPTET");
        warnings.push_back(where + ": unknown " + kind + " " + id + " (" + at + "): imported for the generic " + kind +
                           " " + generic);
    }
    if (tp->dormant) warnings.push_back(where + ": " + kind + " " + tp->number + " is dormant in Sage (CT_Sommeil)");
    return *tp;
}

Result<int> SageImporter::documentTypeOf(const pivot::Document& doc, const std::string& where) const {
    const int base = settings_.domain == Domain::Sales ? 0 : 10;
    const int type = settings_.documentType;
    if (doc.message != pivot::Message::Invoic || doc.nameCode != "381") return type;
    if (type == base + 6 || type == base + 5) return base + 5;
    return Status(Code::InvalidArgument, where + ": a credit note (DOC name_code 381) cannot become a Sage document of DO_Type " +
                                             std::to_string(type) + ": import it with document_type invoice or credit_note");
}

Result<std::optional<std::string>> SageImporter::importedPiece(int type, const std::string& thirdParty,
                                                               const std::string& number) {
    const int64_t domain = static_cast<int>(settings_.domain);
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query("SELECT DO_Piece FROM RELAIS_IMPORT WHERE RI_Domaine = ? AND "
                                                       "RI_Type = ? AND CT_Num = ? AND RI_Reference = ?",
                                                       {domain, type, thirdParty, number}));
    if (!rows.empty()) return std::optional<std::string>(rows[0].str(0));
    if (number.size() > 17) return std::optional<std::string>();
    // Entered in Sage before the connector kept its table.
    RELAIS_ASSIGN_OR_RETURN(rows, conn_.query("SELECT DO_Piece FROM F_DOCENTETE WHERE DO_Domaine = ? AND DO_Type = ? "
                                              "AND DO_Tiers = ? AND DO_Ref = ? ORDER BY DO_Piece",
                                              {domain, type, thirdParty, number}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows[0].str(0));
}

Status SageImporter::prepare(const pivot::Document& doc, const std::string& where, PreparedDocument& out,
                             std::vector<std::string>& warnings) {
    const ThirdParty& tp = out.thirdParty;
    out.payer = tp.payer.empty() ? tp.number : tp.payer;
    out.reference = truncated(doc.number, 17);
    if (out.reference != doc.number)
        warnings.push_back(where + ": the document number is longer than DO_Ref (17 characters): Sage shows '" +
                           out.reference + "'");
    out.deliveryDate = deliveryDate(doc.dates);
    if (settings_.depot != 0) {
        out.depot = settings_.depot;
    } else {
        RELAIS_ASSIGN_OR_RETURN(out.depot, catalog_.mainDepot());
    }

    // The delivery place: a customer's, known by its GLN (sales only).
    const pivot::Party* dp = settings_.domain == Domain::Sales ? doc.party("DP") : nullptr;
    std::optional<int> place;
    if (dp && !dp->gln.empty()) {
        RELAIS_ASSIGN_OR_RETURN(place, catalog_.deliveryPlaceByGln(tp.number, dp->gln));
        if (!place && settings_.createDeliveryPlaces) {
            out.newDeliveryPlace = dp;
        } else if (!place) {
            RELAIS_ASSIGN_OR_RETURN(place, catalog_.mainDeliveryPlace(tp.number));
            warnings.push_back(where + ": unknown delivery place GLN " + dp->gln + " (PAR DP on line " +
                               std::to_string(dp->line.number) + ") for " + tp.number + ": " +
                               (place ? "the customer's main delivery place LI_No " + std::to_string(*place) + " is used"
                                      : "the document has no delivery place") +
                               " (create_delivery_places would create it)");
        }
    } else if (settings_.domain == Domain::Sales) {
        RELAIS_ASSIGN_OR_RETURN(place, catalog_.mainDeliveryPlace(tp.number));
    }
    out.deliveryPlace = place.value_or(0);

    for (const auto& l : doc.lines) {
        PreparedLine line;
        RELAIS_TRY(prepareLine(doc, l, where, tp, line, warnings));
        out.totalExclTax += line.amountExclTax;
        out.totalInclTax += line.amountInclTax;
        out.lines.push_back(std::move(line));
    }
    return Status::ok();
}

Status SageImporter::prepareLine(const pivot::Document& doc, const pivot::Line& l, const std::string& where,
                                 const ThirdParty& tp, PreparedLine& out, std::vector<std::string>& warnings) {
    const bool sales = settings_.domain == Domain::Sales;
    const std::string at = where + ": line " + std::to_string(l.line.number) + " (LIN " + std::to_string(l.number) + ")";
    // Our own item code is the supplier's code on a sale, the buyer's on a purchase.
    const std::string& ownCode = sales ? l.supplierItem : l.buyerItem;
    const std::string& partnerCode = sales ? l.buyerItem : l.supplierItem;
    std::optional<Item> item;
    std::string id;
    if (!l.gtin.empty()) {
        id = "EAN " + l.gtin;
        RELAIS_ASSIGN_OR_RETURN(item, catalog_.itemByBarcode(l.gtin, settings_.domain));
    }
    if (!item && !ownCode.empty()) {
        if (id.empty()) id = "item code '" + ownCode + "'";
        RELAIS_ASSIGN_OR_RETURN(item, catalog_.item(ownCode));
    }
    if (!item && !partnerCode.empty()) {
        if (id.empty()) id = std::string(sales ? "customer" : "supplier") + " item code '" + partnerCode + "'";
        RELAIS_ASSIGN_OR_RETURN(item, catalog_.itemByPartnerCode(tp.number, partnerCode, settings_.domain));
    }
    std::string why = "no item has this " + std::string(l.gtin.empty() ? "code" : "AR_CodeBarre or AR_EdiCode");
    if (item && item->dormant) {
        why = "item " + item->ref + " is dormant (AR_Sommeil)";
        item.reset();
    }
    bool generic = false;
    if (!item) {
        if (settings_.genericItem.empty())
            return Status(Code::NotFound, at + ": unknown item " + id + ": " + why +
                                              " and no generic item is configured (generic_item)");
        RELAIS_ASSIGN_OR_RETURN(item, catalog_.item(settings_.genericItem));
        if (!item)
            return Status(Code::Config, at + ": the generic item '" + settings_.genericItem +
                                            "' (generic_item) does not exist in F_ARTICLE");
        warnings.push_back(at + ": unknown item " + id + " (" + why + "): imported as the generic item " + item->ref);
        generic = true;
    }
    out.ref = item->ref;
    // A generic line keeps what identifies the real item for whoever fixes it in Sage.
    std::string design = !l.description.empty() ? l.description : generic ? id : item->designation;
    out.designation = truncated(design, 69);

    const pivot::Quantity* qty = l.quantity(pivot::mainQuantityQualifier(doc.message));
    // Ordered by the packaging's barcode: so many packagings of perPackage items.
    const Decimal per = item->perPackage;
    out.unitQuantity = qty->value;
    out.quantity = qty->value * per;
    out.unit = truncated(item->packaging.empty() ? qty->unit : item->packaging, 21);

    RELAIS_ASSIGN_OR_RETURN(auto partner, catalog_.partnerItem(item->ref, tp.number, settings_.domain));
    out.partnerCode = truncated(!partnerCode.empty() ? partnerCode : partner ? partner->code : "", 19);

    // Price: the pivot's gross price and its first allowance, or its net
    // price; else (or when configured) Sage's.
    const pivot::Price* gross = l.price("AAB");
    const pivot::Price* net = l.price("AAA");
    const pivot::Price* given = gross ? gross : net;
    if (given && settings_.prices == PriceSource::Pivot) {
        out.unitPrice = (given->basis ? given->value / *given->basis : given->value) / per;
        if (gross) {
            for (const auto& a : l.allowances) {
                if (a.charge) continue;
                if (a.percent) {
                    out.discount = *a.percent;
                    out.discountType = 1;
                } else {
                    out.discount = *a.amount / per;
                    out.discountType = 2;
                }
                break;
            }
        }
    } else {
        const Decimal own = sales ? item->salePrice : item->purchasePrice;
        out.unitPrice = partner && Decimal() < partner->price ? partner->price : own;
        if (partner && Decimal() < partner->discount) {
            out.discount = partner->discount;
            out.discountType = 1;
        }
    }

    // Tax: the pivot's Sage code, else a Sage code of the pivot's rate.
    const pivot::Tax* tax = l.taxes.empty() ? nullptr : &l.taxes[0];
    if (tax && !tax->code.empty()) {
        RELAIS_ASSIGN_OR_RETURN(auto code, catalog_.tax(tax->code));
        if (code) {
            out.taxCode = code->code;
            out.taxRate = code->rate;
        } else {
            warnings.push_back(at + ": tax code '" + tax->code + "' is not in F_TAXE: the line has the rate only");
        }
    }
    if (out.taxCode.empty() && tax && tax->rate) {
        out.taxRate = *tax->rate;
        RELAIS_ASSIGN_OR_RETURN(auto code, catalog_.taxByRate(*tax->rate, settings_.domain));
        if (code) out.taxCode = code->code;
    }

    const Decimal netUnit = out.discountType == 1   ? out.unitPrice * (kHundred - out.discount) / kHundred
                            : out.discountType == 2 ? out.unitPrice - out.discount
                                                    : out.unitPrice;
    if (netUnit.isNegative())
        return Status(Code::InvalidArgument, at + ": the allowance makes the net price negative (" + netUnit.toString() + ")");
    out.amountExclTax = (out.quantity * netUnit).rounded(2);
    const Decimal taxFactor = (kHundred + out.taxRate) / kHundred;
    out.amountInclTax = (out.amountExclTax * taxFactor).rounded(2);
    out.unitPriceInclTax = out.unitPrice * taxFactor;
    if (const pivot::Amount* moa = l.amount("203"); moa && settings_.prices == PriceSource::Pivot) {
        const Decimal gap = moa->value - out.amountExclTax;
        if (Decimal::fromUnits(10000) < gap || gap < Decimal::fromUnits(-10000))
            warnings.push_back(at + ": the pivot's line amount " + moa->value.toString() + " (MOA 203) differs from " +
                               out.amountExclTax.toFixed(2) + " computed from quantity and price");
    }
    const std::string lineDate = deliveryDate(l.dates);
    out.deliveryDate = lineDate.empty() ? deliveryDate(doc.dates) : lineDate;
    return Status::ok();
}

Status SageImporter::write(PreparedDocument& d, const std::string& where, std::vector<std::string>& warnings) {
    const pivot::Document& doc = *d.source;
    const int64_t domain = static_cast<int>(settings_.domain), type = d.type;
    const ThirdParty& tp = d.thirdParty;
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    RELAIS_ASSIGN_OR_RETURN(d.piece, takePieceNumber(conn_, static_cast<int>(domain), static_cast<int>(type), settings_.souche));

    if (d.newDeliveryPlace) {
        // Under the piece counter's lock: importers of the same kind of document
        // create places one at a time (a clash of others fails on LI_No's unique key).
        const pivot::Party* party = d.newDeliveryPlace;
        RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query("SELECT COALESCE(MAX(LI_No), 0) + 1 FROM F_LIVRAISON"));
        const int number = static_cast<int>(rows[0].i64(0));
        d.deliveryPlace = number;
        warnings.push_back(where + ": delivery place GLN " + party->gln + " was unknown for " + tp.number +
                           ": created as LI_No " + std::to_string(number));
        const std::string name = !party->name.empty() ? party->name : "EDI " + party->gln;
        RELAIS_TRY(conn_.execute("INSERT INTO F_LIVRAISON (LI_No, CT_Num, LI_Intitule, LI_Adresse, LI_Complement, "
                                 "LI_CodePostal, LI_Ville, LI_Pays, LI_Principal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                                 {int64_t{number}, tp.number, truncated(name, 35), truncated(party->street, 35),
                                  truncated(party->street2, 35), truncated(party->postcode, 9), truncated(party->city, 35),
                                  truncated(party->country, 35)}));
        RELAIS_TRY(conn_.execute("INSERT INTO RELAIS_LIVRAISON_GLN (CT_Num, RL_GLN, LI_No, RL_Date) "
                                 "VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                                 {tp.number, party->gln, int64_t{number}}));
    }

    const std::string docDate = sqlDate(doc.date);
    RELAIS_TRY(conn_.execute(
        "INSERT INTO F_DOCENTETE (DO_Domaine, DO_Type, DO_Piece, DO_Date, DO_Ref, DO_Tiers, CO_No, DO_Period, DO_Devise, "
        "DO_Cours, DE_No, LI_No, CT_NumPayeur, DO_Expedit, DO_NbFacture, DO_BLFact, DO_TxEscompte, DO_Reliquat, "
        "DO_Imprim, CA_Num, DO_Coord01, DO_Coord02, DO_Coord03, DO_Coord04, DO_Souche, DO_DateLivr, DO_Condition, "
        "DO_Tarif, DO_Colisage, DO_TypeColis, DO_Transaction, DO_Langue, DO_Ecart, DO_Regime, N_CatCompta, DO_Ventile, "
        "AB_No, DO_DebutAbo, DO_FinAbo, DO_DebutPeriod, DO_FinPeriod, CG_Num, DO_Statut, DO_Heure, CA_No, "
        "CO_NoCaissier, DO_Transfere, DO_Cloture, DO_NoWeb, DO_Attente, DO_Provenance, DO_Motif, DO_TotalHT, "
        "DO_TotalHTNet, DO_TotalTTC, DO_NetAPayer) VALUES (?, ?, ?, ?, ?, ?, 0, 1, 0, 0, ?, ?, ?, ?, 1, 0, 0, 0, 0, '', "
        "'', '', '', '', ?, ?, ?, ?, 1, 1, 0, 0, 0, 0, ?, 0, 0, ?, ?, ?, ?, ?, 0, ?, 0, 0, 0, 0, '', 0, 0, '', ?, ?, ?, ?)",
        {domain, type, d.piece, docDate, d.reference, tp.number, int64_t{d.depot}, int64_t{d.deliveryPlace}, d.payer,
         int64_t{tp.shipping}, int64_t{settings_.souche}, sqlDate(d.deliveryDate), int64_t{tp.condition},
         int64_t{tp.tariff}, int64_t{tp.accounting}, kEmptyDate, kEmptyDate, kEmptyDate, kEmptyDate, tp.account,
         sageTime(), d.totalExclTax.toString(), d.totalExclTax.toString(), d.totalInclTax.toString(),
         d.totalInclTax.toString()}));

    int position = 0;
    for (const auto& l : d.lines) {
        position += 1000;
        const bool sales = settings_.domain == Domain::Sales;
        RELAIS_TRY(conn_.execute(
            "INSERT INTO F_DOCLIGNE (DO_Domaine, DO_Type, CT_Num, DO_Piece, DO_Date, DL_Ligne, DO_Ref, AR_Ref, DL_Design, "
            "DL_Qte, DL_QteBC, DL_QteBL, EU_Enumere, EU_Qte, DL_PrixUnitaire, DL_PUTTC, DL_Remise01REM_Valeur, "
            "DL_Remise01REM_Type, DL_Taxe1, DL_TypeTaux1, DL_CodeTaxe1, DE_No, DL_Valorise, AC_RefClient, "
            "AF_RefFourniss, DL_MontantHT, DL_MontantTTC, DO_DateLivr) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1, ?, ?, ?, ?, ?)",
            {domain, type, tp.number, d.piece, docDate, int64_t{position}, d.reference, l.ref, l.designation,
             l.quantity.toString(), l.quantity.toString(), l.unit, l.unitQuantity.toString(), l.unitPrice.toString(),
             l.unitPriceInclTax.toString(), l.discount.toString(), int64_t{l.discountType}, l.taxRate.toString(),
             l.taxCode, int64_t{d.depot}, sales ? l.partnerCode : "", sales ? "" : l.partnerCode,
             l.amountExclTax.toString(), l.amountInclTax.toString(), sqlDate(l.deliveryDate)}));
    }
    RELAIS_TRY(conn_.execute("INSERT INTO RELAIS_IMPORT (RI_Domaine, RI_Type, CT_Num, RI_Reference, DO_Piece, RI_Date) "
                             "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                             {domain, type, tp.number, doc.number, d.piece}));
    return tx.commit();
}

}  // namespace relais::sage
