// The Sage 100 connector's settings and export criteria, and their one
// parser: the same JSON object comes from a flow step's "with" (activities
// sage.import / sage.export), from the CLI's options and from the PHP
// Relais\Sage\Connector's arrays. docs/sage100.md lists every key.
// Thread-safety: plain values.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/config.h"
#include "base/status.h"
#include "db/odbc_connection.h"
#include "formats/pivot_document.h"

namespace relais::sage {

// DO_Domaine.
enum class Domain { Sales = 0, Purchases = 1 };

// Where line prices come from: the pivot's (else Sage's when the pivot has
// none), or always Sage's (customer/supplier item price, else the item's).
enum class PriceSource { Pivot, Sage };

struct SageSettings {
    db::OdbcSource source;  // dsn, user, password

    // Import.
    Domain domain = Domain::Sales;
    int documentType = 1;  // DO_Type: sales 0 quote, 1 order, 3 delivery note, 6 invoice, 5 credit note; purchases 10, 12, 13, 16, 15
    std::string genericCustomer;  // CT_Num used when a buyer's GLN matches no customer
    std::string genericSupplier;  // CT_Num used when a supplier's GLN matches no supplier
    std::string genericItem;      // AR_Ref used when an EAN matches no item
    bool createDeliveryPlaces = false;  // create F_LIVRAISON rows for unknown delivery GLNs
    PriceSource prices = PriceSource::Pivot;
    int depot = 0;   // DE_No; 0: the main depot (DE_Principal = 1)
    int souche = 0;  // DO_Souche / DC_Souche: the numbering series

    // Export: the company of the Sage file, supplier (SU) of what it sells.
    std::string ownGln;
    std::string ownName;
};

// The kinds of document an export selects, by their name in settings:
// "invoice", "credit_note", "delivery", "order". In the sales domain: invoices
// DO_Type 6 and 7, credit notes 5 and the 6/7 whose DO_Provenance is 1
// (return) or 2 (credit), delivery notes 3, orders 1; in the purchases domain
// 16/17, 15 (and 16/17 of provenance 1, 2), 13 and 12.
extern const std::vector<std::string> kExportTypes;

struct ExportCriteria {
    Domain domain = Domain::Sales;  // sales: the third party is the customer; purchases: the supplier
    std::vector<std::string> types = {"invoice"};  // of kExportTypes, at least one
    std::string from;              // DO_Date from this day (YYYY-MM-DD), inclusive
    std::string to;                // ... to this day, inclusive
    std::string customer;          // DO_Tiers
    std::string outDir;            // where the pivot files go (absolute)
    bool oneFile = false;          // one file for the run instead of one per document
    pivot::Charset charset = pivot::Charset::Utf8;
    // Who exports: documents this run exported before are exported again
    // (a job step run twice), those of other runs never.
    std::string run;
};

// Which keys a settings object may hold: Import (the sage.import step),
// Export (the sage.export step: export settings and criteria but "out"),
// Connector (import and export settings, no criteria: the PHP connector's
// options, the CLI).
enum class SettingsUse { Import, Export, Connector };

// Reads the settings of `use` from `with`; unknown keys and bad values fail
// with a message naming the key ("prices 'cheap' is not one of ...").
// For Export, the criteria are read into `criteria` when it is given.
Result<SageSettings> parseSageSettings(const nlohmann::json& with, SettingsUse use, ExportCriteria* criteria = nullptr);

// The export criteria alone (PHP's export(array) and the CLI); with `withOut`
// false "out" is refused (an export into the [sage] export_dir's run folders).
Result<ExportCriteria> parseExportCriteria(const nlohmann::json& criteria, bool withOut = true);

// The connector configured in relais.ini's [sage] section (the admin site's):
// the keys of a flow step's settings (Connector use), as text in the file
// ("true"/"false" for create_delivery_places, whole numbers for depot and
// souche), plus password_file (a file whose first line is the password) and
// export_dir (where the admin site writes exports; not a connector setting).
// `overrides` (the caller's choice of domain, document_type...) win over the
// file; they may not set dsn, user or password. Code::NotFound when the file
// has no [sage] section; other errors name `origin`, [sage] and the key.
Result<SageSettings> sageSettingsFromConfig(const IniSections& ini, const std::string& origin,
                                            const nlohmann::json& overrides = nlohmann::json::object());

}  // namespace relais::sage
