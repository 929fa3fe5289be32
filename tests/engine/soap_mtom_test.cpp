// MTOM/XOP requests unpacked into plain SOAP messages (soap/mtom.h): the
// attachments back as base64 in place of their xop:Include, and every
// malformed or hostile request refused with a fault naming what is wrong.
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "soap/mtom.h"

using namespace relais::soap;

namespace {

const std::string kType12 =
    "multipart/related; type=\"application/xop+xml\"; boundary=\"MIME_b0und\"; start=\"<root@relais>\"; "
    "start-info=\"application/soap+xml\"";
// Binary bytes: a NUL, CR LF, and a line that looks like a boundary but is not this one.
const std::string kBytes = std::string("EDI\x00\xff\r\n--MIME_other\r\nfin", 26);

std::string root(const std::string& includeHref, const std::string& type = "application/soap+xml") {
    return "Content-Type: application/xop+xml; charset=UTF-8; type=\"" + type +
           "\"\r\nContent-Transfer-Encoding: 8bit\r\nContent-ID: <root@relais>\r\n\r\n"
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
           "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:x=\"urn:relais:exchange\">"
           "<e:Body><x:DeposerDocument><x:NomFichier>a.edi</x:NomFichier><x:Contenu>"
           "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + includeHref + "\"/>"
           "</x:Contenu></x:DeposerDocument></e:Body></e:Envelope>";
}

std::string attachment(const std::string& id, const std::string& bytes, const std::string& encoding = "binary") {
    return "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: " + encoding + "\r\nContent-ID: <" + id +
           ">\r\n\r\n" + bytes;
}

std::string multipart(const std::vector<std::string>& parts, bool close = true) {
    std::string body = "preamble\r\n";
    for (const auto& p : parts) body += "--MIME_b0und\r\n" + p + "\r\n";
    if (close) body += "--MIME_b0und--\r\n";
    return body;
}

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    out.resize(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size())));
    return out;
}

std::string refusal(const std::string& body, const std::string& type = kType12, MtomLimits limits = {}) {
    auto r = unpackMtom(body, type, limits);
    if (auto* f = std::get_if<SoapFault>(&r)) return f->code + " " + std::to_string(f->httpStatus) + ": " + f->reason;
    return "unpacked";
}

}  // namespace

TEST(Mtom, AttachmentComesBackAsBase64InPlaceOfItsInclude) {
    EXPECT_TRUE(isMultipartRelated(kType12));
    EXPECT_FALSE(isMultipartRelated("application/soap+xml; charset=utf-8"));
    // The root is not the first part: `start` names it; the cid is %-escaped in the href.
    auto r = unpackMtom(multipart({attachment("doc 1@relais", kBytes), root("cid:doc%201@relais")}), kType12, {});
    ASSERT_TRUE(std::holds_alternative<UnpackedMtom>(r)) << std::get<SoapFault>(r).reason;
    const auto& u = std::get<UnpackedMtom>(r);
    EXPECT_EQ(u.contentType, "application/soap+xml; charset=utf-8");
    EXPECT_NE(u.envelope.find("<x:Contenu>" + base64(kBytes) + "</x:Contenu>"), std::string::npos) << u.envelope;
    EXPECT_EQ(u.envelope.find("Include"), std::string::npos);
    EXPECT_GE(u.maxEnvelopeBytes, MtomLimits{}.maxBytes);
    // The envelope passes the guard the endpoint runs next.
    EXPECT_FALSE(checkEnvelope(u.envelope, u.contentType, {u.maxEnvelopeBytes, "urn:relais:exchange"}));
}

TEST(Mtom, Soap11RootAndFirstPartAsRootWithoutStart) {
    const std::string type = "Multipart/Related; boundary=MIME_b0und; type=\"application/xop+xml\"; start-info=\"text/xml\"";
    auto r = unpackMtom(multipart({root("cid:a@b", "text/xml"), attachment("a@b", "x")}), type, {});
    ASSERT_TRUE(std::holds_alternative<UnpackedMtom>(r)) << std::get<SoapFault>(r).reason;
    EXPECT_EQ(std::get<UnpackedMtom>(r).contentType, "text/xml; charset=utf-8");
    // A SOAP 1.1 refusal is a SOAP 1.1 fault (HTTP 500).
    const std::string noPart = refusal(multipart({root("cid:nothing@b", "text/xml")}), type);
    EXPECT_EQ(noPart.substr(0, 10), "Sender 500") << noPart;
}

TEST(Mtom, MalformedOrHostileRequestsAreRefusedNamingWhatIsWrong) {
    const std::string ok = multipart({root("cid:doc@relais"), attachment("doc@relais", kBytes)});
    EXPECT_EQ(refusal(ok), "unpacked");
    auto refusedWith = [](const std::string& got, const std::string& words) {
        EXPECT_NE(got.find(words), std::string::npos) << got;
        EXPECT_EQ(got.substr(0, 10), "Sender 400") << got;
    };
    refusedWith(refusal(multipart({root("cid:missing@relais")})), "names cid:missing@relais, which no attachment");
    refusedWith(refusal(multipart({root("cid:wrong@relais"), attachment("doc@relais", kBytes)})), "cid:wrong@relais");
    refusedWith(refusal(multipart({root("http://example.org/doc"), attachment("doc@relais", kBytes)})), "has no cid: href");
    refusedWith(refusal(multipart({root("cid:root@relais")})), "cid:root@relais");  // the root itself
    refusedWith(refusal(ok, "multipart/related; type=\"application/xop+xml\""), "no boundary");
    refusedWith(refusal(ok, "multipart/related; type=\"text/xml\"; boundary=MIME_b0und"), "only MTOM");
    refusedWith(refusal(ok, "multipart/related; type=\"application/xop+xml\"; boundary=other"), "no part starts with the boundary 'other'");
    refusedWith(refusal(multipart({root("cid:doc@relais"), attachment("doc@relais", kBytes)}, false)), "part 2 is not followed by the boundary");
    refusedWith(refusal("--MIME_b0und\r\nContent-Type: application/xop+xml"), "part 1 has no blank line after its headers");
    refusedWith(refusal(multipart({root("cid:doc@relais"), attachment("doc@relais", base64(kBytes), "base64")})),
                "Content-Transfer-Encoding 'base64'");
    refusedWith(refusal(multipart({attachment("root@relais", "<x/>")})), "the root part is of type 'application/octet-stream'");
    refusedWith(refusal(ok, kType12.substr(0, kType12.find("; start=")) + "; start=\"<nobody@relais>\""),
                "start names <nobody@relais>");
    std::string notXml = root("cid:doc@relais");
    notXml.resize(notXml.size() - 20);
    refusedWith(refusal(multipart({notXml, attachment("doc@relais", kBytes)})), "the root part is not well-formed XML");
    std::string dtd = root("cid:doc@relais");
    dtd.insert(dtd.find("<e:Envelope"), "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
    refusedWith(refusal(multipart({dtd, attachment("doc@relais", kBytes)})), "document type declaration");
    std::vector<std::string> many = {root("cid:doc@relais")};
    for (int i = 0; i < 70; ++i) many.push_back(attachment("p" + std::to_string(i), "x"));
    refusedWith(refusal(multipart(many)), "more than 64 parts");
    // One attachment named many times must not blow the envelope up beyond the limit.
    std::string amplified = root("cid:big@relais");
    const std::string include = "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:big@relais\"/>";
    std::string more;
    for (int i = 0; i < 40; ++i) more += "<x:Contenu>" + include + "</x:Contenu>";
    amplified.insert(amplified.find("</x:DeposerDocument>"), more);
    MtomLimits small;
    small.maxBytes = 100000;
    refusedWith(refusal(multipart({amplified, attachment("big@relais", std::string(90000, 'a'))}), kType12, small),
                "the attachments make an envelope larger than");
}

TEST(Mtom, ANineMebibyteAttachmentMakesAnEnvelopeTheGuardAccepts) {
    // 12 MB of base64 in one text node: over libxml2's default limit for one
    // node (10 MB), within the exchange service's 16 MiB request.
    const std::string bytes(9 << 20, '\x7f');
    auto r = unpackMtom(multipart({root("cid:doc@relais"), attachment("doc@relais", bytes)}), kType12, {});
    ASSERT_TRUE(std::holds_alternative<UnpackedMtom>(r)) << std::get<SoapFault>(r).reason;
    const auto& u = std::get<UnpackedMtom>(r);
    EXPECT_GT(u.envelope.size(), 12u << 20);
    auto fault = checkEnvelope(u.envelope, u.contentType, {u.maxEnvelopeBytes, "urn:relais:exchange"});
    EXPECT_FALSE(fault) << fault->reason;
}
