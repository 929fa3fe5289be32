// Reports as JSON.
#include "sage/sage_report.h"

namespace relais::sage {

int ImportReport::count(const std::string& status) const {
    int n = 0;
    for (const auto& d : documents) n += d.status == status ? 1 : 0;
    return n;
}

nlohmann::ordered_json ImportReport::toJson() const {
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const auto& d : documents) {
        nlohmann::ordered_json j = {{"number", d.number}, {"message", d.message}, {"line", d.line},   {"status", d.status},
                            {"piece", d.piece},   {"third_party", d.thirdParty}, {"lines", d.lines},
                            {"total_excl_tax", d.totalExclTax.toFixed(2)}};
        if (!d.error.empty()) j["error"] = d.error;
        docs.push_back(std::move(j));
    }
    return {{"file", file},
            {"documents", docs},
            {"imported", count("imported")},
            {"existing", count("existing")},
            {"failed", count("failed")},
            {"warnings", warnings}};
}

nlohmann::ordered_json ExportReport::toJson() const {
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const auto& d : documents)
        docs.push_back({{"piece", d.piece}, {"type", d.type}, {"message", d.message}, {"third_party", d.thirdParty},
                        {"date", d.date}, {"lines", d.lines}, {"total_excl_tax", d.totalExclTax.toFixed(2)}, {"file", d.file},
                        {"domain", d.domain}, {"kind", d.kind}, {"name_code", d.nameCode}});
    return {{"documents", docs}, {"exported", documents.size()}, {"files", files}, {"warnings", warnings}};
}

}  // namespace relais::sage
