// sage.import and sage.export activities.
#include "activities/sage_activities.h"

#include <filesystem>
#include <map>

#include "activities/scratch_dir.h"
#include "formats/pivot_reader.h"
#include "sage/sage_connector.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

// Connectors kept between jobs, per worker thread and step settings: opening
// an ODBC connection and checking the connector's tables costs about as much
// as importing a small order. One is handed out only after a ping answers, and
// taken back only by a step that succeeded: a connection that failed (lost,
// timed out on a lock...) is never used again. The catalog (items, third
// parties) is not kept: each run reads Sage afresh.
using IdleConnectors = std::map<std::string, std::unique_ptr<sage::SageConnector>>;
thread_local IdleConnectors idleConnectors;
constexpr size_t kMaxIdleConnectors = 4;  // per worker thread

class ConnectorLease {
public:
    // A kept connector of these settings, else a new one; a failure says whether a retry may help.
    static Result<ConnectorLease> take(const nlohmann::json& with, const sage::SageSettings& settings, StepFailure& failure) {
        ConnectorLease lease;
        lease.key_ = with.dump();
        if (auto it = idleConnectors.find(lease.key_); it != idleConnectors.end()) {
            lease.connector_ = std::move(it->second);
            idleConnectors.erase(it);
            if (lease.connector_->connection().ping()) return lease;
        }
        auto c = sage::SageConnector::open(settings);
        if (!c) {
            failure.transient = sage::isTransient(c.status());
            return c.status();
        }
        lease.connector_ = std::move(c).value();
        return lease;
    }
    sage::SageConnector* operator->() const { return connector_.get(); }
    // The step succeeded: the next job of this thread may use the connector.
    void keep() {
        if (idleConnectors.size() >= kMaxIdleConnectors) idleConnectors.clear();
        idleConnectors[key_] = std::move(connector_);
    }

private:
    std::string key_;
    std::unique_ptr<sage::SageConnector> connector_;
};

}  // namespace

Status SageImportActivity::validate(const nlohmann::json& with) const {
    return sage::parseSageSettings(with, sage::SettingsUse::Import).status();
}

Status SageImportActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                               std::vector<StepDocument>& outputs, StepFailure& failure) const {
    RELAIS_ASSIGN_OR_RETURN(sage::SageSettings settings, sage::parseSageSettings(with, sage::SettingsUse::Import));
    if (inputs.empty()) return Status(Code::InvalidArgument, "sage.import needs a pivot file as input document");
    RELAIS_ASSIGN_OR_RETURN(auto connector, ConnectorLease::take(with, settings, failure));
    int failed = 0;
    std::string firstError;
    for (const auto& doc : inputs) {
        auto file = pivot::readPivotFile(doc.path);
        if (!file) {
            // Name the document as the operator knows it, not its store path.
            std::string m = file.status().message();
            if (m.rfind(doc.path, 0) == 0) m.replace(0, doc.path.size(), doc.record.name);
            return Status(file.status().code(), m);
        }
        auto report = connector->importPivot(*file, doc.record.name);
        if (!report) {
            failure.transient = sage::isTransient(report.status());
            return report.status();
        }
        for (const auto& d : report->documents) {
            if (d.status == "imported")
                ctx.log("info", "imported " + d.message + " " + d.number + " as " + d.piece + " for " + d.thirdParty + " (" +
                                    std::to_string(d.lines) + " lines, " + d.totalExclTax.toFixed(2) + " excl. tax)");
            else if (d.status == "existing")
                ctx.log("info", d.message + " " + d.number + " was imported before as " + d.piece + ": nothing written");
            else {
                ctx.log("error", d.error);
                if (failed++ == 0) firstError = d.error;
            }
        }
        for (const auto& w : report->warnings) ctx.log("warn", w);
    }
    if (failed > 0)
        return Status(Code::InvalidArgument, std::to_string(failed) + " document(s) could not be imported; the first: " + firstError);
    outputs = inputs;
    connector.keep();
    return Status::ok();
}

Status SageExportActivity::validate(const nlohmann::json& with) const {
    sage::ExportCriteria criteria;
    auto s = sage::parseSageSettings(with, sage::SettingsUse::Export, &criteria);
    if (!s) return s.status();
    if (s->ownGln.empty() && s->ownName.empty())
        return Status(Code::InvalidArgument, "own_gln is missing (the GLN of the Sage file's company, supplier of its documents)");
    return Status::ok();
}

Status SageExportActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>&,
                               std::vector<StepDocument>& outputs, StepFailure& failure) const {
    sage::ExportCriteria criteria;
    RELAIS_ASSIGN_OR_RETURN(sage::SageSettings settings, sage::parseSageSettings(with, sage::SettingsUse::Export, &criteria));
    ScratchDir scratch("relais-sage-export");
    if (scratch.path().empty()) {
        failure.transient = true;
        return Status(Code::Io, "cannot create a temporary folder for the exported files");
    }
    criteria.outDir = scratch.path();
    // A step run again (recovery) exports what it exported the first time.
    criteria.run = "job-" + std::to_string(ctx.jobId());
    RELAIS_ASSIGN_OR_RETURN(auto connector, ConnectorLease::take(with, settings, failure));
    auto report = connector->exportDocuments(criteria);
    if (!report) {
        failure.transient = sage::isTransient(report.status());
        return report.status();
    }
    for (const auto& w : report->warnings) ctx.log("warn", w);
    for (const auto& path : report->files) {
        auto out = ctx.addOutput(fs::path(path).filename().string(), path);
        if (!out) {
            failure.transient = true;
            return out.status();
        }
        outputs.push_back(std::move(out).value());
    }
    for (const auto& d : report->documents)
        ctx.log("info", "exported " + d.message + " " + d.piece + " of " + d.thirdParty + " (" + std::to_string(d.lines) +
                            " lines) in " + fs::path(d.file).filename().string());
    if (report->documents.empty()) {
        std::string types;
        for (const auto& t : criteria.types) types += (types.empty() ? "" : ", ") + t;
        ctx.log("info", std::string("no ") + (criteria.domain == sage::Domain::Sales ? "sales " : "purchase ") + types +
                            " to export");
    }
    connector.keep();
    return Status::ok();
}

}  // namespace relais
