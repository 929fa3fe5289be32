--TEST--
Relais\Client::sage() connects the connector of the configuration's [sage] section, with options over it; none is NotFoundException, a bad key names it
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$env = relais_test_env(__FILE__);
try {
    $env->client()->sage();
} catch (Relais\NotFoundException $e) {
    echo str_replace($env->ini, 'INI', $e->getMessage()), "\n";
}
$pass = relais_test_admin()['pass'];
$section = "\n[sage]\ndsn = {$sage->dsn}\nuser = {$sage->user}\n" . ($pass === '' ? '' : "password = $pass\n")
    . "own_gln = 3012345000000\nexport_dir = {$env->dir}\n";
file_put_contents($env->ini, $section, FILE_APPEND);
$credit = "PIVOT;1;UTF-8\nDOC;INVOIC;CN-PHPT-1;2024-03-20;381\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n"
    . "LIN;1;3760000000017\nQTY;47;2\nPRI;AAA;1.95\nEND;1\n";
$r = $env->client()->sage(['document_type' => 'invoice'])->import($env->file('credit.pivot', $credit));
echo $r['documents'][0]['status'], ' ', $r['documents'][0]['piece'], ' ', trim($sage->sql("SELECT DO_Type FROM F_DOCENTETE WHERE DO_Piece = 'AV00002'")), "\n";
$x = $env->client()->sage()->export(['out' => $env->dir, 'type' => 'credit_note', 'customer' => 'C0001']);
echo implode(' ', array_map(fn ($d) => $d['piece'] . ':' . $d['name_code'], $x['documents'])), "\n";
var_dump($env->client()->settings()['sage']['export_dir'] === $env->dir);
try {
    $env->client()->sage(['password' => 'x']);
} catch (ValueError $e) {
    echo str_replace($env->ini, 'INI', $e->getMessage()), "\n";
}
file_put_contents($env->ini, "prices = cheap\n", FILE_APPEND);
try {
    $env->client()->sage();
} catch (Relais\Exception $e) {
    echo get_class($e), ': ', str_replace($env->ini, 'INI', $e->getMessage()), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
INI has no [sage] section: the Sage 100 connector is not configured (docs/sage100.md)
imported AV00002 5
AV00001:381 AV00002:381
bool(true)
Relais\Client::sage(): Argument #1 ($options) password comes from INI [sage] and cannot be given here
Relais\Exception: INI [sage] prices 'cheap' is not one of "pivot", "sage"
