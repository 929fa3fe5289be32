// dir.deposit activity.
#include "activities/dir_deposit.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "base/sha256.h"

namespace fs = std::filesystem;

namespace relais {

Status DirDepositActivity::validate(const nlohmann::json& with) const {
    for (const auto& [k, _] : with.items())
        if (k != "path" && k != "overwrite" && k != "create")
            return Status(Code::InvalidArgument, k + " is not a dir.deposit setting (known: path, overwrite, create)");
    if (!with.contains("path") || !with["path"].is_string())
        return Status(Code::InvalidArgument, "path is missing or not a string");
    if (!fs::path(with["path"].get<std::string>()).is_absolute())
        return Status(Code::InvalidArgument, "path '" + with["path"].get<std::string>() + "' must be absolute");
    if (with.contains("overwrite") && !with["overwrite"].is_boolean())
        return Status(Code::InvalidArgument, "overwrite must be true or false");
    if (with.contains("create") && !with["create"].is_boolean())
        return Status(Code::InvalidArgument, "create must be true or false");
    return Status::ok();
}

Status DirDepositActivity::run(StepContext& ctx, const nlohmann::json& with, const std::vector<StepDocument>& inputs,
                               std::vector<StepDocument>& outputs, StepFailure& failure) const {
    const std::string dir = with["path"].get<std::string>();
    const bool overwrite = with.value("overwrite", true);
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
        const std::string dest = (fs::path(dir) / doc.record.name).string();
        if (!overwrite && fs::exists(dest, ec)) {
            // The same bytes already there: this step ran before (its node
            // died after the rename); running it again changes nothing.
            if (fs::file_size(dest, ec) == doc.record.size && !ec && sha256OfFile(dest) == doc.record.sha256) {
                ctx.log("info", doc.record.name + " is already in " + dir + " with the same content (step run again)");
                continue;
            }
            return Status(Code::AlreadyExists, dest + " already exists with other content and overwrite is false");
        }
        Status s = copyFileAtomic(doc.path, dest);
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
