// MTOM/XOP requests (W3C SOAP MTOM, XOP 1.0): a multipart/related body of
// type application/xop+xml whose root part is the SOAP envelope and whose
// other parts are the binary contents, each named in the envelope by an
// xop:Include. Unpacking puts the base64 of each part in place of its
// xop:Include, which gives the plain SOAP message a toolkit without MTOM
// (PHP's SoapServer) reads. Refused requests get a SOAP Fault naming what is
// wrong and where.
// Thread-safety: pure functions (libxml2 parser contexts are per call).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "soap/envelope_guard.h"

namespace relais::soap {

// True for a Content-Type multipart/related (whatever its parameters): such
// a request is unpacked or refused, never read as XML.
bool isMultipartRelated(std::string_view contentType);

struct UnpackedMtom {
    std::string envelope;     // the root part's XML with every xop:Include replaced by base64 text
    std::string contentType;  // the SOAP media type of the envelope: application/soap+xml or text/xml, UTF-8
    size_t maxEnvelopeBytes;  // what the envelope may weigh for checkEnvelope(): base64 makes parts 4/3 larger
};

struct MtomLimits {
    size_t maxBytes = 16 << 20;  // the request as received (the caller has checked it)
    size_t maxParts = 64;
};

// The plain SOAP message of an MTOM request `body` with its `contentType`, or
// the fault to answer: not type application/xop+xml, no boundary, a part
// without its blank line or closing delimiter, a root part that is not
// application/xop+xml, an xop:Include without href or naming a part that is
// not there (or inside a document type declaration), more than
// limits.maxParts parts, a transfer encoding other than binary/8bit/7bit.
std::variant<UnpackedMtom, SoapFault> unpackMtom(std::string_view body, std::string_view contentType,
                                                 const MtomLimits& limits);

}  // namespace relais::soap
