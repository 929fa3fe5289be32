<?php
/**
 * What the SOAP endpoints of webroot/ws/ share: the WSDL at ?wsdl (with this
 * server's address written in), the core's unpacking of MTOM requests and its
 * checks of the raw request before SoapServer reads it (Relais\Ws\Envelope),
 * the caller's credentials as Apache saw them, and SoapServer wired to a
 * service object of the extension.
 * No rule lives here: the services are the core's.
 */
declare(strict_types=1);

namespace Relais\Ws\Endpoint;

/** The address the WSDL files carry until they are served. */
const WSDL_PLACEHOLDER = 'https://relais.example';

function send_fault(array $fault): void
{
    http_response_code($fault['status']);
    header('Content-Type: ' . $fault['content_type']);
    echo $fault['body'];
}

/** The scheme and host this request reached, for the WSDL's addresses. */
function base_url(): string
{
    $tls = ($_SERVER['HTTPS'] ?? '') === 'on';
    $host = (string)($_SERVER['HTTP_HOST'] ?? '');
    if (!preg_match('/^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/', $host)) {
        $host = (string)($_SERVER['SERVER_NAME'] ?? 'localhost');
    }
    return ($tls ? 'https://' : 'http://') . $host;
}

/** What Apache knows of the caller, for the core to identify its application. */
function caller(): array
{
    $tls = ($_SERVER['HTTPS'] ?? '') === 'on';
    $verified = $tls && ($_SERVER['SSL_CLIENT_VERIFY'] ?? '') === 'SUCCESS';
    return [
        'tls' => $tls,
        'client_certificate' => $verified ? (string)($_SERVER['SSL_CLIENT_CERT'] ?? '') : '',
        'username' => (string)($_SERVER['PHP_AUTH_USER'] ?? ''),
        'password' => (string)($_SERVER['PHP_AUTH_PW'] ?? ''),
    ];
}

/**
 * Serves one SOAP service: GET ?wsdl gives the WSDL, POST a SOAP 1.1 or 1.2
 * request of at most $maxBytes whose operation is in $namespace. $service
 * makes the object SoapServer calls, from a Relais\Client and the caller.
 */
function serve(string $wsdlFile, string $namespace, int $maxBytes, callable $service): void
{
    $method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
    if ($method === 'GET' && isset($_GET['wsdl'])) {
        header('Content-Type: text/xml; charset=utf-8');
        $path = strtok((string)($_SERVER['REQUEST_URI'] ?? ''), '?');
        $address = htmlspecialchars(base_url() . $path, ENT_XML1 | ENT_QUOTES, 'UTF-8');
        echo str_replace(WSDL_PLACEHOLDER . '/ws/' . basename($wsdlFile, '.wsdl'), $address, (string)file_get_contents($wsdlFile));
        return;
    }
    if ($method !== 'POST') {
        http_response_code(405);
        header('Allow: GET, POST');
        header('Content-Type: text/plain; charset=utf-8');
        echo "POST a SOAP request here; the WSDL is at ?wsdl\n";
        return;
    }
    $contentType = (string)($_SERVER['CONTENT_TYPE'] ?? '');
    if ((int)($_SERVER['CONTENT_LENGTH'] ?? 0) > $maxBytes) {
        send_fault(\Relais\Ws\Envelope::tooLarge($contentType, $maxBytes));
        return;
    }
    $body = (string)stream_get_contents(fopen('php://input', 'rb'), $maxBytes + 1);
    if (strlen($body) > $maxBytes) {
        send_fault(\Relais\Ws\Envelope::tooLarge($contentType, $maxBytes));
        return;
    }
    // MTOM (multipart/related): the core puts each attachment back as base64
    // in the envelope, which SoapServer (no MTOM of its own) then reads.
    $mtom = \Relais\Ws\Envelope::unpackMtom($body, $contentType, $maxBytes);
    if ($mtom !== null) {
        if (isset($mtom['fault'])) {
            send_fault($mtom['fault']);
            return;
        }
        [$body, $contentType, $maxBytes] = [$mtom['envelope'], $mtom['content_type'], $mtom['max_bytes']];
    }
    $fault = \Relais\Ws\Envelope::check($body, $contentType, $maxBytes, $namespace);
    if ($fault !== null) {
        send_fault($fault);
        return;
    }
    $version = stripos($contentType, 'application/soap+xml') !== false ? SOAP_1_2 : SOAP_1_1;
    $server = new \SoapServer($wsdlFile, [
        'soap_version' => $version,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
        'cache_wsdl' => WSDL_CACHE_MEMORY,
        'encoding' => 'UTF-8',
    ]);
    try {
        $server->setObject($service(new \Relais\Client(), caller()));
    } catch (\Relais\Exception $e) {
        // The database or the configuration: nothing the caller can fix.
        error_log('relais ws: ' . $e->getMessage());
        $server->fault($version === SOAP_1_2 ? 'Receiver' : 'Server', 'the service is unavailable, try again later');
        return;
    }
    $server->handle($body);
}
