// Look-ups in the Sage 100 reference tables, with per-run caches.
#include "sage/sage_catalog.h"

namespace relais::sage {
namespace {

const char* kThirdPartyColumns =
    "SELECT CT_Num, CT_Intitule, CT_NumPayeur, CG_NumPrinc, CT_EdiCode, CT_Adresse, CT_Complement, CT_CodePostal, "
    "CT_Ville, CT_Pays, CT_Identifiant, N_CatTarif, N_CatCompta, N_Expedition, N_Condition, CT_Sommeil FROM F_COMPTET ";

const char* kItemColumns =
    "SELECT AR_Ref, AR_Design, AR_CodeBarre, AR_EdiCode, AR_PrixVen, AR_PrixAch, AR_Sommeil FROM F_ARTICLE ";

Decimal decimalOf(const db::Row& r, size_t i) { return Decimal::parse(r.str(i)).value_or(Decimal()); }

ThirdParty thirdPartyOf(const db::Row& r) {
    ThirdParty t;
    t.number = r.str(0);
    t.name = r.str(1);
    t.payer = r.str(2);
    t.account = r.str(3);
    t.ediCode = r.str(4);
    t.address = r.str(5);
    t.complement = r.str(6);
    t.postcode = r.str(7);
    t.city = r.str(8);
    t.country = r.str(9);
    t.vat = r.str(10);
    t.tariff = static_cast<int>(r.i64(11));
    t.accounting = static_cast<int>(r.i64(12));
    t.shipping = static_cast<int>(r.i64(13));
    t.condition = static_cast<int>(r.i64(14));
    t.dormant = r.i64(15) != 0;
    return t;
}

Item itemOf(const db::Row& r) {
    Item i;
    i.ref = r.str(0);
    i.designation = r.str(1);
    i.barcode = r.str(2);
    i.ediCode = r.str(3);
    i.salePrice = decimalOf(r, 4);
    i.purchasePrice = decimalOf(r, 5);
    i.dormant = r.i64(6) != 0;
    return i;
}

int64_t ctType(Domain d) { return d == Domain::Sales ? 0 : 1; }

// The cached value of `key`, or `load()` stored under it.
template <class T, class Load>
Result<std::optional<T>> cached(std::map<std::string, std::optional<T>>& cache, const std::string& key, Load load) {
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    RELAIS_ASSIGN_OR_RETURN(std::optional<T> v, load());
    cache.emplace(key, v);
    return v;
}

}  // namespace

Result<std::optional<ThirdParty>> SageCatalog::thirdPartyByGln(const std::string& gln, Domain domain) {
    return cached(thirdParties_, "gln:" + std::to_string(ctType(domain)) + ":" + gln,
                  [&]() -> Result<std::optional<ThirdParty>> {
                      RELAIS_ASSIGN_OR_RETURN(db::Rows rows,
                                              conn_.query(std::string(kThirdPartyColumns) +
                                                              "WHERE CT_EdiCode = ? AND CT_Type = ? ORDER BY CT_Num",
                                                          {gln, ctType(domain)}));
                      if (rows.empty()) return std::optional<ThirdParty>();
                      if (rows.size() > 1)
                          return Status(Code::InvalidArgument,
                                        "GLN " + gln + " is the EDI code (CT_EdiCode) of several " +
                                            (domain == Domain::Sales ? "customers" : "suppliers") + " (" + rows[0].str(0) +
                                            ", " + rows[1].str(0) + "): make it unique in Sage");
                      return std::optional<ThirdParty>(thirdPartyOf(rows[0]));
                  });
}

Result<std::optional<ThirdParty>> SageCatalog::thirdParty(const std::string& number) {
    return cached(thirdParties_, "num:" + number, [&]() -> Result<std::optional<ThirdParty>> {
        RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query(std::string(kThirdPartyColumns) + "WHERE CT_Num = ?", {number}));
        if (rows.empty()) return std::optional<ThirdParty>();
        return std::optional<ThirdParty>(thirdPartyOf(rows[0]));
    });
}

Result<std::optional<Item>> SageCatalog::itemWhere(const std::string& where, const db::Params& params) {
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query(std::string(kItemColumns) + where, params));
    if (rows.empty()) return std::optional<Item>();
    return std::optional<Item>(itemOf(rows[0]));
}

Result<std::optional<Item>> SageCatalog::itemByBarcode(const std::string& code, Domain domain) {
    return cached(items_, "ean:" + std::to_string(ctType(domain)) + ":" + code, [&]() -> Result<std::optional<Item>> {
        RELAIS_ASSIGN_OR_RETURN(auto byBarcode, itemWhere("WHERE AR_CodeBarre = ? ORDER BY AR_Sommeil, AR_Ref", {code}));
        if (byBarcode) return byBarcode;
        RELAIS_ASSIGN_OR_RETURN(auto byEdi, itemWhere("WHERE AR_EdiCode = ? ORDER BY AR_Sommeil, AR_Ref", {code}));
        if (byEdi) return byEdi;
        if (domain == Domain::Purchases) {
            RELAIS_ASSIGN_OR_RETURN(auto bySupplier, itemWhere("WHERE AR_Ref IN (SELECT AR_Ref FROM F_ARTFOURNISS WHERE "
                                                               "AF_CodeBarre = ?) ORDER BY AR_Sommeil, AR_Ref",
                                                               {code}));
            if (bySupplier) return bySupplier;
        }
        RELAIS_ASSIGN_OR_RETURN(db::Rows packs, conn_.query("SELECT AR_Ref, EC_Enumere, EC_Quantite FROM F_CONDITION "
                                                            "WHERE CO_CodeBarre = ? ORDER BY AR_Ref, CO_No",
                                                            {code}));
        if (packs.empty()) return std::optional<Item>();
        RELAIS_ASSIGN_OR_RETURN(auto packed, itemWhere("WHERE AR_Ref = ?", {packs[0].str(0)}));
        if (packed) {
            packed->packaging = packs[0].str(1);
            const Decimal per = decimalOf(packs[0], 2);
            if (Decimal() < per) packed->perPackage = per;
        }
        return packed;
    });
}

Result<std::optional<Item>> SageCatalog::item(const std::string& ref) {
    return cached(items_, "ref:" + ref, [&] { return itemWhere("WHERE AR_Ref = ?", {ref}); });
}

Result<std::optional<Item>> SageCatalog::itemByPartnerCode(const std::string& partner, const std::string& code, Domain domain) {
    const bool sales = domain == Domain::Sales;
    return cached(items_, std::string(sales ? "ac:" : "af:") + partner + ":" + code, [&] {
        return itemWhere(sales ? "WHERE AR_Ref IN (SELECT AR_Ref FROM F_ARTCLIENT WHERE CT_Num = ? AND AC_RefClient = ?)"
                               : "WHERE AR_Ref IN (SELECT AR_Ref FROM F_ARTFOURNISS WHERE CT_Num = ? AND AF_RefFourniss = ?)",
                         {partner, code});
    });
}

Result<std::optional<PartnerItem>> SageCatalog::partnerItem(const std::string& ref, const std::string& partner, Domain domain) {
    const bool sales = domain == Domain::Sales;
    return cached(partnerItems_, std::string(sales ? "ac:" : "af:") + partner + ":" + ref,
                  [&]() -> Result<std::optional<PartnerItem>> {
                      RELAIS_ASSIGN_OR_RETURN(
                          db::Rows rows,
                          conn_.query(sales ? "SELECT AC_RefClient, AC_PrixVen, AC_Remise FROM F_ARTCLIENT WHERE AR_Ref = ? AND CT_Num = ?"
                                            : "SELECT AF_RefFourniss, AF_PrixAch, AF_Remise FROM F_ARTFOURNISS WHERE AR_Ref = ? AND CT_Num = ?",
                                      {ref, partner}));
                      if (rows.empty()) return std::optional<PartnerItem>();
                      return std::optional<PartnerItem>(PartnerItem{rows[0].str(0), decimalOf(rows[0], 1), decimalOf(rows[0], 2)});
                  });
}

Result<std::optional<TaxCode>> SageCatalog::tax(const std::string& code) {
    return cached(taxes_, "code:" + code, [&]() -> Result<std::optional<TaxCode>> {
        RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query("SELECT TA_Code, TA_Taux, TA_EdiCode FROM F_TAXE WHERE TA_Code = ?", {code}));
        if (rows.empty()) return std::optional<TaxCode>();
        return std::optional<TaxCode>(TaxCode{rows[0].str(0), decimalOf(rows[0], 1), rows[0].str(2)});
    });
}

Result<std::optional<TaxCode>> SageCatalog::taxByRate(Decimal rate, Domain domain) {
    return cached(taxes_, "rate:" + std::to_string(ctType(domain)) + ":" + rate.toString(),
                  [&]() -> Result<std::optional<TaxCode>> {
                      RELAIS_ASSIGN_OR_RETURN(db::Rows rows,
                                              conn_.query("SELECT TA_Code, TA_Taux, TA_EdiCode FROM F_TAXE "
                                                          "WHERE TA_Taux = ? AND TA_Type = ? ORDER BY TA_Code",
                                                          {rate.toString(), ctType(domain)}));
                      if (rows.empty()) return std::optional<TaxCode>();
                      return std::optional<TaxCode>(TaxCode{rows[0].str(0), decimalOf(rows[0], 1), rows[0].str(2)});
                  });
}

Result<int> SageCatalog::mainDepot() {
    if (mainDepot_) return *mainDepot_;
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query("SELECT DE_No FROM F_DEPOT ORDER BY DE_Principal DESC, DE_No"));
    if (rows.empty()) return Status(Code::Config, "the Sage database has no depot (F_DEPOT is empty)");
    mainDepot_ = static_cast<int>(rows[0].i64(0));
    return *mainDepot_;
}

Result<std::optional<int>> SageCatalog::deliveryPlaceByGln(const std::string& customer, const std::string& gln) {
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows,
                            conn_.query("SELECT g.LI_No FROM RELAIS_LIVRAISON_GLN g JOIN F_LIVRAISON l ON l.LI_No = g.LI_No "
                                        "WHERE g.CT_Num = ? AND g.RL_GLN = ?",
                                        {customer, gln}));
    if (rows.empty()) return std::optional<int>();
    return std::optional<int>(static_cast<int>(rows[0].i64(0)));
}

Result<std::optional<int>> SageCatalog::mainDeliveryPlace(const std::string& customer) {
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows,
                            conn_.query("SELECT LI_No FROM F_LIVRAISON WHERE CT_Num = ? ORDER BY LI_Principal DESC, LI_No", {customer}));
    if (rows.empty()) return std::optional<int>();
    return std::optional<int>(static_cast<int>(rows[0].i64(0)));
}

Result<std::optional<DeliveryPlace>> SageCatalog::deliveryPlace(int number) {
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows,
                            conn_.query("SELECT l.LI_No, l.LI_Intitule, l.LI_Adresse, l.LI_Complement, l.LI_CodePostal, "
                                        "l.LI_Ville, l.LI_Pays, COALESCE(g.RL_GLN, '') FROM F_LIVRAISON l "
                                        "LEFT JOIN RELAIS_LIVRAISON_GLN g ON g.LI_No = l.LI_No AND g.CT_Num = l.CT_Num "
                                        "WHERE l.LI_No = ?",
                                        {int64_t{number}}));
    if (rows.empty()) return std::optional<DeliveryPlace>();
    const db::Row& r = rows[0];
    return std::optional<DeliveryPlace>(
        DeliveryPlace{static_cast<int>(r.i64(0)), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7)});
}

Result<std::optional<DeliveryPlace>> SageCatalog::depot(int number) {
    RELAIS_ASSIGN_OR_RETURN(db::Rows rows, conn_.query("SELECT DE_No, DE_Intitule, DE_Adresse, DE_CodePostal, DE_Ville "
                                                       "FROM F_DEPOT WHERE DE_No = ?",
                                                       {int64_t{number}}));
    if (rows.empty()) return std::optional<DeliveryPlace>();
    const db::Row& r = rows[0];
    return std::optional<DeliveryPlace>(
        DeliveryPlace{static_cast<int>(r.i64(0)), r.str(1), r.str(2), "", r.str(3), r.str(4), "", ""});
}

}  // namespace relais::sage
