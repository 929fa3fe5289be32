--TEST--
Reading a job that does not exist: Relais\NotFoundException naming the job; an id below 1 is a ValueError
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$jobs = $env->client()->jobs();
foreach ([424242, 0, -5] as $id) {
    try {
        $jobs->get($id);
        echo "found!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    $jobs->get('abc');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
Relais\NotFoundException: no job #424242
ValueError: Relais\Jobs::get(): Argument #1 ($id) must be greater than 0
ValueError: Relais\Jobs::get(): Argument #1 ($id) must be greater than 0
TypeError
