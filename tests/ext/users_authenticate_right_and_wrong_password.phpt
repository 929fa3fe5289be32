--TEST--
Authenticating: the right password gives login, role and language, a wrong one or an unknown login null; the core's bcrypt hashes and PHP's password_hash() verify each other
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->addUser('alice', 'correct horse battery staple');
$env->addUser('bob', 'b0b-Pässwörd', 'viewer');
$users = $env->client()->users();

var_dump($users->authenticate('alice', 'correct horse battery staple'));
var_dump($users->authenticate('bob', 'b0b-Pässwörd'));
var_dump($users->authenticate('alice', 'correct horse battery stapler'));
var_dump($users->authenticate('alice', ''));
var_dump($users->authenticate('nobody', 'correct horse battery staple'));
var_dump($users->authenticate('alice', "correct horse battery staple\0tail"));

// The hash the core wrote is PHP's format: password_verify() accepts it.
$hash = trim($env->sql("SELECT password_hash FROM app_user WHERE login = 'alice'"));
echo substr($hash, 0, 7), "\n";
var_dump(password_verify('correct horse battery staple', $hash));
var_dump(password_verify('wrong', $hash));
var_dump(password_get_info($hash)['algoName']);

// And the other way: a hash made by PHP's password_hash() verifies in the core.
$php = password_hash('made-by-php', PASSWORD_BCRYPT);
$env->sql("UPDATE app_user SET password_hash = '$php' WHERE login = 'bob'");
var_dump($users->authenticate('bob', 'made-by-php'));
var_dump($users->authenticate('bob', 'b0b-Pässwörd'));

// A password never appears in a stack trace.
ini_set('zend.exception_ignore_args', '0');
try {
    (function () use ($users) { $users->authenticate('alice', 'secret-in-trace', 'extra'); })();
} catch (ArgumentCountError $e) {
    echo str_contains($e->getTraceAsString(), 'secret-in-trace') ? "PASSWORD IN TRACE\n" : "password hidden\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
array(3) {
  ["login"]=>
  string(5) "alice"
  ["role"]=>
  string(5) "admin"
  ["language"]=>
  string(2) "fr"
}
array(3) {
  ["login"]=>
  string(3) "bob"
  ["role"]=>
  string(6) "viewer"
  ["language"]=>
  string(2) "fr"
}
NULL
NULL
NULL
NULL
$2y$10$
bool(true)
bool(false)
string(6) "bcrypt"
array(3) {
  ["login"]=>
  string(3) "bob"
  ["role"]=>
  string(6) "viewer"
  ["language"]=>
  string(2) "fr"
}
NULL
password hidden
