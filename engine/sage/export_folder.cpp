// ExportFolder: run folders made with mkdirat, listed with readdir and
// fstatat, and files opened with openat and O_NOFOLLOW relative to the
// folder's own descriptor, so that no name, link or rename race leads out.
#include "sage/export_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <random>

namespace fs = std::filesystem;

namespace relais::sage {
namespace {

constexpr size_t kRunNameSize = 24;  // YYYYMMDD-HHMMSS-xxxxxxxx
constexpr size_t kMaxFileStem = 120;
constexpr std::string_view kPivotSuffix = ".pivot";

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLowerHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); }

struct DirCloser {
    void operator()(DIR* d) const { ::closedir(d); }
};
using DirHandle = std::unique_ptr<DIR, DirCloser>;

// The entries of the directory `fd` (taken over) whose name passes `keep`
// and whose type (not following links) is `type` (S_IFREG), or any type
// when `type` is 0 (the caller checks as it opens).
Result<std::vector<std::string>> entries(int fd, bool (*keep)(std::string_view), mode_t type, const std::string& what) {
    DirHandle dir(::fdopendir(fd));
    if (!dir) {
        const int err = errno;
        ::close(fd);
        return Status(Code::Io, what + " cannot be read: " + std::strerror(err));
    }
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* e = ::readdir(dir.get())) {
        const std::string name = e->d_name;
        struct stat st{};
        if (keep(name) && (type == 0 || (::fstatat(::dirfd(dir.get()), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                                         (st.st_mode & S_IFMT) == type)))
            names.push_back(name);
        errno = 0;
    }
    if (errno != 0) return Status(Code::Io, what + " cannot be read: " + std::strerror(errno));
    return names;
}

// A name from the caller as the messages show it: bytes that are not
// printable ASCII as \xNN (a NUL would cut the message short), at most 200.
std::string shown(std::string_view name) {
    std::string out;
    for (unsigned char c : name.substr(0, 200)) {
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
        }
    }
    return name.size() > 200 ? out + "..." : out;
}

std::string newRunName() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    static thread_local std::mt19937 rng{std::random_device{}()};
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(rng()));
    return std::string(stamp) + "-" + suffix;
}

}  // namespace

bool isExportRunName(std::string_view name) {
    if (name.size() != kRunNameSize || name[8] != '-' || name[15] != '-') return false;
    for (size_t i = 0; i < name.size(); ++i) {
        if (i == 8 || i == 15) continue;
        if (i < 15 ? !isDigit(name[i]) : !isLowerHex(name[i])) return false;
    }
    return true;
}

bool isExportFileName(std::string_view name) {
    if (name.size() <= kPivotSuffix.size() || name.size() > kMaxFileStem + kPivotSuffix.size() ||
        name.substr(name.size() - kPivotSuffix.size()) != kPivotSuffix)
        return false;
    const std::string_view stem = name.substr(0, name.size() - kPivotSuffix.size());
    return std::all_of(stem.begin(), stem.end(), [](char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
    });
}

nlohmann::ordered_json ExportRun::toJson() const {
    nlohmann::ordered_json j = {{"run", run}};
    const nlohmann::ordered_json fields = report.toJson();
    for (const auto& [key, value] : fields.items()) j[key] = value;
    return j;
}

ExportFolder::ExportFolder(std::string folder, std::string origin) : folder_(std::move(folder)), origin_(std::move(origin)) {
    while (folder_.size() > 1 && folder_.back() == '/') folder_.pop_back();
}

Result<ExportFolder> ExportFolder::fromConfig(const IniSections& ini, const std::string& origin) {
    auto section = ini.find("sage");
    if (section == ini.end())
        return Status(Code::NotFound, origin + " has no [sage] section: the Sage 100 connector is not configured (docs/sage100.md)");
    auto dir = section->second.find("export_dir");
    const std::string where = origin + " [sage] export_dir";
    if (dir == section->second.end() || dir->second.empty())
        return Status(Code::Config, where + " is not set: exports need a folder the web server may write (docs/sage100.md)");
    if (dir->second.front() != '/') return Status(Code::Config, where + " '" + dir->second + "' is not an absolute path");
    return ExportFolder(dir->second, where);
}

std::string ExportFolder::describe() const {
    return "export folder " + folder_ + (origin_.empty() ? "" : " (" + origin_ + ")");
}

Result<UniqueFd> ExportFolder::openFolder() const {
    if (folder_.empty() || folder_.front() != '/') return Status(Code::Config, describe() + " is not an absolute path");
    const int fd = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Status(Code::Config, describe() + " cannot be opened: " + std::strerror(errno));
    return UniqueFd(fd);
}

Result<ExportRun> ExportFolder::exportRun(SageConnector& connector, ExportCriteria criteria) const {
    if (!criteria.outDir.empty())
        return Status(Code::InvalidArgument, "out is not given for an export into " + describe() + ": each run gets a folder of its own");
    RELAIS_ASSIGN_OR_RETURN(UniqueFd folder, openFolder());
    ExportRun run;
    for (int attempt = 0;; ++attempt) {
        run.run = newRunName();
        if (::mkdirat(folder.get(), run.run.c_str(), 02775) == 0) break;
        if (errno != EEXIST || attempt == 4)
            return Status(Code::Config, describe() + ": the run folder " + run.run + " cannot be made: " + std::strerror(errno));
    }
    criteria.outDir = folder_ + "/" + run.run;
    criteria.run = run.run;
    auto report = connector.exportDocuments(criteria);
    // An empty run folder is removed; one holding files is not empty and stays.
    if (!report || report->files.empty()) ::unlinkat(folder.get(), run.run.c_str(), AT_REMOVEDIR);
    if (!report) return report.status();
    run.report = std::move(report).value();
    for (auto& f : run.report.files) f = fs::path(f).filename().string();
    for (auto& d : run.report.documents) d.file = fs::path(d.file).filename().string();
    return run;
}

Result<std::vector<ExportRunFiles>> ExportFolder::latestRuns(int limit) const {
    if (limit < 1 || limit > 1000) return Status(Code::InvalidArgument, "limit " + std::to_string(limit) + " is not between 1 and 1000");
    RELAIS_ASSIGN_OR_RETURN(UniqueFd folder, openFolder());
    const int listed = ::dup(folder.get());
    if (listed < 0) return Status(Code::Io, describe() + " cannot be read: " + std::strerror(errno));
    // No stat per run: only the newest are opened, and O_NOFOLLOW | O_DIRECTORY
    // leaves out what is not a folder (a file, a link) as it opens.
    RELAIS_ASSIGN_OR_RETURN(auto runs, entries(listed, isExportRunName, 0, describe()));
    std::sort(runs.begin(), runs.end(), std::greater<>());
    std::vector<ExportRunFiles> latest;
    for (const auto& run : runs) {
        if (latest.size() == static_cast<size_t>(limit)) break;
        const int runFd = ::openat(folder.get(), run.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (runFd < 0) continue;  // not a folder, a link, or removed since it was listed
        RELAIS_ASSIGN_OR_RETURN(auto files, entries(runFd, isExportFileName, S_IFREG, describe() + " run " + run));
        if (files.empty()) continue;
        std::sort(files.begin(), files.end());
        latest.push_back({run, std::move(files)});
    }
    return latest;
}

Result<ExportedFile> ExportFolder::openFile(const std::string& run, const std::string& file) const {
    if (!isExportRunName(run))
        return Status(Code::InvalidArgument, "export run '" + shown(run) + "' is not a run name (YYYYMMDD-HHMMSS- and 8 hex digits)");
    if (!isExportFileName(file))
        return Status(Code::InvalidArgument, "export file '" + shown(file) +
                                                 "' is not an exported file name (1 to 120 letters, digits, '_' or '-', then .pivot)");
    RELAIS_ASSIGN_OR_RETURN(UniqueFd folder, openFolder());
    const std::string what = "export run " + run + " of " + describe();
    const UniqueFd runDir(::openat(folder.get(), run.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!runDir.valid()) {
        const int err = errno;
        struct stat st{};
        if (err == ENOENT) return Status(Code::NotFound, what + " does not exist");
        if (::fstatat(folder.get(), run.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
            return Status(Code::InvalidArgument, what + " is a symbolic link: refused");
        if (err == ENOTDIR) return Status(Code::InvalidArgument, what + " is not a folder: refused");
        return Status(Code::Io, what + " cannot be opened: " + std::strerror(err));
    }
    const std::string which = "export file " + run + "/" + file + " of " + describe();
    // O_NONBLOCK: a FIFO put there must not block the open; it is refused below.
    UniqueFd opened(::openat(runDir.get(), file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!opened.valid()) {
        const int err = errno;
        if (err == ENOENT) return Status(Code::NotFound, which + " does not exist");
        if (err == ELOOP) return Status(Code::InvalidArgument, which + " is a symbolic link: refused");
        return Status(Code::Io, which + " cannot be opened: " + std::strerror(err));
    }
    struct stat st{};
    if (::fstat(opened.get(), &st) != 0) return Status(Code::Io, which + " cannot be read: " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return Status(Code::InvalidArgument, which + " is not a regular file: refused");
    const int flags = ::fcntl(opened.get(), F_GETFL);
    if (flags < 0 || ::fcntl(opened.get(), F_SETFL, flags & ~O_NONBLOCK) != 0)
        return Status(Code::Io, which + " cannot be read: " + std::strerror(errno));
    return ExportedFile(std::move(opened), static_cast<int64_t>(st.st_size));
}

}  // namespace relais::sage
