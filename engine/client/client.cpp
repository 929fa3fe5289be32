// Client: wiring of config, connection, store and services.
#include "client/client.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

constexpr size_t kMaxPreviewBytes = 1024 * 1024;

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

Result<std::string> Client::readFlowFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Status(Code::InvalidArgument, "flow file " + path + " is a directory");
    std::ifstream in(path);
    if (!in) return Status(Code::NotFound, "cannot read flow file " + path + ": " + std::strerror(errno));
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

Result<FlowDefinition> Client::checkFlowFile(const std::string& path) {
    auto json = readFlowFile(path);
    if (!json) return json.status();
    return checkFlow(*json, path);
}

Result<ImportResult> Client::importFlowFile(const std::string& path) {
    auto json = readFlowFile(path);
    if (!json) return json.status();
    return importFlow(*json, path);
}

Result<db::MigrationReport> Client::migrate(const std::string& migrationsDir) {
    const std::string dir =
        db::findMigrationsDir(migrationsDir.empty() ? config_.migrationsDir : migrationsDir, conn_->dialect());
    return db::migrate(*conn_, dir);
}

Result<DocumentPreview> Client::previewDocument(int64_t documentId, size_t maxBytes) {
    if (maxBytes < 1 || maxBytes > kMaxPreviewBytes)
        return Status(Code::InvalidArgument, "preview size " + std::to_string(maxBytes) + " must be from 1 to " +
                                                 std::to_string(kMaxPreviewBytes) + " bytes");
    RELAIS_ASSIGN_OR_RETURN(Document doc, jobs().document(documentId));
    const std::string path = store_.absolutePath(doc.storePath);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status(Code::Io, "cannot read document #" + std::to_string(documentId) + " (" + doc.name + ") at " + path);
    std::string head(std::min<uint64_t>(maxBytes, doc.size), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    return relais::previewDocument(head, doc.size > head.size());
}

Result<std::vector<DiffLine>> Client::diffFlowVersions(const std::string& name, int fromVersion, int toVersion) {
    RELAIS_ASSIGN_OR_RETURN(StoredFlow before, flows().version(name, fromVersion));
    RELAIS_ASSIGN_OR_RETURN(StoredFlow after, flows().version(name, toVersion));
    return diffLines(flowText(before.definition.json), flowText(after.definition.json));
}

Result<SystemReport> Client::systemReport(const std::string& softwarePath) {
    RELAIS_ASSIGN_OR_RETURN(SystemReport r, relais::systemReport(*conn_, config_, softwarePath));
    r.relaisVersion = version();
    return r;
}

}  // namespace relais
