--TEST--
Submitting to a disabled flow: Relais\ConflictException (code FailedPrecondition) naming the flow; enabled again, it accepts jobs
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('paused-flow');
$env->cli('flows', 'disable', 'paused-flow');
$path = $env->file('a.txt', "hello\n");

$client = $env->client();
$flows = $client->flows()->list();
var_dump($flows[0]['enabled']);
try {
    $client->jobs()->submit('paused-flow', [$path]);
    echo "submitted!\n";
} catch (Relais\ConflictException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
    var_dump($e->getCode() === 4);  // relais::Code::FailedPrecondition
}
var_dump(count($client->jobs()->list()["rows"]));

$env->cli('flows', 'enable', 'paused-flow');
var_dump($client->jobs()->submit('paused-flow', [$path]) > 0);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
bool(false)
Relais\ConflictException: flow 'paused-flow' is disabled
bool(true)
int(0)
bool(true)
