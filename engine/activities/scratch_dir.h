// A private temporary folder for a step's files until the content store has
// them; removed with everything in it when the object goes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace relais {

class ScratchDir {
public:
    // `prefix` names the folder in the temporary directory ("relais-sage-export").
    explicit ScratchDir(const std::string& prefix) {
        std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(tmpl.data())) path_ = tmpl;
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!path_.empty()) std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    // Empty when the folder could not be made.
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace relais
