--TEST--
Submitting a parameter that is not a string is a TypeError naming the parameter; other malformed arguments are TypeError/ValueError; nothing is written
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('typed');
$path = $env->file('a.txt', "x\n");
$jobs = $env->client()->jobs();

$cases = [
    fn () => $jobs->submit('typed', [$path], ['retries' => 3]),
    fn () => $jobs->submit('typed', [$path], ['ok' => 'yes', 'flag' => true]),
    fn () => $jobs->submit('typed', [$path], ['nested' => ['a' => 'b']]),
    fn () => $jobs->submit('typed', [$path], ['none' => null]),
    fn () => $jobs->submit('typed', [$path], ['positional']),
    fn () => $jobs->submit('typed', [42]),
    fn () => $jobs->submit('typed', ['doc.txt' => null]),
    fn () => $jobs->submit('typed', ['']),
    fn () => $jobs->submit('typed', ["a\0b"]),
    fn () => $jobs->submit('typed', [$path], [], ['web:x']),
    fn () => $jobs->submit('typed', 'not-an-array'),
];
foreach ($cases as $case) {
    try {
        $case();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($jobs->list()["rows"], $env->storedFiles());

// Strings are fine, including numeric ones and empty values.
$id = $jobs->submit('typed', [$path], ['retries' => '3', 'empty' => '']);
var_dump($jobs->get($id)['params']);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
TypeError: Relais\Jobs::submit(): Argument #3 ($params) value of "retries" must be of type string, int given
TypeError: Relais\Jobs::submit(): Argument #3 ($params) value of "flag" must be of type string, bool given
TypeError: Relais\Jobs::submit(): Argument #3 ($params) value of "nested" must be of type string, array given
TypeError: Relais\Jobs::submit(): Argument #3 ($params) value of "none" must be of type string, null given
ValueError: Relais\Jobs::submit(): Argument #3 ($params) must map parameter names to values, got the integer key 0
TypeError: Relais\Jobs::submit(): Argument #2 ($files) must contain file paths (strings) or uploads (arrays), int given for key 0
TypeError: Relais\Jobs::submit(): Argument #2 ($files) must contain file paths (strings) or uploads (arrays), null given for key "doc.txt"
ValueError: Relais\Jobs::submit(): Argument #2 ($files) must contain file paths, the path for key 0 is empty
ValueError: Relais\Jobs::submit(): Argument #2 ($files) must contain file paths, the path for key 0 is a string with null bytes
TypeError: Relais\Jobs::submit(): Argument #4 ($submittedBy) must be of type ?string, array given
TypeError: Relais\Jobs::submit(): Argument #2 ($files) must be of type array, string given
array(0) {
}
array(0) {
}
array(2) {
  ["empty"]=>
  string(0) ""
  ["retries"]=>
  string(1) "3"
}
