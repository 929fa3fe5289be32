--TEST--
Without an argument or relais.config, the Client reads the file named by RELAIS_CONFIG (and says which in configFile())
--INI--
relais.config=
--ENV--
RELAIS_CONFIG={PWD}/fixtures/missing-from-env.ini
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(false); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
try {
    new Relais\Client();
    echo "no exception\n";
} catch (Relais\Exception $e) {
    echo get_class($e), ': ', str_replace(__DIR__, 'DIR', $e->getMessage()), "\n";
}

if ((string)getenv('RELAIS_TEST_ADMIN_DSN') !== '' && is_executable(relais_test_cli())) {
    $env = relais_test_env(__FILE__);
    putenv('RELAIS_CONFIG=' . $env->ini);
    var_dump((new Relais\Client())->configFile() === $env->ini);
} else {
    var_dump(true);  // the part that needs a database is skipped
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
Relais\Exception: cannot read config file DIR/fixtures/missing-from-env.ini%A
bool(true)
