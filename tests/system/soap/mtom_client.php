<?php
/**
 * DeposerDocument with its content as an MTOM/XOP attachment (multipart/related,
 * built here byte by byte as MTOM clients send it) through the real Apache: the
 * job is submitted and the document comes back byte for byte through
 * RecupererDocument, in SOAP 1.2 and 1.1; malformed and hostile MTOM requests
 * (a missing attachment, a wrong cid, no boundary, a request cut short, a DTD,
 * an attachment named again and again, more than the endpoint's 16 MiB) get a
 * SOAP Fault naming what is wrong, and submit nothing.
 * Usage: php -d extension=relais.so mtom_client.php HTTPS_BASE HTTP_BASE PKI_DIR
 */
declare(strict_types=1);

require __DIR__ . '/lib.php';

[, $https, , $pki] = $argv;
$url = "$https/ws/exchange";
$relais = new Relais\Client();
$dir = new Relais\Ws\Directory($relais);
$run = bin2hex(random_bytes(3));
$dir->saveApplication("mtom-$run", ['exchange'], "mtom-$run");
$secret = $dir->newApplicationSecret("mtom-$run");
$auth = basic("mtom-$run", $secret);
$soap = soap_client("$https/ws/exchange?wsdl", SOAP_1_2, ssl_options($pki), ["mtom-$run", $secret]);
$jobs = $relais->jobs();
$jobCount = fn () => count($jobs->list([], 10000)['rows']);
// Binary bytes: a NUL, bytes that are not UTF-8, CR LF and a line that looks like a boundary.
$content = "UNA:+.? 'UNB+UNOC:3\x00\xff\xfe\r\n--MIME_other\r\nfin\n";

/** An MTOM request: the root part (SOAP $version) naming its attachment by $href, then the parts. */
function mtom(int $version, string $href, array $attachments, string $extraXml = ''): array
{
    $env = $version === SOAP_1_2 ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
    $soapType = $version === SOAP_1_2 ? 'application/soap+xml' : 'text/xml';
    $boundary = 'MIMEBoundary_' . bin2hex(random_bytes(8));
    $xml = '<?xml version="1.0" encoding="UTF-8"?>' . $extraXml
        . "<e:Envelope xmlns:e=\"$env\" xmlns:x=\"urn:relais:exchange\"><e:Body><x:DeposerDocument>"
        . '<x:Flux>demo-deposit</x:Flux><x:NomFichier>mtom-' . $GLOBALS['run'] . '.edi</x:NomFichier>'
        . '<x:Contenu><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="' . $href . '"/></x:Contenu>'
        . '</x:DeposerDocument></e:Body></e:Envelope>';
    $body = "--$boundary\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"$soapType\"\r\n"
        . "Content-Transfer-Encoding: 8bit\r\nContent-ID: <root.message@relais.test>\r\n\r\n$xml\r\n";
    foreach ($attachments as $id => $bytes) {
        $body .= "--$boundary\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
            . "Content-ID: <$id>\r\n\r\n$bytes\r\n";
    }
    $body .= "--$boundary--\r\n";
    $type = "multipart/related; type=\"application/xop+xml\"; boundary=\"$boundary\"; "
        . "start=\"<root.message@relais.test>\"; start-info=\"$soapType\"";
    return [$body, $type];
}

function post_mtom(string $url, string $auth, string $pki, array $request, ?string $type = null): array
{
    [$body, $contentType] = $request;
    return http($url, $body, ['Content-Type: ' . ($type ?? $contentType), $auth,
        'SOAPAction: "urn:relais:exchange/DeposerDocument"'], ssl_options($pki));
}

/** The input document of a job, by ConsulterStatut. */
function input_document(SoapClient $soap, string $job): string
{
    $r = $soap->ConsulterStatut(['IdTraitement' => $job]);
    expect_same('999', $r->Response->CodeRetour->Code, 'ConsulterStatut');
    $in = array_values(array_filter($r->Response->Documents->Document, fn ($d) => $d->Sens === 'entree'));
    expect_same(1, count($in), 'one input document');
    return (string)$in[0]->IdDocument;
}

foreach ([SOAP_1_2 => '12', SOAP_1_1 => '11'] as $version => $v) {
    t("mtom_soap{$v}_deposer_document_attachment_arrives_byte_for_byte", function () use ($version, $url, $auth, $pki, $content, $soap) {
        [$status, $type, $out] = post_mtom($url, $auth, $pki, mtom($version, 'cid:contenu%201@relais.test', ['contenu 1@relais.test' => $content]));
        expect_same(200, $status, "HTTP status ($out)");
        expect(preg_match('#<(?:\w+:)?Code>999</#', $out) === 1, "code 999 in $out");
        expect(preg_match('#<(?:\w+:)?IdTraitement>(\d+)</#', $out, $m) === 1, "IdTraitement in $out");
        $r = $soap->RecupererDocument(['IdDocument' => input_document($soap, $m[1])]);
        expect_same('999', $r->Response->CodeRetour->Code, 'RecupererDocument');
        expect_same($content, $r->Response->Contenu, 'content');
    });
}

t('mtom_a_9_mib_attachment_arrives_byte_for_byte', function () use ($url, $auth, $pki, $soap) {
    // 12 MB of base64 once unpacked: one text node over libxml2's default limit.
    $big = random_bytes(9 << 20);
    [$status, , $out] = post_mtom($url, $auth, $pki, mtom(SOAP_1_2, 'cid:gros@relais.test', ['gros@relais.test' => $big]));
    expect_same(200, $status, 'HTTP status (' . substr($out, 0, 300) . ')');
    expect(preg_match('#<(?:\w+:)?IdTraitement>(\d+)</#', $out, $m) === 1, 'IdTraitement in ' . substr($out, 0, 300));
    $r = $soap->RecupererDocument(['IdDocument' => input_document($soap, $m[1])]);
    expect_same('999', $r->Response->CodeRetour->Code, 'RecupererDocument');
    expect(hash('sha256', $r->Response->Contenu) === hash('sha256', $big), 'the same 9 MiB');
});

// [name, request, Content-Type or null, words of the fault's reason, HTTP status]
$big = str_repeat('A', 3 << 20);
$hostile = [
    ['missing_attachment', mtom(SOAP_1_2, 'cid:absent@relais.test', []), null, 'names cid:absent@relais.test, which no attachment', 400],
    ['wrong_cid', mtom(SOAP_1_2, 'cid:autre@relais.test', ['contenu@relais.test' => $content]), null, 'cid:autre@relais.test', 400],
    ['href_not_cid', mtom(SOAP_1_2, 'file:///etc/passwd', ['contenu@relais.test' => $content]), null, 'has no cid: href', 400],
    ['no_boundary', mtom(SOAP_1_2, 'cid:c@r', ['c@r' => 'x']), 'multipart/related; type="application/xop+xml"', 'no boundary', 400],
    ['not_xop', mtom(SOAP_1_2, 'cid:c@r', ['c@r' => 'x']), 'multipart/related; type="text/xml"; boundary=x', 'only MTOM', 400],
    ['cut_short', (function () { [$b, $t] = mtom(SOAP_1_2, 'cid:c@r', ['c@r' => 'x']); return [substr($b, 0, strrpos($b, "\r\n--")), $t]; })(), null, 'is not followed by the boundary', 400],
    ['dtd_in_root', mtom(SOAP_1_2, 'cid:c@r', ['c@r' => 'x'], '<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), null, 'document type declaration', 400],
    ['soap11_missing_attachment', mtom(SOAP_1_1, 'cid:absent@relais.test', []), null, 'which no attachment', 500],
    ['over_16_mib', mtom(SOAP_1_2, 'cid:c@r', ['c@r' => str_repeat('A', 17 << 20)]), null, 'larger than 16777216 bytes', 413],
];
// One 3 MiB attachment named 8 times: 32 MiB of base64 from a 3 MiB request.
[$amplified, $amplifiedType] = mtom(SOAP_1_2, 'cid:big@r', ['big@r' => $big]);
$include = '<x:Contenu><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:big@r"/></x:Contenu>';
$amplified = str_replace('</x:DeposerDocument>', str_repeat($include, 7) . '</x:DeposerDocument>', $amplified);
$hostile[] = ['attachment_named_again_and_again', [$amplified, $amplifiedType], null, 'the attachments make an envelope larger than', 400];

foreach ($hostile as [$name, $request, $type, $words, $status]) {
    t("mtom_refused_$name", function () use ($url, $auth, $pki, $request, $type, $words, $status, $jobCount) {
        $before = $jobCount();
        [$got, , $out] = post_mtom($url, $auth, $pki, $request, $type);
        expect_same($status, $got, 'HTTP status');
        $fault = soap_fault($out);
        expect($fault !== null, "a SOAP Fault, got: " . substr($out, 0, 300));
        expect(str_contains($fault[1], $words), "the reason names the problem: $fault[1]");
        expect_same($before, $jobCount(), 'no job submitted');
    });
}

// Failures are the "not ok" lines; a non-zero exit means the driver itself died.
