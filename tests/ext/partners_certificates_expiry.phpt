--TEST--
Partners: addCertificate() reads a PEM or DER X.509 certificate (subject, issuer, serial, validity, SHA-256) and gives its state: valid, expiring within 30 days, expired; expiringCertificates() lists those of enabled partners, soonest first; a duplicate or a non-certificate is refused; removeCertificate()
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); if (!extension_loaded('openssl')) echo "skip openssl needed to make certificates\n"; ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$partners = $env->client()->partners();
$partners->save(['code' => 'ACME', 'name' => 'ACME']);

/** A self-signed certificate valid $days days from now (negative: already over), as PEM. */
function certificate(string $cn, int $days, int $serial): string
{
    $key = openssl_pkey_new(['private_key_type' => OPENSSL_KEYTYPE_EC, 'curve_name' => 'prime256v1']);
    $csr = openssl_csr_new(['commonName' => $cn, 'countryName' => 'FR'], $key);
    $x509 = openssl_csr_sign($csr, null, $key, $days, ['digest_alg' => 'sha256'], $serial);
    openssl_x509_export($x509, $pem);
    return $pem;
}

$valid = $partners->addCertificate('ACME', certificate('as2.acme.fr', 365, 0x1A2B), 'web:alice');
$cn = fn (string $dn) => preg_replace('/^.*(CN=[^,]+).*$/', '$1', $dn);
echo $cn($valid['subject']), ' | ', $valid['serial'], ' | ', $valid['state'], ' ', $valid['days_left'] >= 363 ? 'about a year' : $valid['days_left'], ' | ', $valid['uploaded_by'], "\n";
var_dump(strlen($valid['sha256']), str_starts_with($valid['pem'], '-----BEGIN CERTIFICATE-----'));
$soon = $partners->addCertificate('ACME', certificate('soon.acme.fr', 10, 2));
echo $soon['state'], ' ', in_array($soon['days_left'], [9, 10], true) ? 'in 10 days' : $soon['days_left'], "\n";
$der = base64_decode(preg_replace('/-----[^-]+-----|\s/', '', certificate('der.acme.fr', 2, 3)));
echo $partners->addCertificate('ACME', $der)['state'], "\n";

$p = $partners->get('ACME');
echo count($p['certificates']), ' certificates, ', $p['certificates_expiring'], ' expiring, ', $p['certificates_expired'], " expired\n";
echo implode(', ', array_map(fn ($c) => $cn($c['subject']) . ' (' . $c['partner'] . ')', $partners->expiringCertificates())), "\n";
echo count($partners->expiringCertificates(400)), " within 400 days\n";

foreach ([fn () => $partners->addCertificate('ACME', certificate('as2.acme.fr', 1, 9)) && $partners->addCertificate('ACME', $p['certificates'][0]['pem']),
          fn () => $partners->addCertificate('ACME', 'not a certificate'),
          fn () => $partners->addCertificate('NOPE', $p['certificates'][0]['pem']),
          fn () => $partners->expiringCertificates(-1)] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', preg_replace(['/certificate [0-9a-f]{16}…/', '/\(.*CN=/'], ['certificate X…', '(CN='], $e->getMessage()), "\n";
    }
}
$partners->removeCertificate('ACME', $soon['id']);
echo count($partners->get('ACME')['certificates']), " certificates after removing one\n";
$partners->enable('ACME', false);
echo count($partners->expiringCertificates(400)), " for a disabled partner\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
CN=as2.acme.fr | 1A2B | valid about a year | web:alice
int(64)
bool(true)
expiring in 10 days
expiring
3 certificates, 2 expiring, 0 expired
CN=der.acme.fr (ACME), CN=soon.acme.fr (ACME)
3 within 400 days
Relais\ConflictException: partner 'ACME' already has the certificate X… (CN=as2.acme.fr)
Relais\ValidationException: certificate for partner 'ACME': the file is neither a PEM nor a DER X.509 certificate
Relais\NotFoundException: unknown partner 'NOPE'
ValueError: Relais\Partners::expiringCertificates(): Argument #1 ($days) must be between 0 and 3650
3 certificates after removing one
0 for a disabled partner
