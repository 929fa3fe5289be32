--TEST--
A configuration file that does not exist: Relais\Exception naming the file, whether it was given or set in relais.config
--INI--
relais.config={PWD}/fixtures/missing-from-ini.ini
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
        echo get_class($e), ': ', str_replace(__DIR__, 'DIR', $e->getMessage()), "\n";
    }
}

$missing = sys_get_temp_dir() . '/relais-phpt-no-such-dir/relais.ini';
attempt(fn () => new Relais\Client($missing));
// Without an argument: the relais.config ini setting wins over RELAIS_CONFIG.
putenv('RELAIS_CONFIG=/should/not/be/used.ini');
attempt(fn () => new Relais\Client());
attempt(fn () => new Relais\Client(null));

attempt(fn () => new Relais\Client(''));
attempt(fn () => new Relais\Client("bad\0path"));
// No Client exists without its constructor having succeeded.
attempt(fn () => (new ReflectionClass('Relais\Client'))->newInstanceWithoutConstructor());
?>
--EXPECTF--
Relais\Exception: cannot read config file %s/relais-phpt-no-such-dir/relais.ini%A
Relais\Exception: cannot read config file DIR/fixtures/missing-from-ini.ini%A
Relais\Exception: cannot read config file DIR/fixtures/missing-from-ini.ini%A
ValueError: Relais\Client::__construct(): Argument #1 ($configFile) must not be empty (pass null to use the default configuration file)
ValueError: Relais\Client::__construct(): Argument #1 ($configFile) must not contain any null bytes
ReflectionException: Class Relais\Client is an internal class marked as final that cannot be instantiated without invoking its constructor
