// Parsing of the connector's settings and export criteria.
#include "sage/sage_settings.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <vector>

#include "formats/pivot_records.h"

namespace relais::sage {
namespace {

Status bad(const std::string& key, const std::string& what) { return Status(Code::InvalidArgument, key + " " + what); }

// Reads optional members of one JSON object, remembering which keys it knows.
class Reader {
public:
    explicit Reader(const nlohmann::json& j) : j_(j) {}

    Status text(const char* key, std::string& out, bool required = false) {
        known_.push_back(key);
        if (!j_.contains(key)) return required ? bad(key, "is missing") : Status::ok();
        if (!j_[key].is_string()) return bad(key, "must be a string");
        out = j_[key].get<std::string>();
        if (required && out.empty()) return bad(key, "must not be empty");
        return Status::ok();
    }
    Status flag(const char* key, bool& out) {
        known_.push_back(key);
        if (!j_.contains(key)) return Status::ok();
        if (!j_[key].is_boolean()) return bad(key, "must be true or false");
        out = j_[key].get<bool>();
        return Status::ok();
    }
    Status number(const char* key, int& out, int min, int max) {
        known_.push_back(key);
        if (!j_.contains(key)) return Status::ok();
        if (!j_[key].is_number_integer() || j_[key].get<int64_t>() < min || j_[key].get<int64_t>() > max)
            return bad(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        out = j_[key].get<int>();
        return Status::ok();
    }
    // One of `choices`, returning its index.
    Status choice(const char* key, const std::vector<std::string>& choices, int& out) {
        std::string v;
        RELAIS_TRY(text(key, v));
        if (!j_.contains(key)) return Status::ok();
        auto it = std::find(choices.begin(), choices.end(), v);
        if (it == choices.end()) {
            std::string list;
            for (const auto& c : choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
            return bad(key, "'" + v + "' is not one of " + list);
        }
        out = static_cast<int>(it - choices.begin());
        return Status::ok();
    }
    Status date(const char* key, std::string& out) {
        RELAIS_TRY(text(key, out));
        if (out.empty()) return Status::ok();
        const std::string norm = pivot::normaliseDate(out);
        if (norm.empty() || norm.size() != 10) return bad(key, "'" + out + "' is not a date (YYYY-MM-DD)");
        out = norm;
        return Status::ok();
    }
    Status unknownKeys() const {
        if (!j_.is_object()) return Status(Code::InvalidArgument, "settings must be an object of key/value pairs");
        for (const auto& [key, _] : j_.items())
            if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
                std::string list;
                for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
                return bad(key, "is not a setting here (known: " + list + ")");
            }
        return Status::ok();
    }

private:
    const nlohmann::json& j_;
    std::vector<std::string> known_;
};

// "type": one export type or several separated by commas ("invoice,credit_note").
Status readTypes(Reader& r, std::vector<std::string>& types) {
    std::string text;
    RELAIS_TRY(r.text("type", text));
    if (text.empty()) return Status::ok();
    types.clear();
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string one = text.substr(start, end - start);
        one.erase(0, one.find_first_not_of(' '));
        one.erase(one.find_last_not_of(' ') + 1);
        if (std::find(kExportTypes.begin(), kExportTypes.end(), one) == kExportTypes.end()) {
            std::string list;
            for (const auto& c : kExportTypes) list += (list.empty() ? "\"" : ", \"") + c + "\"";
            return bad("type", "'" + one + "' is not one of " + list + " (or several separated by commas)");
        }
        if (std::find(types.begin(), types.end(), one) == types.end()) types.push_back(one);
        start = end + 1;
    }
    return Status::ok();
}

Status readCriteria(Reader& r, ExportCriteria& c, bool withOut) {
    int domain = 0;
    RELAIS_TRY(r.choice("domain", {"sales", "purchases"}, domain));
    c.domain = domain == 0 ? Domain::Sales : Domain::Purchases;
    RELAIS_TRY(readTypes(r, c.types));
    RELAIS_TRY(r.date("from", c.from));
    RELAIS_TRY(r.date("to", c.to));
    if (!c.from.empty() && !c.to.empty() && c.to < c.from) return bad("to", "'" + c.to + "' is before from '" + c.from + "'");
    RELAIS_TRY(r.text("customer", c.customer));
    RELAIS_TRY(r.flag("one_file", c.oneFile));
    int charset = 0;
    RELAIS_TRY(r.choice("charset", {"UTF-8", "ISO-8859-1"}, charset));
    c.charset = charset == 0 ? pivot::Charset::Utf8 : pivot::Charset::Latin1;
    if (withOut) {
        RELAIS_TRY(r.text("out", c.outDir, true));
        if (c.outDir.front() != '/') return bad("out", "'" + c.outDir + "' must be an absolute folder path");
    }
    return Status::ok();
}

}  // namespace

const std::vector<std::string> kExportTypes = {"invoice", "credit_note", "delivery", "order"};

Result<SageSettings> parseSageSettings(const nlohmann::json& with, SettingsUse use, ExportCriteria* criteria) {
    if (!with.is_object()) return Status(Code::InvalidArgument, "settings must be an object of key/value pairs");
    Reader r(with);
    SageSettings s;
    RELAIS_TRY(r.text("dsn", s.source.dsn, true));
    RELAIS_TRY(r.text("user", s.source.user));
    RELAIS_TRY(r.text("password", s.source.password));
    if (use != SettingsUse::Export) {
        int domain = 0, type = 1, prices = 0;
        RELAIS_TRY(r.choice("domain", {"sales", "purchases"}, domain));
        s.domain = domain == 0 ? Domain::Sales : Domain::Purchases;
        RELAIS_TRY(r.choice("document_type", {"quote", "order", "preparation", "delivery", "invoice", "credit_note"}, type));
        // DO_Type of each name, in the sales and the purchases domain.
        static const int kSales[] = {0, 1, -1, 3, 6, 5};
        static const int kPurchases[] = {10, 12, 11, 13, 16, 15};
        s.documentType = (s.domain == Domain::Sales ? kSales : kPurchases)[type];
        if (s.documentType < 0) return bad("document_type", "'preparation' is for purchases only");
        RELAIS_TRY(r.text("generic_customer", s.genericCustomer));
        RELAIS_TRY(r.text("generic_supplier", s.genericSupplier));
        RELAIS_TRY(r.text("generic_item", s.genericItem));
        RELAIS_TRY(r.flag("create_delivery_places", s.createDeliveryPlaces));
        RELAIS_TRY(r.choice("prices", {"pivot", "sage"}, prices));
        s.prices = prices == 0 ? PriceSource::Pivot : PriceSource::Sage;
        RELAIS_TRY(r.number("depot", s.depot, 0, 2147483647));
        RELAIS_TRY(r.number("souche", s.souche, 0, 99));
    }
    if (use != SettingsUse::Import) {
        RELAIS_TRY(r.text("own_gln", s.ownGln));
        RELAIS_TRY(r.text("own_name", s.ownName));
        if (!s.ownGln.empty()) {
            const pivot::FieldSpec gln{"own_gln", pivot::FieldKind::Gln, false};
            if (std::string why = pivot::checkField(gln, s.ownGln); !why.empty()) return bad("own_gln", "'" + s.ownGln + "' " + why);
        }
    }
    if (use == SettingsUse::Export) {
        ExportCriteria local;
        RELAIS_TRY(readCriteria(r, criteria ? *criteria : local, false));
    }
    RELAIS_TRY(r.unknownKeys());
    return s;
}

Result<ExportCriteria> parseExportCriteria(const nlohmann::json& j, bool withOut) {
    if (!j.is_object()) return Status(Code::InvalidArgument, "criteria must be an object of key/value pairs");
    Reader r(j);
    ExportCriteria c;
    RELAIS_TRY(readCriteria(r, c, withOut));
    RELAIS_TRY(r.unknownKeys());
    return c;
}

Result<SageSettings> sageSettingsFromConfig(const IniSections& ini, const std::string& origin,
                                            const nlohmann::json& overrides) {
    auto section = ini.find("sage");
    if (section == ini.end())
        return Status(Code::NotFound, origin + " has no [sage] section: the Sage 100 connector is not configured (docs/sage100.md)");
    const std::string where = origin + " [sage] ";
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, value] : section->second) {
        if (key == "export_dir") continue;
        if (key == "password_file") {
            std::ifstream in(value);
            std::string line;
            if (!in || !std::getline(in, line))
                return Status(Code::Config, where + "password_file " + value + " cannot be read (or is empty)");
            if (!line.empty() && line.back() == '\r') line.pop_back();
            j["password"] = line;
        } else if (key == "create_delivery_places") {
            static const std::map<std::string, bool> kFlags = {{"true", true}, {"yes", true}, {"on", true}, {"1", true},
                                                               {"false", false}, {"no", false}, {"off", false}, {"0", false}};
            auto flag = kFlags.find(value);
            if (flag == kFlags.end()) return Status(Code::Config, where + key + " '" + value + "' is not true or false");
            j[key] = flag->second;
        } else if (key == "depot" || key == "souche") {
            if (value.empty() || value.size() > 10 || value.find_first_not_of("0123456789") != std::string::npos)
                return Status(Code::Config, where + key + " '" + value + "' is not a whole number");
            j[key] = std::stoll(value);
        } else {
            j[key] = value;
        }
    }
    auto fromFile = parseSageSettings(j, SettingsUse::Connector);
    if (!fromFile) return Status(Code::Config, where + fromFile.status().message());
    if (!overrides.is_object()) return Status(Code::InvalidArgument, "options must be an object of key/value pairs");
    for (const auto& [key, value] : overrides.items()) {
        if (key == "dsn" || key == "user" || key == "password")
            return bad(key, "comes from " + origin + " [sage] and cannot be given here");
        j[key] = value;
    }
    return parseSageSettings(j, SettingsUse::Connector);
}

}  // namespace relais::sage
