// dir.collect activity.
#include "activities/dir_collect.h"

#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "activities/with_settings.h"
#include "base/atomic_file.h"

namespace fs = std::filesystem;

namespace relais {

Status DirCollectActivity::validate(const nlohmann::json& with) const {
    RELAIS_TRY(checkSettings(with, "dir.collect",
                             {{"path", SettingType::String, true},
                              {"pattern", SettingType::String},
                              {"max_files", SettingType::PositiveInt}}));
    if (!fs::path(settingString(with, "path")).is_absolute())
        return Status(Code::InvalidArgument, "path '" + settingString(with, "path") + "' must be absolute");
    return Status::ok();
}

Status DirCollectActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>&,
                               std::vector<StepDocument>& outputs, StepFailure& failure) const {
    const fs::path dir(settingString(with, "path"));
    const std::string pattern = settingString(with, "pattern", "*");
    const size_t maxFiles = with.contains("max_files") ? with["max_files"].get<size_t>() : SIZE_MAX;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        failure.transient = true;
        return Status(Code::NotFound, "folder " + dir.string() + " does not exist");
    }
    const fs::path taken = dir / ".relais-taken";
    const std::string mine = "job" + std::to_string(ctx.jobId()) + "--";
    if (Status s = makeDirs(taken.string(), 0750); !s) {
        failure.transient = true;
        return s;
    }
    // What this job claimed in an earlier run of the step, then new files.
    std::vector<std::string> claimed;
    for (const auto& e : fs::directory_iterator(taken, ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind(mine, 0) == 0) claimed.push_back(n.substr(mine.size()));
    }
    std::vector<std::string> fresh;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string n = e.path().filename().string();
        if (n.empty() || n[0] == '.' || !e.is_regular_file(ec)) continue;
        if (::fnmatch(pattern.c_str(), n.c_str(), FNM_PERIOD) == 0) fresh.push_back(n);
    }
    if (ec) {
        failure.transient = true;
        return Status(Code::Io, "cannot list " + dir.string() + ": " + ec.message());
    }
    std::sort(fresh.begin(), fresh.end());
    for (const auto& n : fresh) {
        if (claimed.size() >= maxFiles) break;
        if (std::rename((dir / n).c_str(), (taken / (mine + n)).c_str()) == 0) claimed.push_back(n);
        else if (errno != ENOENT)  // ENOENT: another job took it first
            ctx.log("warn", "cannot take " + (dir / n).string() + ": " + std::strerror(errno));
    }
    Status error;  // the first store failure; the files after it go back
    for (const auto& n : claimed) {
        const fs::path held = taken / (mine + n);
        if (error.isOk()) {
            auto doc = ctx.addOutput(n, held.string());
            if (doc) {
                fs::remove(held, ec);
                outputs.push_back(*doc);
                continue;
            }
            error = doc.status();
        }
        // Not stored: back where it was, for the next collect.
        if (std::rename(held.c_str(), (dir / n).c_str()) != 0)
            ctx.log("error", "cannot put " + held.string() + " back as " + (dir / n).string() + ": " + std::strerror(errno));
    }
    if (error.isOk() && outputs.empty())
        ctx.log("info", "nothing to collect in " + dir.string() + " matching '" + pattern + "'");
    if (error.isOk()) {
        if (!outputs.empty()) ctx.log("info", "collected " + std::to_string(outputs.size()) + " file(s) from " + dir.string());
        return Status::ok();
    }
    if (!outputs.empty()) {
        ctx.log("warn", "collected " + std::to_string(outputs.size()) + " file(s); the others stay in " + dir.string() +
                            ": " + error.message());
        return Status::ok();
    }
    failure.transient = true;
    return error;
}

}  // namespace relais
