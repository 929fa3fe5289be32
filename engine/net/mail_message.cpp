// Sending and reading mail messages.
#include "net/mail_message.h"

#include <openssl/rand.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <memory>

namespace relais::net {
namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const std::string& in) {
    std::string out;
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += {kB64[v >> 18], kB64[(v >> 12) & 63], kB64[(v >> 6) & 63], kB64[v & 63]};
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += {kB64[v >> 18], kB64[(v >> 12) & 63], i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=', '='};
    }
    return out;
}

std::string unbase64(const std::string& in) {
    std::string out;
    unsigned v = 0;
    int bits = 0;
    for (char c : in) {
        const char* p = c ? std::strchr(kB64, c) : nullptr;
        if (!p) continue;  // line breaks, padding
        v = (v << 6) | static_cast<unsigned>(p - kB64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((v >> bits) & 0xff);
        }
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

std::string unquotedPrintable(const std::string& in, bool underscoreIsSpace) {
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '=' && i + 1 < in.size() && (in[i + 1] == '\r' || in[i + 1] == '\n')) {  // soft break
            i += in[i + 1] == '\r' && i + 2 < in.size() && in[i + 2] == '\n' ? 2 : 1;
        } else if (in[i] == '=' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else {
            out += underscoreIsSpace && in[i] == '_' ? ' ' : in[i];
        }
    }
    return out;
}

// RFC 2047 encoded words ("=?UTF-8?B?...?=") decoded; other text kept.
std::string decodeWords(const std::string& s) {
    std::string out;
    size_t pos = 0;
    while (pos < s.size()) {
        const auto start = s.find("=?", pos);
        if (start == std::string::npos) break;
        const auto q1 = s.find('?', start + 2);
        const auto q2 = q1 == std::string::npos ? q1 : s.find('?', q1 + 1);
        const auto end = q2 == std::string::npos ? q2 : s.find("?=", q2 + 1);
        if (end == std::string::npos) break;
        std::string between = s.substr(pos, start - pos);
        if (!trim(between).empty() || pos == 0) out += between;  // blanks between two words go
        const char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
        const std::string text = s.substr(q2 + 1, end - q2 - 1);
        out += enc == 'B' ? unbase64(text) : unquotedPrintable(text, true);
        pos = end + 2;
    }
    return out + s.substr(pos);
}

// A parameter of a structured header value (name="x"; filename*=UTF-8''a%20b).
std::string parameter(const std::string& value, const std::string& name) {
    const std::string l = lower(value);
    for (const std::string& key : {name + "*=", name + "="}) {
        size_t at = 0;
        while ((at = l.find(key, at)) != std::string::npos) {
            if (at > 0 && l[at - 1] != ';' && l[at - 1] != ' ' && l[at - 1] != '\t') {
                at += key.size();
                continue;
            }
            std::string v = value.substr(at + key.size());
            if (!v.empty() && v[0] == '"') {
                const auto close = v.find('"', 1);
                v = v.substr(1, close == std::string::npos ? std::string::npos : close - 1);
            } else {
                v = trim(v.substr(0, v.find(';')));
            }
            if (key.back() == '=' && key[key.size() - 2] == '*') {  // RFC 2231: charset'lang'percent-encoded
                const auto q = v.find('\'', v.find('\'') + 1);
                if (q != std::string::npos) v = v.substr(q + 1);
                std::string d;
                for (size_t i = 0; i < v.size(); ++i) {
                    if (v[i] == '%' && i + 2 < v.size() && hexValue(v[i + 1]) >= 0 && hexValue(v[i + 2]) >= 0) {
                        d += static_cast<char>(hexValue(v[i + 1]) * 16 + hexValue(v[i + 2]));
                        i += 2;
                    } else {
                        d += v[i];
                    }
                }
                return d;
            }
            return decodeWords(v);
        }
    }
    return "";
}

std::string plainFileName(std::string n) {
    if (auto slash = n.find_last_of("/\\"); slash != std::string::npos) n = n.substr(slash + 1);
    std::string out;
    for (char c : n) out += (static_cast<unsigned char>(c) < 32 || c == ':') ? '_' : c;
    while (!out.empty() && out[0] == '.') out.erase(0, 1);
    return out.empty() ? "attachment" : out;
}

using Headers = std::vector<std::pair<std::string, std::string>>;

// Splits an entity into its unfolded headers and its body.
Headers splitEntity(const std::string& raw, std::string& body) {
    size_t end = raw.find("\r\n\r\n");
    size_t skip = 4;
    const size_t lf = raw.find("\n\n");
    if (lf != std::string::npos && (end == std::string::npos || lf < end)) {
        end = lf;
        skip = 2;
    }
    const std::string head = end == std::string::npos ? raw : raw.substr(0, end);
    body = end == std::string::npos ? "" : raw.substr(end + skip);
    Headers h;
    size_t pos = 0;
    while (pos < head.size()) {
        size_t nl = head.find('\n', pos);
        if (nl == std::string::npos) nl = head.size();
        std::string line = head.substr(pos, nl - pos);
        pos = nl + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !h.empty()) {
            h.back().second += " " + trim(line);
        } else if (auto colon = line.find(':'); colon != std::string::npos) {
            h.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
        }
    }
    return h;
}

std::string header(const Headers& h, const std::string& name) {
    for (const auto& [k, v] : h)
        if (k == name) return v;
    return "";
}

void collectParts(const std::string& raw, std::vector<ReceivedPart>& out, int depth) {
    std::string body;
    const Headers h = splitEntity(raw, body);
    const std::string type = header(h, "content-type");
    const std::string mime = lower(trim(type.substr(0, type.find(';'))));
    if (mime.rfind("multipart/", 0) == 0 && depth < 20) {
        const std::string boundary = parameter(type, "boundary");
        if (boundary.empty()) return;
        const std::string delim = "--" + boundary;
        size_t pos = body.find(delim);
        while (pos != std::string::npos) {
            size_t start = body.find('\n', pos);
            if (start == std::string::npos || body.compare(pos, delim.size() + 2, delim + "--") == 0) break;
            ++start;
            size_t next = body.find("\n" + delim, start);
            if (next == std::string::npos) break;
            size_t end = next;
            if (end > start && body[end - 1] == '\r') --end;
            collectParts(body.substr(start, end - start), out, depth + 1);
            pos = next + 1;
        }
        return;
    }
    std::string name = parameter(header(h, "content-disposition"), "filename");
    if (name.empty()) name = parameter(type, "name");
    if (name.empty()) return;
    const std::string enc = lower(header(h, "content-transfer-encoding"));
    ReceivedPart p;
    p.filename = plainFileName(name);
    p.contentType = mime.empty() ? "application/octet-stream" : mime;
    p.body = enc == "base64" ? unbase64(body) : enc == "quoted-printable" ? unquotedPrintable(body, false) : body;
    out.push_back(std::move(p));
}

}  // namespace

std::string encodeHeaderValue(const std::string& value) {
    bool plain = true;
    for (char c : value) plain = plain && static_cast<unsigned char>(c) >= 32 && static_cast<unsigned char>(c) < 127;
    return plain ? value : "=?UTF-8?B?" + base64(value) + "?=";
}

std::string contentTypeOf(const std::string& name) {
    const std::string l = lower(name);
    const auto dot = l.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : l.substr(dot + 1);
    if (ext == "xml") return "application/xml";
    if (ext == "pdf") return "application/pdf";
    if (ext == "zip") return "application/zip";
    if (ext == "txt") return "text/plain";
    if (ext == "edi" || ext == "edifact") return "application/EDIFACT";
    if (ext == "json") return "application/json";
    return "application/octet-stream";
}

ReceivedMail parseMail(const std::string& raw) {
    ReceivedMail m;
    std::string body;
    m.headers = splitEntity(raw, body);
    m.subject = decodeWords(header(m.headers, "subject"));
    m.from = decodeWords(header(m.headers, "from"));
    m.messageId = header(m.headers, "message-id");
    collectParts(raw, m.attachments, 0);
    return m;
}

bool sendMail(const TransferSettings& settings, const std::string& url, const Login& login,
              const std::string& mechanism, const OutgoingMail& mail, const std::function<bool()>& stop,
              TransferFailure& failure) {
    CurlSession session(settings, stop);
    CURL* c = session.prepare(url, login);
    if (url.rfind("smtp://", 0) == 0) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    const std::string loginOptions = "AUTH=" + (mechanism.empty() ? std::string("*") : mechanism);
    curl_easy_setopt(c, CURLOPT_LOGIN_OPTIONS, loginOptions.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + mail.from + ">").c_str());
    struct SlistFree {
        void operator()(curl_slist* l) const { curl_slist_free_all(l); }
    };
    struct MimeFree {
        void operator()(curl_mime* m) const { curl_mime_free(m); }
    };
    curl_slist* rcpt = nullptr;
    for (const auto& r : mail.to) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
    for (const auto& r : mail.cc) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
    std::unique_ptr<curl_slist, SlistFree> rcptList(rcpt);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);

    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
        return s;
    };
    char date[64];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    unsigned char rnd[12];
    RAND_bytes(rnd, sizeof rnd);
    std::string id;
    for (unsigned char b : rnd) id += "0123456789abcdef"[b >> 4], id += "0123456789abcdef"[b & 15];
    const std::string domain = mail.from.substr(mail.from.find('@') + 1);
    curl_slist* headers = nullptr;
    for (const std::string& h : std::vector<std::string>{
             "Date: " + std::string(date), "From: " + mail.from, "To: " + join(mail.to),
             "Subject: " + encodeHeaderValue(mail.subject), "Message-ID: <" + id + "@" + domain + ">"})
        headers = curl_slist_append(headers, h.c_str());
    if (!mail.cc.empty()) headers = curl_slist_append(headers, ("Cc: " + join(mail.cc)).c_str());
    for (const auto& h : mail.headers) headers = curl_slist_append(headers, h.c_str());
    std::unique_ptr<curl_slist, SlistFree> headerList(headers);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);

    std::unique_ptr<curl_mime, MimeFree> mime(curl_mime_init(c));
    curl_mimepart* text = curl_mime_addpart(mime.get());
    curl_mime_data(text, mail.text.c_str(), CURL_ZERO_TERMINATED);
    curl_mime_type(text, "text/plain; charset=UTF-8");
    curl_mime_encoder(text, "quoted-printable");
    for (const auto& a : mail.attachments) {
        curl_mimepart* part = curl_mime_addpart(mime.get());
        if (curl_mime_filedata(part, a.path.c_str()) != CURLE_OK) {
            failure = {"cannot read attachment " + a.path, false};
            return false;
        }
        curl_mime_filename(part, a.name.c_str());
        curl_mime_type(part, contentTypeOf(a.name).c_str());
        curl_mime_encoder(part, "base64");
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());
    return session.perform("sending mail through " + url, failure);
}

}  // namespace relais::net
