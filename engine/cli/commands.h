// The `relais` CLI commands. Each returns the process exit code:
// 0 success, 1 the awaited job failed, 2 an error (printed as one line on
// stderr, naming what is wrong), 3 --wait timed out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job_queue.h"

namespace relais::cli {

constexpr int kOk = 0;
constexpr int kJobFailed = 1;
constexpr int kError = 2;
constexpr int kTimeout = 3;

struct Globals {
    std::string config;  // --config
};

int migrate(const Globals& g, const std::string& sqlDir);
int flowsImport(const Globals& g, const std::vector<std::string>& files);
int flowsList(const Globals& g, bool json);
int flowsSetEnabled(const Globals& g, const std::string& name, bool enabled);
int submit(const Globals& g, const std::string& flow, const std::vector<std::string>& files,
           const std::vector<std::string>& params, const std::string& partner, std::optional<int> waitSeconds,
           bool json);
int show(const Globals& g, const std::string& job, bool json);
// Writes the bytes of document ID to standard output.
int writeDocument(const Globals& g, const std::string& id);
// Prints one page of jobs; in text, ends with the command of the next page
// ("next: relais list ... --before ID") when there is one.
int list(const Globals& g, const JobFilter& filter, bool json);
// cancel, pause, resume or retry a job (`action` is the verb).
int jobAction(const Globals& g, const std::string& action, const std::string& job);
int purge(const Globals& g, int olderThanDays, const std::string& flow, bool dryRun);
int nodes(const Globals& g, bool json);
int flowsExport(const Globals& g, const std::string& name);
int flowsValidate(const std::vector<std::string>& files);
int usersAdd(const Globals& g, const std::string& login, const std::string& role, bool passwordStdin);
int usersPasswd(const Globals& g, const std::string& login, bool passwordStdin);
int usersList(const Globals& g, bool json);

}  // namespace relais::cli
