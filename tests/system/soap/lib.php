<?php
/**
 * What the SOAP system tests' PHP drivers share: TAP-like "ok NAME" / "not ok
 * NAME" lines (counted by tests/run.sh), assertions, raw HTTP(S) requests,
 * SoapClient built from the served WSDL, the partner applications they
 * register and the shared test database (through the extension; mysqli only
 * to break a table for code 000).
 */
declare(strict_types=1);

final class Check extends Exception {}

$GLOBALS['t_failed'] = 0;

function t(string $name, callable $case): void
{
    try {
        $case();
        echo "ok $name\n";
    } catch (Throwable $e) {
        $GLOBALS['t_failed']++;
        echo "not ok $name\n";
        foreach (explode("\n", get_class($e) . ': ' . $e->getMessage()) as $line) {
            echo "#   $line\n";
        }
    }
}

function expect(bool $ok, string $what): void
{
    if (!$ok) {
        throw new Check($what);
    }
}

function expect_same($expected, $actual, string $what): void
{
    expect($expected === $actual, "$what: expected " . var_export($expected, true) . ', got ' . var_export($actual, true));
}

/** The TLS options of a client: the test CA, and a client certificate if given. */
function ssl_options(string $pki, ?string $cert = null): array
{
    $ssl = ['cafile' => "$pki/ca.pem", 'verify_peer' => true, 'verify_peer_name' => true, 'peer_name' => '127.0.0.1'];
    if ($cert !== null) {
        $ssl['local_cert'] = "$pki/$cert.pem";
        $ssl['local_pk'] = "$pki/$cert.key";
    }
    return $ssl;
}

/** A POST (or GET when $body is null): [status, content type, body]. */
function http(string $url, ?string $body, array $headers, array $ssl = []): array
{
    $ctx = stream_context_create([
        'http' => [
            'method' => $body === null ? 'GET' : 'POST',
            'header' => implode("\r\n", $headers),
            'content' => $body ?? '',
            'ignore_errors' => true,
            'timeout' => 60,
            'protocol_version' => 1.1,
        ],
        'ssl' => $ssl,
    ]);
    $out = @file_get_contents($url, false, $ctx);
    $status = 0;
    $type = '';
    foreach ($http_response_header ?? [] as $h) {
        if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) $status = (int)$m[1];
        if (stripos($h, 'Content-Type:') === 0) $type = trim(substr($h, 13));
    }
    return [$status, $type, $out === false ? '' : $out];
}

function basic(string $user, string $password): string
{
    return 'Authorization: Basic ' . base64_encode("$user:$password");
}

/** The fault's code and reason of a SOAP response body, or null when it holds no fault. */
function soap_fault(string $xml): ?array
{
    $doc = new DOMDocument();
    if ($xml === '' || !@$doc->loadXML($xml, LIBXML_NONET)) return null;
    $x = new DOMXPath($doc);
    $x->registerNamespace('e12', 'http://www.w3.org/2003/05/soap-envelope');
    $x->registerNamespace('e11', 'http://schemas.xmlsoap.org/soap/envelope/');
    $code = $x->evaluate('string(/e12:Envelope/e12:Body/e12:Fault/e12:Code/e12:Value)');
    if ($code !== '') return [$code, $x->evaluate('string(/e12:Envelope/e12:Body/e12:Fault/e12:Reason/e12:Text)')];
    $code = $x->evaluate('string(/e11:Envelope/e11:Body/e11:Fault/faultcode)');
    if ($code !== '') return [$code, $x->evaluate('string(/e11:Envelope/e11:Body/e11:Fault/faultstring)')];
    return null;
}

function soap_client(string $wsdlUrl, int $version, array $ssl, ?array $login = null): SoapClient
{
    $options = [
        'soap_version' => $version,
        'trace' => true,
        'exceptions' => true,
        'cache_wsdl' => WSDL_CACHE_NONE,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
        'stream_context' => stream_context_create(['ssl' => $ssl]),
        'connection_timeout' => 30,
    ];
    if ($login !== null) {
        $options['login'] = $login[0];
        $options['password'] = $login[1];
        $options['authentication'] = SOAP_AUTHENTICATION_BASIC;
    }
    return new SoapClient($wsdlUrl, $options);
}

/** A break-the-table connection to the shared test database (code 000 only). */
function test_mysqli(): mysqli
{
    $ini = parse_ini_file((string)getenv('RELAIS_CONFIG'), true, INI_SCANNER_RAW);
    $dsn = parse_url($ini['database']['dsn']);
    parse_str($dsn['query'] ?? '', $q);
    return new mysqli('localhost', urldecode($dsn['user']), urldecode($dsn['pass'] ?? ''), ltrim($dsn['path'], '/'), 0,
        $q['socket'] ?? null);
}
