// relais_bench: drives the engine for the benchmarks in tests/bench/*.sh.
//   submit  --jobs N [--threads T] --flow F [--files DIR]
//                                             queue N jobs (job i with the i-th file of DIR
//                                             as its input), print the submit rate
//   wait    --jobs N --after-id ID            wait until the N jobs after ID ended; print the
//                                             engine throughput from the database's own timestamps
//   latency --jobs N --interval-ms M --flow F submit one job every M ms, then print the
//                                             submit-to-start and submit-to-end percentiles
// It measures; it asserts nothing.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "bench_report.h"
#include "client/client.h"

using namespace relais;
using Clock = std::chrono::steady_clock;

namespace {

using bench::die;
using bench::percentile;

// With `filesDir`, job i gets the i-th file of that folder (by name) as its input.
int submit(const std::string& config, const std::string& flow, int jobs, int threads, const std::string& filesDir) {
    std::vector<std::string> files;
    if (!filesDir.empty()) {
        for (const auto& entry : std::filesystem::directory_iterator(filesDir)) files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        if (files.size() < static_cast<size_t>(jobs)) {
            std::fprintf(stderr, "relais_bench: %s has %zu files for %d jobs\n", filesDir.c_str(), files.size(), jobs);
            return 2;
        }
    }
    std::atomic<int> next{0}, failed{0};
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            auto c = Client::open(config);
            if (!c) {
                die(c.status());
                failed += jobs;
                return;
            }
            auto q = (*c)->jobs();
            for (int i = next++; i < jobs; i = next++) {
                SubmitRequest req;
                req.flow = flow;
                if (!files.empty())
                    req.files.push_back({std::filesystem::path(files[static_cast<size_t>(i)]).filename().string(),
                                         files[static_cast<size_t>(i)]});
                req.submittedBy = "bench";
                if (!q.submit(req)) ++failed;
            }
        });
    }
    for (auto& t : pool) t.join();
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("submitted %d jobs with %d thread(s) in %.2f s: %.0f submits/s (%d failed)\n", jobs, threads, secs,
                jobs / secs, failed.load());
    return failed ? 1 : 0;
}

int wait(const std::string& config, int jobs, int64_t afterId, int timeoutSeconds) {
    auto c = Client::open(config);
    if (!c) return die(c.status());
    auto& conn = (*c)->connection();
    const auto deadline = Clock::now() + std::chrono::seconds(timeoutSeconds);
    for (;;) {
        auto r = conn.query("SELECT COUNT(*) FROM job WHERE id > ? AND status IN ('succeeded','failed')", {afterId});
        if (!r) return die(r.status());
        if (r->front().i64(0) >= jobs) break;
        if (Clock::now() > deadline) {
            std::printf("timeout: %lld of %d jobs ended\n", static_cast<long long>(r->front().i64(0)), jobs);
            return 1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto r = conn.query(
        "SELECT SUM(status = 'succeeded'), SUM(status = 'failed'), "
        "TIMESTAMPDIFF(MICROSECOND, MIN(started_at), MAX(finished_at)), "
        "TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(finished_at)), COUNT(DISTINCT node) "
        "FROM job WHERE id > ?",
        {afterId});
    if (!r) return die(r.status());
    const auto& row = r->front();
    const double run = static_cast<double>(row.i64(2)) / 1e6;
    const double all = static_cast<double>(row.i64(3)) / 1e6;
    std::printf("%lld succeeded, %lld failed, on %lld node(s)\n", static_cast<long long>(row.i64(0)),
                static_cast<long long>(row.i64(1)), static_cast<long long>(row.i64(4)));
    std::printf("engine throughput: %.0f jobs/s (first start to last end: %.2f s)\n", jobs / run, run);
    std::printf("submit-to-end throughput: %.0f jobs/s (first submit to last end: %.2f s)\n", jobs / all, all);
    return row.i64(1) ? 1 : 0;
}

int latency(const std::string& config, const std::string& flow, int jobs, int intervalMs) {
    auto c = Client::open(config);
    if (!c) return die(c.status());
    auto q = (*c)->jobs();
    std::vector<int64_t> ids;
    auto next = Clock::now();
    for (int i = 0; i < jobs; ++i) {
        std::this_thread::sleep_until(next);
        next += std::chrono::milliseconds(intervalMs);
        SubmitRequest req;
        req.flow = flow;
        req.submittedBy = "bench";
        auto id = q.submit(req);
        if (!id) return die(id.status());
        ids.push_back(*id);
    }
    auto& conn = (*c)->connection();
    for (int tries = 0;; ++tries) {
        auto r = conn.query("SELECT COUNT(*) FROM job WHERE id BETWEEN ? AND ? AND status IN ('succeeded','failed')",
                            {ids.front(), ids.back()});
        if (!r) return die(r.status());
        if (r->front().i64(0) >= jobs) break;
        if (tries > 600) return die(Status(Code::Unavailable, "jobs did not finish within 60 s"));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    auto r = conn.query(
        "SELECT TIMESTAMPDIFF(MICROSECOND, created_at, started_at), TIMESTAMPDIFF(MICROSECOND, created_at, finished_at) "
        "FROM job WHERE id BETWEEN ? AND ?",
        {ids.front(), ids.back()});
    if (!r) return die(r.status());
    std::vector<double> start, end;
    for (const auto& row : *r) {
        start.push_back(static_cast<double>(row.i64(0)) / 1000.0);
        end.push_back(static_cast<double>(row.i64(1)) / 1000.0);
    }
    std::printf("%d jobs, one every %d ms\n", jobs, intervalMs);
    std::printf("submit-to-start latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(start, 50),
                percentile(start, 99), percentile(start, 100));
    std::printf("submit-to-end latency:   p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(end, 50),
                percentile(end, 99), percentile(end, 100));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"relais_bench: engine benchmarks"};
    app.require_subcommand(1);
    std::string config, flow = "bench-noop";
    int jobs = 1000, threads = 1, intervalMs = 50, timeout = 600;
    int64_t afterId = 0;
    int rc = 0;
    app.add_option("--config", config)->required();
    auto* sub = app.add_subcommand("submit");
    sub->add_option("--jobs", jobs);
    sub->add_option("--threads", threads);
    sub->add_option("--flow", flow);
    std::string filesDir;
    sub->add_option("--files", filesDir, "a folder whose i-th file (by name) is job i's input");
    sub->callback([&] { rc = submit(config, flow, jobs, threads, filesDir); });
    auto* w = app.add_subcommand("wait");
    w->add_option("--jobs", jobs);
    w->add_option("--after-id", afterId);
    w->add_option("--timeout", timeout);
    w->callback([&] { rc = wait(config, jobs, afterId, timeout); });
    auto* lat = app.add_subcommand("latency");
    lat->add_option("--jobs", jobs);
    lat->add_option("--interval-ms", intervalMs);
    lat->add_option("--flow", flow);
    lat->callback([&] { rc = latency(config, flow, jobs, intervalMs); });
    CLI11_PARSE(app, argc, argv);
    return rc;
}
