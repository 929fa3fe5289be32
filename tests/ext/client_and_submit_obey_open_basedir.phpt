--TEST--
Under open_basedir, a configuration file or an input file outside the allowed paths is refused before the core reads it
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('sandboxed');
$inside = $env->file('inside.txt', "ok\n");
$outside = $env->dir . '/outside.txt';
file_put_contents($outside, "secret\n");
$jobs = $env->client()->jobs();

ini_set('open_basedir', dirname($inside) . PATH_SEPARATOR . __DIR__);
try {
    new Relais\Client($env->ini);
} catch (Relais\Exception $e) {
    echo get_class($e), ': ', str_replace($env->dir, 'DIR', $e->getMessage()), "\n";
}
try {
    $jobs->submit('sandboxed', [$inside, $outside]);
} catch (Relais\Exception $e) {
    echo get_class($e), ': ', str_replace($env->dir, 'DIR', $e->getMessage()), "\n";
}
var_dump(count($jobs->list()["rows"]));
var_dump($jobs->submit('sandboxed', [$inside]) > 0);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Relais\Exception: configuration file DIR/relais.ini is outside the allowed path(s) (open_basedir)
Relais\ValidationException: input file DIR/outside.txt is outside the allowed path(s) (open_basedir)
int(0)
bool(true)
