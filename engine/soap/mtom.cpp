// Unpacking of MTOM/XOP requests (see mtom.h).
#include "soap/mtom.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <vector>

namespace relais::soap {
namespace {

constexpr const char* kXopNs = "http://www.w3.org/2004/08/xop/include";

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A Content-ID or a start parameter without its angle brackets.
std::string bareId(std::string_view id) {
    id = trim(id);
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    return std::string(id);
}

// A media type and its parameters (names in lower case, quoted values unquoted).
struct MediaType {
    std::string type;
    std::map<std::string, std::string> params;

    std::string param(const std::string& name) const {
        auto it = params.find(name);
        return it == params.end() ? "" : it->second;
    }
};

MediaType parseMediaType(std::string_view text) {
    MediaType m;
    const size_t semi = text.find(';');
    m.type = lower(trim(text.substr(0, semi)));
    size_t i = semi == std::string_view::npos ? text.size() : semi + 1;
    while (i < text.size()) {
        const size_t eq = text.find('=', i);
        if (eq == std::string_view::npos) break;
        const std::string name = lower(trim(text.substr(i, eq - i)));
        i = eq + 1;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::string value;
        if (i < text.size() && text[i] == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                value += text[i];
            }
            i = text.find(';', i);
        } else {
            const size_t end = text.find(';', i);
            value = std::string(trim(text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i)));
            i = end;
        }
        m.params[name] = value;
        if (i == std::string_view::npos) break;
        ++i;
    }
    return m;
}

struct Part {
    std::string id;  // Content-ID without its angle brackets
    MediaType type;
    std::string encoding;  // Content-Transfer-Encoding, lower case
    std::string_view content;
};

// "cid:" URL of an xop:Include to the Content-ID it names (RFC 2392: %-escapes).
std::string cidOf(std::string_view href) {
    std::string out;
    for (size_t i = 4; i < href.size(); ++i) {
        if (href[i] == '%' && i + 2 < href.size() && std::isxdigit(static_cast<unsigned char>(href[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(href[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(href.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += href[i];
        }
    }
    return out;
}

std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(n < 0 ? 0 : static_cast<size_t>(n));
    return out;
}

void collectIncludes(xmlNode* n, std::vector<xmlNode*>& out) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (n->ns && n->ns->href && xmlStrEqual(n->ns->href, BAD_CAST kXopNs) && xmlStrEqual(n->name, BAD_CAST "Include"))
            out.push_back(n);
        else
            collectIncludes(n->children, out);
    }
}

}  // namespace

bool isMultipartRelated(std::string_view contentType) { return parseMediaType(contentType).type == "multipart/related"; }

std::variant<UnpackedMtom, SoapFault> unpackMtom(std::string_view body, std::string_view contentType,
                                                 const MtomLimits& limits) {
    const MediaType outer = parseMediaType(contentType);
    // The fault speaks the SOAP version the request announces, once known.
    SoapVersion version = versionOfContentType(outer.param("start-info")).value_or(SoapVersion::V12);
    auto refuse = [&version](std::string reason) {
        // As checkEnvelope's faults: HTTP 400 in SOAP 1.2, 500 in SOAP 1.1.
        return SoapFault{version, "Sender", "MTOM request: " + std::move(reason), version == SoapVersion::V12 ? 400 : 500};
    };
    if (outer.type != "multipart/related")
        return refuse("Content-Type '" + std::string(contentType.substr(0, 100)) + "' is not multipart/related");
    if (lower(outer.param("type")) != "application/xop+xml")
        return refuse("multipart/related of type '" + outer.param("type").substr(0, 100) +
                      "': only MTOM (type=\"application/xop+xml\") is accepted");
    const std::string boundary = outer.param("boundary");
    if (boundary.empty() || boundary.size() > 200) return refuse("the Content-Type has no boundary (1 to 200 characters)");
    const std::string delimiter = "--" + boundary;

    // The parts: each starts after a delimiter line, has its headers, a blank
    // line and its content, up to the CRLF before the next delimiter.
    std::vector<Part> parts;
    size_t pos = body.rfind(delimiter, 0) == 0 ? 0 : body.find("\r\n" + delimiter);
    if (pos == std::string_view::npos) return refuse("no part starts with the boundary '" + boundary + "'");
    if (pos != 0) pos += 2;
    for (;;) {
        size_t after = pos + delimiter.size();
        if (body.substr(after, 2) == "--") break;  // the closing delimiter
        const std::string which = "part " + std::to_string(parts.size() + 1);
        if (parts.size() >= limits.maxParts) return refuse("more than " + std::to_string(limits.maxParts) + " parts");
        while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
        if (body.substr(after, 2) != "\r\n") return refuse(which + ": the boundary line does not end with CRLF");
        const size_t headersStart = after + 2;
        size_t contentStart;
        std::string_view headers;
        if (body.substr(headersStart, 2) == "\r\n") {
            contentStart = headersStart + 2;
        } else {
            const size_t headersEnd = body.find("\r\n\r\n", headersStart);
            if (headersEnd == std::string_view::npos) return refuse(which + " has no blank line after its headers");
            headers = body.substr(headersStart, headersEnd - headersStart);
            contentStart = headersEnd + 4;
        }
        const size_t next = body.find("\r\n" + delimiter, contentStart);
        if (next == std::string_view::npos)
            return refuse(which + " is not followed by the boundary '" + boundary + "' (a request cut short?)");
        Part part;
        part.content = body.substr(contentStart, next - contentStart);
        // Header lines (a line starting with a blank continues the previous one).
        std::vector<std::string> lines;
        for (size_t i = 0; i < headers.size();) {
            size_t eol = headers.find("\r\n", i);
            if (eol == std::string_view::npos) eol = headers.size();
            std::string_view line = headers.substr(i, eol - i);
            if (!lines.empty() && !line.empty() && (line[0] == ' ' || line[0] == '\t')) lines.back() += std::string(line);
            else lines.emplace_back(line);
            i = eol + 2;
        }
        for (const auto& line : lines) {
            const size_t colon = line.find(':');
            if (colon == std::string::npos) return refuse(which + ": header line without ':'");
            const std::string name = lower(trim(std::string_view(line).substr(0, colon)));
            const std::string_view value = trim(std::string_view(line).substr(colon + 1));
            if (name == "content-id") part.id = bareId(value);
            else if (name == "content-type") part.type = parseMediaType(value);
            else if (name == "content-transfer-encoding") part.encoding = lower(value);
        }
        if (!part.encoding.empty() && part.encoding != "binary" && part.encoding != "8bit" && part.encoding != "7bit")
            return refuse(which + " has Content-Transfer-Encoding '" + part.encoding.substr(0, 40) +
                          "' (binary, 8bit or 7bit expected)");
        parts.push_back(std::move(part));
        pos = next + 2;
    }
    if (parts.empty()) return refuse("no part before the closing boundary");

    // The root part: the one `start` names, else the first.
    const Part* root = &parts.front();
    if (const std::string start = bareId(outer.param("start")); !start.empty()) {
        auto it = std::find_if(parts.begin(), parts.end(), [&start](const Part& p) { return p.id == start; });
        if (it == parts.end()) return refuse("start names <" + start.substr(0, 200) + ">, which no part has as Content-ID");
        root = &*it;
    }
    if (root->type.type != "application/xop+xml")
        return refuse("the root part is of type '" + root->type.type.substr(0, 100) + "', not application/xop+xml");
    const std::string soapType = root->type.param("type").empty() ? outer.param("start-info") : root->type.param("type");
    const auto rootVersion = versionOfContentType(soapType);
    if (!rootVersion)
        return refuse("the root part's type parameter is '" + soapType.substr(0, 100) +
                      "' (application/soap+xml for SOAP 1.2, text/xml for SOAP 1.1)");
    version = *rootVersion;
    if (root->content.find("<!DOCTYPE") != std::string_view::npos)
        return refuse("a SOAP message must not contain a document type declaration or entity declarations");

    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(root->content.data(), static_cast<int>(root->content.size()),
                                                       "root.xml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                                             XML_PARSE_NOWARNING));
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        return refuse("the root part is not well-formed XML" +
                      (e ? " (line " + std::to_string(e->line) + ": " + std::string(trim(e->message ? e->message : "")) + ")"
                         : std::string()));
    }
    std::vector<xmlNode*> includes;
    collectIncludes(xmlDocGetRootElement(doc.get()), includes);
    const size_t maxEnvelope = limits.maxBytes / 3 * 4 + 65536;
    size_t added = 0;
    for (xmlNode* include : includes) {
        xmlChar* raw = xmlGetProp(include, BAD_CAST "href");
        const std::string href = raw ? reinterpret_cast<const char*>(raw) : "";
        xmlFree(raw);
        const bool inElement = include->parent && include->parent->type == XML_ELEMENT_NODE;
        const std::string where =
            "the xop:Include " + (inElement ? "of <" + std::string(reinterpret_cast<const char*>(include->parent->name)) + ">"
                                            : std::string("at the root"));
        if (lower(href.substr(0, 4)) != "cid:") return refuse(where + " has no cid: href");
        const std::string cid = cidOf(href);
        auto it = std::find_if(parts.begin(), parts.end(), [&cid](const Part& p) { return p.id == cid; });
        if (it == parts.end() || &*it == root)
            return refuse(where + " names cid:" + cid.substr(0, 200) + ", which no attachment of the request has");
        added += (it->content.size() + 2) / 3 * 4;
        if (added > maxEnvelope)
            return refuse("the attachments make an envelope larger than " + std::to_string(maxEnvelope) + " bytes");
        xmlNode* text = xmlNewDocText(doc.get(), BAD_CAST base64(it->content).c_str());
        xmlReplaceNode(include, text);
        xmlFreeNode(include);
    }
    xmlChar* out = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc.get(), &out, &size, "UTF-8");
    if (!out) return SoapFault{version, "Receiver", "the request could not be rebuilt (out of memory?)", 500};
    UnpackedMtom unpacked{std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(size)),
                          version == SoapVersion::V12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8",
                          maxEnvelope + root->content.size()};
    xmlFree(out);
    return unpacked;
}

}  // namespace relais::soap
