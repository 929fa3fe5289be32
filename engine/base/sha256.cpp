// SHA-256 over OpenSSL's EVP interface.
#include "base/sha256.h"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>

namespace relais {

struct Sha256::Ctx {
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) {
    if (!ctx_->md || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1)
        throw std::bad_alloc();  // only when OpenSSL cannot allocate
}

Sha256::~Sha256() = default;

void Sha256::update(const char* data, size_t size) { EVP_DigestUpdate(ctx_->md, data, size); }

std::string Sha256::hexDigest() {
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx_->md, d, &n);
    static const char* digits = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (unsigned i = 0; i < n; ++i) {
        s += digits[d[i] >> 4];
        s += digits[d[i] & 15];
    }
    return s;
}

std::string sha256Hex(std::string_view data) {
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hexDigest();
}

std::optional<std::string> sha256OfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    Sha256 h;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) h.update(buf, static_cast<size_t>(in.gcount()));
    if (in.bad()) return std::nullopt;
    return h.hexDigest();
}

}  // namespace relais
