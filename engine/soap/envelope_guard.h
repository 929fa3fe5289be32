// The checks a SOAP request passes before any SOAP toolkit reads it (PHP's
// SoapServer for Relais' endpoints): its size, its media type and the SOAP
// version it names, UTF-8, no document type declaration (so no external
// entity and no entity expansion), well-formed XML whose root is the
// Envelope of that SOAP version, and one Body element in the service's
// namespace. A refused request gets a SOAP Fault of its version, built here.
// Thread-safety: pure functions (libxml2 parser contexts are per call).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace relais::soap {

enum class SoapVersion { V11, V12 };

struct SoapFault {
    SoapVersion version = SoapVersion::V12;
    std::string code;     // "Sender" / "VersionMismatch" (SOAP 1.2 names; 1.1 gets Client / VersionMismatch)
    std::string reason;   // for a person, in English, naming what is wrong
    int httpStatus = 400;
};

struct EnvelopeLimits {
    size_t maxBytes = 1 << 20;
    std::string bodyNamespace;  // the namespace of the operation elements
};

// The SOAP version of a Content-Type (application/soap+xml: 1.2, text/xml:
// 1.1), or nullopt for any other media type.
std::optional<SoapVersion> versionOfContentType(std::string_view contentType);

// nullopt when the request may go to the SOAP toolkit, else the fault to answer.
std::optional<SoapFault> checkEnvelope(std::string_view body, std::string_view contentType, const EnvelopeLimits& limits);

// A fault for a body the caller did not even read because it was too large.
SoapFault tooLarge(std::string_view contentType, size_t maxBytes);

// The response body of a fault, and its Content-Type.
std::string faultXml(const SoapFault& fault);
std::string faultContentType(const SoapFault& fault);

}  // namespace relais::soap
