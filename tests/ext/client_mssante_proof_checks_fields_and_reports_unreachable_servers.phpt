--TEST--
Client::mssanteProof(): a bad host name or port is a ValidationException naming each field; a port nothing listens on gives a proof that says so (telnet's words), no STARTTLS and the problem
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$client = new Relais\Client($env->ini);

foreach ([['mss example.fr', 143, 587], ["mss.fr\r\nQUIT", 143, 587], ['', 0, 587], ['mss.fr', 143, 70000]] as [$fqdn, $imap, $smtp]) {
    try {
        $client->mssanteProof($fqdn, $imap, $smtp);
        echo "accepted\n";
    } catch (Relais\ValidationException $e) {
        foreach ($e->getErrors() as $err) {
            echo $err['field'], ': ', str_replace(["\r", "\n"], ['\r', '\n'], $err['message']), "\n";
        }
    }
}
try {
    $client->mssanteProof('mss.fr', 'x');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}

// A loopback port nobody listens on: refused at once.
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int)substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$proof = $client->mssanteProof('127.0.0.1', $port, $port, 'PHPT');
var_dump($proof['imap_complete'], $proof['smtp_complete'], $proof['imap_starttls'], $proof['smtp_starttls']);
echo str_contains($proof['problem'], 'IMAP: ') && str_contains($proof['problem'], 'SMTP: ') ? "problem names both\n" : $proof['problem'] . "\n";
foreach (explode("\n", $proof['text']) as $line) {
    if (preg_match('/^(Preuve|FQDN|Produite|=====|telnet |Trying|telnet: Unable|IMAP \(|SMTP \(|Listing incomplet)/', $line)) {
        $line = str_replace($client->version(), 'VERSION', $line);
        echo preg_replace(["/port $port\\b/", "/ $port\$/", '/: Unable to connect to remote host: .*/'],
            ['port P', ' P', ': Unable to connect to remote host: ...'], $line), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
fqdn: 'mss example.fr' is not a host name (letters, digits, hyphens and dots)
fqdn: 'mss.fr\r\nQUIT' is not a host name (letters, digits, hyphens and dots)
fqdn: is empty: give the host name of the MSSanté interface, e.g. mss.example.fr
imap_port: port 0 is not between 1 and 65535
smtp_port: port 70000 is not between 1 and 65535
TypeError
bool(false)
bool(false)
bool(false)
bool(false)
problem names both
Preuve de déploiement de l'interface API LPS/DUI MSSanté
FQDN : 127.0.0.1
Produite par : Relais VERSION (PHPT)
==================== LISTING IMAP (port P) ====================
telnet 127.0.0.1 P
Trying 127.0.0.1...
telnet: Unable to connect to remote host: ...
==================== LISTING SMTP (port P) ====================
telnet 127.0.0.1 P
Trying 127.0.0.1...
telnet: Unable to connect to remote host: ...
==================== RÉSUMÉ ====================
IMAP (port P) : STARTTLS proposé : non
SMTP (port P) : STARTTLS proposé : non
Listing incomplet : %s
