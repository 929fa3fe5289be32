// The reference data of a Sage 100 file the connector reads: third parties
// (F_COMPTET), delivery places (F_LIVRAISON and the connector's GLN table),
// items (F_ARTICLE, F_ARTCLIENT, F_ARTFOURNISS), taxes (F_TAXE), depots
// (F_DEPOT). Items, third parties and taxes found are kept for the catalog's
// life (one import or export run): they do not change under a running import.
// Thread-safety: one thread, like its connection.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/decimal.h"
#include "db/connection.h"
#include "sage/sage_settings.h"

namespace relais::sage {

struct ThirdParty {
    std::string number;  // CT_Num
    std::string name;
    std::string payer;     // CT_NumPayeur
    std::string account;   // CG_NumPrinc
    std::string ediCode;   // CT_EdiCode
    std::string address, complement, postcode, city, country, vat;
    int tariff = 0, accounting = 0, shipping = 0, condition = 0;  // N_CatTarif, N_CatCompta, N_Expedition, N_Condition
    bool dormant = false;
};

struct Item {
    std::string ref;  // AR_Ref
    std::string designation;
    std::string barcode;  // AR_CodeBarre
    std::string ediCode;  // AR_EdiCode
    Decimal salePrice, purchasePrice;
    bool dormant = false;
    // Found by the barcode of one of its packagings (F_CONDITION): the
    // packaging's name (EC_Enumere) and how many items it holds (EC_Quantite).
    std::string packaging;
    Decimal perPackage = Decimal::fromInt(1);
};

// A customer's (F_ARTCLIENT) or supplier's (F_ARTFOURNISS) view of an item.
struct PartnerItem {
    std::string code;  // AC_RefClient / AF_RefFourniss
    Decimal price;     // AC_PrixVen / AF_PrixAch (0: none)
    Decimal discount;  // AC_Remise / AF_Remise, percent
};

struct TaxCode {
    std::string code;  // TA_Code
    Decimal rate;
    std::string ediCode;  // TA_EdiCode (EDIFACT category)
};

struct DeliveryPlace {
    int number = 0;  // LI_No
    std::string name, address, complement, postcode, city, country;
    std::string gln;  // from the connector's table, "" when it has none
};

class SageCatalog {
public:
    explicit SageCatalog(db::Connection& conn) : conn_(conn) {}

    // The customer (Sales) or supplier (Purchases) whose CT_EdiCode is `gln`.
    // Two of them with the same code is an error naming both.
    Result<std::optional<ThirdParty>> thirdPartyByGln(const std::string& gln, Domain domain);
    Result<std::optional<ThirdParty>> thirdParty(const std::string& number);

    // By EAN: AR_CodeBarre, then AR_EdiCode, then (Purchases) AF_CodeBarre,
    // then a packaging's CO_CodeBarre (the Item then names the packaging).
    Result<std::optional<Item>> itemByBarcode(const std::string& code, Domain domain);
    Result<std::optional<Item>> item(const std::string& ref);
    // By the partner's own code: AC_RefClient (Sales) or AF_RefFourniss (Purchases).
    Result<std::optional<Item>> itemByPartnerCode(const std::string& partner, const std::string& code, Domain domain);
    Result<std::optional<PartnerItem>> partnerItem(const std::string& ref, const std::string& partner, Domain domain);

    Result<std::optional<TaxCode>> tax(const std::string& code);
    // A tax code of `rate` for sales (TA_Type 0) or purchases (1).
    Result<std::optional<TaxCode>> taxByRate(Decimal rate, Domain domain);

    // DE_No of the main depot (DE_Principal = 1, else the lowest DE_No).
    Result<int> mainDepot();

    // LI_No of the delivery place of `customer` whose GLN is `gln`.
    Result<std::optional<int>> deliveryPlaceByGln(const std::string& customer, const std::string& gln);
    // LI_No of the customer's main delivery place (LI_Principal), if any.
    Result<std::optional<int>> mainDeliveryPlace(const std::string& customer);
    Result<std::optional<DeliveryPlace>> deliveryPlace(int number);
    // A depot (F_DEPOT) as a place: name and address, no GLN.
    Result<std::optional<DeliveryPlace>> depot(int number);

private:
    Result<std::optional<Item>> itemWhere(const std::string& where, const db::Params& params);

    db::Connection& conn_;
    std::map<std::string, std::optional<ThirdParty>> thirdParties_;
    std::map<std::string, std::optional<Item>> items_;
    std::map<std::string, std::optional<PartnerItem>> partnerItems_;
    std::map<std::string, std::optional<TaxCode>> taxes_;
    std::optional<int> mainDepot_;
};

}  // namespace relais::sage
