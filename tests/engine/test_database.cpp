// Private test databases.
#include "test_database.h"

#include "activities/job_runner.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace relais::testing {

std::string makeTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "relais-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    return tmpl;
}

void writeFile(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

JobDetail runFlowJob(Client& client, const std::string& flowJson, std::vector<InputFile> files,
                     std::map<std::string, std::string> params) {
    auto imp = client.importFlow(flowJson, "test.json");
    EXPECT_TRUE(imp.isOk()) << imp.status().message();
    SubmitRequest req{parseFlow(flowJson, "test.json")->name, std::move(files), std::move(params), "test", 0, ""};
    auto id = client.jobs().submit(req);
    EXPECT_TRUE(id.isOk()) << id.status().message();
    auto claimed = client.jobs().claim("n1", 60);
    EXPECT_TRUE(claimed.isOk() && *claimed);
    RunControl control;
    JobRunner runner(client.connection(), client.store(), ActivityRegistry::builtin(), control);
    Status s = runner.run(**claimed);
    EXPECT_TRUE(s.isOk()) << s.message();
    return client.jobs().get(*id).value();
}

std::unique_ptr<TestDatabase> TestDatabase::create(std::string* why) {
    const char* env = std::getenv("RELAIS_TEST_ADMIN_DSN");
    if (!env || !*env) {
        *why = "RELAIS_TEST_ADMIN_DSN is not set (tests/run.sh sets it)";
        return nullptr;
    }
    auto admin = parseDsn(env);
    if (!admin) {
        *why = admin.status().message();
        return nullptr;
    }
    auto conn = db::connect(*admin);
    if (!conn) {
        ADD_FAILURE() << conn.status().message();
        *why = conn.status().message();
        return nullptr;
    }
    std::random_device rd;
    const std::string name = "relais_gt_" + std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000);
    auto made = (*conn)->execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    if (!made) {
        ADD_FAILURE() << made.status().message();
        *why = made.status().message();
        return nullptr;
    }
    auto t = std::unique_ptr<TestDatabase>(new TestDatabase());
    t->admin_ = *admin;
    t->dir_ = makeTempDir();
    t->config_.path = "(test)";
    t->config_.database = *admin;
    t->config_.database.database = name;
    t->config_.storePath = t->dir_ + "/store";
    t->config_.node = "test-node";
    t->config_.migrationsDir = RELAIS_SOURCE_DIR "/sql/mariadb";
    auto c = t->client();
    auto m = c->migrate();
    if (!m) ADD_FAILURE() << m.status().message();
    return t;
}

TestDatabase::~TestDatabase() {
    if (auto conn = db::connect(admin_)) (*conn)->execute("DROP DATABASE IF EXISTS " + config_.database.database);
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::unique_ptr<Client> TestDatabase::client() {
    auto c = Client::open(config_);
    EXPECT_TRUE(c.isOk()) << c.status().message();
    return c ? std::move(c).value() : nullptr;
}

}  // namespace relais::testing
