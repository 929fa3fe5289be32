--TEST--
Jobs, Flows and Users keep their Client (and its connection) alive after the Client variable is gone, and can only be had from a Client
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('keep');

function services(string $ini): array
{
    $client = new Relais\Client($ini);
    return [$client->jobs(), $client->flows(), $client->users()];
}
[$jobs, $flows, $users] = services($env->ini);
gc_collect_cycles();
var_dump($jobs->submit('keep') > 0);
var_dump(count($flows->list()));
var_dump($users->authenticate('nobody', 'x'));
unset($jobs, $flows);
var_dump($users->authenticate('nobody', 'y'));

$client = $env->client();
var_dump($client->jobs() !== $client->jobs());  // a fresh view each time, same connection

foreach (['Relais\Jobs', 'Relais\Flows', 'Relais\Users'] as $class) {
    try {
        new $class();
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
    try {
        (new ReflectionClass($class))->newInstanceWithoutConstructor();
    } catch (ReflectionException $e) {
        echo get_class($e), "\n";
    }
}
try {
    clone $client->jobs();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $client->__construct($env->ini);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    serialize($client->users());
} catch (Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $client->dynamic = 1;
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
bool(true)
int(1)
NULL
NULL
bool(true)
Error: Cannot directly construct Relais\Jobs, use Relais\Client::jobs()
ReflectionException
Error: Cannot directly construct Relais\Flows, use Relais\Client::flows()
ReflectionException
Error: Cannot directly construct Relais\Users, use Relais\Client::users()
ReflectionException
Error: Trying to clone an uncloneable object of class Relais\Jobs
Error: Relais\Client::__construct() cannot be called twice
Exception: Serialization of 'Relais\Users' is not allowed
Error: Cannot create dynamic property Relais\Client::$dynamic
