// relaisd: the Relais flow/activity engine daemon. Runs in the foreground
// (systemd Type=notify, or a terminal); SIGTERM/SIGINT stop it cleanly.
#include <CLI/CLI.hpp>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <thread>

#include "daemon/engine.h"

namespace {

// The handler only sets a flag (async-signal-safe); a watcher thread turns it
// into Engine::requestStop().
volatile sig_atomic_t g_signal = 0;
void onSignal(int sig) { g_signal = sig; }

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"relaisd: the Relais flow/activity engine"};
    std::string configPath, pidFile;
    app.add_option("--config", configPath, "configuration file (else $RELAIS_CONFIG, else /etc/relais/relais.ini)");
    app.add_option("--pid-file", pidFile, "write the process id to this file");
    app.add_flag_callback("--version", [] {
        std::cout << "relaisd " << RELAIS_VERSION << "\n";
        std::exit(0);
    });
    CLI11_PARSE(app, argc, argv);

    auto config = relais::loadConfig(relais::resolveConfigPath(configPath));
    if (!config) {
        std::cerr << "relaisd: " << config.status().message() << "\n";
        return 2;
    }
    relais::configureLogging(config->logLevel, config->logFile);

    if (!pidFile.empty()) {
        std::ofstream pf(pidFile);
        if (!pf) {
            std::cerr << "relaisd: cannot write pid file " << pidFile << "\n";
            return 2;
        }
        pf << ::getpid() << "\n";
    }
    struct sigaction sa{};
    sa.sa_handler = onSignal;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);

    relais::Engine engine(config.value());
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done.load()) {
            const int sig = g_signal;
            if (sig == SIGHUP) {
                g_signal = 0;
                engine.requestReload();
            } else if (sig) {
                spdlog::info("received signal {}", sig);
                engine.requestStop();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    int rc = engine.run();
    done.store(true);
    watcher.join();
    if (!pidFile.empty()) ::unlink(pidFile.c_str());
    return rc;
}
