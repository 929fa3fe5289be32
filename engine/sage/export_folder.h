// ExportFolder: the admin site's Sage 100 export folder (relais.ini [sage]
// export_dir). Each export runs into a folder of its own named RUN =
// YYYYMMDD-HHMMSS-xxxxxxxx (UTC time, 8 random hex digits) holding its pivot
// files NAME.pivot; the latest runs are listed with their files, and one file
// is opened by its run and file name only, confined to the folder: no path,
// no symbolic link, nothing but a regular file (docs/sage100.md, section 5).
// Thread-safety: const methods, safe from several threads; the connector
// given to exportRun() is used by one thread at a time, as always.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/config.h"
#include "base/status.h"
#include "base/unique_fd.h"
#include "sage/sage_connector.h"
#include "sage/sage_report.h"

namespace relais::sage {

// The name rules: a run is YYYYMMDD-HHMMSS-xxxxxxxx (lower-case hex), a file
// 1 to 120 letters, digits, '_' or '-' then ".pivot" (what the exporter
// writes: MESSAGE_PIECE.pivot, MESSAGE_RUN.pivot).
bool isExportRunName(std::string_view name);
bool isExportFileName(std::string_view name);

// An export run: its folder's name and the exporter's report, whose files
// (and each document's file) are names relative to the run's folder.
struct ExportRun {
    std::string run;
    ExportReport report;

    // The report's JSON with "run" first.
    nlohmann::ordered_json toJson() const;
};

// A run of the folder and its files (names, in name order).
struct ExportRunFiles {
    std::string run;
    std::vector<std::string> files;
};

// An exported file opened for reading: owns its descriptor (closed at the
// end unless released).
class ExportedFile {
public:
    ExportedFile(UniqueFd fd, int64_t size) : fd_(std::move(fd)), size_(size) {}

    int fd() const { return fd_.get(); }
    int64_t size() const { return size_; }
    // Hands the descriptor over (to a PHP stream): the caller closes it.
    int release() { return fd_.release(); }

private:
    UniqueFd fd_;
    int64_t size_;
};

class ExportFolder {
public:
    // `folder`: an absolute path; `origin` says where it was configured,
    // for messages (e.g. "/etc/relais/relais.ini [sage] export_dir").
    explicit ExportFolder(std::string folder, std::string origin = "");

    // The folder of relais.ini's [sage] export_dir. Code::NotFound when the
    // file has no [sage] section, Code::Config when export_dir is not set or
    // not an absolute path (whether it exists is checked when used).
    static Result<ExportFolder> fromConfig(const IniSections& ini, const std::string& origin);

    const std::string& path() const { return folder_; }

    // Makes a new run folder and exports what `criteria` selects into it
    // (criteria.outDir must be empty: the run's folder is the output;
    // criteria.run becomes the run's name). A run that exported nothing,
    // or failed before writing a file, leaves no folder. Files written by a
    // run that failed afterwards (documents not marked exported) stay, so
    // that nothing marked exported is ever lost. Code::Config when the
    // export folder is missing or not writable.
    Result<ExportRun> exportRun(SageConnector& connector, ExportCriteria criteria) const;

    // The `limit` (1 to 1000) newest runs holding at least one file, newest
    // first, each with its files. Names not following the rules, symbolic
    // links and anything not a folder (run) or a regular file (file) are
    // left out. Code::Config when the export folder cannot be read.
    Result<std::vector<ExportRunFiles>> latestRuns(int limit) const;

    // Opens the file `file` of the run `run`. Code::InvalidArgument for a
    // name not following the rules (so any path: '/', ".."), a symbolic
    // link (wherever it leads), a run that is not a folder or a file that
    // is not a regular file; Code::NotFound when the run or the file does
    // not exist; Code::Config when the export folder cannot be opened.
    Result<ExportedFile> openFile(const std::string& run, const std::string& file) const;

private:
    // The folder opened as a directory (O_DIRECTORY), or Code::Config.
    Result<UniqueFd> openFolder() const;
    std::string describe() const;  // "export folder PATH (ORIGIN)"

    std::string folder_;
    std::string origin_;
};

}  // namespace relais::sage
