// exec activity: fork/exec with a pipe for the output, a timeout and an
// early stop on shutdown.
#include "activities/exec_activity.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace relais {
namespace {

constexpr size_t kMaxLoggedOutput = 64 * 1024;

}  // namespace

Status ExecActivity::validate(const nlohmann::json& with) const {
    for (const auto& [k, _] : with.items())
        if (k != "program" && k != "args" && k != "timeout_seconds")
            return Status(Code::InvalidArgument, k + " is not an exec setting (known: program, args, timeout_seconds)");
    if (!with.contains("program") || !with["program"].is_string())
        return Status(Code::InvalidArgument, "program is missing or not a string");
    if (!fs::path(with["program"].get<std::string>()).is_absolute())
        return Status(Code::InvalidArgument, "program '" + with["program"].get<std::string>() + "' must be an absolute path");
    if (with.contains("args")) {
        if (!with["args"].is_array()) return Status(Code::InvalidArgument, "args must be an array of strings");
        for (size_t i = 0; i < with["args"].size(); ++i)
            if (!with["args"][i].is_string())
                return Status(Code::InvalidArgument, "args[" + std::to_string(i) + "] must be a string");
    }
    if (with.contains("timeout_seconds") &&
        (!with["timeout_seconds"].is_number_integer() || with["timeout_seconds"].get<int>() < 1))
        return Status(Code::InvalidArgument, "timeout_seconds must be a positive integer");
    return Status::ok();
}

Status ExecActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                         std::vector<StepDocument>& outputs, StepFailure& failure) const {
    const std::string program = with["program"].get<std::string>();
    std::vector<std::string> args{program};
    if (with.contains("args"))
        for (const auto& a : with["args"]) args.push_back(a.get<std::string>());
    for (const auto& d : inputs) args.push_back(d.path);
    const int timeout = with.value("timeout_seconds", 300);

    // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int pipefd[2];
    if (::pipe2(pipefd, O_CLOEXEC) != 0) return Status(Code::Internal, std::string("pipe: ") + std::strerror(errno));
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(pipefd[0]);
        ::close(pipefd[1]);
        failure.transient = true;
        return Status(Code::Unavailable, std::string("cannot start ") + program + ": " + std::strerror(errno));
    }
    if (pid == 0) {
        ::dup2(pipefd[1], 1);
        ::dup2(pipefd[1], 2);
        int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::setpgid(0, 0);
        ::execv(program.c_str(), argv.data());
        const char msg[] = "exec failed: cannot run the program\n";
        (void)!::write(2, msg, sizeof msg - 1);
        ::_exit(127);
    }
    ::close(pipefd[1]);
    std::string output;
    bool truncated = false, timedOut = false, stopped = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
    for (;;) {
        pollfd p{pipefd[0], POLLIN, 0};
        int pr = ::poll(&p, 1, 200);
        if (pr > 0) {
            char buf[4096];
            ssize_t n = ::read(pipefd[0], buf, sizeof buf);
            if (n == 0) break;
            if (n > 0) {
                if (output.size() < kMaxLoggedOutput) output.append(buf, static_cast<size_t>(n));
                else truncated = true;
            } else if (errno != EINTR && errno != EAGAIN) {
                break;
            }
        }
        if (std::chrono::steady_clock::now() > deadline) timedOut = true;
        else if (ctx.stopRequested()) stopped = true;
        if (timedOut || stopped) {
            ::kill(-pid, SIGKILL);
            break;
        }
    }
    ::close(pipefd[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!output.empty())
        ctx.log("info", program + " output:\n" + output + (truncated ? "\n[output truncated]" : ""));
    if (timedOut) {
        // A hung program is usually waiting for something remote: worth another attempt.
        failure.transient = true;
        return Status(Code::Unavailable, program + " did not finish within " + std::to_string(timeout) + " s");
    }
    if (stopped) {
        failure.transient = true;
        return Status(Code::Unavailable, program + " was stopped (engine shutting down or job cancelled)");
    }
    if (WIFSIGNALED(status))
        return Status(Code::Internal, program + " was killed by signal " + std::to_string(WTERMSIG(status)));
    if (WEXITSTATUS(status) == 127 && output.find("exec failed") != std::string::npos)
        return Status(Code::NotFound, "cannot run " + program + " (missing or not executable)");
    if (WEXITSTATUS(status) != 0)
        return Status(Code::Internal, program + " exited with status " + std::to_string(WEXITSTATUS(status)));
    outputs = inputs;
    return Status::ok();
}

}  // namespace relais
