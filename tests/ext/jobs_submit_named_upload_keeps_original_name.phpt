--TEST--
An upload submitted as ['original name' => '/tmp/phpXXXX'] keeps its original name; an integer key means the path's basename
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('uploads');
// What PHP makes of an upload: a random temporary name, the real name aside.
$tmp = $env->file('phpA1b2C3', "invoice\n");
$other = $env->file('plain.csv', "a;b\n");

$jobs = $env->client()->jobs();
$id = $jobs->submit('uploads', ['Facture mars 2024 (copie).pdf' => $tmp, 7 => $other]);
foreach ($jobs->get($id)['documents'] as $d) {
    echo $d['name'], ' ', $d['size'], ' ', $d['direction'], "\n";
}

// A name the core refuses (a path, not a file name) is a Relais\ValidationException.
try {
    $jobs->submit('uploads', ['../etc/passwd' => $tmp]);
} catch (Relais\ValidationException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(count($jobs->list()["rows"]));
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Facture mars 2024 (copie).pdf 8 in
plain.csv 4 in
Relais\ValidationException: document name '../etc/passwd' is not a plain file name
int(1)
