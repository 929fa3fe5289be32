// The Relais client: the one entry point the faces (relais CLI, relaisd, PHP
// extension) use to reach the core. It owns a configuration, a database
// connection and the content store, and hands out the services built on
// them. Thread-safety: a Client belongs to one thread at a time; open one per
// thread (relaisd does, per worker).
#pragma once

#include <memory>
#include <string>

#include "activities/registry.h"
#include "base/config.h"
#include "db/connection.h"
#include "db/migrations.h"
#include "flows/flow_diff.h"
#include "flows/flow_repository.h"
#include "formats/document_preview.h"
#include "jobs/job_queue.h"
#include "jobs/node_registry.h"
#include "partners/partner_directory.h"
#include "partners/partner_edifact.h"
#include "store/content_store.h"
#include "system/system_report.h"
#include "users/user_directory.h"

namespace relais {

// The version of Relais, shown by `relais version` and `php --ri relais`.
const char* version();

class Client {
public:
    // Reads the config file (resolveConfigPath rules) and connects. Errors
    // name the file or the database.
    static Result<std::unique_ptr<Client>> open(const std::string& configPath = "");
    static Result<std::unique_ptr<Client>> open(const Config& config);

    const Config& config() const { return config_; }
    db::Connection& connection() { return *conn_; }
    const ContentStore& store() const { return store_; }

    JobQueue jobs() { return JobQueue(*conn_, store_); }
    FlowRepository flows() { return FlowRepository(*conn_); }
    UserDirectory users() { return UserDirectory(*conn_); }
    // The login rules of the [web] settings.
    LoginPolicy loginPolicy() const {
        return {config_.web.loginMaxFailures, config_.web.loginLockoutMinutes * 60};
    }
    NodeRegistry nodes() { return NodeRegistry(*conn_); }
    PartnerDirectory partners() { return PartnerDirectory(*conn_); }
    PartnerEdifactSettings partnerEdifact() { return PartnerEdifactSettings(*conn_); }

    // Parses a flow and checks it against the activity registry, listing
    // every problem (Status::fieldErrors()).
    static Result<FlowDefinition> checkFlow(const std::string& json, const std::string& origin);
    static Result<FlowDefinition> checkFlow(const nlohmann::json& json, const std::string& origin);
    // Parses, validates against the activity registry and stores a flow.
    Result<ImportResult> importFlow(const std::string& json, const std::string& origin);
    Result<ImportResult> importFlowFile(const std::string& path);
    // A flow file's text; the error names the file and why (missing, a directory...).
    static Result<std::string> readFlowFile(const std::string& path);
    static Result<FlowDefinition> checkFlowFile(const std::string& path);

    Result<db::MigrationReport> migrate(const std::string& migrationsDir = "");

    // A preview of document `documentId` from its first `maxBytes` bytes
    // (1 to 1 MiB) in the store.
    Result<DocumentPreview> previewDocument(int64_t documentId, size_t maxBytes);
    // The line diff of two versions of a flow (see flow_diff.h).
    Result<std::vector<DiffLine>> diffFlowVersions(const std::string& name, int fromVersion, int toVersion);
    // Versions, database checks and disk space (see system_report.h).
    Result<SystemReport> systemReport(const std::string& softwarePath);
    // The file system of the content store.
    Result<DiskUsage> storeUsage() const { return diskUsage(config_.storePath); }

private:
    Client(Config config, std::unique_ptr<db::Connection> conn)
        : config_(std::move(config)), conn_(std::move(conn)), store_(config_.storePath) {}

    Config config_;
    std::unique_ptr<db::Connection> conn_;
    ContentStore store_;
};

}  // namespace relais
