// `relais sage` commands over the core's SageConnector.
#include "cli/sage_commands.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "sage/sage_connector.h"

namespace fs = std::filesystem;

namespace relais::cli {
namespace {

// A settings message names its key ("prices 'x' is not..."): the user typed
// the option, so name that ("--prices 'x' is not...").
int fail(const Status& s, bool fromSettings = false) {
    std::string m = s.message();
    if (fromSettings) {
        const size_t end = m.find(' ');
        for (size_t i = 0; i < end && i < m.size(); ++i)
            if (m[i] == '_') m[i] = '-';
        m = "--" + m;
    }
    std::cerr << "relais: " << m << "\n";
    return kError;
}

// The connector of the options: settings checked (errors name the option),
// password read, ODBC connection opened. Null after printing the error.
std::unique_ptr<sage::SageConnector> open(const SageOptions& o) {
    nlohmann::json j = {{"dsn", o.dsn}};
    if (!o.user.empty()) j["user"] = o.user;
    for (const auto& [k, v] : o.settings)
        if (!v.empty()) j[k] = v;
    if (o.createDeliveryPlaces) j["create_delivery_places"] = true;
    if (o.depot) j["depot"] = *o.depot;
    if (o.souche) j["souche"] = *o.souche;
    auto settings = sage::parseSageSettings(j, sage::SettingsUse::Connector);
    if (!settings) {
        fail(settings.status(), true);
        return nullptr;
    }
    if (o.passwordStdin) {
        std::string line;
        if (!std::getline(std::cin, line)) {
            fail(Status(Code::InvalidArgument, "no password on standard input"));
            return nullptr;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        settings->source.password = line;
    }
    auto connector = sage::SageConnector::open(*settings);
    if (!connector) {
        fail(connector.status());
        return nullptr;
    }
    return std::move(connector).value();
}

}  // namespace

int sageImport(const SageOptions& o, const std::vector<std::string>& files) {
    auto connector = open(o);
    if (!connector) return kError;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    int failed = 0;
    for (const auto& file : files) {
        auto report = connector->importFile(file);
        if (!report) return fail(report.status());
        failed += report->count("failed");
        if (o.json) {
            all.push_back(report->toJson());
            continue;
        }
        for (const auto& d : report->documents) {
            if (d.status == "failed") {
                std::printf("failed    %s %s: %s\n", d.message.c_str(), d.number.c_str(), d.error.c_str());
                continue;
            }
            std::printf("%-9s %s %s -> %s  %s", d.status.c_str(), d.message.c_str(), d.number.c_str(), d.piece.c_str(),
                        d.thirdParty.c_str());
            if (d.status == "imported") std::printf("  %d lines  %s", d.lines, d.totalExclTax.toFixed(2).c_str());
            std::printf("\n");
        }
        for (const auto& w : report->warnings) std::cerr << "warning: " << w << "\n";
        std::printf("%s: %d imported, %d already imported, %d failed\n", file.c_str(), report->count("imported"),
                    report->count("existing"), report->count("failed"));
    }
    if (o.json) std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
    return failed > 0 ? kJobFailed : kOk;
}

int sageExport(const SageOptions& o, const SageExportOptions& e) {
    nlohmann::json c = {{"type", e.type}, {"domain", e.domain}, {"out", e.out.empty() ? "" : fs::absolute(e.out).string()}, {"one_file", e.oneFile}};
    for (const auto& [k, v] : {std::pair{"from", e.from}, {"to", e.to}, {"customer", e.customer}, {"charset", e.charset}})
        if (!v.empty()) c[k] = v;
    auto criteria = sage::parseExportCriteria(c);
    if (!criteria) return fail(criteria.status(), true);
    auto connector = open(o);
    if (!connector) return kError;
    auto report = connector->exportDocuments(*criteria);
    if (!report) return fail(report.status());
    if (o.json) {
        std::cout << report->toJson().dump(2) << "\n";
        return kOk;
    }
    for (const auto& d : report->documents)
        std::printf("exported  %s %s %s  %s  %d lines  %s  -> %s\n", d.message.c_str(), d.nameCode.c_str(), d.piece.c_str(),
                    d.thirdParty.c_str(), d.lines, d.totalExclTax.toFixed(2).c_str(), d.file.c_str());
    for (const auto& w : report->warnings) std::cerr << "warning: " << w << "\n";
    std::printf("%zu exported in %zu file(s)\n", report->documents.size(), report->files.size());
    return kOk;
}

}  // namespace relais::cli
