--TEST--
A configuration file that does not exist: Relais\Exception naming the file, whether it was given, set in relais.config or in RELAIS_CONFIG
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(false); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';

function attempt(callable $f): void
{
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$missing = sys_get_temp_dir() . '/relais-phpt-no-such-dir/relais.ini';
attempt(fn () => new Relais\Client($missing));

ini_set('relais.config', $missing . '.from-ini');
attempt(fn () => new Relais\Client());
attempt(fn () => new Relais\Client(null));

ini_set('relais.config', '');
putenv('RELAIS_CONFIG=' . $missing . '.from-env');
attempt(fn () => new Relais\Client());

attempt(fn () => new Relais\Client(''));
attempt(fn () => new Relais\Client("bad\0path"));

// No Client exists without its constructor having succeeded.
attempt(fn () => (new ReflectionClass('Relais\Client'))->newInstanceWithoutConstructor());
?>
--EXPECTF--
Relais\Exception: cannot read config file %s/relais-phpt-no-such-dir/relais.ini%A
Relais\Exception: cannot read config file %s/relais-phpt-no-such-dir/relais.ini.from-ini%A
Relais\Exception: cannot read config file %s/relais-phpt-no-such-dir/relais.ini.from-ini%A
Relais\Exception: cannot read config file %s/relais-phpt-no-such-dir/relais.ini.from-env%A
ValueError: Relais\Client::__construct(): Argument #1 ($configFile) must not be empty (pass null to use the default configuration file)
ValueError: Relais\Client::__construct(): Argument #1 ($configFile) must not contain any null bytes
ReflectionException: Class Relais\Client is an internal class marked as final that cannot be instantiated without invoking its constructor
