// SHA-256 digests (OpenSSL), incremental or of a whole string, as lower-case hex.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace relais {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const char* data, size_t size);
    // The hex digest; the object cannot be updated afterwards.
    std::string hexDigest();

private:
    struct Ctx;
    std::unique_ptr<Ctx> ctx_;
};

std::string sha256Hex(std::string_view data);

// The digest of a file's bytes, or nullopt when it cannot be read.
std::optional<std::string> sha256OfFile(const std::string& path);

}  // namespace relais
