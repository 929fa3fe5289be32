// A folder on an FTP, FTPS or SFTP server, through libcurl: list its file
// names (NLST for FTP, as Use it Flow's prerequisites require of servers),
// download with resume, delete, rename, and upload under a temporary name
// renamed at the end. FTP always runs passive (EPSV/PASV).
// Thread-safety: one RemoteFolder per thread; its requests share one
// connection.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "net/curl_session.h"

namespace relais::net {

struct RemoteFolderSpec {
    // ftp://host[:port]/path/ (FTP; TLS per `tls`), ftps://... (implicit
    // TLS), sftp://host[:port]/absolute/path/.
    std::string url;
    // For ftp:// URLs: "required" (AUTH TLS, refused if the server lacks it)
    // or "none" (plain FTP).
    std::string tls = "required";
    Login login;
};

class RemoteFolder {
public:
    RemoteFolder(const TransferSettings& settings, RemoteFolderSpec spec, std::function<bool()> stop = {});

    bool isSftp() const { return sftp_; }
    // The folder URL with a trailing '/', no credentials.
    const std::string& url() const { return base_; }

    // The names the server lists in the folder (base names; "." and ".."
    // left out).
    bool list(std::vector<std::string>& names, TransferFailure& failure);
    // Downloads `name` into `localPath`; a partial file already there is
    // resumed from its end (REST / SFTP offset), restarted from zero when
    // the server cannot resume it.
    bool download(const std::string& name, const std::string& localPath, TransferFailure& failure);
    bool remove(const std::string& name, TransferFailure& failure);
    // Renames `from` (in the folder) to `to` (relative to the folder, may
    // name a subfolder).
    bool rename(const std::string& from, const std::string& to, TransferFailure& failure);
    // Uploads `localPath` as `tempName`, then renames it to `name`.
    bool upload(const std::string& localPath, const std::string& tempName, const std::string& name,
                bool createDirs, TransferFailure& failure);
    // Whether the last failure came with an error reply from the server (so
    // the command was refused, not lost on the way).
    bool serverRefused() const;
    // The server's last reply line.
    const std::string& lastReply() const { return session_.lastReply(); }

private:
    CURL* prepare(const std::string& url);
    std::string fileUrl(const std::string& name) const { return base_ + urlEscape(name); }
    // The absolute server path of `name` (SFTP quote commands need it).
    std::string sftpPath(const std::string& name) const { return sftpDir_ + name; }
    bool quote(const std::vector<std::string>& commands, const std::string& what, TransferFailure& failure);

    RemoteFolderSpec spec_;
    CurlSession session_;
    std::string base_;
    bool sftp_ = false;
    std::string sftpDir_;
};

}  // namespace relais::net
