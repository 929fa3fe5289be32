// Remote folders over FTP, FTPS and SFTP.
#include "net/remote_folder.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace relais::net {
namespace {

size_t appendToString(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

std::string decodeUrlPath(const std::string& url) {
    CURLU* u = curl_url();
    std::string out;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
        char* path = nullptr;
        if (curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) == CURLUE_OK) out = path;
        curl_free(path);
    }
    curl_url_cleanup(u);
    return out;
}

}  // namespace

RemoteFolder::RemoteFolder(const TransferSettings& settings, RemoteFolderSpec spec, std::function<bool()> stop)
    : spec_(std::move(spec)), session_(settings, std::move(stop)) {
    base_ = spec_.url;
    if (base_.empty() || base_.back() != '/') base_ += '/';
    sftp_ = base_.rfind("sftp://", 0) == 0;
    if (sftp_) sftpDir_ = decodeUrlPath(base_);
}

CURL* RemoteFolder::prepare(const std::string& url) {
    CURL* c = session_.prepare(url, spec_.login);
    if (!sftp_) {
        // Explicit TLS unless the URL asks for implicit TLS (ftps://) or for none.
        if (spec_.tls != "none") curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
        curl_easy_setopt(c, CURLOPT_FTP_USE_EPSV, 1L);  // passive: never a connection from the server
        curl_easy_setopt(c, CURLOPT_FTP_SKIP_PASV_IP, 1L);
    }
    return c;
}

bool RemoteFolder::serverRefused() const {
    const std::string& r = session_.lastReply();
    return replyCode(r) >= 400 || r.find(" NO ") != std::string::npos;
}

bool RemoteFolder::list(std::vector<std::string>& names, TransferFailure& failure) {
    std::string body;
    CURL* c = prepare(base_);
    curl_easy_setopt(c, CURLOPT_DIRLISTONLY, 1L);  // NLST
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &appendToString);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    if (!session_.perform("listing " + base_, failure)) return false;
    names.clear();
    size_t start = 0;
    while (start < body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string n = body.substr(start, end - start);
        start = end + 1;
        if (!n.empty() && n.back() == '\r') n.pop_back();
        if (auto slash = n.rfind('/'); slash != std::string::npos) n = n.substr(slash + 1);
        if (n.empty() || n == "." || n == "..") continue;
        names.push_back(n);
    }
    return true;
}

bool RemoteFolder::download(const std::string& name, const std::string& localPath, TransferFailure& failure) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::error_code ec;
        const auto have = std::filesystem::exists(localPath, ec) ? std::filesystem::file_size(localPath, ec) : 0;
        File f(std::fopen(localPath.c_str(), have > 0 ? "ab" : "wb"));
        if (!f) {
            failure = {"cannot write " + localPath, true};
            return false;
        }
        CURL* c = prepare(fileUrl(name));
        curl_easy_setopt(c, CURLOPT_WRITEDATA, f.get());
        if (have > 0) curl_easy_setopt(c, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(have));
        const bool ok = session_.perform("downloading " + fileUrl(name), failure);
        if (std::fflush(f.get()) != 0 || std::ferror(f.get())) {
            failure = {"cannot write " + localPath, true};
            return false;
        }
        if (ok) return true;
        // The file changed since the partial download (or cannot be resumed): start again.
        if (have > 0 && failure.curlCode == CURLE_BAD_DOWNLOAD_RESUME) {
            f.reset();
            std::filesystem::remove(localPath, ec);
            continue;
        }
        return false;
    }
    return false;
}

bool RemoteFolder::quote(const std::vector<std::string>& commands, const std::string& what, TransferFailure& failure) {
    curl_slist* list = nullptr;
    for (const auto& cmd : commands) list = curl_slist_append(list, cmd.c_str());
    CURL* c = prepare(base_);
    curl_easy_setopt(c, CURLOPT_QUOTE, list);
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    const bool ok = session_.perform(what, failure);
    curl_slist_free_all(list);
    return ok;
}

bool RemoteFolder::remove(const std::string& name, TransferFailure& failure) {
    if (sftp_) return quote({"rm \"" + sftpPath(name) + "\""}, "deleting " + fileUrl(name), failure);
    return quote({"DELE " + name}, "deleting " + fileUrl(name), failure);
}

bool RemoteFolder::rename(const std::string& from, const std::string& to, TransferFailure& failure) {
    const std::string what = "renaming " + fileUrl(from) + " to " + to;
    if (sftp_) return quote({"rename \"" + sftpPath(from) + "\" \"" + sftpPath(to) + "\""}, what, failure);
    return quote({"RNFR " + from, "RNTO " + to}, what, failure);
}

bool RemoteFolder::upload(const std::string& localPath, const std::string& tempName, const std::string& name,
                          bool createDirs, TransferFailure& failure) {
    File f(std::fopen(localPath.c_str(), "rb"));
    if (!f) {
        failure = {"cannot read " + localPath, false};
        return false;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(localPath, ec);
    curl_slist* post = nullptr;
    if (sftp_) {
        // SFTP's rename does not replace a file: an older one goes first
        // ("*": its absence is no error).
        post = curl_slist_append(post, ("*rm \"" + sftpPath(name) + "\"").c_str());
        post = curl_slist_append(post, ("rename \"" + sftpPath(tempName) + "\" \"" + sftpPath(name) + "\"").c_str());
    } else {
        post = curl_slist_append(post, ("RNFR " + tempName).c_str());
        post = curl_slist_append(post, ("RNTO " + name).c_str());
    }
    CURL* c = prepare(fileUrl(tempName));
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READDATA, f.get());
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(size));
    curl_easy_setopt(c, CURLOPT_POSTQUOTE, post);
    if (createDirs) curl_easy_setopt(c, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR));
    const bool ok = session_.perform("uploading " + fileUrl(name), failure);
    curl_slist_free_all(post);
    return ok;
}

}  // namespace relais::net
