--TEST--
A database that cannot be reached: Relais\ConnectionException naming where it was looked for
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(false); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$dir = sys_get_temp_dir() . '/relais-phpt-down-' . getmypid();
@mkdir($dir, 0700, true);
$ini = "$dir/relais.ini";
file_put_contents($ini, "[database]\ndsn = mariadb://relais:pw@localhost/relais?socket=$dir/no-server.sock\n\n[store]\npath = $dir/store\n");
try {
    new Relais\Client($ini);
    echo "connected!\n";
} catch (Relais\Exception $e) {
    echo get_class($e), "\n";
    echo str_contains($e->getMessage(), "$dir/no-server.sock") ? "names the socket\n" : $e->getMessage() . "\n";
    var_dump($e->getCode() === 5);  // relais::Code::Unavailable
}
relais_test_rmtree($dir);
?>
--EXPECT--
Relais\ConnectionException
names the socket
bool(true)
