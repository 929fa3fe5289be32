// Schedule and directory triggers.
#include "daemon/triggers.h"

#include <fnmatch.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "base/atomic_file.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

constexpr const char* kTakenDir = ".relais-taken";
constexpr const char* kRejectedDir = ".relais-rejected";

std::string isoUtc(Triggers::TimePoint t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

Triggers::Triggers(std::string node) : node_(std::move(node)) {
    inotifyFd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotifyFd_ < 0) spdlog::warn("triggers: inotify unavailable ({}); watched folders are polled", std::strerror(errno));
}

Triggers::~Triggers() {
    if (inotifyFd_ >= 0) ::close(inotifyFd_);
}

Status Triggers::refresh(Client& client, TimePoint now) {
    auto flows = client.flows().list();
    if (!flows) return flows.status();
    std::set<std::string> liveSchedules, liveWatches;
    for (const auto& f : *flows) {
        if (!f.enabled) continue;
        const TriggerDefinition& t = f.definition.triggerDef;
        if (t.type == "schedule") {
            liveSchedules.insert(f.name);
            auto it = schedules_.find(f.name);
            if (it != schedules_.end() && it->second.flowId == f.id) continue;
            auto cron = CronSchedule::parse(t.cron, t.timeZone);
            if (!cron) {
                spdlog::error("flow {}: {}", f.name, cron.status().message());
                continue;
            }
            const TimePoint next = cron->nextAfter(now);
            spdlog::info("flow {}: schedule '{}' ({}), next run {}", f.name, t.cron, t.timeZone, isoUtc(next));
            schedules_.insert_or_assign(f.name, Schedule{f.id, std::move(cron).value(), next});
        } else if (t.type == "directory") {
            liveWatches.insert(f.name);
            auto it = watches_.find(f.name);
            if (it != watches_.end() && it->second.flowId == f.id) continue;
            if (it != watches_.end() && it->second.wd >= 0) ::inotify_rm_watch(inotifyFd_, it->second.wd);
            Watch w;
            w.flowId = f.id;
            w.def = t;
            w.nextScan = now;
            if (inotifyFd_ >= 0)
                w.wd = ::inotify_add_watch(inotifyFd_, t.path.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB);
            spdlog::info("flow {}: watching {} for '{}' (stable {} s, poll {} s{})", f.name, t.path, t.pattern,
                         t.stableSeconds, t.pollSeconds, w.wd >= 0 ? ", inotify" : "");
            watches_.insert_or_assign(f.name, std::move(w));
        }
    }
    std::erase_if(schedules_, [&](const auto& kv) { return !liveSchedules.count(kv.first); });
    for (auto it = watches_.begin(); it != watches_.end();) {
        if (liveWatches.count(it->first)) {
            ++it;
            continue;
        }
        if (it->second.wd >= 0) ::inotify_rm_watch(inotifyFd_, it->second.wd);
        it = watches_.erase(it);
    }
    return Status::ok();
}

void Triggers::waitForEvents(int ms) {
    if (inotifyFd_ < 0 || watches_.empty()) {
        ::usleep(static_cast<useconds_t>(ms) * 1000);
        return;
    }
    pollfd p{inotifyFd_, POLLIN, 0};
    if (::poll(&p, 1, ms) > 0) {
        char buf[8192];
        while (::read(inotifyFd_, buf, sizeof buf) > 0) {
        }
        wake_ = true;
    }
}

Result<int> Triggers::tick(Client& client, TimePoint now) {
    int submitted = 0;
    for (auto& [flow, s] : schedules_) {
        if (now < s.next) continue;
        RELAIS_ASSIGN_OR_RETURN(int n, fireSchedule(client, flow, s, now));
        submitted += n;
    }
    const bool woken = wake_;
    wake_ = false;
    for (auto& [flow, w] : watches_) {
        if (!woken && now < w.nextScan) continue;
        RELAIS_ASSIGN_OR_RETURN(int n, scanFolder(client, flow, w, now));
        submitted += n;
    }
    return submitted;
}

Result<int> Triggers::fireSchedule(Client& client, const std::string& flow, Schedule& s, TimePoint now) {
    // After downtime only the latest missed run fires, not one per missed slot.
    for (TimePoint later = s.cron.nextAfter(s.next); later <= now; later = s.cron.nextAfter(s.next)) s.next = later;
    SubmitRequest req;
    req.flow = flow;
    req.submittedBy = "schedule:" + node_;
    req.params["scheduled_for"] = isoUtc(s.next);
    req.dedupKey = "schedule:" + flow + ":" + isoUtc(s.next);
    auto id = client.jobs().submit(req);
    const TimePoint due = s.next;
    if (id || id.status().code() == Code::AlreadyExists || id.status().code() == Code::FailedPrecondition ||
        id.status().code() == Code::NotFound)
        s.next = s.cron.nextAfter(due);
    if (id) {
        spdlog::info("flow {}: scheduled run for {} is job {}", flow, isoUtc(due), *id);
        return 1;
    }
    if (id.status().code() == Code::AlreadyExists) return 0;  // another node fired it
    if (id.status().code() == Code::Unavailable) return id.status();
    spdlog::error("flow {}: scheduled run for {} not submitted: {}", flow, isoUtc(due), id.status().message());
    return 0;
}

Status Triggers::submitTaken(Client& client, const std::string& flow, const std::string& takenPath,
                             const std::string& name) {
    struct stat st{};
    if (::stat(takenPath.c_str(), &st) != 0) return Status::ok();  // already done
    SubmitRequest req;
    req.flow = flow;
    req.submittedBy = "directory:" + node_;
    req.files.push_back({name, takenPath});
    req.params["source_file"] = name;
    // rename() keeps the inode, so a repeat after a crash has the same key.
    req.dedupKey = "directory:" + flow + ":" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
                   std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
                   std::to_string(st.st_mtim.tv_nsec) + ":" + name.substr(0, 100);
    auto id = client.jobs().submit(req);
    if (!id && (id.status().code() == Code::Unavailable || id.status().code() == Code::Internal))
        return id.status();  // kept in .relais-taken, submitted again at the next scan
    if (!id && id.status().code() != Code::AlreadyExists) {
        // Refused for good (flow disabled meanwhile, unreadable file): keep
        // the file aside for an operator rather than retrying forever.
        const fs::path rejected = fs::path(takenPath).parent_path().parent_path() / kRejectedDir;
        RELAIS_TRY(makeDirs(rejected.string(), 0750));
        const fs::path dest = rejected / name;
        spdlog::error("flow {}: file {} refused ({}); moved to {}", flow, name, id.status().message(), dest.string());
        if (::rename(takenPath.c_str(), dest.c_str()) != 0)
            return Status(Code::Io, "cannot move " + takenPath + " to " + dest.string() + ": " + std::strerror(errno));
        return Status::ok();
    }
    if (id) spdlog::info("flow {}: file {} is job {}", flow, name, *id);
    if (::unlink(takenPath.c_str()) != 0 && errno != ENOENT)
        spdlog::warn("flow {}: cannot remove {} after submitting it: {}", flow, takenPath, std::strerror(errno));
    return Status::ok();
}

Result<int> Triggers::scanFolder(Client& client, const std::string& flow, Watch& w, TimePoint now) {
    w.nextScan = now + std::chrono::seconds(w.def.pollSeconds);
    const fs::path dir(w.def.path);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (!w.missingReported) spdlog::error("flow {}: watched folder {} does not exist", flow, w.def.path);
        w.missingReported = true;
        return 0;
    }
    if (w.missingReported) {
        spdlog::info("flow {}: watched folder {} is back", flow, w.def.path);
        w.missingReported = false;
        if (inotifyFd_ >= 0 && w.wd < 0)
            w.wd = ::inotify_add_watch(inotifyFd_, w.def.path.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB);
    }
    const fs::path taken = dir / kTakenDir;
    const std::string mine = node_ + "--";
    int submitted = 0;
    // First this node's leftovers from a stop between take and submit.
    if (fs::is_directory(taken, ec)) {
        for (const auto& e : fs::directory_iterator(taken, ec)) {
            const std::string n = e.path().filename().string();
            if (n.rfind(mine, 0) != 0) continue;
            Status s = submitTaken(client, flow, e.path().string(), n.substr(mine.size()));
            if (!s) return s;
        }
    }
    std::set<std::string> present;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.' || !e.is_regular_file(ec)) continue;
        if (::fnmatch(w.def.pattern.c_str(), name.c_str(), FNM_PERIOD) != 0) continue;
        present.insert(name);
        struct stat st{};
        if (::stat(e.path().c_str(), &st) != 0) continue;
        const int64_t mtimeNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        auto& seen = w.seen[name];
        if (seen.size != static_cast<uintmax_t>(st.st_size) || seen.mtimeNs != mtimeNs ||
            seen.stableSince == TimePoint{}) {
            seen = {static_cast<uintmax_t>(st.st_size), mtimeNs, now};
            if (w.def.stableSeconds > 0) {
                // Look again once it may have become stable.
                w.nextScan = std::min(w.nextScan, now + std::chrono::seconds(w.def.stableSeconds));
                continue;
            }
        }
        if (now - seen.stableSince < std::chrono::seconds(w.def.stableSeconds)) {
            w.nextScan = std::min(w.nextScan, seen.stableSince + std::chrono::seconds(w.def.stableSeconds));
            continue;
        }
        RELAIS_TRY(makeDirs(taken.string(), 0750));
        const fs::path target = taken / (mine + name);
        if (::rename(e.path().c_str(), target.c_str()) != 0) {
            if (errno != ENOENT)  // ENOENT: another node took it first
                spdlog::warn("flow {}: cannot take {}: {}", flow, e.path().string(), std::strerror(errno));
            w.seen.erase(name);
            continue;
        }
        w.seen.erase(name);
        Status s = submitTaken(client, flow, target.string(), name);
        if (!s) return s;  // left in .relais-taken; submitted at the next scan
        ++submitted;
    }
    std::erase_if(w.seen, [&](const auto& kv) { return !present.count(kv.first); });
    return submitted;
}

}  // namespace relais
