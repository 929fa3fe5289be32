// Client: wiring of config, connection, store and services.
#include "client/client.h"

#include <fstream>
#include <sstream>

namespace relais {

const char* version() { return RELAIS_VERSION; }

Result<std::unique_ptr<Client>> Client::open(const std::string& configPath) {
    auto config = loadConfig(resolveConfigPath(configPath));
    if (!config) return config.status();
    return open(config.value());
}

Result<std::unique_ptr<Client>> Client::open(const Config& config) {
    auto conn = db::connect(config.database);
    if (!conn) return conn.status();
    return std::unique_ptr<Client>(new Client(config, std::move(conn).value()));
}

Result<FlowDefinition> Client::checkFlow(const std::string& json, const std::string& origin) {
    nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded()) return parseFlow(json, origin);  // its message says where the syntax breaks
    return checkFlow(j, origin);
}

Result<FlowDefinition> Client::checkFlow(const nlohmann::json& json, const std::string& origin) {
    std::vector<FieldError> errors;
    FlowDefinition def = flowFromJson(json, errors);
    ActivityRegistry::builtin().validate(def, errors);
    if (!errors.empty()) return Status::invalid(origin, std::move(errors));
    return def;
}

Result<ImportResult> Client::importFlow(const std::string& json, const std::string& origin) {
    auto def = checkFlow(json, origin);
    if (!def) return def.status();
    return flows().import(*def);
}

Result<ImportResult> Client::importFlowFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Status(Code::NotFound, "cannot read flow file " + path);
    std::stringstream buf;
    buf << in.rdbuf();
    return importFlow(buf.str(), path);
}

Result<db::MigrationReport> Client::migrate(const std::string& migrationsDir) {
    const std::string dir =
        db::findMigrationsDir(migrationsDir.empty() ? config_.migrationsDir : migrationsDir, conn_->dialect());
    return db::migrate(*conn_, dir);
}

}  // namespace relais
