// Triggers that start jobs without a person: `schedule` (cron in a time
// zone) and `directory` (one job per file dropped into a folder). Every
// event is submitted with a de-duplication key, so several relaisd nodes
// running the same triggers still make exactly one job per due time or file.
//
// Directory pick-up: a file is taken once its size and modification time
// have not changed for stable_seconds; it is first renamed into
// <folder>/.relais-taken/ (atomic: only one node wins), then stored and
// submitted, then removed. A node that stops between the rename and the
// submit finds its taken files there at its next start and submits them
// (the key makes a repeat harmless). inotify wakes the scan as soon as a
// file is written; the folder is also scanned every poll_seconds, which is
// all that happens on file systems without inotify events (NFS, CIFS).
//
// Thread-safety: a Triggers object is used by one thread (relaisd's trigger thread).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "client/client.h"
#include "flows/cron_schedule.h"

namespace relais {

class Triggers {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    explicit Triggers(std::string node);
    ~Triggers();
    Triggers(const Triggers&) = delete;
    Triggers& operator=(const Triggers&) = delete;

    // Re-reads the enabled flows' triggers (call every few seconds).
    Status refresh(Client& client, TimePoint now);
    // Fires due schedules and takes stable files. Returns the number of jobs submitted.
    Result<int> tick(Client& client, TimePoint now);
    // Waits up to `ms` for a file event in a watched folder.
    void waitForEvents(int ms);

private:
    struct Schedule {
        int64_t flowId = 0;
        CronSchedule cron;
        TimePoint next;
    };
    struct SeenFile {
        uintmax_t size = 0;
        int64_t mtimeNs = 0;
        TimePoint stableSince;
    };
    struct Watch {
        int64_t flowId = 0;
        TriggerDefinition def;
        int wd = -1;
        TimePoint nextScan;
        bool missingReported = false;
        std::map<std::string, SeenFile> seen;
    };

    Result<int> fireSchedule(Client& client, const std::string& flow, Schedule& s, TimePoint now);
    Result<int> scanFolder(Client& client, const std::string& flow, Watch& w, TimePoint now);
    // Submits a file already moved into .relais-taken, then removes it.
    Status submitTaken(Client& client, const std::string& flow, const std::string& takenPath, const std::string& name);

    std::string node_;
    int inotifyFd_ = -1;
    bool wake_ = false;
    std::map<std::string, Schedule> schedules_;
    std::map<std::string, Watch> watches_;
};

}  // namespace relais
