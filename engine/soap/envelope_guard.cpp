// Checks of SOAP requests before a SOAP toolkit reads them (see envelope_guard.h).
#include "soap/envelope_guard.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "base/utf8.h"

namespace relais::soap {
namespace {

constexpr const char* kNs11 = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr const char* kNs12 = "http://www.w3.org/2003/05/soap-envelope";

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

SoapFault fault(SoapVersion v, std::string code, std::string reason, int httpStatus = 0) {
    if (httpStatus == 0) httpStatus = v == SoapVersion::V12 && code == "Sender" ? 400 : 500;
    return {v, std::move(code), std::move(reason), httpStatus};
}

std::string escapeXml(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

const xmlNode* firstElement(const xmlNode* n) {
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) return n;
    return nullptr;
}

std::string nsOf(const xmlNode* n) { return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : ""; }
std::string nameOf(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

}  // namespace

std::optional<SoapVersion> versionOfContentType(std::string_view contentType) {
    const std::string t = lower(contentType.substr(0, contentType.find(';')));
    const std::string media = t.substr(t.find_first_not_of(" \t") == std::string::npos ? t.size() : t.find_first_not_of(" \t"));
    if (media.rfind("application/soap+xml", 0) == 0) return SoapVersion::V12;
    if (media.rfind("text/xml", 0) == 0) return SoapVersion::V11;
    return std::nullopt;
}

SoapFault tooLarge(std::string_view contentType, size_t maxBytes) {
    return fault(versionOfContentType(contentType).value_or(SoapVersion::V11), "Sender",
                 "the request is larger than " + std::to_string(maxBytes) + " bytes", 413);
}

std::optional<SoapFault> checkEnvelope(std::string_view body, std::string_view contentType, const EnvelopeLimits& limits) {
    const auto version = versionOfContentType(contentType);
    if (!version)
        return fault(SoapVersion::V11, "Sender",
                     "unsupported Content-Type '" + std::string(contentType.substr(0, 100)) +
                         "': SOAP 1.2 is application/soap+xml, SOAP 1.1 is text/xml",
                     415);
    const SoapVersion v = *version;
    if (body.size() > limits.maxBytes) return tooLarge(contentType, limits.maxBytes);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fault(v, "Sender", "the request has no body: a SOAP envelope is expected");
    const std::string ct = lower(contentType);
    const auto charset = ct.find("charset=");
    if (charset != std::string::npos) {
        std::string cs = ct.substr(charset + 8);
        cs.erase(std::remove(cs.begin(), cs.end(), '"'), cs.end());
        cs = cs.substr(0, cs.find_first_of("; \t"));
        if (cs != "utf-8") return fault(v, "Sender", "unsupported charset '" + cs.substr(0, 40) + "': only UTF-8 is accepted");
    }
    if (const size_t at = invalidUtf8Offset(body); at != std::string_view::npos)
        return fault(v, "Sender", "the request is not valid UTF-8 (byte " + std::to_string(at) + ")");
    // An XML declaration naming another encoding would make the toolkit read
    // these UTF-8 bytes as something else.
    if (body.rfind("<?xml", 0) == 0) {
        const std::string declaration = lower(body.substr(0, body.find("?>")));
        const auto enc = declaration.find("encoding=");
        if (enc != std::string::npos) {
            std::string name = declaration.substr(enc + 9, 12);
            name.erase(std::remove_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '\''; }), name.end());
            if (name.rfind("utf-8", 0) != 0)
                return fault(v, "Sender", "the XML declaration names an encoding other than UTF-8");
        }
    }
    // SOAP forbids document type declarations; refusing them before parsing
    // rules out external entities and entity expansion (billion laughs).
    if (body.find("<!DOCTYPE") != std::string_view::npos || body.find("<!ENTITY") != std::string_view::npos)
        return fault(v, "Sender", "a SOAP message must not contain a document type declaration or entity declarations");

    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) return fault(v, "Receiver", "out of memory reading the request", 500);
    // XML_PARSE_HUGE: a document of more than 7 MiB is a base64 text node over
    // libxml2's default 10 MB limit; the request is bounded by maxBytes and
    // holds no entity, which is what that limit guards against.
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
        ctxt.get(), body.data(), static_cast<int>(body.size()), "request", "UTF-8",
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_HUGE));
    if (!doc) {
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        std::string why = e && e->message ? e->message : "not well-formed";
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return fault(v, "Sender",
                     "malformed XML" + (e ? " at line " + std::to_string(e->line) : std::string()) + ": " + why);
    }
    if (doc->intSubset || doc->extSubset)
        return fault(v, "Sender", "a SOAP message must not contain a document type declaration");
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const std::string expectedNs = v == SoapVersion::V12 ? kNs12 : kNs11;
    if (!root || nameOf(root) != "Envelope")
        return fault(v, "Sender", "the root element must be a SOAP Envelope");
    if (nsOf(root) != expectedNs) {
        const std::string other = v == SoapVersion::V12 ? kNs11 : kNs12;
        if (nsOf(root) == other)
            return fault(v, "VersionMismatch",
                         std::string("the envelope is SOAP ") + (v == SoapVersion::V12 ? "1.1" : "1.2") +
                             " but the Content-Type announces SOAP " + (v == SoapVersion::V12 ? "1.2" : "1.1"),
                         500);
        return fault(v, "VersionMismatch", "unknown envelope namespace '" + nsOf(root).substr(0, 200) + "'", 500);
    }
    const xmlNode* part = firstElement(root->children);
    if (part && nameOf(part) == "Header" && nsOf(part) == expectedNs) part = firstElement(part->next);
    if (!part || nameOf(part) != "Body" || nsOf(part) != expectedNs)
        return fault(v, "Sender", "the envelope has no SOAP Body");
    const xmlNode* operation = firstElement(part->children);
    if (!operation) return fault(v, "Sender", "the SOAP Body is empty: an operation element is expected");
    if (firstElement(operation->next)) return fault(v, "Sender", "the SOAP Body must hold one operation element");
    if (!limits.bodyNamespace.empty() && nsOf(operation) != limits.bodyNamespace)
        return fault(v, "Sender", "the operation element " + nameOf(operation) + " is in the namespace '" +
                                      nsOf(operation).substr(0, 200) + "', expected '" + limits.bodyNamespace + "'");
    return std::nullopt;
}

std::string faultXml(const SoapFault& f) {
    const std::string reason = escapeXml(f.reason);
    if (f.version == SoapVersion::V12)
        return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"") + kNs12 +
               "\"><env:Body><env:Fault><env:Code><env:Value>env:" + f.code +
               "</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + reason +
               "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>\n";
    const std::string code = f.code == "Sender" ? "Client" : f.code == "Receiver" ? "Server" : f.code;
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"") + kNs11 +
           "\"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>" + reason +
           "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>\n";
}

std::string faultContentType(const SoapFault& f) {
    return f.version == SoapVersion::V12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
}

}  // namespace relais::soap
