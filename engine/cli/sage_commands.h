// `relais sage import` and `relais sage export`: the Sage 100 connector from
// the command line, over ODBC only (no relais.ini needed). Exit codes as the
// other commands: 0 done, 1 some documents could not be imported, 2 an error
// (one line on stderr naming what is wrong).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace relais::cli {

struct SageOptions {
    std::string dsn;
    std::string user;
    bool passwordStdin = false;
    // Connector settings by their key in docs/sage100.md (domain,
    // document_type, generic_customer, prices, own_gln...); empty: not given.
    std::vector<std::pair<std::string, std::string>> settings;
    bool createDeliveryPlaces = false;
    std::optional<int> depot, souche;
    bool json = false;
};

struct SageExportOptions {
    std::string type = "invoice";  // one or several of invoice, credit_note, delivery, order, comma-separated
    std::string domain = "sales";
    std::string from, to, customer, out, charset;
    bool oneFile = false;
};

int sageImport(const SageOptions& o, const std::vector<std::string>& files);
int sageExport(const SageOptions& o, const SageExportOptions& e);

}  // namespace relais::cli
