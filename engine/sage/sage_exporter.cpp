// SageExporter: two queries (the headers and the lines of the selection),
// pivot documents built in memory, files written, then RELAIS_EXPORT rows.
#include "sage/sage_exporter.h"

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "db/sql_dialect.h"
#include "formats/pivot_records.h"
#include "formats/pivot_writer.h"

namespace fs = std::filesystem;

namespace relais::sage {
namespace {

const Decimal kHundred = Decimal::fromInt(100);

bool valid(pivot::FieldKind kind, const std::string& value) {
    const pivot::FieldSpec spec{"", kind, false, 3};
    return !value.empty() && pivot::checkField(spec, value).empty();
}

std::string dateOf(const std::string& sqlDateTime) {
    std::string d = sqlDateTime.substr(0, 10);
    return d.rfind("1753-01-01", 0) == 0 ? "" : d;
}

// CT_Pays / LI_Pays hold a country's name; the pivot wants its ISO code.
std::string countryCode(const std::string& name) {
    static const std::map<std::string, std::string> codes = {
        {"France", "FR"}, {"Belgique", "BE"}, {"Suisse", "CH"}, {"Luxembourg", "LU"}, {"Allemagne", "DE"},
        {"Espagne", "ES"}, {"Italie", "IT"}, {"Royaume-Uni", "GB"}, {"Pays-Bas", "NL"}, {"Monaco", "MC"}};
    if (valid(pivot::FieldKind::Country, name)) return name;
    auto it = codes.find(name);
    return it == codes.end() ? "" : it->second;
}

std::string fileSafe(const std::string& s) {
    std::string out;
    for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out;
}

struct Selection {
    std::string where;  // appended to "... WHERE e.DO_Domaine = ?"
    db::Params params;
};

// DO_Type of each kind of document, sales then purchases.
struct TypeCodes {
    int order, delivery, credit, invoice, postedInvoice;
};
const TypeCodes kSalesTypes{1, 3, 5, 6, 7};
const TypeCodes kPurchaseTypes{12, 13, 15, 16, 17};

const TypeCodes& typeCodes(Domain d) { return d == Domain::Sales ? kSalesTypes : kPurchaseTypes; }

// The export type of a document: an invoice of provenance 1 (return) or 2
// (credit), "facture de retour" / "facture d'avoir", is a credit note.
std::string kindOf(Domain domain, int type, int provenance) {
    const TypeCodes& t = typeCodes(domain);
    if (type == t.order) return "order";
    if (type == t.delivery) return "delivery";
    if (type == t.credit) return "credit_note";
    return provenance == 1 || provenance == 2 ? "credit_note" : "invoice";
}

Selection selectionOf(const ExportCriteria& c) {
    Selection s;
    s.params.emplace_back(int64_t{c.domain == Domain::Sales ? 0 : 1});
    const TypeCodes& t = typeCodes(c.domain);
    std::string kinds;
    for (const auto& type : c.types) {
        kinds += kinds.empty() ? "" : " OR ";
        if (type == "invoice") {
            kinds += "(e.DO_Type IN (?, ?) AND e.DO_Provenance NOT IN (1, 2))";
            s.params.insert(s.params.end(), {int64_t{t.invoice}, int64_t{t.postedInvoice}});
        } else if (type == "credit_note") {
            kinds += "e.DO_Type = ? OR (e.DO_Type IN (?, ?) AND e.DO_Provenance IN (1, 2))";
            s.params.insert(s.params.end(), {int64_t{t.credit}, int64_t{t.invoice}, int64_t{t.postedInvoice}});
        } else {
            kinds += "e.DO_Type = ?";
            s.params.emplace_back(int64_t{type == "delivery" ? t.delivery : t.order});
        }
    }
    s.where = " AND (" + kinds + ") AND (x.DO_Piece IS NULL OR x.RE_Run = ?)";
    s.params.emplace_back(c.run);
    if (!c.from.empty()) {
        s.where += " AND e.DO_Date >= ?";
        s.params.emplace_back(std::in_place_type<std::string>, db::portableTimestamp(c.from));
    }
    if (!c.to.empty()) {
        s.where += " AND e.DO_Date <= ?";
        s.params.emplace_back(std::in_place_type<std::string>, db::portableTimestamp(c.to + "T23:59:59"));
    }
    if (!c.customer.empty()) {
        s.where += " AND e.DO_Tiers = ?";
        s.params.emplace_back(std::in_place_type<std::string>, c.customer);
    }
    return s;
}

const char* kExportJoin =
    " LEFT JOIN RELAIS_EXPORT x ON x.DO_Domaine = e.DO_Domaine AND x.DO_Type = e.DO_Type AND x.DO_Piece = e.DO_Piece"
    " WHERE e.DO_Domaine = ?";

struct Header {
    int type = 0;
    std::string piece, date, ref, thirdParty, payer, deliveryDate;
    int deliveryPlace = 0;
    bool markedByThisRun = false;
    int provenance = 0;
    int depot = 0;
};

// A credit note's quantities and amounts are positive in the pivot (as in
// EANCOM's INVOIC 381): its name code says which way the money goes.
Decimal unsigned_(Decimal d, bool credit) { return credit && d.isNegative() ? -d : d; }

}  // namespace

Result<ExportReport> SageExporter::exportDocuments(const ExportCriteria& given) {
    ExportCriteria c = given;
    if (c.run.empty()) {
        std::random_device rd;
        c.run = "run-" + std::to_string(std::time(nullptr)) + "-" + std::to_string(rd() % 1000000);
    }
    if (settings_.ownGln.empty() && settings_.ownName.empty())
        return Status(Code::InvalidArgument,
                      "own_gln (or own_name) is not set: the exported documents need their supplier (the Sage file's company)");
    std::error_code ec;
    if (!fs::is_directory(c.outDir, ec)) return Status(Code::NotFound, "export folder " + c.outDir + " does not exist");

    const Selection sel = selectionOf(c);
    const bool sales = c.domain == Domain::Sales;
    const int64_t domain = sales ? 0 : 1;
    RELAIS_ASSIGN_OR_RETURN(
        db::Rows heads,
        conn_.query("SELECT e.DO_Type, e.DO_Piece, e.DO_Date, e.DO_Ref, e.DO_Tiers, e.CT_NumPayeur, e.LI_No, e.DO_DateLivr, "
                    "x.RE_Run, e.DO_Provenance, e.DE_No FROM F_DOCENTETE e" + std::string(kExportJoin) + sel.where +
                        " ORDER BY e.DO_Date, e.DO_Type, e.DO_Piece",
                    sel.params));
    RELAIS_ASSIGN_OR_RETURN(
        db::Rows lineRows,
        conn_.query("SELECT l.DO_Type, l.DO_Piece, l.AR_Ref, l.DL_Design, l.DL_Qte, l.EU_Enumere, l.DL_PrixUnitaire, "
                    "l.DL_Remise01REM_Valeur, l.DL_Remise01REM_Type, l.DL_Taxe1, l.DL_CodeTaxe1, l.DL_MontantHT, "
                    "l.DL_MontantTTC, l.AC_RefClient, l.DL_PieceBL, COALESCE(a.AR_CodeBarre, ''), COALESCE(a.AR_EdiCode, ''), "
                    "l.AF_RefFourniss, l.DL_PieceBC "
                    "FROM F_DOCLIGNE l JOIN F_DOCENTETE e ON e.DO_Domaine = l.DO_Domaine AND e.DO_Type = l.DO_Type "
                    "AND e.DO_Piece = l.DO_Piece LEFT JOIN F_ARTICLE a ON a.AR_Ref = l.AR_Ref" +
                        std::string(kExportJoin) + sel.where + " ORDER BY l.DO_Type, l.DO_Piece, l.DL_Ligne",
                    sel.params));
    std::map<std::pair<int, std::string>, std::vector<const db::Row*>> linesOf;
    for (const auto& r : lineRows) linesOf[{static_cast<int>(r.i64(0)), r.str(1)}].push_back(&r);

    ExportReport report;
    std::vector<std::pair<Header, pivot::Document>> built;
    for (const auto& h : heads) {
        Header head{static_cast<int>(h.i64(0)), h.str(1), dateOf(h.str(2)), h.str(3), h.str(4), h.str(5), dateOf(h.str(7)),
                    static_cast<int>(h.i64(6)), !h.isNull(8), static_cast<int>(h.i64(9)), static_cast<int>(h.i64(10))};
        const std::string what = "document " + head.piece;
        auto lines = linesOf.find({head.type, head.piece});
        if (lines == linesOf.end()) {
            report.warnings.push_back(what + " has no line: not exported");
            continue;
        }
        const std::string kind = kindOf(c.domain, head.type, head.provenance);
        const bool credit = kind == "credit_note";
        pivot::Document d;
        d.message = kind == "delivery" ? pivot::Message::Desadv : kind == "order" ? pivot::Message::Orders : pivot::Message::Invoic;
        d.nameCode = kind == "delivery" ? "351" : kind == "order" ? "220" : credit ? "381" : "380";
        d.function = "9";
        d.number = head.piece;
        d.date = head.date;
        if (d.message != pivot::Message::Desadv) d.currency = "EUR";
        // DO_Ref: the customer's order number (sales); in purchases the
        // supplier's number of its delivery note or invoice, or our own reference.
        if (!head.ref.empty())
            d.references.push_back({sales ? "ON" : kind == "delivery" ? "AAK" : kind == "order" ? "ACD" : "IV", head.ref, "", {}});
        if (!head.deliveryDate.empty())
            d.dates.push_back({d.message == pivot::Message::Orders ? "2" : d.message == pivot::Message::Desadv ? "17" : "35",
                               head.deliveryDate, {}});
        if (d.message == pivot::Message::Desadv) d.dates.push_back({"11", head.date, {}});

        // Parties: the company of the Sage file sells (SU) or buys (BY); the
        // third party of the document is the other one.
        const pivot::Party own{sales ? "SU" : "BY", settings_.ownGln, settings_.ownName, "", "", "", "", "", "", "", {}, {}};
        d.parties.push_back(own);
        RELAIS_ASSIGN_OR_RETURN(auto thirdParty, catalog_.thirdParty(head.thirdParty));
        auto partyOf = [&](const char* role, const std::optional<ThirdParty>& tp, const std::string& number) {
            pivot::Party p{role, "", number, "", "", "", "", "", "", number, {}, {}};
            if (!tp) return p;
            if (valid(pivot::FieldKind::Gln, tp->ediCode)) p.gln = tp->ediCode;
            else report.warnings.push_back(what + ": " + number + " has no valid GLN in CT_EdiCode ('" + tp->ediCode + "')");
            p.name = tp->name;
            p.street = tp->address;
            p.street2 = tp->complement;
            p.postcode = tp->postcode;
            p.city = tp->city;
            p.country = countryCode(tp->country);
            p.vat = tp->vat;
            return p;
        };
        d.parties.push_back(partyOf(sales ? "BY" : "SU", thirdParty, head.thirdParty));
        // Delivered to: the customer's place (sales), our depot (purchases).
        if (sales && head.deliveryPlace != 0) {
            RELAIS_ASSIGN_OR_RETURN(auto place, catalog_.deliveryPlace(head.deliveryPlace));
            if (place)
                d.parties.push_back({"DP", place->gln, place->name, place->address, place->complement, place->postcode,
                                     place->city, countryCode(place->country), "", "", {}, {}});
        } else if (!sales && head.depot != 0 && d.message != pivot::Message::Invoic) {
            RELAIS_ASSIGN_OR_RETURN(auto depot, catalog_.depot(head.depot));
            if (depot)
                d.parties.push_back({"DP", "", depot->name, depot->address, "", depot->postcode, depot->city, "", "", "", {}, {}});
        }
        if (sales && d.message == pivot::Message::Invoic && !head.payer.empty() && head.payer != head.thirdParty) {
            RELAIS_ASSIGN_OR_RETURN(auto payer, catalog_.thirdParty(head.payer));
            d.parties.push_back(partyOf("IV", payer, head.payer));
        }

        // Lines, and the invoice's totals by tax rate.
        std::map<std::pair<std::string, std::string>, std::pair<Decimal, Decimal>> byRate;  // (rate, category) -> taxable, tax
        Decimal totalExcl, totalIncl;
        std::set<std::string> deliveryNotes, purchaseOrders;
        int number = 0;
        for (const db::Row* rp : lines->second) {
            const db::Row& r = *rp;
            pivot::Line l;
            l.number = ++number;
            const std::string barcode = r.str(15), edi = r.str(16);
            l.gtin = valid(pivot::FieldKind::Gtin, barcode) ? barcode : valid(pivot::FieldKind::Gtin, edi) ? edi : "";
            if (l.gtin.empty())
                report.warnings.push_back(what + " line " + std::to_string(number) + ": item " + r.str(2) +
                                          " has no valid EAN (AR_CodeBarre, AR_EdiCode): identified by its code only");
            // The seller's code of the item, and the buyer's.
            l.supplierItem = sales ? r.str(2) : r.str(17);
            l.buyerItem = sales ? r.str(13) : r.str(2);
            l.description = r.str(3);
            const Decimal qty = unsigned_(Decimal::parse(r.str(4)).value_or(Decimal()), credit);
            const std::string unit = r.str(5);
            l.quantities.push_back({pivot::mainQuantityQualifier(d.message), qty,
                                    valid(pivot::FieldKind::Code, unit) ? unit : "", {}});
            if (!r.str(14).empty()) deliveryNotes.insert(r.str(14));
            if (!sales && !r.str(18).empty()) purchaseOrders.insert(r.str(18));
            if (d.message != pivot::Message::Desadv) {
                const Decimal pu = unsigned_(Decimal::parse(r.str(6)).value_or(Decimal()), credit);
                const Decimal discount = Decimal::parse(r.str(7)).value_or(Decimal());
                const int64_t discountType = r.i64(8);
                Decimal net = pu;
                if (!discount.isZero() && (discountType == 1 || discountType == 2)) {
                    net = discountType == 1 ? (pu * (kHundred - discount) / kHundred) : pu - discount;
                    l.prices.push_back({"AAB", pu, std::nullopt, "", {}});
                    l.allowances.push_back({false, "DI", discountType == 1 ? std::optional<Decimal>(discount) : std::nullopt,
                                            discountType == 2 ? std::optional<Decimal>(discount) : std::nullopt,
                                            std::nullopt, std::nullopt, "", {}});
                }
                l.prices.insert(l.prices.begin(), {"AAA", net, std::nullopt, "", {}});
                const Decimal rate = Decimal::parse(r.str(9)).value_or(Decimal());
                const Decimal excl = unsigned_(Decimal::parse(r.str(11)).value_or(Decimal()), credit);
                const Decimal incl = unsigned_(Decimal::parse(r.str(12)).value_or(Decimal()), credit);
                std::string category = rate.isZero() ? "Z" : "S";
                if (!r.str(10).empty()) {
                    RELAIS_ASSIGN_OR_RETURN(auto tax, catalog_.tax(r.str(10)));
                    if (tax && valid(pivot::FieldKind::Code, tax->ediCode)) category = tax->ediCode;
                }
                l.taxes.push_back({"VAT", rate, category, incl - excl, r.str(10), {}});
                l.amounts.push_back({"203", excl, {}});
                totalExcl += excl;
                totalIncl += incl;
                auto& slot = byRate[{rate.toString(), category}];
                slot.first += excl;
                slot.second += incl - excl;
            }
            d.lines.push_back(std::move(l));
        }
        for (const auto& order : purchaseOrders) d.references.push_back({"ON", order, "", {}});
        if (d.message == pivot::Message::Invoic) {
            for (const auto& bl : deliveryNotes) d.references.push_back({"DQ", bl, "", {}});
            d.totals = {{"79", totalExcl, {}}, {"125", totalExcl, {}}, {"176", totalIncl - totalExcl, {}}, {"77", totalIncl, {}}};
            for (const auto& [key, sums] : byRate)
                d.taxSummaries.push_back({"VAT", Decimal::parse(key.first), key.second, sums.first, sums.second, {}});
        }
        // A document the format cannot hold stays in Sage for the next run.
        if (auto check = pivot::writePivot(pivot::PivotFile{c.charset, {d}}); !check) {
            report.warnings.push_back(what + " not exported: " + check.status().message());
            continue;
        }
        ExportedDocument e{head.piece, head.type, pivot::messageName(d.message), head.thirdParty, head.date,
                           static_cast<int>(d.lines.size()), totalExcl, "", sales ? "sales" : "purchases", kind, d.nameCode};
        report.documents.push_back(e);
        built.emplace_back(head, std::move(d));
    }
    if (built.empty()) return report;

    // The files, then the marks: a crash between them exports the documents again.
    if (c.oneFile) {
        // Named after its message, or PIVOT when the run mixes messages.
        std::string message = pivot::messageName(built[0].second.message);
        for (const auto& b : built)
            if (pivot::messageName(b.second.message) != message) message = "PIVOT";
        pivot::PivotFile all{c.charset, {}};
        for (auto& [h, d] : built) all.documents.push_back(d);
        const std::string name = message + "_" + fileSafe(c.run) + ".pivot";
        RELAIS_TRY(pivot::writePivotFile(all, (fs::path(c.outDir) / name).string()));
        report.files.push_back((fs::path(c.outDir) / name).string());
        for (auto& e : report.documents) e.file = report.files.back();
    } else {
        for (size_t i = 0; i < built.size(); ++i) {
            const auto& d = built[i].second;
            const std::string path = (fs::path(c.outDir) / (std::string(pivot::messageName(d.message)) + "_" +
                                                            fileSafe(d.number) + ".pivot")).string();
            RELAIS_TRY(pivot::writePivotFile(pivot::PivotFile{c.charset, {d}}, path));
            report.files.push_back(path);
            report.documents[i].file = path;
        }
    }
    db::Transaction tx(conn_);
    RELAIS_TRY(tx.begin());
    for (size_t i = 0; i < built.size(); ++i) {
        const Header& h = built[i].first;
        if (h.markedByThisRun) continue;
        Status marked = conn_.execute("INSERT INTO RELAIS_EXPORT (DO_Domaine, DO_Type, DO_Piece, RE_Run, RE_File, RE_Date) "
                                      "VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                                      {domain, int64_t{h.type}, h.piece, c.run,
                                       fs::path(report.documents[i].file).filename().string().substr(0, 255)})
                            .status();
        if (!marked)
            return Status(marked.code(), "document " + h.piece + " was written to " + report.documents[i].file +
                                             " but cannot be marked exported: " + marked.message());
    }
    RELAIS_TRY(tx.commit());
    return report;
}

}  // namespace relais::sage
