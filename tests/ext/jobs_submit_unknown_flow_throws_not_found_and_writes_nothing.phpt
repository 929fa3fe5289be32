--TEST--
Submitting to an unknown flow: Relais\NotFoundException naming the flow; no job row, no stored document
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('known');
$path = $env->file('a.txt', "hello\n");

$jobs = $env->client()->jobs();
try {
    $jobs->submit('no-such-flow', [$path], ['k' => 'v']);
    echo "submitted!\n";
} catch (Relais\NotFoundException $e) {
    echo get_class($e), "\n";
    echo str_contains($e->getMessage(), 'no-such-flow') ? "names the flow\n" : $e->getMessage() . "\n";
    var_dump($e->getCode() === 2);  // relais::Code::NotFound
    var_dump($e instanceof Relais\Exception, $e instanceof RuntimeException);
}
var_dump($jobs->list()["rows"]);
var_dump($env->storedFiles());

try {
    $jobs->submit('');
} catch (ValueError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Relais\NotFoundException
names the flow
bool(true)
bool(true)
bool(true)
array(0) {
}
array(0) {
}
ValueError: Relais\Jobs::submit(): Argument #1 ($flow) must not be empty
