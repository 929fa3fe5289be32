// dir.deposit activity.
#include "activities/dir_deposit.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/atomic_file.h"
#include "base/sha256.h"

namespace fs = std::filesystem;

namespace relais {
namespace {

// NAME.EXT -> NAME-n.EXT (n >= 1).
std::string numbered(const std::string& name, int n) {
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return name + "-" + std::to_string(n);
    return name.substr(0, dot) + "-" + std::to_string(n) + name.substr(dot);
}

bool sameContent(const std::string& path, const Document& doc) {
    std::error_code ec;
    return fs::file_size(path, ec) == doc.size && !ec && sha256OfFile(path) == doc.sha256;
}

// Copies the document into `dir` under a free name (`name`, else, when
// `unique`, NAME-1.EXT...): a complete temporary file is hard-linked to its
// final name, which fails atomically when that name is taken. Returns the
// name used; AlreadyExists when taken (and not `unique`).
Result<std::string> depositNoReplace(const StepDocument& doc, const std::string& dir, bool unique, bool& again) {
    const std::string tmp = (fs::path(dir) / ("." + doc.record.name + ".relais-" + std::to_string(::getpid()))).string();
    std::string chosen;
    for (int n = 0; n < 100000; ++n) {
        const std::string name = n == 0 ? doc.record.name : numbered(doc.record.name, n);
        const std::string dest = (fs::path(dir) / name).string();
        std::error_code ec;
        if (fs::exists(dest, ec)) {
            // The same bytes already there: this step ran before (its node
            // died after the rename); running it again changes nothing.
            if (sameContent(dest, doc.record)) {
                again = true;
                ::unlink(tmp.c_str());
                return name;
            }
            if (!unique) {
                ::unlink(tmp.c_str());
                return Status(Code::AlreadyExists, dest + " already exists with other content (collision: fail)");
            }
            continue;
        }
        if (!fs::exists(tmp, ec)) RELAIS_TRY(copyFileAtomic(doc.path, tmp));
        if (::link(tmp.c_str(), dest.c_str()) == 0) {
            ::unlink(tmp.c_str());
            return name;
        }
        if (errno != EEXIST) {
            const std::string why = std::strerror(errno);
            ::unlink(tmp.c_str());
            return Status(Code::Io, "cannot create " + dest + ": " + why);
        }
        --n;  // taken meanwhile: look at it again
    }
    ::unlink(tmp.c_str());
    return Status(Code::AlreadyExists, "no free name for " + doc.record.name + " in " + dir);
}

}  // namespace

Status DirDepositActivity::validate(const nlohmann::json& with) const {
    for (const auto& [k, _] : with.items())
        if (k != "path" && k != "overwrite" && k != "create" && k != "collision")
            return Status(Code::InvalidArgument, k + " is not a dir.deposit setting (known: path, collision, overwrite, create)");
    if (!with.contains("path") || !with["path"].is_string())
        return Status(Code::InvalidArgument, "path is missing or not a string");
    if (!fs::path(with["path"].get<std::string>()).is_absolute())
        return Status(Code::InvalidArgument, "path '" + with["path"].get<std::string>() + "' must be absolute");
    if (with.contains("overwrite") && !with["overwrite"].is_boolean())
        return Status(Code::InvalidArgument, "overwrite must be true or false");
    if (with.contains("collision")) {
        const auto& c = with["collision"];
        if (!c.is_string() || (c != "overwrite" && c != "fail" && c != "unique"))
            return Status(Code::InvalidArgument, "collision must be one of overwrite, fail, unique");
        if (with.contains("overwrite"))
            return Status(Code::InvalidArgument, "overwrite cannot be given with collision (collision replaces it)");
    }
    if (with.contains("create") && !with["create"].is_boolean())
        return Status(Code::InvalidArgument, "create must be true or false");
    return Status::ok();
}

Status DirDepositActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                               std::vector<StepDocument>& outputs, StepFailure& failure) const {
    const std::string dir = with["path"].get<std::string>();
    const std::string collision =
        with.contains("collision") ? with["collision"].get<std::string>() : (with.value("overwrite", true) ? "overwrite" : "fail");
    if (with.value("create", true)) {
        Status s = makeDirs(dir, 0755);
        if (!s) {
            failure.transient = true;
            return s;
        }
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        failure.transient = true;
        return Status(Code::NotFound, "deposit folder " + dir + " does not exist");
    }
    for (const auto& doc : inputs) {
        if (!isPlainFileName(doc.record.name))
            return Status(Code::InvalidArgument, "document name '" + doc.record.name + "' is not a plain file name");
        if (collision != "overwrite") {
            bool again = false;
            auto name = depositNoReplace(doc, dir, collision == "unique", again);
            if (!name) {
                failure.transient = name.status().code() == Code::Io;
                return name.status();
            }
            if (again) {
                ctx.log("info", *name + " is already in " + dir + " with the same content (step run again)");
            } else {
                ctx.log("info", "deposited " + doc.record.name + " (" + std::to_string(doc.record.size) + " bytes) in " +
                                    dir + (*name == doc.record.name ? "" : " as " + *name));
            }
            continue;
        }
        Status s = copyFileAtomic(doc.path, (fs::path(dir) / doc.record.name).string());
        if (!s) {
            failure.transient = true;
            return s;
        }
        ctx.log("info", "deposited " + doc.record.name + " (" + std::to_string(doc.record.size) + " bytes) in " + dir);
    }
    outputs = inputs;
    return Status::ok();
}

}  // namespace relais
