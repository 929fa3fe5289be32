// transfers_bench: drives the transfer activities outside the job engine
// (a step context that stores documents in a content store of its own, no
// database), for tests/bench/transfers.sh.
//   transfers_bench collect --store DIR --ca CA --with JSON   ftp.collect once: files/s
//   transfers_bench send --store DIR --ca CA --with JSON --count N --attach FILE
//                                                             mail.send N times: mails/s
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "activities/registry.h"
#include "bench_report.h"
#include "store/content_store.h"

using namespace relais;

namespace {

class BenchContext final : public StepContext {
public:
    BenchContext(const ContentStore& store, TransferSettings settings) : store_(store), settings_(std::move(settings)) {}
    int64_t jobId() const override { return 1; }
    int position() const override { return 0; }
    const std::map<std::string, std::string>& params() const override { return params_; }
    void log(const std::string& level, const std::string& message) override {
        if (level != "info") std::fprintf(stderr, "%s: %s\n", level.c_str(), message.c_str());
    }
    Result<StepDocument> addOutput(const std::string& name, const std::string& path) override {
        auto stored = store_.put(path);
        if (!stored) return stored.status();
        StepDocument d;
        d.record = {++ids_, name, stored->size, stored->sha256, stored->relPath, "out", 0};
        d.path = store_.absolutePath(stored->relPath);
        return d;
    }
    bool stopRequested() const override { return false; }
    const TransferSettings& transfer() const override { return settings_; }

private:
    const ContentStore& store_;
    TransferSettings settings_;
    std::map<std::string, std::string> params_;
    int64_t ids_ = 0;
};

const char* arg(int argc, char** argv, const char* name, const char* def = nullptr) {
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
    return def;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: transfers_bench collect|send --store DIR --ca CA --with JSON [--count N --attach FILE]\n");
        return 2;
    }
    const std::string mode = argv[1];
    const char* store = arg(argc, argv, "--store");
    const char* with = arg(argc, argv, "--with");
    if (!store || !with) return bench::die(Status(Code::InvalidArgument, "--store and --with are required"));
    TransferSettings settings;
    settings.caFile = arg(argc, argv, "--ca", "");
    settings.spoolDirectory = std::string(store) + "/partial";
    ContentStore cs(store);
    BenchContext ctx(cs, settings);
    const auto json = nlohmann::json::parse(with);
    const Activity* a = ActivityRegistry::builtin().find(mode == "collect" ? "ftp.collect" : "mail.send");
    if (Status v = a->validate(json); !v) return bench::die(v);
    std::vector<StepDocument> inputs, outputs;
    StepFailure failure;
    int count = 1;
    if (mode == "send") {
        count = std::atoi(arg(argc, argv, "--count", "1000"));
        auto doc = ctx.addOutput("attachment.txt", arg(argc, argv, "--attach", "/etc/hostname"));
        if (!doc) return bench::die(doc.status());
        inputs.push_back(*doc);
    }
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
        outputs.clear();
        if (Status s = a->run(ctx, json, inputs, outputs, failure); !s) return bench::die(s);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (mode == "collect")
        std::printf("ftp.collect: %zu files in %.2f s = %.1f files/s\n", outputs.size(), secs, outputs.size() / secs);
    else
        std::printf("mail.send: %d mails in %.2f s = %.1f mails/s\n", count, secs, count / secs);
    return 0;
}
